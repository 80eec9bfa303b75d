/**
 * "Ask me first" (issue 74) in the real panel (dist/) against the OpenAI-wire test server on 127.0.0.1 (every body
 * validated against the OpenAPI spec): off by default; on, the estimate card counts the questions' request (its own
 * line, in the total: within 5 % of what the server receives) and Send first asks the model's questions, shown with
 * their defaults preselected; the user changes one and generates, and the answers reach the code request as its
 * decisions; Cancel at the questions stops the run with no code request sent; questions that cannot be read are said
 * and the generation goes on. Screenshots at the panel's default size in test-artifacts/clarify/.
 */
import { join } from "node:path";
import type { Browser, Frame, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { loadTokenizer } from "../ai/estimate/estimate.js";
import { panelScreenshot, ROOT, withPluginPage } from "./harness/plugin-page.js";
import { responsesJson, responsesStream, type OpenAiTestServer } from "./openai-server/server.js";
import { serverOrigin, useModelE2e } from "./helpers/e2e.js";
import { runBrowser } from "./helpers/browser.js";
import { cardClarify, cardTotal, estimateCard, isClarify, sentTokens, within5 } from "./helpers/model-bodies.js";

const ARTIFACTS = join(ROOT, "test-artifacts", "clarify");
const shot = (page: Page, name: string): Promise<void> => panelScreenshot(page, ARTIFACTS, name);

const QUESTIONS = {
  questions: [
    {
      id: "q1",
      question: "Is “Forgot password?” a link or a button?",
      options: ["a link", "a button"],
      default: "a button",
      nodes: ["101:3"],
    },
    { id: "q2", question: "Where does “Log in” send the form?", options: [], default: "nowhere yet", nodes: [] },
  ],
};
const CODE = JSON.stringify({
  notes: "A login screen.",
  files: [{ path: "src/App.tsx", content: "export default function App() {\n  return <main>Log in</main>;\n}\n" }],
});

const storage = (server: OpenAiTestServer) => ({
  "figment.settings": {
    provider: "openai",
    baseUrl: server.url.replace(/\/+$/, ""),
    model: "gpt-5.4-image-2",
    target: "react",
    styling: "css-modules",
  },
  "figment.apiKey": "sk-test-clarify-5678",
});

/** Generate with AI with "Ask me first" on, then Send on the estimate; the estimate card's text. */
async function askFirst(ui: Frame, shown?: () => Promise<void>): Promise<string> {
  const toggle = ui.getByRole("checkbox", { name: "Ask me first" });
  if (!(await toggle.isChecked())) await toggle.check();
  const card = await estimateCard(ui);
  await shown?.();
  await ui.locator(".ai-confirm").getByRole("button", { name: "Send" }).click();
  return card;
}

/** The login frame in the panel, reaching `server`. */
function withLogin(
  browser: Browser,
  server: OpenAiTestServer,
  run: (page: { page: Page; ui: Frame }) => Promise<void>,
): Promise<void> {
  const options = { fixture: "figmasharp-login.file.json", select: ["101:3"], storage: storage(server) };
  return withPluginPage(browser, { ...options, allowOrigins: [serverOrigin(server)] }, run);
}

beforeAll(loadTokenizer);

describe.runIf(runBrowser)("Ask me first in the Code panel", { timeout: 180_000 }, () => {
  const { browser, startServer } = useModelE2e();

  it("shows the questions with defaults, sends the answers as decisions; Cancel works at the questions", async () => {
    const server = await startServer();
    server.push(
      responsesJson(JSON.stringify(QUESTIONS)),
      responsesStream([CODE], { id: "resp_code" }),
      responsesJson(JSON.stringify(QUESTIONS)),
    );
    await withLogin(browser, server, async ({ page, ui }) => {
      // Off by default.
      const toggle = ui.getByRole("checkbox", { name: "Ask me first" });
      await toggle.waitFor();
      expect(await toggle.isChecked()).toBe(false);
      const card = await askFirst(ui, () => shot(page, "0-estimate"));
      // The questions' request is its own line, and in the total.
      const asked = cardClarify(card);
      expect(asked).toBeGreaterThan(0);
      expect(cardTotal(card)).toBeGreaterThan(asked);
      const form = ui.getByRole("form", { name: "The model's questions" });
      await form.waitFor({ timeout: 60_000 });
      expect(server.requests.map((r) => isClarify(r.body))).toEqual([true]);
      expect(server.requests[0]!.schemaErrors).toEqual([]);
      // The defaults are preselected: the option, and the free text's box.
      expect(await form.getByRole("radio", { name: "a button (default)" }).isChecked()).toBe(true);
      expect(await form.getByRole("textbox", { name: "Where does “Log in” send the form?" }).inputValue()).toBe(
        "nowhere yet",
      );
      await shot(page, "1-questions");
      await form.getByRole("radio", { name: "a link" }).check();
      await form.getByRole("textbox").fill("/api/login");
      await shot(page, "2-answered");
      await form.getByRole("button", { name: "Generate with these answers" }).click();
      await ui.locator(".ai-results .results").waitFor({ timeout: 60_000 });
      await shot(page, "3-result");
      const code = server.requests[1]!;
      expect(isClarify(code.body)).toBe(false);
      expect(code.schemaErrors).toEqual([]);
      expect(code.rawBody).toContain("Is “Forgot password?” a link or a button? → a link (layers 101:3)");
      expect(code.rawBody).toContain("Where does “Log in” send the form? → /api/login");
      // What was sent, as the card estimated it: the questions' request, and both requests together.
      const clarify = server.requests[0]!;
      expect(within5(sentTokens(clarify), asked)).toBe(true);
      expect(within5(sentTokens(clarify) + sentTokens(code), cardTotal(card))).toBe(true);

      // Again: Cancel at the questions stops the run; no code request goes.
      // The toggle stays on (the head is one row now, the options folded): Generate with AI asks again.
      await ui.locator(".panel__head").getByRole("button", { name: "Generate with AI" }).click();
      const again = ui.locator(".ai-confirm");
      await again.waitFor({ timeout: 60_000 });
      await again.getByRole("button", { name: "Send" }).click();
      await form.waitFor({ timeout: 60_000 });
      await ui.locator(".panel__head").getByRole("button", { name: "Cancel" }).click();
      await ui.locator(".notice", { hasText: "Cancelled" }).waitFor();
      await shot(page, "4-cancelled-at-questions");
      expect(server.requests.map((r) => isClarify(r.body))).toEqual([true, false, true]);
    });
  });

  it("says why unreadable questions are not asked and generates without them", async () => {
    const server = await startServer();
    server.push(
      responsesJson(JSON.stringify({ questions: [{ ...QUESTIONS.questions[0], default: "a tab" }] })),
      // Held before its first word: the reason stays where the model's notes will show until they come.
      responsesStream([CODE], { id: "resp_code", pauseAfterChunks: 0 }),
    );
    await withLogin(browser, server, async ({ page, ui }) => {
      await askFirst(ui);
      await ui
        .locator(".ai-stream__notes", { hasText: "its default “a tab” is not one of its options" })
        .waitFor({ timeout: 60_000 });
      await shot(page, "5-unreadable-questions");
      server.resume();
      await ui.locator(".ai-results .results").waitFor({ timeout: 60_000 });
      expect(server.requests[1]!.rawBody).not.toContain("Decisions:");
    });
  });
});
