import { describe, expect, it } from "vitest";
import { boxDelta, layerWords, scoreSummary } from "./summary.js";
import type { FidelityScore, WidthScore } from "./types.js";

const width = (w: number, textVisible: number, overflowPx = 0): WidthScore => ({ width: w, textVisible, overflow: overflowPx > 0, overflowPx, hiddenTexts: [] });
const score = (iouMatched: number, widths: WidthScore[]): FidelityScore => ({ frameId: "1:1", frameName: "Page", iouMatched, meanIoU: iouMatched, matched: 1, designWidth: 1440, widths, worst: [] });

describe("scoreSummary", () => {
  it("says how close the design width is and what a phone and a tablet show", () => {
    expect(scoreSummary(score(0.9612, [width(1440, 1), width(390, 1), width(768, 0.871, 40)]))).toBe(
      "Matches the design 96 % · Phone: all text visible · Tablet: 87 % of text visible, scrolls sideways 40 px",
    );
  });
  it("never rounds a near miss up to 100 %, and names the design width only when something is wrong there", () => {
    expect(scoreSummary(score(0.996, [width(1440, 0.5), width(390, 1)]))).toBe("Matches the design 99 % · Design width (1440): 50 % of text visible · Phone: all text visible");
  });
});

describe("layer words", () => {
  it("says by how much a box is off, and when a layer is missing or hidden", () => {
    expect(boxDelta({ x: 10, y: 10, width: 100, height: 20 }, { x: 50, y: 10, width: 88, height: 20 })).toBe("40 px right, 12 px narrower");
    expect(boxDelta({ x: 10, y: 10, width: 100, height: 20 }, { x: 10.4, y: 9.8, width: 100, height: 20 })).toBe("in place");
    expect(layerWords({ nodeId: "1:4", name: "Icon", problem: "missing", iou: 0, design: { x: 0, y: 0, width: 16, height: 16 } })).toBe("Icon — missing (no element carries its id)");
  });
});
