/**
 * Layers the prototype fixes on the viewport (issue 52: a bottom bar `position: fixed`) lie over different texts at
 * each scroll position. A reader scrolls a text out from under one, so the text probe (text-probe.ts, as the score
 * runs it) calls a text covered by a pinned layer only when no scroll position shows it; a box that scrolls with the
 * page covers as before.
 */
import { describe, expect, it } from "vitest";
import type { RestNode } from "./design-nodes.js";
import { measureFrame } from "../../cli/measure/responsive-page.js";
import { runBrowser, useBrowser } from "../../test/helpers/browser.js";

const box = (x: number, y: number, width: number, height: number) => ({ x, y, width, height });
const text = (id: string, characters: string, y: number) => ({
  id,
  name: characters,
  type: "TEXT",
  characters,
  style: { fontFamily: "sans-serif", fontSize: 16, lineHeightPx: 20 },
  fills: [{ type: "SOLID", color: { r: 0, g: 0, b: 0, a: 1 } }],
  absoluteBoundingBox: box(10, y, 200, 20),
});

// Texts at 100, 850 (where the bar lies when the page is scrolled to the first), 1200 (under a box that scrolls with
// the page) and 1600; the bar drawn at the frame's foot with its own label.
const FRAME = {
  id: "1:1",
  name: "Fixed bar",
  type: "FRAME",
  absoluteBoundingBox: box(0, 0, 400, 2400),
  fills: [{ type: "SOLID", color: { r: 1, g: 1, b: 1, a: 1 } }],
  children: [
    text("2:1", "First words to read", 100),
    text("2:2", "Second words to read", 850),
    text("2:6", "Words under a box", 1200),
    text("2:3", "Third words to read", 1600),
    {
      id: "3:1",
      name: "Bar",
      type: "FRAME",
      absoluteBoundingBox: box(0, 2300, 400, 100),
      fills: [{ type: "SOLID", color: { r: 0.1, g: 0.1, b: 0.1, a: 1 } }],
      children: [{ ...text("2:5", "Buy now", 2340), fills: [{ type: "SOLID", color: { r: 1, g: 1, b: 1, a: 1 } }] }],
    },
  ],
} as RestNode;

const at = (top: number) => `position:absolute;left:10px;top:${top}px;margin:0;white-space:nowrap`;
const PAGE = `<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; font: 16px/20px sans-serif; background: #fff; }
</style></head><body><div data-node-id="1:1" style="position:relative;max-width:400px;height:2400px">
<p data-node-id="2:1" style="${at(100)}">First words to read</p>
<p data-node-id="2:2" style="${at(850)}">Second words to read</p>
<p data-node-id="2:6" style="${at(1200)}">Words under a box</p>
<p data-node-id="2:3" style="${at(1600)}">Third words to read</p>
<div style="position:absolute;left:0;top:1190px;width:300px;height:40px;background:#111"></div>
<div data-node-id="3:1" style="position:fixed;left:0;right:0;bottom:0;height:100px;background:#1a1a1a">
<p data-node-id="2:5" style="position:absolute;left:10px;top:40px;margin:0;color:#fff">Buy now</p></div>
</div></body></html>`;

describe.runIf(runBrowser)("texts under a layer fixed on the viewport", () => {
  const browser = useBrowser();

  it("at 390 px (844 px tall) only the text under a box that scrolls with the page is covered", async () => {
    const report = await measureFrame(browser, {
      frame: FRAME,
      files: [{ path: "index.html", content: PAGE }],
      entry: "index.html",
      widths: [390],
    });
    const [w] = report.widths;
    expect(w!.problems.map((p) => [p.id, p.class])).toEqual([["2:6", "covered"]]);
    expect(w!.textVisible).toBeCloseTo(4 / 5, 6);
  });
});
