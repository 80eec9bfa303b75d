/**
 * "Fix differences" in the Code panel (issue 25), as a user meets it in the browser harness at Figma's default
 * 420×600 (real dist/code.js on the figma simulator, real dist/ui.html, the engine worker calling the OpenAI-wire
 * test server on 127.0.0.1; every request body validated against the OpenAPI spec).
 *
 * The model's answers are the real offline HTML of the Log-In page (figmasharp-login 101:3) with layers moved, as in
 * cli/code/verify.test.ts: the first answer has "Don’t have an account?" (101:6) 40 px lower (a move that takes a whole
 * per cent off the score, so the turn bar shows the rise); a worse fix moves the Log In button too; the corrected
 * answer is the code as the offline emitter wrote it. Fix differences shows the
 * round's estimate, then sends a refinement of the same conversation naming that layer with both boxes and carrying
 * two pictures (the page as the panel rendered it, the design's export); the worse answer is discarded with the
 * verdict shown and the files on show unchanged; the corrected one is kept as a new turn whose score is higher.
 * A 429 on the round shows its countdown and loses nothing; Cancel mid-round keeps the files on show.
 * Screenshots go to test-artifacts/score-panel/.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Frame, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { pngDataUrlSize } from "../ai/verify/estimate.js";
import { generateCode, loadDesign } from "../codegen/index.js";
import { panelScreenshot, ROOT, withPluginPage } from "./harness/plugin-page.js";
import { responsesStream, type OpenAiTestServer, type RecordedRequest } from "./openai-server/server.js";
import { splitInto } from "./openai-server/scripted.js";
import { runBrowser } from "./helpers/browser.js";
import { serverOrigin, useModelE2e } from "./helpers/e2e.js";
import { FIGMA_DIR } from "./helpers/fixtures.js";
import { answerJson, moved } from "./helpers/model-answers.js";

const ARTIFACTS = join(ROOT, "test-artifacts", "score-panel");
const LOGIN = { fixture: "figmasharp-login.file.json", frame: "101:3" };
const KEY = "sk-test-fix-5678";

const shot = (page: Page, name: string): Promise<void> => panelScreenshot(page, ARTIFACTS, name);

interface Answers {
  /** "Don’t have an account?" 40 px lower. */
  off: string;
  /** That text, and the Log In button 40 px to the right: worse than the first answer. */
  worse: string;
  /** The page as drawn. */
  correct: string;
}

async function answers(): Promise<Answers> {
  const design = loadDesign(JSON.parse(readFileSync(join(FIGMA_DIR, LOGIN.fixture), "utf8")) as unknown, [LOGIN.frame]);
  const code = (await generateCode(design.document, { target: "html", styling: "css-modules", nodeIds: true })).files;
  const off = moved(code, ".don-t-have", "bottom: -2px", "bottom: -42px");
  return {
    off: answerJson(off, "First try."),
    worse: answerJson(moved(off, ".group", "left: 65px", "left: 105px"), "Moved the button as well."),
    correct: answerJson(code, "The page as drawn."),
  };
}

const reply = (text: string, id: string, holdAfter?: number) =>
  responsesStream(splitInto(text, 8), { id, delayMs: 5, ...(holdAfter !== undefined ? { holdAfter } : {}) });

const settings = (server: OpenAiTestServer) => ({
  provider: "openai",
  baseUrl: server.url.replace(/\/+$/, ""),
  model: "gpt-5.4-image-2",
  target: "html",
  styling: "css-modules",
});

/** Every file of the result on show, as the Code view shows it (each line's text), by path. */
async function filesOnShow(ui: Frame): Promise<Record<string, string>> {
  const results = ui.locator(".ai-results");
  await results.getByRole("tab", { name: "Code", exact: true }).click();
  const rows = results.locator(".tree__row:not(.tree__row--folder)");
  const out: Record<string, string> = {};
  for (let i = 0; i < (await rows.count()); i++) {
    const row = rows.nth(i);
    const path = (await row.getAttribute("title")) ?? "";
    await row.click();
    const code = results.locator(".code");
    await expect.poll(() => code.getAttribute("aria-label")).toBe(`Code of ${path}`);
    out[path] = (await code.locator(".code__text").allTextContents()).join("\n");
  }
  return out;
}

/** The turn bar's tabs: "1. Answer 87 %", … */
const turnLabels = (ui: Frame): Promise<string[]> => ui.locator(".turn").allTextContents();
const turnScore = (ui: Frame, i: number) => ui.locator(".turn").nth(i).locator(".turn__score");
const percentOf = async (ui: Frame, i: number): Promise<number> =>
  Number.parseInt((await turnScore(ui, i).textContent()) ?? "", 10);

/** Generate with AI → Send: the first answer on show with its score. */
async function firstAnswer(ui: Frame): Promise<number> {
  await ui.getByRole("button", { name: "Generate with AI" }).click();
  await ui.locator(".ai-confirm").getByRole("button", { name: "Send" }).click();
  await expect.poll(async () => (await turnScore(ui, 0).textContent()) ?? "", { timeout: 120_000 }).toMatch(/^\d+ %$/);
  return percentOf(ui, 0);
}

/** Fix differences → its estimate card (nothing sent before Send; pictured as `shotName` when given) → Send. */
async function fixDifferences(
  ui: Frame,
  server: OpenAiTestServer,
  shotName?: { page: Page; name: string },
): Promise<string> {
  const before = server.requests.length;
  await ui.locator(".ai-results").getByRole("button", { name: "Fix differences" }).click();
  const card = ui.locator(".ai-confirm");
  await card.waitFor({ timeout: 60_000 });
  const text = (await card.textContent()) ?? "";
  expect(server.requests).toHaveLength(before);
  if (shotName) await shot(shotName.page, shotName.name);
  await card.getByRole("button", { name: "Send" }).click();
  return text;
}

type Part = { type: string; text?: string; image_url?: string };
/** The measurement's JSON lines in a round's text. */
const measurementLines = (text: string): Record<string, unknown>[] =>
  text
    .slice(text.indexOf("<measurement>\n"), text.lastIndexOf("</measurement>"))
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as Record<string, unknown>);

/**
 * A correction round's request: a refinement of `previous`, the layer 40 px lower named with both boxes, then the page
 * as rendered and the design.
 */
function expectRound(request: RecordedRequest, first: RecordedRequest, previous: string): void {
  expect(request.path).toBe("/v1/responses");
  expect(request.schemaErrors).toEqual([]);
  const body = request.body as { previous_response_id?: string; input: { content: Part[] }[] };
  expect(body.previous_response_id).toBe(previous);
  const parts = body.input[0]!.content;
  const layer = measurementLines(parts[0]!.text!).find((l) => l["id"] === "101:6") as
    | {
        layer: string;
        problem: string;
        design: { x: number; y: number };
        rendered: { x: number; y: number };
        off: string;
      }
    | undefined;
  expect(layer, parts[0]!.text).toBeDefined();
  expect(layer).toMatchObject({ layer: "Don’t have an account?", problem: "off", off: "40 px lower" });
  expect(layer!.rendered.y - layer!.design.y).toBe(40);
  expect(layer!.rendered.x).toBe(layer!.design.x);
  const images = parts.filter((p) => p.type === "input_image").map((p) => p.image_url!);
  expect(images).toHaveLength(2);
  // The page as the panel rendered it, at the design's size (375 × 667)…
  expect(images[0]).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
  expect(pngDataUrlSize(images[0]!)).toEqual({ width: 375, height: 667 });
  // …then the design: the PNG the first request carried (the frame's export).
  const design = JSON.stringify(first.body).match(/data:image\/png;base64,[A-Za-z0-9+/=]+/)?.[0];
  expect(design).toBeDefined();
  expect(images[1]).toBe(design);
}

// Each answer is streamed, checked, formatted, previewed and measured in the panel: minutes on a busy 2-core machine.
describe.runIf(runBrowser)("Fix differences in the Code panel", { timeout: 600_000 }, () => {
  const { browser, startServer } = useModelE2e();

  it(
    "a worse fix is discarded with its verdict and the files on show " +
      "stay; a better one is kept as a new turn whose score is higher",
    async () => {
      const a = await answers();
      const server = await startServer();
      server.push(reply(a.off, "resp_first"), reply(a.worse, "resp_worse"), reply(a.correct, "resp_fixed"));
      const storage = { "figment.settings": settings(server), "figment.apiKey": KEY };
      await withPluginPage(
        browser,
        { fixture: LOGIN.fixture, select: [LOGIN.frame], storage, allowOrigins: [serverOrigin(server)] },
        async ({ page, ui }) => {
          const first = await firstAnswer(ui);
          const results = ui.locator(".ai-results");
          expect(await results.locator(".score__summary").textContent()).toMatch(
            new RegExp(`^Matches the design ${first} % · `),
          );
          await shot(page, "1-result-with-score");
          // The differences, worst first: the layer 40 px off among them.
          await results.locator(".score__header").click();
          await results
            .locator(".score__row", { hasText: "Don’t have an account?" })
            .locator(".score__words", { hasText: "40 px lower" })
            .waitFor();
          await shot(page, "2-differences");
          await results.locator(".score__header").click();
          const shown = await filesOnShow(ui);
          expect(shown["styles.css"]).toContain("bottom: -42px");

          // A worse fix: measured, discarded; the verdict is shown, the files on show stay as they were.
          const card = await fixDifferences(ui, server, { page, name: "5-fix-estimate" });
          expect(card).toContain("Send turn 1's measured differences of “Log-In Page” to gpt-5.4-image-2 at 127.0.0.1");
          expect(card).toMatch(/Estimate: ≈ [\d,]+ input tokens \([\d,]+ for the pictures\) · ≈ [\d,]+ output · /);
          expect(card).toContain("the page as rendered beside the design");
          const verdict = results.locator(".fix-verdict");
          await verdict.waitFor({ timeout: 120_000 });
          expect(await verdict.textContent()).toMatch(
            /^Fix differences: the model's fix measured worse \(0\.\d+ vs 0\.\d+\): kept the earlier code$/,
          );
          expect(await turnLabels(ui)).toHaveLength(1);
          expect(await percentOf(ui, 0)).toBe(first);
          expect(await filesOnShow(ui)).toEqual(shown);
          expect(server.requests).toHaveLength(2);
          expectRound(server.requests[1]!, server.requests[0]!, "resp_first");
          await shot(page, "4-discarded-fix");

          // Fix again: the corrected answer is kept as turn 2, its score higher; the round built on the first answer
          // again (the discarded one is not part of the conversation).
          await fixDifferences(ui, server);
          await expect
            .poll(async () => (await turnScore(ui, 1).textContent()) ?? "", { timeout: 120_000 })
            .toMatch(/^\d+ %$/);
          const fixed = await percentOf(ui, 1);
          expect(fixed).toBeGreaterThan(first);
          expect((await turnLabels(ui))[1]).toBe(`2. Fix differences${fixed} %`);
          expect(await ui.locator(".turn").nth(1).getAttribute("aria-selected")).toBe("true");
          expect(await results.locator(".fix-verdict--kept").textContent()).toMatch(
            /^Fix differences: the model's fix measured better \(0\.\d+ vs 0\.\d+\): kept it$/,
          );
          expect(await results.locator(".score__summary").textContent()).toMatch(
            new RegExp(`^Matches the design ${fixed} % · `),
          );
          expect(server.requests).toHaveLength(3);
          expectRound(server.requests[2]!, server.requests[0]!, "resp_first");
          expect((await filesOnShow(ui))["styles.css"]).not.toContain("bottom: -42px");
          await shot(page, "3-kept-fix");

          // The turn that was fixed still shows its own files and the round it tried.
          await ui.locator(".turn").first().click();
          expect(await filesOnShow(ui)).toEqual(shown);
          expect(await results.locator(".fix-verdict").textContent()).toContain("measured worse");
        },
      );
    },
  );

  it(
    "a 429 on the round shows its countdown and loses nothing, Try again " +
      "sends the round again; Cancel mid-round keeps the files on show",
    async () => {
      const a = await answers();
      const server = await startServer();
      const held = reply(a.correct, "resp_held", 3);
      server.push(
        reply(a.off, "resp_first"),
        { kind: "error", status: 429, message: "Rate limit reached", headers: { "retry-after": "60" } },
        reply(a.correct, "resp_fixed"),
        held,
      );
      const storage = { "figment.settings": settings(server), "figment.apiKey": KEY };
      await withPluginPage(
        browser,
        { fixture: LOGIN.fixture, select: [LOGIN.frame], storage, allowOrigins: [serverOrigin(server)] },
        async ({ page, ui }) => {
          const first = await firstAnswer(ui);
          const shown = await filesOnShow(ui);
          const results = ui.locator(".ai-results");

          // The panel's clock is Playwright's (running at real speed): the test moves past the retry-after instead of
          // sleeping.
          await page.clock.install();
          await fixDifferences(ui, server);
          const limited = ui.locator('.ai-error[data-kind="rate-limited"]');
          await limited.waitFor({ timeout: 60_000 });
          expect(await limited.getByRole("button", { name: /Retry in \d+ s/ }).isDisabled()).toBe(true);
          expect(await turnLabels(ui)).toHaveLength(1);
          expect(await filesOnShow(ui)).toEqual(shown);
          await page.clock.fastForward("01:01");
          await limited.getByRole("button", { name: "Try again" }).click();
          await expect
            .poll(async () => (await turnScore(ui, 1).textContent()) ?? "", { timeout: 120_000 })
            .toMatch(/^\d+ %$/);
          expect(await percentOf(ui, 1)).toBeGreaterThan(first);
          expect(server.requests).toHaveLength(3);
          expectRound(server.requests[2]!, server.requests[0]!, "resp_first");

          // Back on turn 1, Fix again; Cancel while the round streams: nothing changes but the notice.
          await ui.locator(".turn").first().click();
          await fixDifferences(ui, server);
          await expect
            .poll(() => server.requests.length === 4 && server.writes.some((w) => w.chunk.includes("resp_held")), {
              timeout: 60_000,
            })
            .toBe(true);
          await ui.locator(".panel__head").getByRole("button", { name: "Cancel" }).click();
          await ui.locator(".notice", { hasText: "Cancelled" }).waitFor();
          await server.dropped();
          expect(await turnLabels(ui)).toHaveLength(2);
          expect(await ui.locator(".turn").first().getAttribute("aria-selected")).toBe("true");
          expect(await filesOnShow(ui)).toEqual(shown);
          expect(await results.locator(".fix-verdict").count()).toBe(0);
          for (const request of server.requests) expect(request.schemaErrors).toEqual([]);
        },
      );
    },
  );
});
