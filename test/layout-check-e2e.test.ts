/**
 * The layout check in the Code panel (issue 49), as a user meets it in the browser harness at Figma's default panel
 * size (real dist/code.js on the figma simulator, real dist/ui.html): Generate on a designer's page drawn without auto
 * layout lays its inferred layout out at the design width in the panel's measuring iframe before the code is made; the
 * Problems list says the preview checked it and which sections keep their drawing, and the preview holds the drawing
 * at the design width: every layer the score compares within 2 px of its drawn box or of the frame as drawn. Dev Mode
 * has no browser: its notes say the layout model checked it. Screenshots go to test-artifacts/layout-check/.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Frame } from "playwright-core";
import { describe, expect, it } from "vitest";
import { probeBoxes } from "../codegen/fidelity/probe.js";
import { emitFiles } from "../codegen/emit/index.js";
import type { DesignNode } from "../codegen/design/types.js";
import { drawnLayers, HOLD_TOLERANCE } from "../codegen/layout/decide.js";
import type { Box } from "../codegen/layout/boxes.js";
import { loadDesign } from "../codegen/load.js";
import { withPage } from "../cli/measure/browser.js";
import { panelScreenshot, ROOT, withPluginPage } from "./harness/plugin-page.js";
import { runBrowser, useBrowser } from "./helpers/browser.js";
import { fixturesRoot } from "./helpers/responsive-frames.js";

const ARTIFACTS = join(ROOT, "test-artifacts", "layout-check");
const JENNY = JSON.parse(readFileSync(join(fixturesRoot(), "real", "psykolog-jenny.file.json"), "utf8")) as unknown;
/** "MacBook Pro 2.2", 1440×5588, drawn without auto layout: the check keeps some of its sections as drawn. */
const FRAME = "35:34";

/** The preview's page (a sandboxed frame the panel cannot reach into; the test can). */
async function previewPage(ui: Frame): Promise<Frame> {
  const handle = await ui.waitForSelector("iframe.preview__frame[data-loaded]", { timeout: 60_000 });
  const frame = await handle.contentFrame();
  if (!frame) throw new Error("the preview iframe has no frame");
  return frame;
}

/** The ids of the shapes icons' SVGs draw (DesignNode.parts). */
const partIds = (node: DesignNode): string[] => [
  ...(node.parts ?? []).map((p) => p.id),
  ...(node.children ?? []).flatMap(partIds),
];

const near = (a: Box, b: Box): boolean =>
  Math.abs(a.x - b.x) <= HOLD_TOLERANCE &&
  Math.abs(a.y - b.y) <= HOLD_TOLERANCE &&
  Math.abs(a.w - b.w) <= HOLD_TOLERANCE &&
  Math.abs(a.h - b.h) <= HOLD_TOLERANCE;

describe.runIf(runBrowser)("the layout check in the Code panel", { timeout: 300_000 }, () => {
  const browser = useBrowser();

  it("Generate checks the inferred layout in the preview; the notes say so; the drawing holds", async () => {
    await withPluginPage(browser, { fixture: JENNY, select: [FRAME] }, async ({ page, ui }) => {
      await ui.getByRole("button", { name: "Generate", exact: true }).click();
      await ui.locator('.results[data-stage="final"]').waitFor({ timeout: 120_000 });
      await panelScreenshot(page, ARTIFACTS, "1-result");

      // The notes: which engine checked it, and the sections kept as drawn.
      await ui.locator(".problems__header").click();
      const messages = await ui.locator(".problem__message").allTextContents();
      const note = messages.find((m) => m.includes("the inferred layout checked in the preview at the design width"));
      expect(note, messages.join("\n")).toMatch(/^“MacBook Pro 2\.2”: the inferred layout checked in the preview/);
      await panelScreenshot(page, ARTIFACTS, "2-notes");

      // The check ran, and how long it took is there for the bench.
      const measured = await ui.evaluate(() => performance.getEntriesByName("figment:layout-check", "measure").length);
      expect(measured).toBeGreaterThan(0);

      // The preview (the draft's HTML with layer ids) at the design width: every layer where drawn, or where the
      // frame as drawn puts it.
      const frame = loadDesign(JENNY, [FRAME]).document.frames[0]!;
      const drawn = drawnLayers(frame);
      const ids = [...drawn.keys()];
      await ui.getByRole("tab", { name: "Preview" }).click();
      await panelScreenshot(page, ARTIFACTS, "3-preview");
      const preview = await previewPage(ui);
      const html = await preview.content();
      const laid = await boxesOf({ files: [{ path: "index.html", content: html }] }, frame, ids);
      const exact = await boxesOf(
        emitFiles(
          { frames: [frame], assets: loadDesign(JENNY, [FRAME]).document.assets },
          {
            target: "html",
            styling: "css-modules",
            nodeIds: true,
            layout: "exact",
          },
        ),
        frame,
        ids,
      );
      // The shapes of an icon's SVG: React draws the icon as an image, its shapes have no elements of their own.
      const parts = new Set(partIds(frame));
      const off = [...drawn].filter(([id, box]) => {
        const reference = exact.get(id);
        const at = laid.get(id);
        if (!at && parts.has(id)) return false;
        return reference && !(at && (near(at, box) || near(at, reference)));
      });
      expect(off.map(([id]) => id)).toEqual([]);
    });
  });

  async function boxesOf(
    site: { files: { path: string; content: string }[] },
    frame: DesignNode,
    ids: string[],
  ): Promise<Map<string, Box | null>> {
    return withPage(browser, site.files, "index.html", { width: frame.w, height: frame.h }, async (p) => {
      const probe = await p.evaluate(probeBoxes, { rootId: frame.id, ids });
      const origin = probe.root ?? { x: 0, y: 0 };
      return new Map(
        probe.elements.map((e, i) => [
          ids[i]!,
          e?.rendered ? { x: e.x - origin.x, y: e.y - origin.y, w: e.width, h: e.height } : null,
        ]),
      );
    });
  }
});
