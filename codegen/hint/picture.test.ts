/**
 * Issue 53: a top-level frame of shapes alone (figmagic's token sheets: swatches, radii, spacing) is a picture, one
 * SVG, and the hint prints it as one node, as Framelink's get_figma_data sends it as one IMAGE-SVG.
 */
import { describe, expect, it } from "vitest";
import { loadDesign } from "../load";
import { printHint } from "./print";

const fill = (r: number, g: number, b: number) => [{ type: "SOLID", color: { r, g, b, a: 1 } }];
const rect = (id: string, x: number, extra: Record<string, unknown> = {}) => ({
  id,
  name: `Swatch ${id}`,
  type: "RECTANGLE",
  absoluteBoundingBox: { x, y: 0, width: 40, height: 40 },
  fills: fill(x / 200, 0.5, 0.5),
  ...extra,
});
const sheet = (children: Record<string, unknown>[]) =>
  loadDesign({
    nodes: {
      "1:1": {
        document: {
          id: "1:1",
          name: "Colors",
          type: "FRAME",
          clipsContent: true,
          fills: fill(1, 1, 1),
          absoluteBoundingBox: { x: 0, y: 0, width: 200, height: 40 },
          children,
        },
      },
    },
  });

describe("a frame of shapes alone in the hint", () => {
  it("is one vector line with its SVG, not a line a swatch", () => {
    const design = sheet([rect("1:2", 0), rect("1:3", 50), rect("1:4", 100, { cornerRadius: 8 })]);
    const lines = printHint(design.document)
      .split("\n")
      .filter((l) => /^\s*[A-Z] /.test(l));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^V 1:1 Colors 200x40 .*svg/);
    const frame = design.document.frames[0]!;
    expect(frame.kind).toBe("vector");
    const svg = design.document.assets[frame.asset!];
    expect(svg?.kind === "svg" ? svg.svg : "").toContain('<rect width="200" height="40" fill="#ffffff"/>');
  });

  it("stays a frame with its layers when one is a text", () => {
    const text = { id: "1:5", name: "Label", type: "TEXT", characters: "Hi", style: {}, fills: fill(0, 0, 0) };
    const design = sheet([rect("1:2", 0), { ...text, absoluteBoundingBox: { x: 50, y: 0, width: 20, height: 20 } }]);
    expect(design.document.frames[0]!.kind).toBe("frame");
    expect(printHint(design.document)).toContain("Label");
  });
});
