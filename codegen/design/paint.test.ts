import { describe, expect, it } from "vitest";
import type { RestNode } from "../rest/reply";
import { normalize } from "./normalize";
import { gradientCss, readPaints, readStroke, type PaintContext } from "./paint";

const RED = { r: 1, g: 0, b: 0, a: 1 };
const BLUE = { r: 0, g: 0, b: 1, a: 1 };
const stops = [
  { position: 0, color: RED },
  { position: 1, color: BLUE },
];

function linear(handles: [number, number][], gradientStops: unknown = stops): Record<string, unknown> {
  return { type: "GRADIENT_LINEAR", gradientHandlePositions: handles.map(([x, y]) => ({ x, y })), gradientStops };
}

function ctx(w = 200, h = 100): PaintContext & { refs: string[] } {
  const refs: string[] = [];
  return {
    w,
    h,
    refs,
    imageAsset: (ref) => {
      refs.push(ref);
      return { key: `asset-${ref}.png`, ...(ref === "sized" ? { width: 40, height: 30 } : {}) };
    },
  };
}

describe("gradientCss (linear)", () => {
  it("left → right is 90deg with stops at 0% and 100%", () => {
    // Handles at the middle of the left and right edges: dx = 200, dy = 0 → CSS 90deg; the gradient line is
    // the box width (200px) and the handles sit at its ends.
    expect(
      gradientCss(
        linear([
          [0, 0.5],
          [1, 0.5],
          [0, 1],
        ]),
        200,
        100,
        1,
      ),
    ).toBe("linear-gradient(90deg, #ff0000 0%, #0000ff 100%)");
  });

  it("top → bottom is 180deg", () => {
    expect(
      gradientCss(
        linear([
          [0.5, 0],
          [0.5, 1],
          [1, 0],
        ]),
        200,
        100,
        1,
      ),
    ).toBe("linear-gradient(180deg, #ff0000 0%, #0000ff 100%)");
  });

  it("right → left is 270deg and bottom → top 0deg", () => {
    expect(
      gradientCss(
        linear([
          [1, 0.5],
          [0, 0.5],
        ]),
        200,
        100,
        1,
      ),
    ).toBe("linear-gradient(270deg, #ff0000 0%, #0000ff 100%)");
    expect(
      gradientCss(
        linear([
          [0.5, 1],
          [0.5, 0],
        ]),
        200,
        100,
        1,
      ),
    ).toBe("linear-gradient(0deg, #ff0000 0%, #0000ff 100%)");
  });

  it("handles inside the box move the stops: 25% → 75% of the height", () => {
    // Start at y = 25px, end at y = 75px of a 100px-high gradient line.
    expect(
      gradientCss(
        linear([
          [0.5, 0.25],
          [0.5, 0.75],
        ]),
        200,
        100,
        1,
      ),
    ).toBe("linear-gradient(180deg, #ff0000 25%, #0000ff 75%)");
    // Stop positions are mapped too: a stop at 0.5 between them lands at 50%.
    const three = [...stops.slice(0, 1), { position: 0.5, color: { r: 0, g: 1, b: 0, a: 1 } }, ...stops.slice(1)];
    expect(
      gradientCss(
        linear(
          [
            [0.5, 0.25],
            [0.5, 0.75],
          ],
          three,
        ),
        200,
        100,
        1,
      ),
    ).toBe("linear-gradient(180deg, #ff0000 25%, #00ff00 50%, #0000ff 75%)");
  });

  it("diagonal corner to corner of a square is 135deg", () => {
    expect(
      gradientCss(
        linear([
          [0, 0],
          [1, 1],
          [-0.5, 0.5],
        ]),
        100,
        100,
        1,
      ),
    ).toBe("linear-gradient(135deg, #ff0000 0%, #0000ff 100%)");
  });

  it("diagonal corner to corner of a 200×100 box follows the handle direction in pixels", () => {
    // Direction (200, 100): CSS angle = atan2(200, -100) = 180° − atan(2) = 116.565° → 116.6deg.
    // Gradient line length = 200·sin + 100·|cos| = 200·0.8944 + 100·0.4472 = 223.6; the corners project to
    // ∓111.8 = ∓length/2, so the stops stay at 0% and 100%.
    expect(
      gradientCss(
        linear([
          [0, 0],
          [1, 1],
          [-0.25, 1],
        ]),
        200,
        100,
        1,
      ),
    ).toBe("linear-gradient(116.6deg, #ff0000 0%, #0000ff 100%)");
  });

  it("folds the paint opacity into every stop and skips stops without a colour", () => {
    const withJunk = [...stops, { position: 0.5 }];
    expect(
      gradientCss(
        linear(
          [
            [0, 0.5],
            [1, 0.5],
          ],
          withJunk,
        ),
        200,
        100,
        0.5,
      ),
    ).toBe("linear-gradient(90deg, rgba(255, 0, 0, 0.5) 0%, rgba(0, 0, 255, 0.5) 100%)");
  });

  it("has no CSS without stops; missing handles mean top → bottom", () => {
    expect(
      gradientCss(
        linear(
          [
            [0, 0.5],
            [1, 0.5],
          ],
          [],
        ),
        200,
        100,
        1,
      ),
    ).toBeUndefined();
    expect(gradientCss({ type: "GRADIENT_LINEAR", gradientStops: stops }, 200, 100, 1)).toBe(
      "linear-gradient(180deg, #ff0000 0%, #0000ff 100%)",
    );
  });
});

describe("gradientCss (radial, angular)", () => {
  it("radial: radii from the handles in pixels, centre in percent", () => {
    const paint = {
      type: "GRADIENT_RADIAL",
      gradientHandlePositions: [
        { x: 0.5, y: 0.5 },
        { x: 1, y: 0.5 },
        { x: 0.5, y: 1 },
      ],
      gradientStops: stops,
    };
    expect(gradientCss(paint, 200, 100, 1)).toBe("radial-gradient(100px 50px at 50% 50%, #ff0000 0%, #0000ff 100%)");
  });

  it("radial off-centre with default radii", () => {
    const paint = { type: "GRADIENT_RADIAL", gradientHandlePositions: [{ x: 0.25, y: 0 }], gradientStops: stops };
    expect(gradientCss(paint, 200, 100, 1)).toBe("radial-gradient(100px 50px at 25% 0%, #ff0000 0%, #0000ff 100%)");
  });

  it("diamond is approximated as radial", () => {
    const paint = {
      type: "GRADIENT_DIAMOND",
      gradientHandlePositions: [
        { x: 0.5, y: 0.5 },
        { x: 0.5, y: 0 },
        { x: 0.75, y: 0.5 },
      ],
      gradientStops: stops,
    };
    expect(gradientCss(paint, 200, 100, 1)).toBe("radial-gradient(50px 50px at 50% 50%, #ff0000 0%, #0000ff 100%)");
  });

  it("angular starts where the second handle points", () => {
    const paint = {
      type: "GRADIENT_ANGULAR",
      gradientHandlePositions: [
        { x: 0.5, y: 0.5 },
        { x: 1, y: 0.5 },
      ],
      gradientStops: stops,
    };
    expect(gradientCss(paint, 200, 100, 1)).toBe("conic-gradient(from 90deg at 50% 50%, #ff0000 0%, #0000ff 100%)");
  });
});

describe("readPaints", () => {
  it("reads a solid with its paint opacity folded into the alpha", () => {
    const c = ctx();
    expect(readPaints([{ type: "SOLID", color: { r: 0, g: 0, b: 0, a: 1 }, opacity: 0.5 }], c)).toEqual([
      { kind: "solid", color: "rgba(0, 0, 0, 0.5)" },
    ]);
    expect(readPaints([{ type: "SOLID", color: { r: 0, g: 0, b: 0, a: 0.5 }, opacity: 0.5 }], c)).toEqual([
      { kind: "solid", color: "rgba(0, 0, 0, 0.25)" },
    ]);
  });

  it("skips invisible paints and keeps Figma's bottom-first order", () => {
    const paints = readPaints(
      [
        { type: "SOLID", color: RED },
        { type: "SOLID", color: BLUE, visible: false },
        { type: "SOLID", color: { r: 0, g: 1, b: 0, a: 1 }, blendMode: "MULTIPLY" },
      ],
      ctx(),
    );
    expect(paints).toEqual([
      { kind: "solid", color: "#ff0000" },
      { kind: "solid", color: "#00ff00", blend: "multiply" },
    ]);
  });

  it("registers an image fill as an asset, with its fit and opacity", () => {
    const c = ctx();
    const paints = readPaints(
      [
        { type: "IMAGE", imageRef: "abc123", scaleMode: "FIT", opacity: 0.8 },
        { type: "IMAGE", imageRef: "def456", scaleMode: "TILE" },
        { type: "IMAGE", scaleMode: "STRETCH" },
      ],
      c,
    );
    expect(paints).toEqual([
      { kind: "image", asset: "asset-abc123.png", fit: "contain", opacity: 0.8 },
      { kind: "image", asset: "asset-def456.png", fit: "tile" },
      { kind: "image", asset: "asset-missing.png", fit: "fill" },
    ]);
    expect(c.refs).toEqual(["abc123", "def456", "missing"]);
  });

  it("ignores non-arrays, junk entries and unknown paint types", () => {
    expect(readPaints(undefined, ctx())).toEqual([]);
    expect(readPaints([null, 3, { type: "VIDEO" }, { type: "SOLID" }], ctx())).toEqual([]);
  });
});

describe("readStroke", () => {
  it("reads a uniform stroke with its alignment", () => {
    const node = { strokes: [{ type: "SOLID", color: BLUE }], strokeWeight: 2, strokeAlign: "OUTSIDE" };
    expect(readStroke(node, ctx())).toEqual({ color: "#0000ff", weight: 2, align: "outside" });
  });

  it("reads per-side weights in CSS order and collapses equal ones", () => {
    const node = {
      strokes: [{ type: "SOLID", color: BLUE }],
      strokeWeight: 1,
      individualStrokeWeights: { top: 1, right: 0, bottom: 3, left: 0 },
    };
    expect(readStroke(node, ctx())).toEqual({ color: "#0000ff", weight: [1, 0, 3, 0], align: "inside" });
    const equal = {
      strokes: [{ type: "SOLID", color: BLUE }],
      individualStrokeWeights: { top: 4, right: 4, bottom: 4, left: 4 },
    };
    expect(readStroke(equal, ctx())?.weight).toBe(4);
  });

  it("has no stroke for weight 0, no paints or only invisible paints", () => {
    expect(readStroke({ strokes: [{ type: "SOLID", color: BLUE }], strokeWeight: 0 }, ctx())).toBeUndefined();
    expect(readStroke({ strokes: [], strokeWeight: 1 }, ctx())).toBeUndefined();
    expect(
      readStroke({ strokes: [{ type: "SOLID", color: BLUE, visible: false }], strokeWeight: 1 }, ctx()),
    ).toBeUndefined();
  });

  it("takes a gradient stroke's first stop colour and keeps dashes", () => {
    const node = {
      strokes: [
        linear([
          [0, 0.5],
          [1, 0.5],
        ]),
      ],
      strokeWeight: 1.5,
      strokeAlign: "CENTER",
      strokeDashes: [4, 2],
    };
    expect(readStroke(node, ctx())).toEqual({ color: "#ff0000", weight: 1.5, align: "center", dashes: [4, 2] });
  });
});

describe("image fills in the design tree", () => {
  it("become an image asset plus a missing-image problem, once per imageRef", () => {
    const image = { type: "IMAGE", imageRef: "0123456789abcdef", scaleMode: "FILL" };
    const root: RestNode = {
      id: "1:1",
      name: "Screen",
      type: "FRAME",
      absoluteBoundingBox: { x: 0, y: 0, width: 400, height: 300 },
      children: [
        {
          id: "1:2",
          name: "Hero photo",
          type: "RECTANGLE",
          absoluteBoundingBox: { x: 0, y: 0, width: 400, height: 200 },
          fills: [image],
        },
        {
          id: "1:3",
          name: "Thumb",
          type: "RECTANGLE",
          absoluteBoundingBox: { x: 0, y: 200, width: 40, height: 40 },
          fills: [image],
        },
      ],
    };
    const { document, problems } = normalize([root], { components: new Map(), styles: new Map() });
    const [hero, thumb] = document.frames[0]!.children!;
    expect(hero!.fills).toEqual([{ kind: "image", asset: "hero-photo.svg", fit: "cover" }]);
    expect(thumb!.fills).toEqual([{ kind: "image", asset: "hero-photo.svg", fit: "cover" }]);
    expect(document.assets).toEqual({
      "hero-photo.svg": { kind: "image", name: "hero-photo.svg", imageRef: "0123456789abcdef" },
    });
    const missing = problems.filter((p) => p.code === "missing-image");
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ severity: "info", nodeId: "1:2" });
    expect(missing[0]!.message).toContain("0123456789ab");
  });
});
