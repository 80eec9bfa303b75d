import { describe, expect, it } from "vitest";
import {
  asDrawing,
  asDrawingMarkup,
  drawingAt,
  drawingLabel,
  drawingsSummary,
  pageTone,
  widthsPerDrawing,
} from "./drawings.js";
import type { FidelityScore } from "./types.js";

describe("a page drawn at several widths, measured against each drawing", () => {
  it("makes each element answer to the measured drawing's layer", () => {
    const markup = '<div class="a" data-node-id="1:2" data-node-ids="1:2 5:2 9:2"><p data-node-id="1:3">x</p></div>';
    expect(asDrawingMarkup(markup, new Set(["5:2", "5:3"]))).toBe(
      '<div class="a" data-node-id="5:2" data-node-ids="1:2 5:2 9:2"><p data-node-id="1:3">x</p></div>',
    );
    // Either order of the two attributes (a model may write them so).
    expect(asDrawingMarkup('<b data-node-ids="1:2 5:2" data-node-id="1:2">', new Set(["5:2"]))).toBe(
      '<b data-node-ids="1:2 5:2" data-node-id="5:2">',
    );
    const files = asDrawing(
      [
        { path: "index.html", content: markup },
        { path: "styles.css", content: '[data-node-id="1:2"] {}' },
      ],
      new Set(["9:2"]),
    );
    expect(files[0]!.content).toContain('data-node-id="9:2"');
    expect(files[1]!.content).toBe('[data-node-id="1:2"] {}');
  });

  it("reads each width against the drawing that applies: the widest drawn at or below it, else the narrowest", () => {
    const drawn = [1440, 768, 375];
    expect([1920, 1440, 1024, 768, 500, 390, 375, 320].map((w) => drawingAt(drawn, w))).toEqual([
      0, 0, 1, 1, 2, 2, 2, 2,
    ]);
    expect(widthsPerDrawing(drawn)).toEqual([[0, 1920], [0], [0, 390]]);
    expect(widthsPerDrawing(drawn, [0, 1024, 320])).toEqual([[0], [0, 1024], [0, 320]]);
  });

  it("says each drawing's figure by its device and width", () => {
    expect([1440, 1024, 768, 480, 375].map(drawingLabel)).toEqual([
      "Desktop 1440",
      "Desktop 1024",
      "Tablet 768",
      "Phone 480",
      "Phone 375",
    ]);
    const score = (designWidth: number, iouMatched: number): FidelityScore => ({
      frameId: `${designWidth}`,
      frameName: "",
      iouMatched,
      meanIoU: iouMatched,
      matched: 1,
      designWidth,
      widths: [],
      worst: [],
    });
    const drawings = [score(1440, 0.991), score(768, 0.97), score(375, 0.6)];
    expect(drawingsSummary(drawings)).toBe(
      "Desktop 1440: matches 99 % · Tablet 768: matches 97 % · Phone 375: matches 60 %",
    );
    expect(pageTone({ ...drawings[0]!, drawings })).toBe("poor");
  });
});
