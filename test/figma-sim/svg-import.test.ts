/** The simulator's createNodeFromSvg: a frame of vectors, one per drawn shape, as Figma's SVG import makes it. */
import { describe, expect, it } from "vitest";
import { createFigmaSim, type SimNode } from "./index.js";
import { importSvg, readColor, readTransform } from "./svg-import.js";

type Json = Record<string, unknown>;
const ICON = `<svg xmlns="http://www.w3.org/2000/svg" width="48" height="48" viewBox="0 0 24 24" fill="none"
  stroke="#ff0000" stroke-width="2" stroke-linecap="round">
  <defs><path id="unused" d="M0 0h24v24z"/></defs>
  <!-- a comment <path d="M0 0"/> -->
  <circle cx="12" cy="12" r="10"/>
  <g transform="translate(2 0)" opacity="0.5"><rect x="4" y="4" width="6" height="4" fill="#00f" stroke="none"/></g>
  <path d="M6 18L18 18" style="stroke: rgb(0, 128, 0); stroke-opacity: .5"/>
  <line x1="0" y1="0" x2="0" y2="10" fill="#000"/>
  <polygon points="0,0 4,0 4,4" fill="white" stroke="none" fill-rule="evenodd"/>
</svg>`;

describe("importSvg", () => {
  it("one VECTOR per drawn shape, in the viewBox's mapping to the svg's size, paints inherited and its own", () => {
    const svg = importSvg(ICON)!;
    expect([svg.width, svg.height]).toEqual([48, 48]);
    const shapes = svg.shapes.map((s) => s.rest);
    expect(shapes).toHaveLength(5);
    const [circle, rect, path, line, polygon] = shapes as [Json, Json, Json, Json, Json];
    // The circle: no fill (the svg's "none"), the inherited red stroke scaled ×2, its round cap.
    expect(circle).toMatchObject({
      type: "VECTOR",
      absoluteBoundingBox: { x: 4, y: 4, width: 40, height: 40 },
      fills: [],
      strokes: [{ type: "SOLID", color: { r: 1, g: 0, b: 0, a: 1 } }],
      strokeWeight: 4,
      strokeCap: "ROUND",
      strokeJoin: "MITER",
    });
    // The rect: moved by its group, its own fill, no stroke, the group's opacity; its outline in its own box.
    expect(rect).toMatchObject({
      absoluteBoundingBox: { x: 12, y: 8, width: 12, height: 8 },
      fills: [{ color: { r: 0, g: 0, b: 1, a: 1 } }],
      strokes: [],
      opacity: 0.5,
      fillGeometry: [{ path: "M0 0L12 0L12 8L0 8Z", windingRule: "NONZERO" }],
    });
    // Inline style over the inherited stroke; fill-rule read.
    expect(path["strokes"]).toEqual([{ type: "SOLID", color: { r: 0, g: 128 / 255, b: 0, a: 0.5 } }]);
    expect(line["fills"]).toEqual([]);
    expect(polygon).toMatchObject({ fills: [{ color: { r: 1, g: 1, b: 1, a: 1 } }] });
    expect((polygon["fillGeometry"] as Json[])[0]).toMatchObject({ windingRule: "EVENODD" });
  });

  it("sizes to the viewBox without width and height, centres a viewBox of another aspect, refuses non-SVG", () => {
    expect(importSvg(`<svg viewBox="0 0 30 10"><rect width="30" height="10"/></svg>`)).toMatchObject({
      width: 30,
      height: 10,
    });
    const wide = importSvg(`<svg width="20" height="20" viewBox="0 0 10 5"><rect width="10" height="5"/></svg>`)!;
    expect(wide.shapes[0]!.rest["absoluteBoundingBox"]).toEqual({ x: 0, y: 5, width: 20, height: 10 });
    expect(importSvg("<div>no svg</div>")).toBeUndefined();
  });

  it("reads colours and transforms as SVG writes them", () => {
    expect(readColor("#0f08")).toEqual({ r: 0, g: 1, b: 0, a: 0x88 / 255 });
    expect(readColor("none")).toBeUndefined();
    expect(readColor("url(#g)")).toBeUndefined();
    expect(readColor("rgba(255, 0, 0, 50%)")).toEqual({ r: 1, g: 0, b: 0, a: 0.5 });
    const m = readTransform("translate(10 0) rotate(90) scale(2)");
    expect([m.a, m.b, m.c, m.d, m.e, m.f].map((v) => Math.round(v * 1000) / 1000)).toEqual([0, 2, -2, 0, 10, 0]);
  });
});

describe("the simulator's createNodeFromSvg", () => {
  type Vector = SimNode & {
    strokes: readonly unknown[];
    strokeWeight: number;
    strokeCap: string;
    x: number;
    y: number;
  };

  it("makes a FRAME of the svg's size holding a VECTOR per shape, paints and strokes readable and settable", () => {
    const sim = createFigmaSim({ file: { document: { id: "0:0", type: "DOCUMENT", children: [] } } });
    const api = sim.figma as unknown as { createNodeFromSvg(svg: string): SimNode };
    const frame = api.createNodeFromSvg(ICON);
    expect([frame.type, frame.width, frame.height]).toEqual(["FRAME", 48, 48]);
    const vectors = frame.children as Vector[];
    expect(vectors.map((v) => v.type)).toEqual(["VECTOR", "VECTOR", "VECTOR", "VECTOR", "VECTOR"]);
    expect([vectors[1]!.x, vectors[1]!.y, vectors[1]!.width, vectors[1]!.height]).toEqual([12, 8, 12, 8]);
    expect(vectors[0]!.strokes).toEqual([{ type: "SOLID", color: { r: 1, g: 0, b: 0 }, opacity: 1 }]);
    expect([vectors[0]!.strokeWeight, vectors[0]!.strokeCap]).toEqual([4, "ROUND"]);
    expect(vectors[1]!.fills).toMatchObject([{ type: "SOLID", color: { r: 0, g: 0, b: 1 } }]);
    vectors[0]!.strokes = [{ type: "SOLID", color: { r: 0, g: 0, b: 0 } }];
    expect(vectors[0]!.strokes).toEqual([{ type: "SOLID", color: { r: 0, g: 0, b: 0 } }]);
    expect(() => api.createNodeFromSvg("<div/>")).toThrow(/parse/);
  });
});
