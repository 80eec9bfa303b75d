import { describe, expect, it } from "vitest";
import type { DesignNode, FlexLayout, TextContent } from "../design/types";
import { flexOf } from "../design/layout-kind.js";
import {
  backgroundDecls,
  componentRootSize,
  declsToCss,
  ownDecls,
  placementDecls,
  rootDecls,
  roundedTextOverhang,
  rowOverrun,
  strokeOverlayDecls,
  textStyleDecls,
  type AssetUrls,
  type Decl,
} from "./css";
import { emitHtml } from "./html/emit";

const urls: AssetUrls = { cssUrl: (key) => `assets/${key}` };
const flex = (dir: FlexLayout["dir"]): FlexLayout => ({
  dir,
  gap: 0,
  padding: [0, 0, 0, 0],
  justify: "start",
  align: "start",
});
const rect = (extra: Partial<DesignNode> = {}): DesignNode => ({
  id: "1:2",
  name: "",
  kind: "rect",
  w: 100,
  h: 40,
  ...extra,
});
const row: DesignNode = { id: "1:1", name: "", kind: "frame", w: 400, h: 300, layout: flex("row") };
const col: DesignNode = { id: "1:1", name: "", kind: "frame", w: 400, h: 300, layout: flex("column") };
const plain: DesignNode = { id: "1:1", name: "", kind: "frame", w: 400, h: 300 };

function text(partial: Partial<TextContent>, extra: Partial<DesignNode> = {}): DesignNode {
  return {
    id: "1:3",
    name: "",
    kind: "text",
    w: 100,
    h: 24,
    text: {
      chars: "Hello",
      style: { family: "Inter", size: 16, weight: 400 },
      resize: "none",
      alignH: "left",
      alignV: "top",
      ...partial,
    },
    ...extra,
  };
}

describe("placementDecls in a row", () => {
  it("fixed: width and height", () => {
    expect(placementDecls(rect({ sizeH: "fixed", sizeV: "fixed" }), row)).toEqual([
      ["width", "100px"],
      ["height", "40px"],
    ]);
  });
  it("fill on the main axis: flex 1 with min-width 0", () => {
    expect(placementDecls(rect({ sizeH: "fill", sizeV: "fixed" }), row)).toEqual([
      ["flex", "1 1 0"],
      ["min-width", "0"],
      ["height", "40px"],
    ]);
  });
  it("fill across: align-self stretch", () => {
    expect(placementDecls(rect({ sizeH: "fixed", sizeV: "fill" }), row)).toEqual([
      ["width", "100px"],
      ["align-self", "stretch"],
    ]);
  });
  it("hug: nothing", () => {
    expect(placementDecls(rect({ sizeH: "hug", sizeV: "hug" }), row)).toEqual([]);
  });
});

describe("placementDecls: a row its items overrun (Figma never shrinks an item to fit)", () => {
  // Four 405-px cards with 32-px gaps in a 1280-px row: 1716 px of line, the last card clipped.
  const cards = (sizeH: "fixed" | "hug" | "fill" = "fixed"): DesignNode => ({
    id: "1:1",
    name: "",
    kind: "frame",
    w: 1280,
    h: 443,
    layout: { ...flex("row"), gap: 32 },
    children: [0, 1, 2, 3].map((i) => rect({ id: `1:${i + 2}`, w: 405, h: 443, sizeH, sizeV: "hug" })),
  });
  it("an overrun row's items keep their drawn width while the row is as wide as drawn, giving way below it", () => {
    const row = cards();
    expect(rowOverrun(row)).toBe(436);
    // 100% is the row's content width: 1280 - 875 = 405 there, less on a narrower row.
    expect(placementDecls(row.children![0]!, row)).toEqual([
      ["width", "405px"],
      ["min-width", "min(405px, 100% - 875px)"],
    ]);
    expect(placementDecls(cards("hug").children![0]!, cards("hug"))).toEqual([
      ["min-width", "min(405px, 100% - 875px)"],
    ]);
  });
  it("an item wider than the row's content box alone: at least the row's width and what it overruns", () => {
    const modal: DesignNode = {
      id: "1:1",
      name: "",
      kind: "frame",
      w: 768,
      h: 593,
      layout: { ...flex("row"), padding: [64, 80, 64, 80], justify: "center" },
      children: [rect({ w: 704, h: 465, sizeH: "fixed", sizeV: "hug" })],
    };
    expect(placementDecls(modal.children![0]!, modal)).toEqual([
      ["width", "704px"],
      ["min-width", "min(704px, 100% + 96px)"],
    ]);
  });
  it("a row spaced between: shrunk into the row as before (Figma overlaps its items by what they overrun)", () => {
    const bar = { ...cards(), layout: { ...cards().layout!, gap: 0, justify: "space-between" as const } };
    expect(rowOverrun(bar)).toBe(0);
    expect(placementDecls(bar.children![0]!, bar)).toEqual([["width", "405px"]]);
  });
  it("a row its items fit, a wrapping row, fill items: nothing more", () => {
    expect(rowOverrun(row)).toBe(0);
    const wrapping = { ...cards(), layout: { ...flexOf(cards())!, wrap: true } };
    expect(rowOverrun(wrapping)).toBe(0);
    expect(placementDecls(cards("fill").children![0]!, cards("fill"))).toEqual([
      ["flex", "1 1 0"],
      ["min-width", "0"],
    ]);
  });
});

describe("placementDecls: a text box Figma rounded to whole pixels", () => {
  it(
    "one 31.2-px line in a 31-px box: the box gives back " +
      "what it is drawn shorter (in the browser's 1/64-px units)",
    () => {
      const label = text(
        { resize: "width", style: { family: "Hanuman", size: 24, weight: 400, lineHeight: 31.2 } },
        { h: 31, sizeH: "hug", sizeV: "hug" },
      );
      expect(placementDecls(label, col)).toEqual([["margin-bottom", "-0.21px"]]);
      expect(roundedTextOverhang(label)).toBe(0.2);
    },
  );
  it("lines that come to under the box: a minimum height instead; lines of their own in a run: nothing", () => {
    const two = text(
      { resize: "height", style: { family: "Inter", size: 44, weight: 400, lineHeight: 52.8 } },
      { h: 106, sizeH: "fill", sizeV: "hug" },
    );
    expect(placementDecls(two, col)).toEqual([
      ["align-self", "stretch"],
      ["min-height", "106px"],
    ]);
    const runs = text(
      {
        resize: "width",
        style: { family: "Inter", size: 24, weight: 400, lineHeight: 31.2 },
        runs: [{ start: 0, end: 2, style: { lineHeight: 40 } }],
      },
      { h: 31, sizeH: "hug", sizeV: "hug" },
    );
    expect(roundedTextOverhang(runs)).toBeUndefined();
  });
});

describe("placementDecls: a text trimmed to its capitals (Figma's vertical trim)", () => {
  it("its drawn box, cap height to baseline, is its least height: placed absolutely, and in a flow", () => {
    const trimmed = text({ resize: "width", trim: "cap" }, { w: 118, h: 17, x: 341, y: 36 });
    expect(placementDecls(trimmed, plain)).toContainEqual(["min-height", "17px"]);
    const inFlow = text({ resize: "width", trim: "cap" }, { w: 118, h: 17, sizeH: "hug", sizeV: "hug" });
    expect(placementDecls(inFlow, row)).toContainEqual(["min-height", "17px"]);
    // Not the whole-line rounding of an untrimmed text (17 px is half its 36-px line).
    const lined = text(
      { resize: "width", trim: "cap", style: { family: "Space Mono", size: 24, weight: 700, lineHeight: 36 } },
      { w: 118, h: 17, sizeH: "hug", sizeV: "hug" },
    );
    expect(placementDecls(lined, row).filter(([p]) => p.includes("height") || p.startsWith("margin"))).toEqual([
      ["min-height", "17px"],
    ]);
  });
});

describe("placementDecls in a column", () => {
  it("fixed: height that does not shrink, width capped at 100%", () => {
    expect(placementDecls(rect({ sizeH: "fixed", sizeV: "fixed" }), col)).toEqual([
      ["height", "40px"],
      ["flex-shrink", "0"],
      ["width", "100px"],
      ["max-width", "100%"],
    ]);
  });
  it("fill both ways", () => {
    expect(placementDecls(rect({ sizeH: "fill", sizeV: "fill" }), col)).toEqual([
      ["flex", "1 1 0"],
      ["min-height", "0"],
      ["align-self", "stretch"],
    ]);
  });
  it("hug height, fixed width", () => {
    expect(placementDecls(rect({ sizeH: "fixed", sizeV: "hug" }), col)).toEqual([
      ["width", "100px"],
      ["max-width", "100%"],
    ]);
  });
  it("drawn wider than the column's content box: as much wider at the design width", () => {
    const padded: DesignNode = { ...col, w: 405, layout: { ...flex("column"), padding: [32, 32, 32, 32] } };
    expect(placementDecls(rect({ w: 352, sizeH: "fixed", sizeV: "hug" }), padded)).toEqual([
      ["width", "352px"],
      ["max-width", "calc(100% + 11px)"],
    ]);
  });
  it("a width-auto-resizing text gets no width in a column", () => {
    expect(placementDecls(text({ resize: "width" }, { sizeH: "fixed", sizeV: "fixed" }), col)).toEqual([
      ["height", "24px"],
      ["flex-shrink", "0"],
    ]);
  });
});

describe("a text drawn on one line in a box of fixed width (build.ts holdOneLine)", () => {
  const css = (parent: DesignNode): string =>
    emitHtml(
      { frames: [{ id: "1:1", name: "Page", kind: "frame", w: 1440, h: 900, children: [parent] }], assets: {} },
      { nodeIds: false },
    ).files.find((f) => f.path === "styles.css")!.content;
  const rule = (sheet: string, cls: string): string =>
    new RegExp(`^\\.${cls} \\{\\n([^}]*)\\}`, "m").exec(sheet)?.[1] ?? "";
  // A 607-px box whose words take less, in a column that hugs its content (Figma: the column is 607 px wide).
  const title = text(
    { chars: "Scan the QR code to pay", style: { family: "Barlow", size: 36, weight: 400, lineHeight: 46.8 } },
    { name: "Title", w: 607, h: 66, sizeH: "fixed", sizeV: "fixed" },
  );
  const hugging = (dir: FlexLayout["dir"], children: DesignNode[]): DesignNode => ({
    id: "1:2",
    name: "Group",
    kind: "frame",
    w: 607,
    h: 66,
    x: 0,
    y: 0,
    sizeH: "hug",
    sizeV: "hug",
    layout: flex(dir),
    children,
  });
  it(
    "in a row or column: its drawn width is its width, so a container that " +
      "hugs it is as wide as drawn; it grows to its line up to the space it has",
    () => {
      for (const dir of ["row", "column"] as const) {
        const decls = rule(css(hugging(dir, [title])), "title");
        expect(decls).toContain("width: 607px;");
        expect(decls).toContain("min-width: fit-content;");
        expect(decls).toContain("max-width: 100%;");
        // Not a percentage floor: it has no basis while the container sizes itself, and counts as 0 there.
        expect(decls).not.toMatch(/max-content|min\(/);
      }
    },
  );
  it("placed absolutely: its line, at least the drawn width, up to its container", () => {
    const decls = rule(
      css({
        ...hugging("row", []),
        layout: undefined,
        sizeH: "fixed",
        sizeV: "fixed",
        children: [{ ...title, x: 0, y: 0 }],
      }),
      "title",
    );
    expect(decls).toContain("width: max-content;");
    expect(decls).toContain("min-width: min(607px, 100%);");
  });
  it("two lines drawn, or a text that sizes itself: nothing held", () => {
    expect(rule(css(hugging("column", [{ ...title, h: 94 }])), "title")).not.toContain("fit-content");
    expect(
      rule(css(hugging("column", [{ ...title, text: { ...title.text!, resize: "width" }, sizeH: "hug" }])), "title"),
    ).not.toContain("fit-content");
  });
});

describe("placementDecls, absolute", () => {
  // A 100×40 box at (10, 20) in a 400×300 parent: right = 290, bottom = 240.
  const at = (extra: Partial<DesignNode>) => placementDecls(rect({ x: 10, y: 20, ...extra }), plain);

  it("left/top by default", () => {
    expect(at({})).toEqual([
      ["position", "absolute"],
      ["left", "10px"],
      ["width", "100px"],
      ["top", "20px"],
      ["height", "40px"],
    ]);
  });
  it("right and bottom", () => {
    expect(at({ constraintH: "right", constraintV: "bottom" })).toEqual([
      ["position", "absolute"],
      ["right", "290px"],
      ["width", "100px"],
      ["bottom", "240px"],
      ["height", "40px"],
    ]);
  });
  it("center: offset from 50%", () => {
    // 400/2 − 10 = 190; 300/2 − 20 = 130.
    expect(at({ constraintH: "center", constraintV: "center" })).toEqual([
      ["position", "absolute"],
      ["left", "calc(50% - 190px)"],
      ["width", "100px"],
      ["top", "calc(50% - 130px)"],
      ["height", "40px"],
    ]);
  });
  it("left-right and top-bottom: both edges, no size", () => {
    expect(at({ constraintH: "left-right", constraintV: "top-bottom" })).toEqual([
      ["position", "absolute"],
      ["left", "10px"],
      ["right", "290px"],
      ["top", "20px"],
      ["bottom", "240px"],
    ]);
  });
  it("scale: percentages", () => {
    // 10/400 = 2.5%, 100/400 = 25%, 20/300 = 6.67%, 40/300 = 13.33%.
    expect(at({ constraintH: "scale", constraintV: "scale" })).toEqual([
      ["position", "absolute"],
      ["left", "2.5%"],
      ["width", "25%"],
      ["top", "6.67%"],
      ["height", "13.33%"],
    ]);
  });
  it("absolute children of auto layout are placed the same way", () => {
    expect(placementDecls(rect({ x: 300, y: 0, absolute: true, constraintH: "right" }), row)).toEqual([
      ["position", "absolute"],
      ["right", "0"],
      ["width", "100px"],
      ["top", "0"],
      ["height", "40px"],
    ]);
  });
  it("auto-resizing text gets no height: its drawn height is its least", () => {
    // Figma's 17.5-px line in an 18-px box, or a fallback face's shorter lines: the box stays as drawn, lines at its
    // top.
    expect(placementDecls(text({ resize: "height" }, { x: 0, y: 0 }), plain)).toEqual([
      ["position", "absolute"],
      ["left", "0"],
      ["width", "100px"],
      ["top", "0"],
      ["min-height", "24px"],
    ]);
  });
  it("adds min/max sizes and rotation, the turned item taking its turned bounds in the row", () => {
    expect(placementDecls(rect({ sizeH: "hug", sizeV: "hug", minW: 50, maxH: 80, rotation: -30 }), row)).toEqual([
      ["margin-left", "3.3px"],
      ["margin-right", "3.3px"],
      ["margin-top", "22.32px"],
      ["margin-bottom", "22.32px"],
      ["min-width", "50px"],
      ["max-height", "80px"],
      ["transform", "rotate(-30deg)"],
    ]);
  });
  it("a flow child with absolutely placed children becomes their containing block", () => {
    const holder = rect({ kind: "frame", sizeH: "hug", sizeV: "hug", children: [rect({ x: 0, y: 0 })] });
    expect(placementDecls(holder, row)).toEqual([["position", "relative"]]);
  });
});

describe("rootDecls / componentRootSize", () => {
  it("a screen root is fluid up to the design width, and centred on a wider screen", () => {
    expect(rootDecls({ id: "1", name: "", kind: "frame", w: 1440, h: 900 })).toEqual([
      ["position", "relative"],
      ["width", "100%"],
      ["max-width", "1440px"],
      ["min-height", "900px"],
      ["margin-inline", "auto"],
    ]);
    expect(rootDecls({ id: "1", name: "", kind: "frame", w: 375, h: 900, sizeV: "hug" })).toEqual([
      ["position", "relative"],
      ["width", "100%"],
      ["max-width", "375px"],
      ["margin-inline", "auto"],
    ]);
  });
  it("a component root has its fixed sizes only", () => {
    expect(componentRootSize(rect({ sizeH: "hug", sizeV: "fixed" }))).toEqual([["height", "40px"]]);
    expect(componentRootSize(rect())).toEqual([
      ["width", "100px"],
      ["height", "40px"],
    ]);
  });
});

describe("ownDecls: layout and paint", () => {
  it("prints the flex container", () => {
    const node = rect({
      kind: "frame",
      layout: {
        dir: "column",
        gap: 8,
        padding: [16, 24, 16, 24],
        justify: "space-between",
        align: "center",
        wrap: true,
        crossGap: 4,
      },
    });
    expect(ownDecls(node, urls, false)).toEqual([
      ["display", "flex"],
      ["flex-direction", "column"],
      ["flex-wrap", "wrap"],
      ["justify-content", "space-between"],
      ["align-items", "center"],
      ["row-gap", "8px"],
      ["column-gap", "4px"],
      ["padding", "16px 24px"],
    ]);
    // In a wrapping row the item gap is horizontal and the line gap vertical.
    const wrappedRow = rect({
      kind: "frame",
      layout: { dir: "row", gap: 8, padding: [0, 0, 0, 0], justify: "start", align: "start", wrap: true, crossGap: 4 },
    });
    // Start is written out: CSS's default would stretch a hugging child, Figma places it at the start.
    expect(ownDecls(wrappedRow, urls, false)).toEqual([
      ["display", "flex"],
      ["flex-wrap", "wrap"],
      ["align-items", "flex-start"],
      ["column-gap", "8px"],
      ["row-gap", "4px"],
    ]);
    const simple = rect({
      kind: "frame",
      layout: { dir: "row", gap: 12, padding: [4, 4, 4, 4], justify: "end", align: "stretch" },
    });
    expect(ownDecls(simple, urls, false)).toEqual([
      ["display", "flex"],
      ["justify-content", "flex-end"],
      ["align-items", "stretch"],
      ["gap", "12px"],
      ["padding", "4px"],
    ]);
  });

  it("strokes: inside / center / outside as outline with offset", () => {
    const stroke = (align: "inside" | "center" | "outside") =>
      ownDecls(rect({ stroke: { color: "#000000", weight: 2, align } }), urls, false);
    expect(stroke("inside")).toEqual([
      ["outline", "2px solid #000000"],
      ["outline-offset", "-2px"],
    ]);
    expect(stroke("center")).toEqual([
      ["outline", "2px solid #000000"],
      ["outline-offset", "-1px"],
    ]);
    expect(stroke("outside")).toEqual([["outline", "2px solid #000000"]]);
  });

  it(
    "strokes per side take no room: the box and its content " + "stay where Figma lays them out (no border on the box)",
    () => {
      // A table cell with a 1-px top and left rule: a border would make it 47 px tall and move its text by a pixel.
      const cell = rect({
        kind: "frame",
        sizeH: "fixed",
        sizeV: "fixed",
        stroke: { color: "#ffffff", weight: [1, 0, 0, 1], align: "inside" },
        layout: flex("column"),
      });
      expect(ownDecls(cell, urls, false).filter(([p]) => p.startsWith("border"))).toEqual([]);
      // The rules are drawn by the box's ::after, on its edges, over its children; the box is its containing block.
      expect(strokeOverlayDecls(cell)).toEqual([
        ["content", '""'],
        ["position", "absolute"],
        ["top", "0"],
        ["right", "0"],
        ["bottom", "0"],
        ["left", "0"],
        ["border-style", "solid"],
        ["border-color", "#ffffff"],
        ["border-width", "1px 0 0 1px"],
        ["border-radius", "inherit"],
        ["pointer-events", "none"],
      ]);
      expect(placementDecls(cell, row)).toEqual([
        ["position", "relative"],
        ["width", "100px"],
        ["height", "40px"],
      ]);
    },
  );

  it("strokes per side: across the edge when centred, outside it when outside, dashes as dashed", () => {
    const sided = (align: "inside" | "center" | "outside", dashes?: number[]) =>
      strokeOverlayDecls(
        rect({ stroke: { color: "#cccccc", weight: [0, 0, 2, 0], align, ...(dashes ? { dashes } : {}) } }),
      );
    const edges = (decls: Decl[]) =>
      decls.filter(([p]) => ["top", "right", "bottom", "left", "border-style"].includes(p)).map(([, v]) => v);
    expect(edges(sided("inside", [2, 2]))).toEqual(["0", "0", "0", "0", "dashed"]);
    expect(edges(sided("center"))).toEqual(["0", "0", "-1px", "0", "solid"]);
    expect(edges(sided("outside"))).toEqual(["0", "0", "-2px", "0", "solid"]);
    // A uniform stroke is an outline (above); a text or a line has no such box.
    expect(strokeOverlayDecls(rect({ stroke: { color: "#cccccc", weight: 1, align: "inside" } }))).toEqual([]);
    expect(
      strokeOverlayDecls(text({}, { stroke: { color: "#cccccc", weight: [1, 0, 0, 0], align: "inside" } })),
    ).toEqual([]);
  });

  it("strokes per side, in the page: the ::after draws them, an image (no ::after) keeps a border", () => {
    const cell: DesignNode = {
      id: "1:2",
      name: "Cell",
      kind: "frame",
      w: 165,
      h: 46,
      sizeH: "fixed",
      sizeV: "hug",
      layout: flex("column"),
      stroke: { color: "#ffffff", weight: [1, 0, 0, 1], align: "inside" },
    };
    const photo: DesignNode = {
      id: "1:3",
      name: "Photo",
      kind: "rect",
      w: 100,
      h: 50,
      sizeH: "fixed",
      sizeV: "fixed",
      fills: [{ kind: "image", asset: "a.png", fit: "cover" }],
      stroke: { color: "#000000", weight: [0, 0, 1, 0], align: "inside" },
    };
    const page: DesignNode = {
      id: "1:1",
      name: "Page",
      kind: "frame",
      w: 400,
      h: 300,
      layout: flex("column"),
      children: [cell, photo],
    };
    const css = emitHtml(
      { frames: [page], assets: { "a.png": { kind: "image", name: "a.png", imageRef: "a" } } },
      { nodeIds: false },
    ).files.find((f) => f.path === "styles.css")!.content;
    expect(css).toMatch(/\.cell \{[^}]*position: relative;/);
    expect(css).not.toMatch(/\.cell \{[^}]*border/);
    expect(css).toMatch(/\.cell::after \{[^}]*content: "";[^}]*border-width: 1px 0 0 1px;/);
    expect(css).toMatch(/\.photo \{[^}]*border-width: 0 0 1px 0;/);
    expect(css).not.toContain(".photo::after");
  });

  it("a line is a top border", () => {
    expect(
      ownDecls(rect({ kind: "line", h: 0, stroke: { color: "#eeeeee", weight: 1, align: "center" } }), urls, false),
    ).toEqual([["border-top", "1px solid #eeeeee"]]);
  });

  it("a line drawn as its stroke's band (design/rule.ts) is a border as thick as the band, on its long side", () => {
    const stroke = { color: "#333333", weight: 5, align: "center" as const };
    expect(ownDecls(rect({ kind: "line", w: 1810, h: 5, stroke }), urls, false)).toEqual([
      ["border-top", "5px solid #333333"],
    ]);
    expect(ownDecls(rect({ kind: "line", w: 4, h: 650, stroke: { ...stroke, weight: 4 } }), urls, false)).toEqual([
      ["border-left", "4px solid #333333"],
    ]);
  });

  it("shadows: drop and inset box-shadows", () => {
    const node = rect({
      effects: {
        shadows: [
          { kind: "drop", x: 0, y: 4, blur: 8, spread: 0, color: "rgba(0, 0, 0, 0.25)" },
          { kind: "inner", x: 0, y: 1, blur: 2, spread: 1, color: "#ffffff" },
        ],
      },
    });
    expect(ownDecls(node, urls, false)).toEqual([
      ["box-shadow", "0 4px 8px 0 rgba(0, 0, 0, 0.25), inset 0 1px 2px 1px #ffffff"],
    ]);
  });

  it("shadows on inline SVG become a drop-shadow filter merged with a blur", () => {
    const node = rect({
      kind: "vector",
      effects: { shadows: [{ kind: "drop", x: 1, y: 2, blur: 6, spread: 0, color: "#000000" }], blur: 4 },
    });
    expect(ownDecls(node, urls, true)).toEqual([["filter", "drop-shadow(1px 2px 3px #000000) blur(2px)"]]);
  });

  it("radius, opacity, blend, clip and backdrop blur", () => {
    const node = rect({
      radius: [8, 8, 0, 0],
      opacity: 0.5,
      blend: "multiply",
      clip: true,
      effects: { backdropBlur: 20 },
    });
    expect(ownDecls(node, urls, false)).toEqual([
      ["border-radius", "8px 8px 0 0"],
      ["backdrop-filter", "blur(10px)"],
      ["opacity", "0.5"],
      ["mix-blend-mode", "multiply"],
      ["overflow", "hidden"],
    ]);
    expect(ownDecls(rect({ kind: "ellipse", radius: 4 }), urls, false)).toEqual([["border-radius", "50%"]]);
  });

  it("backgrounds: one solid as background-color, layers top first", () => {
    expect(backgroundDecls([{ kind: "solid", color: "#ff0000" }], urls)).toEqual([["background-color", "#ff0000"]]);
    expect(
      backgroundDecls(
        [
          { kind: "solid", color: "#ff0000" },
          { kind: "image", asset: "photo.png", fit: "cover", blend: "multiply" },
        ],
        urls,
      ),
    ).toEqual([
      ["background", "url(assets/photo.png) center / cover no-repeat, linear-gradient(#ff0000, #ff0000)"],
      ["background-blend-mode", "multiply, normal"],
    ]);
    expect(backgroundDecls([{ kind: "image", asset: "t.png", fit: "tile" }], urls)).toEqual([
      ["background", "url(assets/t.png) left top / auto repeat"],
    ]);
  });
});

describe("ownDecls: text", () => {
  const decls = (partial: Partial<TextContent>) => ownDecls(text(partial), urls, false);
  const base: [string, string][] = [
    ["font-family", 'Inter, "Inter Fallback", Helvetica, Arial, sans-serif'],
    ["font-size", "16px"],
    ["font-weight", "400"],
  ];

  it("a width-auto-resizing text does not wrap", () => {
    expect(decls({ resize: "width" })).toEqual([...base, ["white-space", "nowrap"]]);
    // Its line breaks are <br /> elements, its kept spaces no-break spaces (whitespace.ts).
    expect(decls({ resize: "width", chars: "a\nb" })).toEqual([...base, ["white-space", "nowrap"]]);
    expect(decls({ resize: "width", chars: "a  b" })).toEqual([...base, ["white-space", "nowrap"]]);
  });

  it(
    "wrapping text keeps the default white-space, whatever its " +
      "spaces and line breaks (markup formatting cannot break it)",
    () => {
      for (const chars of ["line 1\nline 2", "line 1\n  indented", "a\tb", "plain"])
        expect(decls({ resize: "height", chars })).toEqual(base);
    },
  );

  it("truncation: one line with an ellipsis, or a line clamp", () => {
    expect(decls({ resize: "truncate" })).toEqual([
      ...base,
      ["overflow", "hidden"],
      ["text-overflow", "ellipsis"],
      ["white-space", "nowrap"],
    ]);
    expect(decls({ resize: "truncate", maxLines: 3 })).toEqual([
      ...base,
      ["overflow", "hidden"],
      ["text-overflow", "ellipsis"],
      ["display", "-webkit-box"],
      ["-webkit-box-orient", "vertical"],
      ["-webkit-line-clamp", "3"],
    ]);
  });

  it("vertical alignment in a fixed box, horizontal alignment, text shadow", () => {
    expect(decls({ alignV: "center", alignH: "center" })).toEqual([
      ...base,
      ["text-align", "center"],
      ["display", "flex"],
      ["flex-direction", "column"],
      ["justify-content", "center"],
    ]);
    expect(decls({ alignV: "bottom", resize: "height" })).toEqual(base);
    const shadowed = ownDecls(
      text(
        {},
        {
          effects: {
            shadows: [
              { kind: "drop", x: 0, y: 1, blur: 2, spread: 0, color: "#000000" },
              { kind: "inner", x: 0, y: 1, blur: 2, spread: 0, color: "#ffffff" },
            ],
          },
        },
      ),
      urls,
      false,
    );
    expect(shadowed).toEqual([...base, ["text-shadow", "0 1px 2px #000000"]]);
  });

  it(
    "a text trimmed to its capitals: text-box, and its own block " + "aligns its lines (no flex: it would not trim)",
    () => {
      const trim = ["text-box", "trim-both cap alphabetic"];
      expect(decls({ trim: "cap", resize: "height" })).toEqual([...base, trim]);
      expect(decls({ trim: "cap", alignV: "center" })).toEqual([...base, ["align-content", "center"], trim]);
      expect(decls({ trim: "cap", alignV: "bottom" })).toEqual([...base, ["align-content", "end"], trim]);
    },
  );

  it("textStyleDecls: font stacks, case, decoration, colour", () => {
    expect(
      textStyleDecls({
        family: "Roboto Mono",
        italic: false,
        lineHeight: 20,
        letterSpacing: -0.5,
        case: "upper",
        decoration: "underline",
        color: "#333333",
      }),
    ).toEqual([
      ["font-family", '"Roboto Mono", "Roboto Mono Fallback", ui-monospace, Menlo, Consolas, monospace'],
      ["font-style", "normal"],
      ["line-height", "20px"],
      ["letter-spacing", "-0.5px"],
      ["text-transform", "uppercase"],
      ["text-decoration", "underline"],
      ["color", "#333333"],
    ]);
    expect(textStyleDecls({ family: "PT Serif", case: "small-caps" })).toEqual([
      ["font-family", '"PT Serif", "PT Serif Fallback", Georgia, "Times New Roman", serif'],
      ["font-variant", "small-caps"],
    ]);
    expect(textStyleDecls({ family: "Source Sans Pro", color: "#000000" }, false)).toEqual([
      ["font-family", '"Source Sans Pro", "Source Sans 3", "Source Sans Pro Fallback", Helvetica, Arial, sans-serif'],
    ]);
    // Apple's system face: its system names first (a Mac shows the real one); no fallback face for a system font.
    expect(textStyleDecls({ family: "SF Pro Display" })).toEqual([
      ["font-family", '"SF Pro Display", -apple-system, BlinkMacSystemFont, Helvetica, Arial, sans-serif'],
    ]);
    // A brand face no catalog knows: the system fonts of the category its name says.
    expect(textStyleDecls({ family: "Acme Mono" })).toEqual([
      ["font-family", '"Acme Mono", ui-monospace, Menlo, Consolas, monospace'],
    ]);
  });
});

describe("declsToCss", () => {
  it("prints one rule", () => {
    expect(
      declsToCss(".card", [
        ["display", "flex"],
        ["gap", "8px"],
      ]),
    ).toBe(".card {\n  display: flex;\n  gap: 8px;\n}\n");
  });
});

describe("placementDecls: a one-line text in an inferred column", () => {
  it(
    "sizes to its line with its drawn box as its floor (a " +
      "placeholder as wide as its field), never wider than the column",
    () => {
      const inferred: DesignNode = { ...col, layout: { ...flex("column"), inferred: { within: 1440 } } };
      const placeholder = text(
        { chars: "Email address...", resize: "width" },
        { w: 275, h: 19, sizeH: "fixed", sizeV: "hug" },
      );
      expect(placementDecls(placeholder, inferred)).toContainEqual(["min-width", "min(275px, 100%)"]);
      // The designer's own column: a text that sizes to its words is as wide as they are.
      expect(placementDecls(placeholder, col).some(([p]) => p === "min-width")).toBe(false);
    },
  );
});

describe("placementDecls: a box of the designer's column that hugs its content", () => {
  it("is never wider than the column (as much wider as drawn)", () => {
    const form: DesignNode = {
      id: "1:5",
      name: "",
      kind: "frame",
      w: 400,
      h: 200,
      sizeH: "hug",
      sizeV: "hug",
      layout: flex("column"),
    };
    expect(placementDecls(form, col)).toContainEqual(["max-width", "100%"]);
    expect(placementDecls({ ...form, w: 420 }, col)).toContainEqual(["max-width", "calc(100% + 20px)"]);
  });
});

describe("placementDecls: a layer the designer placed absolutely under the flow", () => {
  it("the items drawn after it are positioned, so they paint above it; those drawn before it are not", () => {
    const back = rect({ id: "2:1", absolute: true, x: 0, y: 0, w: 400, h: 300 });
    const before = rect({ id: "2:0", sizeH: "fixed", sizeV: "fixed" });
    const after = rect({ id: "2:2", sizeH: "fixed", sizeV: "fixed" });
    const header: DesignNode = { ...row, children: [before, back, after] };
    expect(placementDecls(after, header)[0]).toEqual(["position", "relative"]);
    expect(placementDecls(before, header).some(([p]) => p === "position")).toBe(false);
  });
});
