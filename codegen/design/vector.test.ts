import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { RestNode } from "../rest/reply";
import { escapeAttr } from "../escape";
import { containerParts, containerSvg, isIconContainer, isShapePicture, shapeSvg, standInSvg } from "./vector";

const BLACK = [{ type: "SOLID", color: { r: 0, g: 0, b: 0, a: 1 } }];
const RED = [{ type: "SOLID", color: { r: 1, g: 0, b: 0, a: 1 } }];
const OPEN =
  '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10" viewBox="0 0 20 10" fill="none" overflow="visible">';
const n = (id: string, type: string, extra: Record<string, unknown> = {}): RestNode =>
  ({ id, type, name: type.toLowerCase(), ...extra }) as RestNode;

describe("shapeSvg", () => {
  it("draws fill and stroke geometry in one group; the node id is left to the <svg> element", () => {
    const node = n("1:1", "VECTOR", {
      fills: BLACK,
      strokes: RED,
      strokeWeight: 1,
      fillGeometry: [{ path: "M0 0L20 10", windingRule: "NONZERO" }],
      strokeGeometry: [{ path: "M1 1", windingRule: "EVENODD" }],
      opacity: 0.5,
    });
    expect(shapeSvg(node, 20, 10)).toEqual({
      svg:
        `${OPEN}<g opacity="0.5"><path d="M0 0L20 10" fill="#000000" ` +
        `fill-rule="nonzero"/><path d="M1 1" fill="#ff0000" fill-rule="evenodd"/></g></svg>`,
      placeholder: false,
    });
  });

  it("draws an ellipse exactly and a path without geometry as a placeholder box", () => {
    expect(shapeSvg(n("1:2", "ELLIPSE", { fills: RED }), 20, 10)).toEqual({
      svg: `${OPEN}<ellipse cx="10" cy="5" rx="10" ry="5" fill="#ff0000"/></svg>`,
      placeholder: false,
    });
    expect(shapeSvg(n("1:3", "STAR", { strokes: BLACK, strokeWeight: 2 }), 20, 10)).toEqual({
      svg: `${OPEN}<rect width="20" height="10" fill="none" stroke="#000000" stroke-width="2"/></svg>`,
      placeholder: true,
    });
    // A line is a thin filled box along its longer side, as thick as its stroke.
    expect(shapeSvg(n("1:4", "LINE", { strokes: RED, strokeWeight: 2 }), 20, 0)).toEqual({
      svg:
        '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="0.01" viewBox="0 0 20 0.01" ' +
        'fill="none" overflow="visible"><rect width="20" height="2" fill="#ff0000"/></svg>',
      placeholder: false,
    });
  });

  it("escapes attribute values", () => {
    expect(escapeAttr(`a"b<c>&`)).toBe("a&quot;b&lt;c&gt;&amp;");
  });
});

describe("isIconContainer", () => {
  const box = (x: number, y: number, width: number, height: number) => ({
    absoluteBoundingBox: { x, y, width, height },
  });
  it("accepts groups of shapes with at least one path, nested groups included", () => {
    expect(isIconContainer(n("1:1", "GROUP", { children: [n("1:2", "VECTOR"), n("1:3", "ELLIPSE")] }))).toBe(true);
    expect(
      isIconContainer(
        n("1:1", "FRAME", {
          children: [
            n("1:2", "GROUP", { children: [n("1:3", "BOOLEAN_OPERATION", { children: [n("1:4", "RECTANGLE")] })] }),
          ],
        }),
      ),
    ).toBe(true);
  });

  it("reads each container's layers at most until its first layer that is not a shape (figmagic: every layer)", () => {
    const raw = JSON.parse(readFileSync("test/fixtures/figma/figmagic-design-system.file.json", "utf8"));
    let reads = 0;
    let nodes = 0;
    const counted = (node: RestNode): RestNode =>
      new Proxy(node, {
        get: (target, key) => {
          if (key !== "children") return Reflect.get(target, key);
          reads++;
          return target.children?.map(counted);
        },
      });
    const visit = (node: RestNode): void => {
      nodes++;
      isIconContainer(counted(node));
      for (const child of node.children ?? []) visit(child);
    };
    visit(raw.document as RestNode);
    // 1,205 layers: 7,289 child-list reads with a walk of every leaf first, 2,768 without it.
    expect(reads).toBeLessThan(nodes * 3);
  });

  it("refuses text, images, auto layout, shapes without paths and empty containers", () => {
    expect(isIconContainer(n("1:1", "GROUP", { children: [n("1:2", "VECTOR"), n("1:3", "TEXT")] }))).toBe(false);
    expect(
      isIconContainer(
        n("1:1", "GROUP", { children: [n("1:2", "VECTOR", { fills: [{ type: "IMAGE", imageRef: "x" }] })] }),
      ),
    ).toBe(false);
    expect(isIconContainer(n("1:1", "FRAME", { layoutMode: "HORIZONTAL", children: [n("1:2", "VECTOR")] }))).toBe(
      false,
    );
    expect(isIconContainer(n("1:1", "GROUP", { children: [n("1:2", "RECTANGLE"), n("1:3", "ELLIPSE")] }))).toBe(false);
    expect(isIconContainer(n("1:1", "GROUP", { children: [] }))).toBe(false);
    expect(isIconContainer(n("1:1", "RECTANGLE"))).toBe(false);
    // Hidden children do not count.
    expect(
      isIconContainer(n("1:1", "GROUP", { children: [n("1:2", "VECTOR", { visible: false }), n("1:3", "RECTANGLE")] })),
    ).toBe(false);
  });

  it("containerSvg rotates a leaf about its centre", () => {
    // A 10×10 square at 90° has 10×10 bounds at (5, 0) in a 20×10 group at (0, 0): centre (10, 5).
    const leaf = n("1:2", "VECTOR", {
      ...box(5, 0, 10, 10),
      rotation: Math.PI / 2,
      fills: BLACK,
      fillGeometry: [{ path: "M0 0", windingRule: "NONZERO" }],
    });
    const group = n("1:1", "GROUP", { ...box(0, 0, 20, 10), children: [leaf] });
    expect(containerSvg(group, { x: 0, y: 0, width: 20, height: 10 }, 20, 10)).toEqual({
      svg:
        `${OPEN}<g transform="translate(10 5) rotate(-90) translate(-5 -5)"><path ` +
        `data-node-id="1:2" d="M0 0" fill="#000000" fill-rule="nonzero"/></g></svg>`,
      placeholder: false,
    });
  });
});

describe("containerParts and standInSvg", () => {
  const box = (x: number, y: number, width: number, height: number) => ({
    absoluteBoundingBox: { x, y, width, height },
  });
  const icon = n("1:1", "GROUP", {
    ...box(100, 50, 20, 10),
    children: [
      n("1:2", "VECTOR", { ...box(100, 50, 10, 10), fills: RED }),
      n("1:3", "GROUP", {
        children: [n("1:4", "LINE", { ...box(110.04, 55, 10, 0), strokes: BLACK, strokeWeight: 1 })],
      }),
      n("1:5", "VECTOR", { ...box(0, 0, 1, 1), visible: false }),
    ],
  });

  it("lists the visible shape leaves with their boxes in the icon's coordinates and their colours", () => {
    // A line is the band its stroke paints: 1 px above its 0-px box (design/rule.ts).
    expect(containerParts(icon, { x: 100, y: 50, width: 20, height: 10 }, 20, 10, { w: 20, h: 10 })).toEqual([
      { id: "1:2", x: 0, y: 0, w: 10, h: 10, color: "#ff0000" },
      { id: "1:4", x: 10, y: 4, w: 10, h: 1, color: "#000000" },
    ]);
  });

  it("draws a line as that band, unturned, in the icon's coordinates", () => {
    const { svg } = containerSvg(icon, { x: 100, y: 50, width: 20, height: 10 }, 20, 10);
    expect(svg).toContain('<rect data-node-id="1:4" x="10.04" y="4" width="10" height="1" fill="#000000"/>');
  });

  it("places the parts where the SVG renders them when its box was rounded (fitted and centred)", () => {
    // The SVG is 19.6×10 in a 20×10 box: same scale, centred 0.2px to the right; to a tenth of a pixel for the
    // 1-px line, to a whole one for the 10-px square (7 px and up: TENTHS_UNDER).
    const parts = containerParts(icon, { x: 100, y: 50, width: 19.6, height: 10 }, 19.6, 10, { w: 20, h: 10 });
    expect(parts.map((p) => [p.x, p.y, p.w, p.h])).toEqual([
      [0, 0, 10, 10],
      [10.2, 4, 10, 1],
    ]);
  });

  it("draws each part as a box carrying its layer id, or one box for a single shape", () => {
    const parts = [
      { id: "1:2", x: 0, y: 0, w: 10, h: 10, color: "#ff0000" },
      { id: "1:4", x: 10, y: 5, w: 10, h: 1 },
    ];
    expect(standInSvg({ w: 20, h: 10, parts, stroke: { color: "#00ff00", weight: 1, align: "center" } })).toBe(
      `${OPEN}<rect data-node-id="1:2" width="10" height="10" fill="#ff0000"/><rect ` +
        `data-node-id="1:4" x="10" y="5" width="10" height="1" fill="#00ff00"/></svg>`,
    );
    expect(standInSvg({ w: 20, h: 10, fills: [{ kind: "solid", color: "#123456" }] })).toBe(
      `${OPEN}<rect width="20" height="10" fill="#123456"/></svg>`,
    );
    // A stroke-only line is stroked, so it stays visible at zero height.
    expect(standInSvg({ w: 20, h: 0, stroke: { color: "#000000", weight: 2, align: "center" } })).toContain(
      '<rect width="20" height="0" fill="none" stroke="#000000" stroke-width="2"/>',
    );
    expect(standInSvg({ w: 20, h: 10 })).toContain('fill="currentColor"');
  });
});

describe("containerSvg: masks", () => {
  it(
    "a mask in an icon is not painted: it masks the shapes " + "above it up to the next mask, without listing its own",
    () => {
      const rect = (id: string, x: number, extra: Record<string, unknown> = {}) =>
        n(id, "RECTANGLE", { absoluteBoundingBox: { x, y: 0, width: 10, height: 10 }, fills: BLACK, ...extra });
      const group = n("1:1", "GROUP", {
        absoluteBoundingBox: { x: 0, y: 0, width: 20, height: 10 },
        children: [
          rect("1:2", 0),
          rect("1:3", 0, { isMask: true, fills: RED, maskType: "LUMINANCE" }),
          rect("1:4", 10),
          rect("1:5", 5, { isMask: true, fills: RED }),
        ],
      });
      const { svg } = containerSvg(group, { x: 0, y: 0, width: 20, height: 10 }, 20, 10);
      expect(svg).toBe(
        OPEN +
          '<rect data-node-id="1:2" width="10" height="10" fill="#000000"/>' +
          '<defs><mask id="mask-1-3" style="mask-type:luminance" maskUnits="userSpaceOnUse" x="-100000" ' +
          'y="-100000" width="200000" height="200000"><rect width="10" height="10" fill="#ff0000"/></mask></defs>' +
          '<g mask="url(#mask-1-3)"><g transform="translate(10 0)"><rect ' +
          'data-node-id="1:4" width="10" height="10" fill="#000000"/></g></g>' +
          "</svg>",
      );
    },
  );
});

describe("isShapePicture (issue 53: a shape-only frame is one SVG, as Framelink sends it)", () => {
  const SHADOW = { type: "DROP_SHADOW", radius: 4, offset: { x: 0, y: 2 }, color: { r: 0, g: 0, b: 0, a: 1 } };
  const INNER = { ...SHADOW, type: "INNER_SHADOW" };
  const GRADIENT = {
    type: "GRADIENT_LINEAR",
    gradientHandlePositions: [
      { x: 0, y: 0.5 },
      { x: 1, y: 0.5 },
      { x: 0, y: 0 },
    ],
    gradientStops: [
      { position: 0, color: { r: 1, g: 0, b: 0, a: 1 } },
      { position: 1, color: { r: 0, g: 0, b: 0, a: 0.5 } },
    ],
  };
  const WHITE = [{ type: "SOLID", color: { r: 1, g: 1, b: 1, a: 1 } }];
  const box = (x: number, y: number, width: number, height: number) => ({
    absoluteBoundingBox: { x, y, width, height },
  });
  const swatches = (extra: Record<string, unknown> = {}): RestNode =>
    n("1:1", "FRAME", {
      fills: WHITE,
      clipsContent: true,
      cornerRadius: 4,
      layoutMode: "HORIZONTAL",
      ...box(0, 0, 20, 10),
      children: [
        n("1:2", "RECTANGLE", { fills: RED, ...box(0, 0, 10, 10) }),
        n("1:3", "ELLIPSE", { fills: BLACK, ...box(10, 0, 10, 10) }),
        n("1:4", "TEXT", { visible: false }),
      ],
      ...extra,
    });

  it("takes rectangles alone, in auto layout too (isIconContainer does not)", () => {
    expect(isShapePicture(swatches())).toBe(true);
    expect(isIconContainer(swatches())).toBe(false);
  });

  it("refuses a text, an instance, an image and a layer the SVG would not draw as Figma does", () => {
    const withChild = (child: RestNode) => swatches({ children: [n("1:2", "RECTANGLE", { fills: RED }), child] });
    expect(isShapePicture(withChild(n("1:5", "TEXT")))).toBe(false);
    expect(isShapePicture(withChild(n("1:5", "INSTANCE", { children: [n("1:6", "RECTANGLE")] })))).toBe(false);
    expect(isShapePicture(withChild(n("1:5", "RECTANGLE", { fills: [{ type: "IMAGE", imageRef: "a" }] })))).toBe(false);
    const angular = [{ type: "GRADIENT_ANGULAR", gradientStops: [{ position: 0, color: RED[0]!.color }] }];
    expect(isShapePicture(withChild(n("1:5", "RECTANGLE", { fills: angular })))).toBe(false);
    const blur = [{ type: "LAYER_BLUR", radius: 4 }];
    expect(isShapePicture(withChild(n("1:5", "RECTANGLE", { fills: RED, effects: blur })))).toBe(false);
    const inside = { fills: RED, strokes: BLACK, strokeWeight: 4, strokeAlign: "INSIDE" };
    expect(isShapePicture(withChild(n("1:5", "VECTOR", inside)))).toBe(false);
    expect(isShapePicture(swatches({ effects: [SHADOW] }))).toBe(false);
    expect(isShapePicture(swatches({ children: [] }))).toBe(false);
    expect(isShapePicture(swatches(box(0, 0, 320, 0)))).toBe(false);
    expect(isShapePicture(swatches({ type: "GROUP" }))).toBe(false);
  });

  it("takes a box's gradient, shadows and inside or outside stroke, which its SVG draws", () => {
    const withChild = (child: RestNode) => swatches({ children: [child] });
    expect(isShapePicture(withChild(n("1:5", "RECTANGLE", { fills: [GRADIENT] })))).toBe(true);
    expect(isShapePicture(withChild(n("1:5", "RECTANGLE", { fills: RED, effects: [SHADOW, INNER] })))).toBe(true);
    for (const strokeAlign of ["INSIDE", "OUTSIDE"])
      expect(isShapePicture(withChild(n("1:5", "ELLIPSE", { strokes: BLACK, strokeWeight: 4, strokeAlign })))).toBe(
        true,
      );
  });

  it("draws a picture layer's gradient from its handles, its shadows as a filter, its inside stroke clipped", () => {
    const bounds = { x: 0, y: 0, width: 20, height: 10 };
    const frame = swatches({
      children: [
        n("1:2", "RECTANGLE", { fills: [GRADIENT], effects: [SHADOW, INNER], ...box(0, 0, 10, 10) }),
        n("1:3", "RECTANGLE", { strokes: BLACK, strokeWeight: 2, strokeAlign: "INSIDE", ...box(10, 0, 10, 10) }),
      ],
    });
    const svg = containerSvg(frame, bounds, 20, 10, true).svg;
    // Handles (0, .5) → (1, .5), width along (0, 0) − (0, .5): the unit square onto the 10×10 box.
    expect(svg).toContain('<linearGradient id="fill-1-2" gradientUnits="userSpaceOnUse" ');
    expect(svg).toContain('gradientTransform="matrix(10 0 0 -5 0 5)" x1="0" y1="0" x2="1" y2="0">');
    expect(svg).toContain('<stop offset="0" stop-color="#ff0000"/><stop offset="1" stop-color="rgba(0, 0, 0, 0.5)"/>');
    expect(svg).toMatch(/<filter id="fx-1-2" [^>]*filterUnits="userSpaceOnUse"/);
    // The drop shadow: a blur of half Figma's radius, moved, knocked out under the layer; the inner one over it.
    expect(svg).toContain('<feGaussianBlur in="SourceAlpha" stdDeviation="2"/><feOffset dx="0" dy="2" result="b0"/>');
    expect(svg).toContain('<feMerge><feMergeNode in="e0"/><feMergeNode in="SourceGraphic"/><feMergeNode in="e1"/>');
    expect(svg).toContain(
      '<rect data-node-id="1:2" filter="url(#fx-1-2)" width="10" height="10" fill="url(#fill-1-2)"/>',
    );
    // Twice the weight on the outline, clipped to the box: the layer keeps its own box.
    expect(svg).toContain('<clipPath id="stroke-1-3"><rect width="10" height="10"/></clipPath>');
    expect(svg).toContain('stroke="#000000" stroke-width="4" clip-path="url(#stroke-1-3)"/>');
  });

  it("leaves an icon's shadows and gradient to its node's CSS (its SVG would draw them twice)", () => {
    const icon = n("2:1", "GROUP", {
      ...box(0, 0, 10, 10),
      children: [n("2:2", "VECTOR", { fills: [GRADIENT], effects: [SHADOW], ...box(0, 0, 10, 10) })],
    });
    const svg = containerSvg(icon, { x: 0, y: 0, width: 10, height: 10 }, 10, 10).svg;
    expect(svg).not.toContain("<filter");
    expect(svg).not.toContain("Gradient");
  });

  it("keeps the frame's own fill, corner radius and clip in the picture's SVG, not in an icon's", () => {
    const frame = swatches();
    const bounds = { x: 0, y: 0, width: 20, height: 10 };
    const picture = containerSvg(frame, bounds, 20, 10, true).svg;
    expect(picture).toMatch(/^<svg [^>]*fill="none"><rect width="20" height="10" rx="4" fill="#ffffff"\/>/);
    expect(picture).toContain('<rect data-node-id="1:2" width="10" height="10" fill="#ff0000"/>');
    expect(containerSvg(frame, bounds, 20, 10).svg).toMatch(/^<svg [^>]*overflow="visible"><rect data-node-id="1:2"/);
  });
});
