/**
 * Overlays opened on hover in Chromium (issue 52): a layer whose hover (ON_HOVER) opens a frame as an overlay is a
 * button over which the pointer — or on which the focus — shows the overlay's dialog (not modal: the pointer stays
 * free), centred on the viewport as set; the pointer leaving closes it, as in Figma. HTML, React, Vue and Svelte.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { withPage } from "../../cli/measure/browser.js";
import { resultPage } from "../../cli/measure/result-page.js";
import { runBrowser, useBrowser } from "../../test/helpers/browser.js";
import { cachedGenerateCode } from "../../test/helpers/run-cache.js";
import { type CodeOptions, loadDesign } from "../index.js";
import { HOVER_OVERLAY_FILE } from "../prototype/overlay-design.js";

interface Dialog {
  open: boolean;
  getBoundingClientRect(): { x: number; y: number; width: number; height: number };
}

/** Whether the preview's dialog is open, and its box when it is. */
const preview = (page: Page) =>
  page.evaluate(() => {
    const d = (globalThis as unknown as { document: { querySelector(s: string): Dialog | null } }).document;
    const dialog = d.querySelector("dialog");
    if (!dialog) return "no dialog";
    const r = dialog.getBoundingClientRect();
    return dialog.open ? [Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)] : "closed";
  });

const TARGETS: [string, CodeOptions][] = [
  ["HTML", { target: "html", styling: "css-modules", nodeIds: true }],
  ["React", { target: "react", styling: "css-modules", nodeIds: true }],
  ["Vue", { target: "vue", styling: "css-modules", nodeIds: true }],
  ["Svelte", { target: "svelte", styling: "css-modules", nodeIds: true }],
];

describe.runIf(runBrowser)("overlays opened on hover in Chromium", () => {
  const browser = useBrowser();
  const design = loadDesign(HOVER_OVERLAY_FILE, [], {}, { topLevel: "frames" }).document;

  for (const [label, options] of TARGETS)
    it(`${label}: the pointer over the button opens the overlay, centred; leaving closes it; focus too`, async () => {
      const code = await cachedGenerateCode(design, options);
      expect(code.problems.filter((p) => p.code === "prototype").map((p) => p.message)).toEqual([]);
      const { files, entry } = await resultPage(code.files, options.target);
      const page = options.target === "html" ? "gallery.html" : entry;
      await withPage(browser, files, page, { width: 400, height: 800 }, async (p) => {
        const peek = p.locator('[data-node-id="60:2"]');
        await p.mouse.move(390, 790);
        expect(await preview(p)).toBe("closed");
        await peek.hover();
        // Centred on the 400 × 800 viewport: (100, 340), 200 × 120.
        await expect.poll(() => preview(p)).toEqual([100, 340, 200, 120]);
        await p.mouse.move(390, 790);
        await expect.poll(() => preview(p)).toBe("closed");
        await peek.focus();
        await expect.poll(() => preview(p)).toEqual([100, 340, 200, 120]);
        await peek.blur();
        await expect.poll(() => preview(p)).toBe("closed");
      });
    });
});
