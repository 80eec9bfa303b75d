/**
 * The text probe asks what paints on top (paint-order.ts), not only which box a hit test finds:
 * - a nowrap label runs past its box over the button's background, which it is stacked above (psykolog's "LÄS DETTA
 *   INLÄGG": read as 9 % covered by the rectangle under it);
 * - two texts' boxes overlap where only one has letters (fitma's review line: "Color, Size" left-aligned over
 *   "First Last | Location, CA" right-aligned: read as 45 % covered).
 * Each has a twin where the text is hidden, which the probe must still see.
 */
import { describe, expect, it } from "vitest";
import type { RestNode } from "./design-nodes.js";
import { measureFrame } from "../../cli/measure/responsive-page.js";
import { runBrowser, useBrowser } from "../../test/helpers/browser.js";

const box = (x: number, y: number, width: number, height: number) => ({ x, y, width, height });
const black = [{ type: "SOLID", color: { r: 0, g: 0, b: 0, a: 1 } }];
const text = (id: string, characters: string, x: number, width: number) => ({
  id,
  name: characters,
  type: "TEXT",
  characters,
  style: { fontFamily: "sans-serif", fontSize: 16, lineHeightPx: 24 },
  fills: black,
  absoluteBoundingBox: box(x, 20, width, 24),
});

const FRAME = {
  id: "1:1",
  name: "Card",
  type: "FRAME",
  absoluteBoundingBox: box(0, 0, 390, 200),
  fills: [{ type: "SOLID", color: { r: 1, g: 1, b: 1, a: 1 } }],
  children: [text("2:1", "READ THIS POST NOW", 20, 120), text("2:2", "Left", 200, 120), text("2:3", "Right", 250, 120)],
} as unknown as RestNode;

const page = (labelZ: number, rightAt: number) => `<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; font: 700 16px/24px sans-serif; background: #fff; }
.button { position: relative; left: 20px; top: 20px; width: 300px; padding: 0 90px; box-sizing: border-box; }
.fill { position: absolute; inset: 0; background: #ffedbc; z-index: 1; }
.label { position: relative; display: block; white-space: nowrap; z-index: ${labelZ}; color: #000; }
.pair { position: absolute; left: 200px; top: 100px; width: 170px; height: 24px; }
.pair p { position: absolute; top: 0; margin: 0; width: 120px; color: #000; }
</style></head><body><div data-node-id="1:1" style="position:relative;width:390px;height:200px">
<div class="button"><div class="fill"></div><span class="label" data-node-id="2:1">READ THIS POST NOW</span></div>
<div class="pair"><p data-node-id="2:3" style="left:${rightAt}px;text-align:right;z-index:1">Right</p>
<p data-node-id="2:2" style="left:0;z-index:2">Left</p></div>
</div></body></html>`;

const measure = (browser: ReturnType<typeof useBrowser>, html: string) =>
  measureFrame(browser, {
    frame: FRAME,
    files: [{ path: "index.html", content: html }],
    entry: "index.html",
    widths: [390],
  });

describe.runIf(runBrowser)("what paints on top, for the text probe", () => {
  const browser = useBrowser();

  it("sees letters past their box over a box stacked below them, and texts whose boxes overlap apart", async () => {
    const report = await measure(browser, page(2, 50));
    const [w] = report.widths;
    expect(w!.problems).toEqual([]);
    expect(w!.textVisible).toBe(1);
  });

  it("still finds letters past their box under a box stacked above them", async () => {
    const report = await measure(browser, page(0, 50));
    const problems = report.widths[0]!.problems.map((p) => [p.id, p.class]);
    expect(problems).toEqual([["2:1", "covered"]]);
  });

  it("still finds a text under another text's letters", async () => {
    // Its box moved 130 px left: "Right", right-aligned, ends where "Left" (above it) has its letters.
    const report = await measure(browser, page(2, -80));
    const problems = report.widths[0]!.problems.map((p) => [p.id, p.class]);
    expect(problems).toEqual([["2:3", "covered"]]);
  });
});
