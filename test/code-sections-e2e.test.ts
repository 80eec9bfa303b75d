/**
 * Issue 74 in the Code panel, end to end in headless Chromium: the built dist/ in the harness, the engine worker
 * calling the OpenAI-wire test server on 127.0.0.1. A tall real page (flora's "Home • Desktop", 1440 × 5594, the page
 * the sections bench and the CLI's test use) goes section by section: the setting, the estimate listing each request
 * (its tokens equal to what the server receives, within 5 %), the progress per section, the assembled page shown as a
 * model result; a cancel mid-way keeps the sections answered by then as a history entry the user opens. With "Ask me
 * first", the card counts the questions' request on a line of its own and in the total (the requests received add up to
 * it within 5 %); Refine then sends the whole page in a new request (its files, its picture, the instructions; no
 * section's previous_response_id), estimated first within 5 % of what is sent, and the answer's files replace the
 * page's, the others kept.
 */
import { join } from "node:path";
import type { Frame } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { loadTokenizer } from "../ai/estimate/estimate.js";
import { panelScreenshot, ROOT, withPluginPage } from "./harness/plugin-page.js";
import { responsesJson, responsesStream, type RecordedRequest, type ScriptedReply } from "./openai-server/server.js";
import { instructionsOf } from "./openai-server/request-content.js";
import { serverOrigin, useModelE2e } from "./helpers/e2e.js";
import { runBrowser } from "./helpers/browser.js";
import {
  cardClarify,
  cardTotal,
  estimateCard,
  isClarify,
  responses,
  sentTokens,
  within5,
} from "./helpers/model-bodies.js";

const ARTIFACTS = join(ROOT, "test-artifacts", "code-sections");
const FLORA = "../real/flora.file.json";
const HOME = "8203:59903";
const KEY = "sk-test-sections-5e6f";

const componentOf = (req: RecordedRequest): string => /src\/sections\/(\w+)\.tsx/.exec(instructionsOf(req))![1]!;

/** A section's answer: its component and CSS module, as the section rule asks. */
function sectionAnswer(component: string): string {
  const files = [
    {
      path: `src/sections/${component}.tsx`,
      content:
        `import styles from "./${component}.module.css";\n\n` +
        `export function ${component}() {\n` +
        `  return (\n    <section className={styles.root}>\n      <h2>${component}</h2>\n    </section>\n  );\n}\n`,
    },
    { path: `src/sections/${component}.module.css`, content: ".root {\n  display: flex;\n}\n" },
  ];
  return JSON.stringify({ notes: `${component} drawn.`, files });
}

/** The card's lines "2. Features (y 900–1,800): ≈ 2,345 tokens, 2 pictures", as component → tokens. */
function cardSections(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of text.matchAll(/\d+\. (\w+) \(y [\d,]+–[\d,]+\): ≈ ([\d,]+) tokens/g))
    out.set(m[1]!, Number(m[2]!.replace(/,/g, "")));
  return out;
}

/** A refinement's answer: only `component`'s files, its heading red (the page's other files left out: they stay). */
function redAnswer(component: string): string {
  const files = [
    {
      path: `src/sections/${component}.tsx`,
      content:
        `import styles from "./${component}.module.css";\n\n` +
        `export function ${component}() {\n  return (\n    <section className={styles.root}>\n` +
        `      <h2 className={styles.red}>${component}</h2>\n    </section>\n  );\n}\n`,
    },
    {
      path: `src/sections/${component}.module.css`,
      content: ".root {\n  display: flex;\n}\n\n.red {\n  color: red;\n}\n",
    },
  ];
  return JSON.stringify({ notes: "Made the heading red.", files });
}

/** The result's file names, as the tree shows them. */
async function fileNames(ui: Frame): Promise<string[]> {
  return (await ui.locator(".tree__row:not(.tree__row--folder) .tree__name").allTextContents()).map((t) => t.trim());
}

/** The result's file `name`, opened in the code view: its text. */
async function fileText(ui: Frame, name: string): Promise<string> {
  const named = ui.locator(".tree__name", { hasText: new RegExp(`^\\s*${name.replace(/\./g, "\\.")}\\s*$`) });
  await ui.locator(".tree__row").filter({ has: named }).first().click();
  return (await ui.locator(".ai-results .code-view, .ai-results pre").first().textContent()) ?? "";
}

const QUESTION = {
  questions: [
    { id: "q1", question: "Is “Shop now” a link?", options: ["a link", "a button"], default: "a link", nodes: [] },
  ],
};

const settings = (url: string, codeSections = true) => ({
  provider: "openai",
  baseUrl: url.replace(/\/+$/, ""),
  model: "gpt-5.4-image-2",
  target: "react",
  styling: "css-modules",
  codeSections,
});

beforeAll(loadTokenizer);

describe.runIf(runBrowser)("the Code panel splits a tall page into sections", { timeout: 300_000 }, () => {
  const { browser, startServer } = useModelE2e();

  it("estimates each request, sends them with progress per section, and shows the assembled page", async () => {
    // Every section streams up to its last chunk and waits there until the test has seen the progress.
    const server = await startServer((req): ScriptedReply => {
      const text = sectionAnswer(componentOf(req));
      const half = Math.ceil(text.length / 2);
      return responsesStream([text.slice(0, half), text.slice(half)], { pauseAfterChunks: 1 });
    });
    const storage = { "figment.settings": settings(server.url), "figment.apiKey": KEY };
    await withPluginPage(
      browser,
      { fixture: FLORA, select: [HOME], storage, allowOrigins: [serverOrigin(server)] },
      async ({ page, ui }) => {
        const setting = ui.getByRole("checkbox", { name: "Split large frames into sections" });
        expect(await setting.isChecked()).toBe(true);
        await panelScreenshot(page, ARTIFACTS, "1-setting");

        const card = await estimateCard(ui);
        const planned = cardSections(card);
        expect(card).toMatch(/Split into \d+ requests, 3 at a time/);
        expect(planned.size).toBeGreaterThanOrEqual(3);
        const total = cardTotal(card);
        expect(total).toBe([...planned.values()].reduce((a, b) => a + b, 0));
        expect(card).toMatch(/≈ \$\d/);
        expect(responses(server.requests)).toHaveLength(0); // nothing is sent before Send
        await panelScreenshot(page, ARTIFACTS, "2-estimate");
        await ui.locator(".ai-confirm").getByRole("button", { name: "Send" }).click();

        // Three at a time: three sections are being written, the others wait.
        await ui.locator(".ai-stream__sections li", { hasText: "the model is writing" }).nth(2).waitFor();
        expect(await ui.locator(".ai-stream__sections li", { hasText: "waiting" }).count()).toBe(planned.size - 3);
        expect(await ui.locator(".ai-stream__sections li").first().textContent()).toMatch(
          new RegExp(`^Section 1 of ${planned.size}: `),
        );
        await panelScreenshot(page, ARTIFACTS, "3-progress");
        server.resume();
        await ui.locator(".ai-results .results").waitFor({ timeout: 120_000 });
        await panelScreenshot(page, ARTIFACTS, "4-result");

        const sent = responses(server.requests);
        expect(sent.map(componentOf).sort()).toEqual([...planned.keys()].sort());
        for (const req of sent) {
          expect(req.schemaErrors).toEqual([]);
          expect(within5(sentTokens(req), planned.get(componentOf(req))!)).toBe(true);
        }
        // The assembled page: App renders every section, in drawn order, each section's files beside it.
        const names = await fileNames(ui);
        expect(names).toEqual(expect.arrayContaining(["App.tsx", ...[...planned.keys()].map((c) => `${c}.tsx`)]));
        const app = await fileText(ui, "App.tsx");
        const order = [...planned.keys()].map((c) => app.indexOf(`<${c} />`));
        expect(order.every((at) => at >= 0)).toBe(true);
        expect([...order].sort((a, b) => a - b)).toEqual(order);
        expect(await ui.locator(".turn-summary__notes").textContent()).toContain("drawn.");
      },
    );
  });

  it("a cancel mid-way keeps the answered sections in History, none half-written", async () => {
    let first: string | undefined;
    const server = await startServer((req): ScriptedReply => {
      const component = componentOf(req);
      first ??= component;
      // The first section answers; the others stream a piece and wait (never let go).
      const text = sectionAnswer(component);
      return component === first
        ? responsesStream([text])
        : responsesStream([text.slice(0, 40), text.slice(40)], { pauseAfterChunks: 1 });
    });
    const storage = { "figment.settings": settings(server.url), "figment.apiKey": KEY };
    await withPluginPage(
      browser,
      { fixture: FLORA, select: [HOME], storage, allowOrigins: [serverOrigin(server)] },
      async ({ page, ui }) => {
        await estimateCard(ui);
        await ui.locator(".ai-confirm").getByRole("button", { name: "Send" }).click();
        await ui.locator(".ai-stream__sections li", { hasText: "answered" }).waitFor({ timeout: 120_000 });
        await ui.locator(".ai-stream__sections li", { hasText: "the model is writing" }).nth(1).waitFor();
        await ui.getByRole("button", { name: "Cancel", exact: true }).click();
        const kept = ui.locator(".ai-kept");
        await kept.waitFor();
        expect(await kept.textContent()).toBe(
          `Sections answered by then, kept in History: ${first}. None was half-written.`,
        );
        await panelScreenshot(page, ARTIFACTS, "5-cancelled");

        // The entry: the answered section and the page that renders it, nothing of the sections cut off.
        await ui.locator("nav").getByRole("button", { name: "History" }).click();
        const row = ui.locator('.history-row[data-kind="code"]');
        await row.waitFor({ timeout: 30_000 });
        await panelScreenshot(page, ARTIFACTS, "6-history");
        await row.getByRole("button", { name: "Open in Code panel" }).click();
        await ui.locator(".saved-note").waitFor();
        const names = await fileNames(ui);
        expect(names).toEqual(expect.arrayContaining(["App.tsx", `${first}.tsx`, `${first}.module.css`]));
        expect(names.filter((n) => n.endsWith(".tsx") && n !== "App.tsx" && n !== `${first}.tsx`)).toEqual([]);
        await panelScreenshot(page, ARTIFACTS, "7-kept-entry");
      },
    );
  });

  it("counts Ask me first's request on the card; Refine sends the whole page and replaces its files", async () => {
    let refined: string | undefined;
    const server = await startServer((req): ScriptedReply => {
      if (isClarify(req.body)) return responsesJson(JSON.stringify(QUESTION));
      if (!req.rawBody.includes("<page_files>")) return responsesStream([sectionAnswer(componentOf(req))]);
      // The refinement: the first section's files changed, the others left out of the answer.
      refined = /src\/sections\/(\w+)\.tsx/.exec(req.rawBody)![1]!;
      return responsesStream([redAnswer(refined)], { id: "resp_page" });
    });
    const storage = { "figment.settings": settings(server.url), "figment.apiKey": KEY };
    await withPluginPage(
      browser,
      { fixture: FLORA, select: [HOME], storage, allowOrigins: [serverOrigin(server)] },
      async ({ page, ui }) => {
        await ui.getByRole("checkbox", { name: "Ask me first" }).check();
        const card = await estimateCard(ui);
        const planned = cardSections(card);
        const asked = cardClarify(card);
        expect(cardTotal(card)).toBe(asked + [...planned.values()].reduce((a, b) => a + b, 0));
        await panelScreenshot(page, ARTIFACTS, "8-estimate-ask-first");
        await ui.locator(".ai-confirm").getByRole("button", { name: "Send" }).click();
        const form = ui.getByRole("form", { name: "The model's questions" });
        await form.waitFor({ timeout: 120_000 });
        await form.getByRole("button", { name: "Generate with these answers" }).click();
        await ui.locator(".ai-results .results").waitFor({ timeout: 120_000 });
        // Sent as estimated: the questions' request on its line, all the requests together in the total.
        const sent = responses(server.requests);
        expect(sent.filter((r) => isClarify(r.body))).toHaveLength(1);
        expect(sent).toHaveLength(planned.size + 1);
        expect(within5(sentTokens(sent.find((r) => isClarify(r.body))!), asked)).toBe(true);
        expect(
          within5(
            sent.reduce((sum, r) => sum + sentTokens(r), 0),
            cardTotal(card),
          ),
        ).toBe(true);

        // Refine: the whole page in a new request, estimated first.
        await ui.getByRole("textbox", { name: "Refine" }).fill("Make the first section's heading red.");
        await ui.locator(".refine").getByRole("button", { name: "Refine" }).click();
        const again = ui.locator(".ai-confirm");
        await again.waitFor({ timeout: 60_000 });
        const refineCard = (await again.textContent()) ?? "";
        expect(refineCard).toContain("The whole page goes in one new request");
        await panelScreenshot(page, ARTIFACTS, "9-refine-estimate");
        expect(responses(server.requests)).toHaveLength(sent.length);
        await again.getByRole("button", { name: "Send" }).click();
        await ui.locator(".turn-summary__notes", { hasText: "Made the heading red." }).waitFor({ timeout: 120_000 });
        const whole = responses(server.requests).at(-1)!;
        expect(whole.schemaErrors).toEqual([]);
        expect((whole.body as { previous_response_id?: string }).previous_response_id).toBeUndefined();
        for (const c of planned.keys()) expect(whole.rawBody).toContain(`--- file: src/sections/${c}.tsx`);
        expect(whole.rawBody).toContain("--- file: src/App.tsx");
        expect(whole.rawBody).toContain("Make the first section's heading red.");
        expect(within5(sentTokens(whole), cardTotal(refineCard))).toBe(true);
        // The page's files with the answer's: the answered section changed, every other file as it was.
        expect(await fileNames(ui)).toEqual(
          expect.arrayContaining(["App.tsx", ...[...planned.keys()].map((c) => `${c}.tsx`)]),
        );
        const other = [...planned.keys()].find((c) => c !== refined)!;
        expect(await fileText(ui, `${other}.tsx`)).toContain(`<h2>${other}</h2>`);
        expect(await fileText(ui, `${refined}.tsx`)).toContain("styles.red");
        await panelScreenshot(page, ARTIFACTS, "10-refined");
      },
    );
  });

  it("with the setting off the page goes in one request, as before", async () => {
    const server = await startServer(() => responsesStream([sectionAnswer("Unused")]));
    const storage = { "figment.settings": settings(server.url, false), "figment.apiKey": KEY };
    await withPluginPage(
      browser,
      { fixture: FLORA, select: [HOME], storage, allowOrigins: [serverOrigin(server)] },
      async ({ ui }) => {
        const card = await estimateCard(ui);
        expect(card).not.toContain("Split into");
        expect(card).toMatch(/≈ [\d,]+ input tokens \([\d,]+ for the image\)/);
      },
    );
  });
});
