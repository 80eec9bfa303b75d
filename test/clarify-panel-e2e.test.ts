/**
 * "Ask me first" (issue 74) in the real panel (dist/) against the OpenAI-wire test server on 127.0.0.1 (every body
 * validated against the OpenAPI spec): off by default; on, Send first asks the model's questions, shown with their
 * defaults preselected; the user changes one and generates, and the answers reach the code request as its decisions;
 * Cancel at the questions stops the run with no code request sent; questions that cannot be read are said and the
 * generation goes on. Screenshots at the panel's default size in test-artifacts/clarify/.
 */
import { join } from "node:path";
import type { Frame, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { panelScreenshot, ROOT, withPluginPage } from "./harness/plugin-page.js";
import { responsesJson, responsesStream, type OpenAiTestServer } from "./openai-server/server.js";
import { serverOrigin, useModelE2e } from "./helpers/e2e.js";
import { runBrowser } from "./helpers/browser.js";

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
const isClarify = (body: unknown): boolean =>
  (body as { text?: { format?: { name?: string } } }).text?.format?.name === "figment_questions";

/** Generate with AI with "Ask me first" on, then Send on the estimate. */
async function askFirst(ui: Frame): Promise<void> {
  const toggle = ui.getByRole("checkbox", { name: "Ask me first" });
  if (!(await toggle.isChecked())) await toggle.check();
  await ui.getByRole("button", { name: "Generate with AI" }).click();
  const confirm = ui.locator(".ai-confirm");
  await confirm.waitFor({ timeout: 60_000 });
  await confirm.getByRole("button", { name: "Send" }).click();
}

describe.runIf(runBrowser)("Ask me first in the Code panel", { timeout: 180_000 }, () => {
  const { browser, startServer } = useModelE2e();

  it("shows the questions with defaults, sends the answers as decisions; Cancel works at the questions", async () => {
    const server = await startServer();
    server.push(
      responsesJson(JSON.stringify(QUESTIONS)),
      responsesStream([CODE], { id: "resp_code" }),
      responsesJson(JSON.stringify(QUESTIONS)),
    );
    await withPluginPage(
      browser,
      {
        fixture: "figmasharp-login.file.json",
        select: ["101:3"],
        storage: storage(server),
        allowOrigins: [serverOrigin(server)],
      },
      async ({ page, ui }) => {
        // Off by default.
        const toggle = ui.getByRole("checkbox", { name: "Ask me first" });
        await toggle.waitFor();
        expect(await toggle.isChecked()).toBe(false);
        await askFirst(ui);
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
      },
    );
  });

  it("says why unreadable questions are not asked and generates without them", async () => {
    const server = await startServer();
    server.push(
      responsesJson(JSON.stringify({ questions: [{ ...QUESTIONS.questions[0], default: "a tab" }] })),
      // Held before its first word: the reason stays where the model's notes will show until they come.
      responsesStream([CODE], { id: "resp_code", pauseAfterChunks: 0 }),
    );
    await withPluginPage(
      browser,
      {
        fixture: "figmasharp-login.file.json",
        select: ["101:3"],
        storage: storage(server),
        allowOrigins: [serverOrigin(server)],
      },
      async ({ page, ui }) => {
        await askFirst(ui);
        await ui
          .locator(".ai-stream__notes", { hasText: "its default “a tab” is not one of its options" })
          .waitFor({ timeout: 60_000 });
        await shot(page, "5-unreadable-questions");
        server.resume();
        await ui.locator(".ai-results .results").waitFor({ timeout: 60_000 });
        expect(server.requests[1]!.rawBody).not.toContain("Decisions:");
      },
    );
  });
});
