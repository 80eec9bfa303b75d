/**
 * Issue 74 in the Code panel, end to end in headless Chromium: the built dist/ in the harness, the engine worker
 * calling the OpenAI-wire test server on 127.0.0.1. A tall real page (flora's "Home • Desktop", 1440 × 5594, the page
 * the sections bench and the CLI's test use) goes section by section: the setting, the estimate listing each request
 * (its tokens equal to what the server receives, within 5 %), the progress per section, the assembled page shown as a
 * model result; a cancel mid-way keeps the sections answered by then as a history entry the user opens.
 */
import { join } from "node:path";
import type { Frame } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { countTextTokens, imageTokens, loadTokenizer, pngSize } from "../ai/estimate/estimate.js";
import { base64ToBytes } from "../kernel/base64.js";
import { panelScreenshot, ROOT, withPluginPage } from "./harness/plugin-page.js";
import { responsesStream, type RecordedRequest, type ScriptedReply } from "./openai-server/server.js";
import { contentOf, instructionsOf } from "./openai-server/request-content.js";
import { serverOrigin, useModelE2e } from "./helpers/e2e.js";
import { runBrowser } from "./helpers/browser.js";

const ARTIFACTS = join(ROOT, "test-artifacts", "code-sections");
const FLORA = "../real/flora.file.json";
const HOME = "8203:59903";
const KEY = "sk-test-sections-5e6f";

const componentOf = (req: RecordedRequest): string => /src\/sections\/(\w+)\.tsx/.exec(instructionsOf(req))![1]!;
const responses = (requests: readonly RecordedRequest[]): RecordedRequest[] =>
  requests.filter((r) => r.path.endsWith("/responses"));

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

/** What a request carries, in the estimate's own count: its texts (4 tokens each message) and pictures. */
function sentTokens(req: RecordedRequest): number {
  const schema = JSON.stringify((req.body as { text: { format: { schema: unknown } } }).text.format.schema);
  const texts = contentOf(req).filter((c) => c.type === "input_text");
  const images = contentOf(req).filter((c) => c.type === "input_image");
  return (
    countTextTokens(instructionsOf(req)) +
    4 +
    countTextTokens(schema) +
    4 +
    texts.reduce((sum, c) => sum + countTextTokens(c.text!) + 4, 0) +
    images.reduce((sum, c) => {
      const size = pngSize(base64ToBytes(c.image_url!.split(",")[1]!))!;
      return sum + imageTokens(size.width, size.height, "high");
    }, 0)
  );
}

/** The card's lines "2. Features (y 900–1,800): ≈ 2,345 tokens, 2 pictures", as component → tokens. */
function cardSections(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of text.matchAll(/\d+\. (\w+) \(y [\d,]+–[\d,]+\): ≈ ([\d,]+) tokens/g))
    out.set(m[1]!, Number(m[2]!.replace(/,/g, "")));
  return out;
}

const settings = (url: string, codeSections = true) => ({
  provider: "openai",
  baseUrl: url.replace(/\/+$/, ""),
  model: "gpt-5.4-image-2",
  target: "react",
  styling: "css-modules",
  codeSections,
});

async function estimateCard(ui: Frame): Promise<string> {
  await ui.getByRole("button", { name: "Generate with AI" }).click();
  const confirm = ui.locator(".ai-confirm");
  await confirm.waitFor({ timeout: 120_000 });
  return (await confirm.textContent()) ?? "";
}

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
        const total = Number(/≈ ([\d,]+) input tokens/.exec(card)![1]!.replace(/,/g, ""));
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
          const estimated = planned.get(componentOf(req))!;
          expect(Math.abs(sentTokens(req) - estimated) / estimated).toBeLessThan(0.05);
        }
        // The assembled page: App renders every section, in drawn order, each section's files beside it.
        const names = (await ui.locator(".tree__row:not(.tree__row--folder) .tree__name").allTextContents()).map((t) =>
          t.trim(),
        );
        expect(names).toEqual(expect.arrayContaining(["App.tsx", ...[...planned.keys()].map((c) => `${c}.tsx`)]));
        await ui.locator(".tree__row", { hasText: "App.tsx" }).first().click();
        const app = (await ui.locator(".ai-results .code-view, .ai-results pre").first().textContent()) ?? "";
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
        const names = (await ui.locator(".tree__row:not(.tree__row--folder) .tree__name").allTextContents()).map((t) =>
          t.trim(),
        );
        expect(names).toEqual(expect.arrayContaining(["App.tsx", `${first}.tsx`, `${first}.module.css`]));
        expect(names.filter((n) => n.endsWith(".tsx") && n !== "App.tsx" && n !== `${first}.tsx`)).toEqual([]);
        await panelScreenshot(page, ARTIFACTS, "7-kept-entry");
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
