/**
 * Fidelity of generated HTML against the Figma REST JSON of one frame, measured in headless Chromium: the
 * Playwright side of codegen/fidelity/ (the design side, the in-page probes and the figures live there, shared
 * with the panel's preview).
 *
 * Contract of the HTML under test: the entry page's frame root carries `data-node-id="<frame id>"`, every
 * element that stands for a design node carries `data-node-id="<figma node id>"`, body margin is 0 and
 * the frame root sits at the page's top-left.
 *
 * One page load, two `page.evaluate` calls (measure at the frame's size; overflow check at 80 % width).
 * Per-width responsiveness (overflow, visible text, overlapping text) is in cli/measure/responsive-page.ts.
 */
import type { Page } from "playwright-core";
import type { SourceFile } from "../../codegen/types.js";
import {
  boundsOf,
  designViewport,
  unboxedFrame,
  type FrameFidelity,
  type RestNode,
} from "../../codegen/fidelity/design-nodes.js";
import { probeBoxes, probeOverflow } from "../../codegen/fidelity/probe.js";
import { probeIds, scoreBoxes } from "../../codegen/fidelity/box-score.js";
import { pageViewport, withPage, type PageGlobals, type PageHost } from "./browser.js";

// The design side's names, for the CLI's and the tests' existing imports.
export {
  collapseWhitespace,
  designText,
  designViewport,
  iou,
  matchedChars,
  MAX_UNMATCHED,
  MAX_WORST,
  visibleNodes,
} from "../../codegen/fidelity/design-nodes.js";
export type { FrameFidelity, RestNode, VisibleNode } from "../../codegen/fidelity/design-nodes.js";
export type { Box } from "../../codegen/fidelity/types.js";

export async function measureFidelity(
  browser: PageHost,
  input: { frame: RestNode; files: SourceFile[]; entry: string },
): Promise<FrameFidelity> {
  const { frame, files, entry } = input;
  return withPage(browser, files, entry, designViewport(frame), (page) => fidelityOnPage(page, frame));
}

/**
 * measureFidelity on a page already loaded at the frame's size. It leaves the viewport at 80 % width
 * (the overflow check), so run anything else that needs the design width first.
 */
export async function fidelityOnPage(page: Page, frame: RestNode): Promise<FrameFidelity> {
  const frameBox = boundsOf(frame);
  if (!frameBox) throw unboxedFrame(frame);
  const { height } = designViewport(frame);
  const { nodes, ids } = probeIds(frame);
  const probe = await page.evaluate(probeBoxes, { rootId: frame.id, ids });
  await page.setViewportSize(pageViewport({ width: 0.8 * frameBox.width, height }));
  // Let resize observers / rAF-driven layout code run once before reading.
  await page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        (globalThis as unknown as PageGlobals).requestAnimationFrame(() =>
          (globalThis as unknown as PageGlobals).requestAnimationFrame(() => resolve()),
        ),
      ),
  );
  const { scrollWidth, clientWidth } = await page.evaluate(probeOverflow);
  return scoreBoxes(frame, nodes, probe, scrollWidth > clientWidth + 1);
}
