/**
 * The Search panel end to end in headless Chromium at Figma's default 420×600: the real dist/ui.html and
 * dist/code.js on the figma simulator with a whole multi-page file. Opening the panel scans every page in the
 * background; typing words from a frame's own text finds it in the top 3 as you type; a click on a result on
 * another page switches the page and selects the frame; thumbnails; no matches; "like the selection"; an empty
 * file; a frame deleted since the scan; the no-key line. Screenshots go to test-artifacts/search-panel/.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Frame, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { frameDocs, type FrameDoc } from "../codegen/search/frame-doc.js";
import { fixturePath } from "./helpers/fixtures.js";
import { panelScreenshot, ROOT, withPluginPage, type PluginPageOptions } from "./harness/plugin-page.js";
import { runBrowser, useBrowser } from "./helpers/browser.js";

const ARTIFACTS = join(ROOT, "test-artifacts", "search-panel");
const FILE = "figmagic-design-system.file.json";
const JSON_FILE = JSON.parse(readFileSync(fixturePath(FILE), "utf8")) as {
  document: { children: { id: string; name: string; children: { id: string; type: string }[] }[] };
};
const PAGES = JSON_FILE.document.children;
const pageOf = (id: string) => PAGES.find((p) => p.children.some((c) => c.id === id))!;
/** Top-level frames (and components) of every page: what the scan indexes. */
const DOCS = frameDocs(JSON_FILE).filter((d) =>
  PAGES.some((p) => p.children.some((c) => c.id === d.id && ["FRAME", "COMPONENT", "COMPONENT_SET"].includes(c.type))),
);
const EMPTY_FILE = {
  name: "Empty",
  document: {
    id: "0:0",
    name: "Document",
    type: "DOCUMENT",
    children: [{ id: "0:1", name: "Page 1", type: "CANVAS", children: [] }],
  },
  components: {},
  styles: {},
};

const shot = (page: Page, name: string) => panelScreenshot(page, ARTIFACTS, name);
const open = (
  browser: Browser,
  options: Omit<PluginPageOptions, "command">,
  fn: Parameters<typeof withPluginPage>[2],
) => withPluginPage(browser, { ...options, command: "search" }, fn);
const rowIds = (ui: Frame) =>
  ui.locator(".search-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-node-id")));

/**
 * A word of a frame's own text that few other frames hold (so "top 3" means something), on a page other than the first.
 */
function distinctiveWord(): { doc: FrameDoc; word: string } {
  const wordsOf = (d: FrameDoc) =>
    new Set(
      d.texts
        .join(" ")
        .toLowerCase()
        .split(/[^\p{L}]+/u)
        .filter((w) => w.length >= 6),
    );
  const holders = new Map<string, number>();
  for (const d of DOCS) for (const w of wordsOf(d)) holders.set(w, (holders.get(w) ?? 0) + 1);
  for (const doc of DOCS) {
    if (pageOf(doc.id).id === PAGES[0]!.id) continue;
    const word = [...wordsOf(doc)].sort((a, b) => holders.get(a)! - holders.get(b)!)[0];
    if (word && holders.get(word)! <= 2 && !doc.name.toLowerCase().includes(word)) return { doc, word };
  }
  throw new Error("no frame with a distinctive word in the fixture");
}

describe.runIf(runBrowser)("the Search panel at 420×600", { timeout: 180_000 }, () => {
  const browser = useBrowser();

  it(
    "scans every page, finds a frame by words of its own text as " +
      "you type, a click switches page and selects it, thumbnails",
    async () => {
      expect(PAGES.length).toBeGreaterThan(2);
      const { doc, word } = distinctiveWord();
      await open(browser, { fixture: FILE, hold: ["search-index"] }, async ({ page, ui, sim, relay }) => {
        // The scan's answer held back: the panel says it is loading and shows the scan's progress line.
        await ui.getByRole("searchbox", { name: "Search frames" }).waitFor();
        await ui.locator(".scan-line").first().waitFor();
        await shot(page, "1-scanning");
        await relay.release("search-index");
        await ui.locator(".search-row").first().waitFor({ timeout: 60_000 });
        await expect
          .poll(() => ui.locator(".scan-done").textContent(), { timeout: 60_000 })
          .toMatch(new RegExp(`^${DOCS.length} frames`));
        // Without a query every frame is listed, under its page's name.
        expect(await ui.locator(".search-row").count()).toBe(DOCS.length);
        expect(await ui.locator(".search-page").allTextContents()).toEqual(
          expect.arrayContaining(PAGES.filter((p) => DOCS.some((d) => pageOf(d.id) === p)).map((p) => p.name)),
        );
        await expect.poll(() => ui.locator(".search-thumb--ready img").count(), { timeout: 30_000 }).toBeGreaterThan(2);
        expect(
          await ui
            .locator(".search-thumb--ready img")
            .first()
            .evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
        ).toBeGreaterThan(0);
        await shot(page, "2-all-frames");

        // As you type: after each keystroke the rows follow; with the whole word, the frame is in the top 3.
        const box = ui.getByRole("searchbox", { name: "Search frames" });
        await box.pressSequentially(word.slice(0, 3), { delay: 20 });
        const early = await rowIds(ui);
        await box.pressSequentially(word.slice(3), { delay: 20 });
        await expect.poll(async () => (await rowIds(ui)).slice(0, 3)).toContain(doc.id);
        expect(await rowIds(ui)).not.toEqual(early.length === DOCS.length ? [] : ["-"]);
        const row = ui.locator(`.search-row[data-node-id="${doc.id}"]`);
        expect((await row.locator("mark").allTextContents()).map((m) => m.toLowerCase())).toContain(word);
        await shot(page, "3-results");

        // A click selects the frame and zooms to it, on its own page.
        expect(await sim<string>("sim.figma.currentPage.id")).not.toBe(pageOf(doc.id).id);
        await row.click();
        await expect.poll(() => sim<string>("sim.figma.currentPage.id")).toBe(pageOf(doc.id).id);
        await expect.poll(() => sim<string[]>("sim.figma.currentPage.selection.map((n) => n.id)")).toEqual([doc.id]);
        expect(await sim<{ nodeIds: string[] }[]>("sim.record.zooms")).toContainEqual(
          expect.objectContaining({ nodeIds: [doc.id] }),
        );
      });
    },
  );

  it(
    "no matches; ↓ and Enter open a row; like the selection " +
      "leaves the frame out and can be cleared; the no-key line",
    async () => {
      const target = DOCS.find((d) => d.name === "iPhone 11 Pro / X") ?? DOCS[DOCS.length - 1]!;
      await open(browser, { fixture: FILE, select: [target.id] }, async ({ page, ui, sim, relay }) => {
        await expect.poll(() => ui.locator(".scan-done").count(), { timeout: 60_000 }).toBe(1);
        expect(await ui.locator(".search-no-key").textContent()).toContain(
          "With an API key it also finds frames by meaning",
        );
        const box = ui.getByRole("searchbox", { name: "Search frames" });
        await box.fill("zqxjv");
        await ui.locator(".search-empty").waitFor();
        expect(await ui.locator(".search-empty").textContent()).toBe(
          "No frames match “zqxjv”. Search looks in frame names, texts, component names and page names.",
        );
        await shot(page, "4-no-matches");

        await ui.getByRole("button", { name: "Like selection" }).click();
        await expect.poll(() => ui.locator(".search-like").textContent()).toBe(`Like “${target.name}”`);
        await expect.poll(async () => (await rowIds(ui)).length).toBeGreaterThan(0);
        expect(await rowIds(ui)).not.toContain(target.id);
        expect(await box.inputValue()).toBe("");
        await shot(page, "5-like-selection");

        // ↓ then Enter: the second row's frame is selected on the canvas.
        const second = (await rowIds(ui))[1]!;
        await box.press("ArrowDown");
        await box.press("Enter");
        await expect.poll(() => sim<string[]>("sim.figma.currentPage.selection.map((n) => n.id)")).toEqual([second]);

        await ui.getByRole("button", { name: "Clear the search" }).click();
        expect(await ui.locator(".search-like").count()).toBe(0);
        await expect.poll(async () => (await rowIds(ui)).length).toBe(DOCS.length);

        // Back from another panel: the words are kept, and the file is scanned again (nothing changed in it).
        const scans = async () =>
          (await relay.traffic()).filter((m) => m.from === "ui" && m.type === "scan-frames").length;
        expect(await scans()).toBe(1);
        await box.fill("button");
        await ui.getByRole("button", { name: "Code", exact: true }).click();
        await ui.getByRole("button", { name: "Search", exact: true }).click();
        await expect.poll(scans).toBe(2);
        expect(await ui.getByRole("searchbox", { name: "Search frames" }).inputValue()).toBe("button");
        await expect
          .poll(() => ui.locator(".scan-done").textContent(), { timeout: 60_000 })
          .toBe(`${DOCS.length} frames · up to date`);
      });
    },
  );

  it("a frame deleted since the scan says so and offers a new scan, which drops it", async () => {
    const gone = DOCS[0]!;
    await open(browser, { fixture: FILE }, async ({ page, ui, sim }) => {
      await expect.poll(() => ui.locator(".scan-done").count(), { timeout: 60_000 }).toBe(1);
      await sim(`sim.node(${JSON.stringify(gone.id)}).remove()`);
      await ui.locator(`.search-row[data-node-id="${gone.id}"]`).click();
      await ui.locator(".search-missing").waitFor();
      expect(await ui.locator(".search-missing .notice__title").textContent()).toBe(
        `“${gone.name}” is no longer in the file`,
      );
      await shot(page, "6-deleted-frame");
      await ui.getByRole("button", { name: "Scan again" }).click();
      await expect.poll(() => rowIds(ui), { timeout: 60_000 }).not.toContain(gone.id);
      expect(await ui.locator(".search-missing").count()).toBe(0);
    });
  });

  it("Cancel stops the scan on the main thread and says so; Scan starts it again", async () => {
    await open(browser, { fixture: FILE, hold: ["search-index"] }, async ({ page, ui, relay }) => {
      await ui.locator(".scan-line").getByRole("button", { name: "Cancel" }).click();
      await expect.poll(() => ui.locator(".scan-line").first().textContent()).toMatch(/^Scan cancelled/);
      // The panel says so at once; its cancel crosses the relay a hop later.
      await expect
        .poll(async () => (await relay.traffic()).some((m) => m.from === "ui" && m.type === "cancel"))
        .toBe(true);
      // The body says the same: nothing was read (the stored index has not come either), not "Loading the index…".
      expect(await ui.locator(".search-empty").textContent()).toBe(
        "The scan was cancelled before it read any frames: nothing to search yet. Scan reads the file's frames.",
      );
      await shot(page, "8-cancelled");
      await relay.release("search-index");
      await ui.locator(".scan-line").getByRole("button", { name: "Scan" }).click();
      await expect.poll(() => ui.locator(".search-row").count(), { timeout: 60_000 }).toBe(DOCS.length);
    });
  });

  it("an empty file says there are no frames yet", async () => {
    await open(browser, { fixture: EMPTY_FILE }, async ({ page, ui }) => {
      await expect
        .poll(() => ui.locator(".search-empty").textContent(), { timeout: 60_000 })
        .toBe("No frames in this file yet. Search lists the top-level frames of every page: add frames, then Refresh.");
      await shot(page, "7-empty-file");
    });
  });
});
