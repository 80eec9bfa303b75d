import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { RestContext, RestNode } from "../rest/reply";
import type { DesignNode } from "./types";
import { meaningfulName, normalize, roundPx, slug, textLayerName } from "./normalize";

const BLACK = [{ type: "SOLID", color: { r: 0, g: 0, b: 0, a: 1 } }];
const RED = [{ type: "SOLID", color: { r: 1, g: 0, b: 0, a: 1 } }];

function ctx(components: [string, string][] = []): RestContext {
  return { components: new Map(components.map(([id, name]) => [id, { name }])), styles: new Map() };
}

function box(x: number, y: number, width: number, height: number) {
  return { absoluteBoundingBox: { x, y, width, height } };
}

function node(
  id: string,
  type: string,
  name: string,
  b: ReturnType<typeof box>,
  extra: Record<string, unknown> = {},
): RestNode {
  return { id, type, name, ...b, ...extra } as RestNode;
}

function run(nodes: RestNode[], context = ctx()) {
  return normalize(nodes, context);
}

const ids = (n: DesignNode | undefined): string[] => (n?.children ?? []).map((c) => c.id);

describe("normalize: hidden layers", () => {
  it("drops hidden layers outside instances", () => {
    const root = node("1:1", "FRAME", "Screen", box(0, 0, 100, 100), {
      children: [
        node("1:2", "RECTANGLE", "Shown", box(0, 0, 10, 10)),
        node("1:3", "RECTANGLE", "Gone", box(0, 0, 10, 10), { visible: false }),
      ],
    });
    expect(ids(run([root]).document.frames[0])).toEqual(["1:2"]);
  });

  it("a hidden top-level node is skipped with a problem", () => {
    const { document, problems } = run([node("1:1", "FRAME", "Hidden", box(0, 0, 10, 10), { visible: false })]);
    expect(document.frames).toEqual([]);
    expect(problems.map((p) => p.code)).toEqual(["skipped-node"]);
  });

  it("keeps a layer hidden in one instance only when another instance of the component shows it", () => {
    const instance = (id: string, iconVisible: boolean, badgeVisible: boolean) =>
      node(id, "INSTANCE", "Row", box(0, 0, 100, 20), {
        componentId: "5:1",
        children: [
          node(`I${id};5:2`, "TEXT", "Label", box(0, 0, 50, 20), { characters: "Label" }),
          node(`I${id};5:3`, "RECTANGLE", "Icon", box(60, 0, 20, 20), { visible: iconVisible }),
          node(`I${id};5:4`, "RECTANGLE", "Badge", box(80, 0, 20, 20), { visible: badgeVisible }),
        ],
      });
    const root = node("1:1", "FRAME", "List", box(0, 0, 100, 40), {
      children: [instance("10:1", true, false), instance("10:2", false, false)],
    });
    const [a, b] = run([root], ctx([["5:1", "Row"]])).document.frames[0]!.children!;
    // The icon is shown in 10:1, so 10:2 keeps it as hidden; the badge is hidden everywhere and goes.
    expect(ids(a)).toEqual(["I10:1;5:2", "I10:1;5:3"]);
    expect(ids(b)).toEqual(["I10:2;5:2", "I10:2;5:3"]);
    expect(a!.children![1]!.hidden).toBeUndefined();
    expect(b!.children![1]!.hidden).toBe(true);
    expect(a!.component).toEqual({ id: "5:1", name: "Row" });
  });

  it("does not keep a hidden layer because an instance of another component shows the same inner id", () => {
    const inst = (id: string, componentId: string, visible: boolean) =>
      node(id, "INSTANCE", "X", box(0, 0, 10, 10), {
        componentId,
        children: [node(`I${id};7:7`, "RECTANGLE", "Dot", box(0, 0, 5, 5), { visible })],
      });
    const root = node("1:1", "FRAME", "F", box(0, 0, 100, 100), {
      children: [inst("10:1", "5:1", true), inst("10:2", "6:1", false)],
    });
    const [a, b] = run([root]).document.frames[0]!.children!;
    expect(ids(a)).toEqual(["I10:1;7:7"]);
    expect(b!.children).toBeUndefined();
  });
});

describe("normalize: names", () => {
  it.each([
    ["Rectangle 12", ""],
    ["Group 3 copy", ""],
    ["Oval 1 copy 2", ""],
    ["Frame", ""],
    ["Vector", ""],
    ["Hero image", "Hero image"],
    ["Rectangle Button", "Rectangle Button"],
    ["Group 3 copyright", "Group 3 copyright"],
  ])("%j → %j", (name, expected) => {
    expect(meaningfulName(name)).toBe(expected);
  });

  it("auto-named layers get an empty name in the tree; text layers keep their characters as name", () => {
    const root = node("1:1", "FRAME", "Card", box(0, 0, 200, 100), {
      children: [
        node("1:2", "RECTANGLE", "Rectangle 12", box(0, 0, 10, 10)),
        node("1:3", "TEXT", "Welcome back", box(0, 0, 10, 10), { characters: "Welcome back,\nfriend" }),
        node("1:4", "TEXT", "Title", box(0, 0, 10, 10), { characters: "Hello" }),
      ],
    });
    const frame = run([root]).document.frames[0]!;
    expect(frame.name).toBe("Card");
    expect(frame.children!.map((c) => c.name)).toEqual(["", "Welcome back,\nfriend", "Title"]);
  });

  it("keeps the dropped generated names beside the tree, for the text a designer reads", () => {
    const root = node("1:1", "FRAME", "Frame 59598", box(0, 0, 200, 100), {
      children: [
        node("1:2", "RECTANGLE", "Rectangle", box(0, 0, 10, 10)),
        node("1:3", "RECTANGLE", "Photo", box(0, 0, 10, 10)),
      ],
    });
    const { document } = run([root]);
    expect(document.frames[0]!.name).toBe("");
    expect(document.layerNames).toEqual({ "1:1": "Frame 59598", "1:2": "Rectangle" });
    expect(
      run([
        node("2:1", "FRAME", "Card", box(0, 0, 10, 10), {
          children: [node("2:2", "RECTANGLE", "Photo", box(0, 0, 1, 1))],
        }),
      ]).document.layerNames,
    ).toBeUndefined();
  });

  it("a text layer named by its characters, whitespace collapsed (or their first 8 and more), takes them", () => {
    // The rule as the regex writes it: the comparison reads both in place.
    const collapse = (t: string): string => t.replace(/\s+/g, " ").trim();
    const reference = (name: string, chars: string): string => {
      const a = collapse(name);
      const b = collapse(chars);
      return a === b || (a.length >= 8 && b.startsWith(a)) ? chars : name;
    };
    expect(textLayerName("  Welcome \n back ", "Welcome back,\nfriend")).toBe("Welcome back,\nfriend");
    expect(textLayerName("Welcome", "Welcome back")).toBe("Welcome");
    expect(textLayerName("Hello\u00a0\u2028world", "Hello world")).toBe("Hello world");
    expect(textLayerName("Title", 12)).toBe("Title");
    const text = fc.string({
      unit: fc.constantFrom("a", "b", " ", "\n", "\t", "\u00a0", "\u3000", "\ufeff", "\r", "\u2000", "é"),
      maxLength: 14,
    });
    fc.assert(
      fc.property(text, text, (name, chars) => {
        expect(textLayerName(name, chars)).toBe(reference(name, chars));
        expect(textLayerName(name, name + chars)).toBe(reference(name, name + chars));
      }),
      { numRuns: 2000 },
    );
  });

  it("slug and roundPx", () => {
    expect(slug("Ícon / Search!")).toBe("icon-search");
    expect(slug("***")).toBe("asset");
    // Tenths: the design's sub-pixel places kept (fitma's Thumbnail, a page at 0.4 scale), float noise dropped.
    expect(roundPx(12.6)).toBe(12.6);
    expect(roundPx(1326.4000244140625)).toBe(1326.4);
    expect(roundPx(120.00000305)).toBe(120);
    expect(roundPx(3.14259)).toBe(3.1);
  });
});

describe("normalize: icon-like groups", () => {
  const icon = (children: RestNode[]) =>
    node("1:1", "FRAME", "Toolbar", box(0, 0, 100, 100), {
      children: [node("2:1", "GROUP", "Icon/Search", box(10, 10, 24, 24), { children })],
    });

  it("collapse into one vector node whose SVG shapes carry data-node-id", () => {
    const root = icon([
      node("2:2", "VECTOR", "Vector", box(12, 12, 10, 10), {
        fills: BLACK,
        fillGeometry: [{ path: "M0 0L10 0L10 10Z", windingRule: "NONZERO" }],
      }),
      node("2:3", "VECTOR", "Vector", box(20, 20, 12, 12), {
        fills: RED,
        fillGeometry: [{ path: "M0 0H12V12Z", windingRule: "EVENODD" }],
      }),
    ]);
    const { document, problems } = run([root]);
    const group = document.frames[0]!.children![0]!;
    expect(group).toMatchObject({
      id: "2:1",
      kind: "vector",
      name: "Icon/Search",
      asset: "icon-search.svg",
      x: 10,
      y: 10,
      w: 24,
      h: 24,
    });
    expect(group.children).toBeUndefined();
    // Leaf centres relative to the group: (12+5−10, 12+5−10) = (7, 7) → translate(2 2); (20+6−10) = 16 → translate(10
    // 10).
    expect(document.assets["icon-search.svg"]).toEqual({
      kind: "svg",
      name: "icon-search.svg",
      svg:
        '<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" ' +
        'viewBox="0 0 24 24" fill="none" overflow="visible">' +
        '<g transform="translate(2 2)"><path data-node-id="2:2" d="M0 ' +
        '0L10 0L10 10Z" fill="#000000" fill-rule="nonzero"/></g>' +
        '<g transform="translate(10 10)"><path data-node-id="2:3" ' +
        'd="M0 0H12V12Z" fill="#ff0000" fill-rule="evenodd"/></g>' +
        "</svg>",
    });
    expect(problems).toEqual([]);
  });

  it("without geometry, draws placeholder boxes and reports it", () => {
    const root = icon([node("2:2", "VECTOR", "Vector", box(10, 10, 24, 24), { fills: BLACK })]);
    const { document, problems } = run([root]);
    expect(document.assets["icon-search.svg"]).toMatchObject({ kind: "svg", placeholder: true });
    expect((document.assets["icon-search.svg"] as { svg: string }).svg).toContain(
      '<rect data-node-id="2:2" width="24" height="24" fill="#000000"/>',
    );
    expect(problems.map((p) => [p.code, p.nodeId])).toEqual([["vector-placeholder", "2:1"]]);
  });

  it("an image in a vector shape (with its outline) is the image drawn as its box, not an empty SVG", () => {
    const photo = node("2:2", "VECTOR", "Blob photo", box(10, 10, 40, 40), {
      fills: [{ type: "IMAGE", imageRef: "ref1", scaleMode: "FILL" }],
      fillGeometry: [{ path: "M0 0L40 0L20 40Z", windingRule: "NONZERO" }],
    });
    const shape = node("2:3", "VECTOR", "Line", box(60, 10, 20, 20), {
      fills: BLACK,
      fillGeometry: [{ path: "M0 0L20 20Z", windingRule: "NONZERO" }],
    });
    const root = node("2:1", "GROUP", "Card", box(0, 0, 100, 60), { children: [photo, shape] });
    const { document, problems } = run([root]);
    const [drawnPhoto, drawnShape] = document.frames[0]!.children!;
    expect(drawnPhoto!.asset).toBeUndefined();
    expect(drawnPhoto!.fills).toEqual([expect.objectContaining({ kind: "image" })]);
    expect(drawnShape!.asset).toBeDefined();
    // No bytes were given here: the image is also reported missing, as any image fill would be.
    expect(problems.map((p) => [p.code, p.nodeId])).toEqual([
      ["missing-image", "2:2"],
      ["image-in-shape", "2:2"],
    ]);
  });

  it("a group holding text, or only rectangles, stays a group", () => {
    const withText = icon([
      node("2:2", "VECTOR", "V", box(10, 10, 5, 5)),
      node("2:3", "TEXT", "T", box(15, 15, 5, 5), { characters: "T" }),
    ]);
    expect(run([withText]).document.frames[0]!.children![0]!.kind).toBe("group");
    const rectsOnly = icon([node("2:2", "RECTANGLE", "R", box(10, 10, 5, 5))]);
    expect(run([rectsOnly]).document.frames[0]!.children![0]!.kind).toBe("group");
  });
});

describe("normalize: auto layout children", () => {
  it("flow children have no x/y; absolute children get x/y, absolute and constraints", () => {
    const root = node("1:1", "FRAME", "Bar", box(100, 100, 300, 100), {
      layoutMode: "HORIZONTAL",
      itemSpacing: 10,
      primaryAxisSizingMode: "FIXED",
      counterAxisSizingMode: "FIXED",
      children: [
        node("1:2", "RECTANGLE", "Flow", box(110, 110, 50, 50), {
          layoutSizingHorizontal: "FIXED",
          layoutSizingVertical: "FILL",
          constraints: { horizontal: "RIGHT", vertical: "TOP" },
        }),
        node("1:3", "RECTANGLE", "Pinned", box(350, 120, 20, 20), {
          layoutPositioning: "ABSOLUTE",
          constraints: { horizontal: "RIGHT", vertical: "TOP" },
        }),
      ],
    });
    const frame = run([root]).document.frames[0]!;
    expect(frame.x).toBeUndefined();
    expect(frame.layout).toEqual({ dir: "row", gap: 10, padding: [0, 0, 0, 0], justify: "start", align: "start" });
    expect([frame.sizeH, frame.sizeV]).toEqual(["fixed", "fixed"]);
    const [flow, pinned] = frame.children!;
    expect(flow).toEqual({ id: "1:2", name: "Flow", kind: "rect", w: 50, h: 50, sizeH: "fixed", sizeV: "fill" });
    expect(pinned).toEqual({
      id: "1:3",
      name: "Pinned",
      kind: "rect",
      w: 20,
      h: 20,
      x: 250,
      y: 20,
      absolute: true,
      constraintH: "right",
    });
  });

  it("children of a plain frame are positioned relative to it, not absolute-flagged", () => {
    const root = node("1:1", "FRAME", "Canvas", box(-50, 20, 300, 200), {
      children: [
        node("1:2", "RECTANGLE", "Box", box(-40, 45, 30, 30), {
          constraints: { horizontal: "SCALE", vertical: "BOTTOM" },
        }),
      ],
    });
    const child = run([root]).document.frames[0]!.children![0]!;
    expect(child).toEqual({
      id: "1:2",
      name: "Box",
      kind: "rect",
      w: 30,
      h: 30,
      x: 10,
      y: 25,
      constraintH: "scale",
      constraintV: "bottom",
    });
  });

  it("a rotated child keeps its unrotated size and is placed by its centre", () => {
    // 100×50 at 30° clockwise: bounds 111.60×93.30 at (10, 20); centre (65.80, 66.65) → x = 15.8, y = 41.65.
    const cos = Math.cos(Math.PI / 6);
    const root = node("1:1", "FRAME", "F", box(0, 0, 400, 400), {
      children: [
        node("1:2", "RECTANGLE", "Tilted", box(10, 20, 100 * cos + 25, 50 + 50 * cos), { rotation: -Math.PI / 6 }),
      ],
    });
    expect(run([root]).document.frames[0]!.children![0]).toEqual({
      id: "1:2",
      name: "Tilted",
      kind: "rect",
      w: 100,
      h: 50,
      x: 15.8,
      y: 41.7,
      rotation: 30,
    });
  });
});

describe("normalize: other fields", () => {
  it("reads radius, effects, opacity, blend, clip and component names", () => {
    const root = node("1:1", "FRAME", "Card", box(0, 0, 100, 100), {
      clipsContent: true,
      fills: [{ type: "SOLID", color: { r: 1, g: 1, b: 1, a: 1 } }],
      rectangleCornerRadii: [8, 8, 0, 0],
      opacity: 0.5,
      blendMode: "MULTIPLY",
      effects: [
        {
          type: "DROP_SHADOW",
          visible: true,
          radius: 8,
          offset: { x: 0, y: 4 },
          spread: 0,
          color: { r: 0, g: 0, b: 0, a: 0.25 },
        },
        { type: "INNER_SHADOW", visible: false, radius: 2, offset: { x: 0, y: 1 }, color: { r: 0, g: 0, b: 0, a: 1 } },
        { type: "BACKGROUND_BLUR", radius: 20 },
      ],
    });
    const frame = run([root]).document.frames[0]!;
    expect(frame).toEqual({
      id: "1:1",
      name: "Card",
      kind: "frame",
      w: 100,
      h: 100,
      fills: [{ kind: "solid", color: "#ffffff" }],
      radius: [8, 8, 0, 0],
      effects: {
        shadows: [{ kind: "drop", x: 0, y: 4, blur: 8, spread: 0, color: "rgba(0, 0, 0, 0.25)" }],
        backdropBlur: 20,
      },
      opacity: 0.5,
      blend: "multiply",
      clip: true,
    });
  });

  it("an instance takes its component's resolved name", () => {
    const root = node("1:1", "FRAME", "F", box(0, 0, 100, 100), {
      children: [
        node("3:1", "INSTANCE", "Button", box(0, 0, 80, 30), {
          componentId: "9:1",
          children: [node("I3:1;9:2", "TEXT", "Go", box(0, 0, 20, 10), { characters: "Go" })],
        }),
      ],
    });
    const instance = run([root], ctx([["9:1", "Button/State=Hover"]])).document.frames[0]!.children![0]!;
    expect(instance.component).toEqual({ id: "9:1", name: "Button/State=Hover" });
  });

  it("skips a layer without bounds with one note for all of them, and skips slices", () => {
    const root = node("1:1", "FRAME", "F", box(0, 0, 100, 100), {
      children: [
        { id: "1:2", type: "RECTANGLE", name: "No box" } as RestNode,
        node("1:3", "SLICE", "Export", box(0, 0, 10, 10)),
        node("1:4", "RECTANGLE", "Kept", box(0, 0, 10, 10)),
      ],
    });
    const { document, problems } = run([root]);
    expect(ids(document.frames[0])).toEqual(["1:4"]);
    expect(problems.map((p) => [p.code, p.nodeId, p.message])).toEqual([
      ["missing-bounds", "1:2", '1 layer has no bounds ("No box"): skipped'],
    ]);
  });

  it(
    "takes a box whose values are not finite numbers (NaN, Infinity, " +
      '"NaN", null) as none: no NaN or 0×0 layer reaches the tree',
    () => {
      const bad = [NaN, Infinity, "NaN", null];
      const layers = bad.map((v, i) =>
        node(
          `1:${i + 2}`,
          i % 2 ? "TEXT" : "RECTANGLE",
          `Bad ${i}`,
          { absoluteBoundingBox: { x: 0, y: 0, width: v, height: 10 } } as unknown as ReturnType<typeof box>,
          { characters: "x" },
        ),
      );
      const size = node(
        "1:9",
        "RECTANGLE",
        "Size NaN",
        { absoluteBoundingBox: null } as unknown as ReturnType<typeof box>,
        { size: { x: NaN, y: 4 } },
      );
      const root = node("1:1", "FRAME", "F", box(0, 0, 100, 100), {
        children: [...layers, size, node("1:8", "RECTANGLE", "Kept", box(5, 5, 10, 10))],
      });
      const { document, problems } = run([root]);
      expect(ids(document.frames[0])).toEqual(["1:8"]);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({
        code: "missing-bounds",
        message: '5 layers have no bounds ("Bad 0", "Bad 1", "Bad 2" and 2 more): skipped',
      });
      expect(JSON.stringify(document)).not.toMatch(/NaN|null/);
    },
  );

  it(
    "a frame without bounds is in the same note, not a second " +
      "one; its size from size + relativeTransform still places it",
    () => {
      const lost = {
        id: "2:1",
        type: "FRAME",
        name: "Lost",
        children: [node("2:2", "RECTANGLE", "R", box(0, 0, 10, 10))],
      } as RestNode;
      const sized = node("3:1", "FRAME", "Sized", { absoluteBoundingBox: null } as unknown as ReturnType<typeof box>, {
        size: { x: 390, y: 844 },
        relativeTransform: [
          [1, 0, 0],
          [0, 1, 0],
        ],
      });
      const { document, problems } = run([lost, sized]);
      expect(document.frames.map((f) => [f.id, f.w, f.h])).toEqual([["3:1", 390, 844]]);
      expect(problems.map((p) => p.message)).toEqual(['1 layer has no bounds ("Lost"): skipped']);
    },
  );
});

describe("normalize: masks", () => {
  it("reads isMask with its maskType (ALPHA the default; isMaskOutline the older VECTOR)", () => {
    const mask = (id: string, extra: Record<string, unknown>) =>
      node(id, "ELLIPSE", "Mask", box(0, 0, 10, 10), { isMask: true, fills: BLACK, ...extra });
    const root = node("1:1", "GROUP", "Avatar", box(0, 0, 10, 10), {
      children: [
        mask("1:2", { maskType: "ALPHA" }),
        mask("1:3", { maskType: "VECTOR" }),
        mask("1:4", { maskType: "LUMINANCE" }),
        mask("1:5", { isMaskOutline: true }),
        node("1:6", "RECTANGLE", "Plain", box(0, 0, 10, 10), { maskType: "VECTOR" }),
      ],
    });
    const children = run([root]).document.frames[0]!.children!;
    expect(children.map((c) => [c.mask, c.maskType])).toEqual([
      [true, undefined],
      [true, "vector"],
      [true, "luminance"],
      [true, "vector"],
      [undefined, undefined],
    ]);
  });
});

describe("normalize: lines placed by hand (issue 49)", () => {
  const frame = (children: RestNode[]) => node("1:1", "FRAME", "Slide", box(1000, 2000, 1920, 1080), { children });
  const stroke = { strokes: BLACK, strokeAlign: "CENTER" };

  it("a line is the band its stroke paints, unturned: above a horizontal one, beside an upright one", () => {
    const baseline = node("1:2", "LINE", "Baseline", box(1120, 2540, 1810, 0), {
      ...stroke,
      strokeWeight: 5,
      absoluteRenderBounds: { x: 1120, y: 2535, width: 1800, height: 5 },
    });
    const guide = node("1:3", "LINE", "Guide", box(1120, 2270, 0, 650), {
      ...stroke,
      strokeWeight: 4,
      rotation: Math.PI / 2,
      absoluteRenderBounds: { x: 1120, y: 2270, width: 4, height: 650 },
    });
    const [b, g] = run([frame([baseline, guide])]).document.frames[0]!.children!;
    expect(b).toMatchObject({ kind: "line", x: 120, y: 535, w: 1810, h: 5 });
    expect(g).toMatchObject({ kind: "line", x: 120, y: 270, w: 4, h: 650 });
    expect(g!.rotation).toBeUndefined();
  });

  it("a line in the designer's auto layout keeps its box (the flow places it)", () => {
    const column = node("1:4", "FRAME", "List", box(1000, 2000, 300, 100), {
      layoutMode: "VERTICAL",
      children: [node("1:5", "LINE", "Divider", box(1000, 2050, 300, 0), { ...stroke, strokeWeight: 1 })],
    });
    expect(run([column]).document.frames[0]!.children![0]).toMatchObject({ kind: "line", w: 300, h: 0 });
  });
});
