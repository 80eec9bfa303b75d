/**
 * How soon code is on screen, end to end in headless Chromium (the real dist/code.js on the simulated figma,
 * the real dist/ui.html in its iframe): the emitters' draft before the worker has even arrived, the checked
 * and formatted files replacing it, the worker warmed up only after the panel's first paint, and "Update as I
 * select". The harness's relay holds messages back (the worker script, `init`) to pin down the order.
 * Screenshots at Figma's default panel size go to test-artifacts/perf/.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Frame, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { THUMBNAIL_SIDE } from "../plugin/limits.js";
import { EMPTY_SELECTION_TEXT } from "../ui/code/explain.js";
import { FOLLOW_DELAY_MS } from "../ui/code/follow-selection.js";
import { ROOT, withPluginPage } from "./harness/plugin-page.js";
import { runBrowser, useBrowser } from "./helpers/browser.js";
import { idleRan, timersRan } from "./helpers/page-turns.js";
import { linesUnderPill } from "./helpers/draft-pill.js";
import { PANEL_SCRIPT_MARKS } from "../ui/shell/panel-script.js";

const ARTIFACTS = join(ROOT, "test-artifacts", "perf");
const LOGIN = "figmasharp-login.file.json";
const FIGMAGIC = "figmagic-design-system.file.json";
/** Three small frames of the figmagic file. */
const EASINGS = "3214:739";
const DELAYS = "3214:734";
const DURATIONS = "3097:652";
if (!runBrowser) console.warn("plugin-perf-e2e: Chromium not found and CI unset; skipping the browser tests");

/** The panel alone, at its size in Figma (the harness opens the iframe at 420×600). */
async function panelShot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const box = (await page.locator("#plugin-ui").boundingBox())!;
  await page.screenshot({
    path: join(ARTIFACTS, `${name}.png`),
    clip: { x: box.x + 1, y: box.y + 1, width: 420, height: 600 },
  });
}

async function fileNames(ui: Frame): Promise<string[]> {
  return (await ui.locator(".tree__row:not(.tree__row--folder) .tree__name").allTextContents()).map((t) => t.trim());
}

const codeText = (ui: Frame): Promise<string> => ui.locator(".code").first().innerText();

const workerStatus = (ui: Frame): Promise<string> =>
  ui.evaluate(
    () => (globalThis as unknown as { figmentWorkerStats(): { status: string } }).figmentWorkerStats().status,
  );
const count = (traffic: { type: string }[], type: string): number => traffic.filter((m) => m.type === type).length;
/** get-worker-source messages asking for `part` (the engine when none is named). */
const asksFor = (traffic: { type: string; part?: string }[], part: string): number =>
  traffic.filter((m) => m.type === "get-worker-source" && (m.part ?? "engine") === part).length;

describe.runIf(runBrowser)("code on screen fast", { timeout: 180_000 }, () => {
  const browser = useBrowser();

  it(
    "the draft is on screen before the worker has arrived; " + "the checked and formatted files then replace it",
    async () => {
      await withPluginPage(
        browser,
        { fixture: LOGIN, select: ["101:3"], hold: ["worker-source"] },
        async ({ page, ui, relay }) => {
          await ui.getByRole("button", { name: "Generate", exact: true }).click();
          const draft = ui.locator('.results[data-stage="formatting"]');
          await draft.waitFor();
          // The worker has been asked for but not delivered: this code came from the panel alone.
          expect(await workerStatus(ui)).toBe("starting");
          const traffic = await relay.traffic();
          expect(asksFor(traffic, "engine")).toBe(1);
          expect(count(traffic, "worker-source")).toBe(0);
          expect(await fileNames(ui)).toEqual(
            expect.arrayContaining(["LogInPage.tsx", "LogInPage.module.css", "index.ts"]),
          );
          expect(await ui.locator(".results__stage").innerText()).toBe("Draft · formatting…");
          // The pill is beside the open files' tabs, over no line of code.
          expect(await ui.locator(".results__stage").isVisible()).toBe(true);
          expect(await linesUnderPill(ui)).toEqual([]);
          const codeBox = await ui.locator(".code").boundingBox();
          expect(await ui.getByRole("button", { name: "Cancel" }).isVisible()).toBe(true);
          const draftCode = await codeText(ui);
          expect(draftCode).toContain("LogInPage");
          // The preview is there already (the design as HTML, from the same emitters).
          await ui.locator(".view-tab", { hasText: "Preview" }).click();
          const preview = await (await ui.waitForSelector("iframe.preview__frame")).contentFrame();
          await preview!.waitForSelector("main");
          expect(await preview!.locator("body").innerText()).toContain("Log In");
          // …and says what it is: the design as plain HTML, not the React files, (they run once the worker has them).
          expect(await ui.locator(".preview__note").innerText()).toBe(
            "Plain HTML draft: the React files run once checked",
          );
          await panelShot(page, "1b-draft-preview");
          await ui.locator(".view-tab", { hasText: "Code" }).click();
          const bar = await ui.locator(".results__bar").boundingBox();
          await panelShot(page, "1-draft-formatting");

          await relay.release("worker-source");
          await ui.locator('.results[data-stage="final"]').waitFor({ timeout: 60_000 });
          expect(await ui.locator(".results__stage").count()).toBe(0);
          expect(await workerStatus(ui)).toBe("ready");
          // Same files, same tab, now checked and formatted; the bar did not move. The emitters print the login's files
          // in the format pass's form, so the checked text reads as the draft did: nothing jumps when it arrives.
          expect(await fileNames(ui)).toEqual(
            expect.arrayContaining(["LogInPage.tsx", "LogInPage.module.css", "index.ts"]),
          );
          const finalCode = await codeText(ui);
          expect(finalCode).toContain("LogInPage");
          expect(finalCode).toBe(draftCode);
          expect(await ui.locator(".results__bar").boundingBox()).toEqual(bar);
          expect(await ui.locator(".code").boundingBox()).toEqual(codeBox);
          expect(await ui.getByRole("button", { name: "Generate", exact: true }).isVisible()).toBe(true);
          await panelShot(page, "2-formatted");
        },
      );
    },
  );

  it("a cancel while the draft is formatting keeps the draft, marked as not formatted", async () => {
    await withPluginPage(
      browser,
      { fixture: LOGIN, select: ["101:3"], hold: ["worker-source"] },
      async ({ page, ui }) => {
        await ui.getByRole("button", { name: "Generate", exact: true }).click();
        await ui.locator('.results[data-stage="formatting"]').waitFor();
        await ui.getByRole("button", { name: "Cancel" }).click();
        await ui.locator('.results[data-stage="draft"]').waitFor();
        expect(await ui.locator(".results__stage").innerText()).toBe("Draft · not formatted");
        expect(await linesUnderPill(ui)).toEqual([]);
        expect(await ui.locator(".notice").innerText()).toContain("not checked or formatted");
        expect(await fileNames(ui)).toContain("LogInPage.tsx");
        await panelShot(page, "3-draft-cancelled");
      },
    );
  });

  it("the worker is warmed up in idle time after the panel's first paint, never before", async () => {
    await withPluginPage(
      browser,
      { fixture: LOGIN, select: ["101:3"], hold: ["init"] },
      async ({ page, ui, relay }) => {
        // No panel yet (init held): nothing may ask for the worker, even once the page has been idle (the warm-up's
        // time).
        await idleRan(ui);
        expect(count(await relay.traffic(), "get-worker-source")).toBe(0);
        expect(await ui.getByRole("button", { name: "Generate", exact: true }).count()).toBe(0);
        // The first frame is the panel as rendered at build time (ui/shell/prerender.tsx), painted before the panel's
        // script has even started (ui/shell/start-panel.ts); the script then took that markup over, not added to it.
        // The frame's paint step (Paint Timing's paintTime), not its startTime: that is when the GPU presented the
        // frame, which may come a few ms after a task queued behind the paint has begun.
        const firstPaint = () =>
          ui.evaluate(() => {
            const entry = performance.getEntriesByName("first-contentful-paint")[0] as
              | (PerformanceEntry & { paintTime?: number })
              | undefined;
            return entry ? (entry.paintTime ?? null) : null;
          });
        await expect.poll(firstPaint).not.toBeNull();
        const scriptStart = await ui.evaluate(
          (mark) => performance.getEntriesByName(mark)[0]?.startTime ?? null,
          PANEL_SCRIPT_MARKS.start,
        );
        expect(scriptStart).not.toBeNull();
        expect(await firstPaint()).toBeLessThanOrEqual(scriptStart!);
        expect(await ui.locator(".app").count()).toBe(1);
        expect(await ui.locator(".nav__item").count()).toBe(6);
        expect(await ui.getByRole("status").filter({ hasText: "Connecting to Figma…" }).count()).toBe(1);

        await relay.release("init");
        await page.waitForFunction(() =>
          (globalThis as unknown as { __figmentRelay: { traffic: { type: string }[] } }).__figmentRelay.traffic.some(
            (m) => m.type === "get-worker-source",
          ),
        );
        const traffic = await relay.traffic();
        const asked = traffic.find((m) => m.type === "get-worker-source")!;
        const init = traffic.find((m) => m.type === "init" && m.from === "plugin")!;
        // Marks in the panel, in the same clock as the relay's (ms since the epoch).
        const marks = await ui.evaluate(() =>
          Object.fromEntries(
            performance.getEntriesByType("mark").map((m) => [m.name, performance.timeOrigin + m.startTime]),
          ),
        );
        const painted = marks["figment:panel-painted"]!;
        const warmed = marks["figment:worker-warm-up"]!;
        expect(painted).toBeGreaterThan(init.at);
        expect(warmed).toBeGreaterThanOrEqual(painted);
        expect(asked.at).toBeGreaterThanOrEqual(warmed);
        // Nobody clicked: the worker starts on its own and is ready for the first Generate.
        await ui.waitForFunction(
          () =>
            (globalThis as unknown as { figmentWorkerStats(): { status: string } }).figmentWorkerStats().status ===
            "ready",
          undefined,
          { timeout: 30_000 },
        );
        await ui.getByRole("button", { name: "Generate", exact: true }).click();
        await ui.locator('.results[data-stage="final"]').waitFor({ timeout: 30_000 });
        // The engine was asked for once, at the warm-up, and so was the code part an offline `generate` waits for (the
        // Code panel's warm-up loads it) and the formatters' (in idle time after it); the checker (ts-morph) never: no
        // model, no components.
        const after = await relay.traffic();
        expect(asksFor(after, "engine")).toBe(1);
        expect(asksFor(after, "code-preview")).toBe(1);
        expect(asksFor(after, "code-format")).toBe(1);
        expect(asksFor(after, "code-check")).toBe(0);
        expect(count(after, "get-worker-source")).toBe(3);
      },
    );
  });

  it(
    "Update as I select: off by default; on, the code " + "follows the selection, once it rests, offline only",
    async () => {
      await withPluginPage(browser, { fixture: FIGMAGIC, select: [EASINGS] }, async ({ page, ui, sim, relay }) => {
        const jsonExports = async () =>
          (await sim<{ nodeId: string; format: string }[]>("sim.record.exports"))
            .filter((e) => e.format === "JSON_REST_V1")
            .map((e) => e.nodeId);
        const toggle = ui.getByRole("checkbox", { name: "Update as I select" });
        expect(await toggle.isChecked()).toBe(false);
        await panelShot(page, "4-follow-off");
        // Off: a new selection exports nothing.
        await sim("sim.select([" + JSON.stringify(DELAYS) + "])");
        await ui.locator(".selection__title", { hasText: "Delays" }).waitFor();
        await timersRan(ui, FOLLOW_DELAY_MS);
        expect(await jsonExports()).toEqual([]);
        expect(await ui.locator(".results").count()).toBe(0);

        // On: stored, and the code follows at once to the selection, whose code is not on screen yet.
        await toggle.check();
        await ui.locator(".tree__name", { hasText: "Delays.tsx" }).waitFor({ timeout: 30_000 });
        expect(await jsonExports()).toEqual([DELAYS]);
        const stored = await sim<{ followSelection?: boolean }>("sim.storage.get('figment.settings')");
        expect(stored.followSelection).toBe(true);

        // Clicking through two layers quickly: one generation, for the last one.
        await sim(`(sim.select([${JSON.stringify(EASINGS)}]), sim.select([${JSON.stringify(DURATIONS)}]))`);
        await ui.locator(".tree__name", { hasText: "Durations.tsx" }).waitFor({ timeout: 30_000 });
        await ui.locator('.results[data-stage="final"]').waitFor({ timeout: 30_000 });
        expect(await jsonExports()).toEqual([DELAYS, DURATIONS]);
        expect(await fileNames(ui)).not.toContain("Delays.tsx");
        // Offline only: the only PNGs are the selection card's thumbnails (the model path exports the frame at up to
        // 2,048 px), one export request per generation, and the model path never started (no progress, no error).
        const pngs = (await sim<{ format: string; width?: number; height?: number }[]>("sim.record.exports")).filter(
          (e) => e.format === "PNG",
        );
        expect(pngs.every((e) => Math.max(e.width ?? 0, e.height ?? 0) <= THUMBNAIL_SIDE)).toBe(true);
        expect(count(await relay.traffic(), "export-selection")).toBe(2);
        expect(await ui.locator(".ai-stream, .ai-error").count()).toBe(0);
        await panelShot(page, "5-follow-on");

        // Nothing selected: the last code stays.
        await sim("sim.select([])");
        await ui.locator(".selection__title", { hasText: EMPTY_SELECTION_TEXT }).waitFor();
        await timersRan(ui, FOLLOW_DELAY_MS);
        expect(await fileNames(ui)).toContain("Durations.tsx");
        expect(await jsonExports()).toEqual([DELAYS, DURATIONS]);
      });
    },
  );

  it("Update as I select survives a reload, and a selection change during a job supersedes it", async () => {
    const storage = { "figment.settings": { followSelection: true } };
    await withPluginPage(
      browser,
      { fixture: FIGMAGIC, select: [EASINGS], storage, hold: ["worker-source"] },
      async ({ ui, sim, relay }) => {
        // On at open: the code for the selection comes without a click (the draft, while the worker is held).
        await ui
          .locator('.results[data-stage="formatting"] .tree__name', { hasText: "Easings.tsx" })
          .waitFor({ timeout: 30_000 });
        // With results on screen the head is compact: the setting is under Options, still on.
        await ui.getByRole("button", { name: "Options" }).click();
        expect(await ui.getByRole("checkbox", { name: "Update as I select" }).isChecked()).toBe(true);
        await ui.getByRole("button", { name: "Options" }).click();
        await sim(`sim.select([${JSON.stringify(DELAYS)}])`);
        await ui
          .locator('.results[data-stage="formatting"] .tree__name', { hasText: "Delays.tsx" })
          .waitFor({ timeout: 30_000 });
        await relay.release("worker-source");
        await ui.locator('.results[data-stage="final"]').waitFor({ timeout: 60_000 });
        // The superseded job's files never replace the newer one's.
        expect(await fileNames(ui)).toContain("Delays.tsx");
        expect(await fileNames(ui)).not.toContain("Easings.tsx");
      },
    );
  });
});
