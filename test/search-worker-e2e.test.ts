/**
 * The Search panel's search worker end to end at 420×600 (real dist/ui.html and dist/code.js on the figma
 * simulator): its script is asked of the main thread only when Search first opens, not at panel load; while
 * it has not arrived the frames are listed anyway (the listing needs no index), words typed meanwhile wait and
 * then show that text's rows (never an earlier keystroke's); ui.html holds no orama. Screenshots go to
 * test-artifacts/search-worker/.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Frame } from "playwright-core";
import { describe, expect, it } from "vitest";
import { panelScreenshot, ROOT, withPluginPage } from "./harness/plugin-page.js";
import { runBrowser, useBrowser, usePageContext } from "./helpers/browser.js";

const ARTIFACTS = join(ROOT, "test-artifacts", "search-worker");
const FILE = "figmagic-design-system.file.json";
const rowIds = (ui: Frame) =>
  ui.locator(".search-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-node-id")));
const body = (ui: Frame) =>
  ui
    .locator(".search-body")
    .evaluate(
      (el) => `${el.getAttribute("data-ranking")}:${el.getAttribute("data-term")}:${el.getAttribute("aria-busy")}`,
    );

describe.runIf(runBrowser)("the search worker in the panel", { timeout: 180_000 }, () => {
  const browser = useBrowser();
  // Plugin pages reused between tests (no init scripts, routes or listeners of their own): one renderer, not one per
  // test.
  const pages = usePageContext(browser);

  it("ui.html carries no orama: the search worker comes packed in code.js", () => {
    const html = readFileSync(join(ROOT, "dist/ui.html"), "utf8");
    // orama's own error texts, present in any bundle of it.
    expect(html).not.toMatch(/INVALID_SCHEMA_TYPE|DOCUMENT_ALREADY_EXISTS/);
    // Defined by esbuild.config.mjs (left undefined, the name would stay in the bundle).
    expect(readFileSync(join(ROOT, "dist/code.js"), "utf8")).not.toContain("__FIGMENT_SEARCH_WORKER__");
  });

  it("is asked for when Search first opens, not at panel load", async () => {
    await withPluginPage(pages, { fixture: FILE, command: "code" }, async ({ ui, relay }) => {
      // Asked for the search worker's script (the engine worker's idle warm-up asks for its own part).
      const asked = async () =>
        (await relay.traffic()).filter((m) => m.from === "ui" && m.type === "get-worker-source" && m.part === "search")
          .length;
      await ui.getByRole("button", { name: "Search", exact: true }).waitFor();
      // The panel has loaded (its ready message crossed) without asking for it.
      await expect
        .poll(async () => (await relay.traffic()).some((m) => m.from === "ui" && m.type === "ready"))
        .toBe(true);
      expect(await asked()).toBe(0);
      await ui.getByRole("button", { name: "Search", exact: true }).click();
      await expect.poll(asked).toBe(1);
      await ui.getByRole("searchbox", { name: "Search frames" }).fill("shadows");
      await expect.poll(() => body(ui), { timeout: 30_000 }).toBe("words:shadows:false");
      // The scan may still be listing frames when the words are ranked: wait for their rows, not a moment.
      await expect.poll(async () => (await rowIds(ui)).length, { timeout: 30_000 }).toBeGreaterThan(0);
    });
  });

  it(
    "while its script has not arrived: frames listed, " + "typed words wait (marked busy), then that text's rows",
    async () => {
      await withPluginPage(
        pages,
        { fixture: FILE, command: "search", hold: ["worker-source"] },
        async ({ page, ui, relay }) => {
          await expect.poll(() => ui.locator(".scan-done").count(), { timeout: 60_000 }).toBe(1);
          const listed = await rowIds(ui);
          expect(listed.length).toBeGreaterThan(5);
          const box = ui.getByRole("searchbox", { name: "Search frames" });
          await box.pressSequentially("shad", { delay: 20 });
          await box.pressSequentially("ows", { delay: 20 });
          // Visible: past the line's CSS delay (hidden until then), as the screenshot should show it.
          await ui.locator(".search-busy").waitFor({ state: "visible" });
          expect(await body(ui)).toBe("list::true");
          expect(await rowIds(ui)).toEqual(listed);
          await panelScreenshot(page, ARTIFACTS, "1-first-open-worker-starting");
          await relay.release("worker-source");
          await expect.poll(() => body(ui), { timeout: 30_000 }).toBe("words:shadows:false");
          expect(await ui.locator(".search-busy").count()).toBe(0);
          const rows = await rowIds(ui);
          expect(rows.length).toBeGreaterThan(0);
          expect(rows.length).toBeLessThan(listed.length);
          expect((await ui.locator(".search-row mark").allTextContents()).map((m) => m.toLowerCase())).toContain(
            "shadows",
          );
          await panelScreenshot(page, ARTIFACTS, "2-results");
          // Typing fast once it runs: the rows always end on the last text's.
          await box.fill("");
          await box.pressSequentially("font", { delay: 5 });
          await expect.poll(() => body(ui)).toBe("words:font:false");
          await box.pressSequentially(" light", { delay: 5 });
          await expect.poll(() => body(ui)).toBe("words:font light:false");
        },
      );
    },
  );
});
