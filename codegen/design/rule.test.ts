import { describe, expect, it } from "vitest";
import { paintedRule } from "./rule.js";

const box = (x: number, y: number, width: number, height: number) => ({ x, y, width, height });
const black = [{ type: "SOLID", color: { r: 0, g: 0, b: 0, a: 1 } }];

/** A LINE layer as the reply holds it. */
function line(extra: Record<string, unknown>): Record<string, unknown> {
  return { id: "1:1", name: "Line", type: "LINE", strokes: black, strokeAlign: "CENTER", ...extra };
}

describe("a line as Figma paints it (design/rule.ts)", () => {
  it("is the band of Figma's own paint bounds across the line, its box along it (Zacht's 5-px Baseline)", () => {
    // 0:268 of the investor pitch: a 1810-px line at y 5660, painted from 5655 to 5660 (round caps: bounds 1800 wide).
    const baseline = line({
      strokeWeight: 5,
      strokeCap: "ROUND",
      absoluteBoundingBox: box(6480, 5660, 1810, 0),
      absoluteRenderBounds: box(6480, 5655, 1800, 5),
    });
    expect(paintedRule(baseline)).toEqual(box(6480, 5655, 1810, 5));
    // A Guide turned +90°: painted on its right.
    const guide = line({
      strokeWeight: 4,
      rotation: Math.PI / 2,
      absoluteBoundingBox: box(6480, 5390, 0, 650),
      absoluteRenderBounds: box(6480, 5390, 4, 650),
    });
    expect(paintedRule(guide)).toEqual(box(6480, 5390, 4, 650));
  });

  it("without paint bounds: above a horizontal line, right of one turned +90°, left of one turned -90°", () => {
    expect(paintedRule(line({ strokeWeight: 2, absoluteBoundingBox: box(10, 100, 300, 0) }))).toEqual(
      box(10, 98, 300, 2),
    );
    const upright = { strokeWeight: 4, absoluteBoundingBox: box(50, 0, 0, 160) };
    expect(paintedRule(line({ ...upright, rotation: Math.PI / 2 }))).toEqual(box(50, 0, 4, 160));
    expect(paintedRule(line({ ...upright, rotation: -Math.PI / 2 }))).toEqual(box(46, 0, 4, 160));
  });

  it("a line turned a hair (1 px over 857) is still a band: its paint bounds, 3 px", () => {
    const traction = line({
      strokeWeight: 2,
      rotation: -0.0011668605756316186,
      absoluteBoundingBox: box(7303, 2875, 857, 1),
      absoluteRenderBounds: box(7302.999, 2873.0012, 857, 2.9976),
    });
    expect(paintedRule(traction)).toEqual(box(7303, 2873.0012, 857, 2.9976));
  });

  it("paint bounds that are not the stroke's (a shadow) give way to the stroke's weight", () => {
    const shadowed = line({
      strokeWeight: 1,
      absoluteBoundingBox: box(0, 40, 200, 0),
      absoluteRenderBounds: box(-10, 30, 220, 24),
    });
    expect(paintedRule(shadowed)).toEqual(box(0, 39, 200, 1));
  });

  it("is nothing for a slanted line, a line without a visible stroke, or any other layer", () => {
    expect(paintedRule(line({ strokeWeight: 2, absoluteBoundingBox: box(0, 0, 100, 100) }))).toBeUndefined();
    expect(paintedRule(line({ strokes: [], absoluteBoundingBox: box(0, 0, 100, 0) }))).toBeUndefined();
    const hidden = [{ ...black[0], visible: false }];
    expect(paintedRule(line({ strokes: hidden, absoluteBoundingBox: box(0, 0, 100, 0) }))).toBeUndefined();
    expect(paintedRule({ ...line({ absoluteBoundingBox: box(0, 0, 100, 0) }), type: "VECTOR" })).toBeUndefined();
  });
});
