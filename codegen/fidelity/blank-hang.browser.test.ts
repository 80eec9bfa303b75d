/**
 * A preserved space where a line wraps (react-native-web's Text is `white-space: pre-wrap`) hangs past a right-aligned
 * line's end, outside the text's box, in a line box of its own: it shows the reader nothing, so the text probe
 * (text-probe.ts) does not sample it (zacht's Traction labels read as 6 % clipped in React Native, not in React).
 */
import { describe, expect, it } from "vitest";
import type { RestNode } from "./design-nodes.js";
import { measureFrame } from "../../cli/measure/responsive-page.js";
import { runBrowser, useBrowser } from "../../test/helpers/browser.js";

const box = (x: number, y: number, width: number, height: number) => ({ x, y, width, height });

const FRAME = {
  id: "1:1",
  name: "Axis",
  type: "FRAME",
  absoluteBoundingBox: box(0, 0, 400, 300),
  fills: [{ type: "SOLID", color: { r: 1, g: 1, b: 1, a: 1 } }],
  children: [
    {
      id: "2:1",
      name: "Label",
      type: "TEXT",
      characters: "COHORT THREE",
      style: { fontFamily: "sans-serif", fontSize: 30, lineHeightPx: 44 },
      fills: [{ type: "SOLID", color: { r: 0, g: 0, b: 0, a: 1 } }],
      absoluteBoundingBox: box(10, 10, 160, 88),
    },
  ],
} as unknown as RestNode;

const LABEL = "position:absolute;left:10px;top:10px;width:160px;text-align:right";
const page = (whiteSpace: string) => `<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; font: 900 30px/44px sans-serif; background: #fff; }
</style></head><body><div data-node-id="1:1" style="position:relative;max-width:400px;height:300px">
<div data-node-id="2:1" style="${LABEL};white-space:${whiteSpace}">COHORT THREE</div>
</div></body></html>`;

describe.runIf(runBrowser)("a space hung past a wrapped right-aligned line", () => {
  const browser = useBrowser();

  it.each(["pre-wrap", "normal"])("is not text a reader misses (white-space: %s)", async (whiteSpace) => {
    const report = await measureFrame(browser, {
      frame: FRAME,
      files: [{ path: "index.html", content: page(whiteSpace) }],
      entry: "index.html",
      widths: [390],
    });
    const [w] = report.widths;
    expect(w!.problems).toEqual([]);
    expect(w!.textVisible).toBe(1);
  });
});
