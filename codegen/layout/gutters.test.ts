import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../test/helpers/fixtures.js";
import { loadDesign } from "../load.js";
import { inferLayout } from "./index.js";
import type { DesignNode, FlexLayout } from "../design/types.js";
import { belowDecls, responsiveDecls } from "../emit/responsive.js";
import { markGrowth, markGutters } from "./gutters.js";

const layout = (padding: [number, number, number, number], extra: Partial<FlexLayout> = {}): FlexLayout => ({
  dir: "column",
  gap: 0,
  padding,
  justify: "start",
  align: "start",
  ...extra,
});
const heading: DesignNode = {
  id: "3:1",
  name: "Heading",
  kind: "text",
  w: 1152,
  h: 38,
  sizeH: "fill",
  sizeV: "hug",
  text: {
    chars: "Spring Elegance",
    style: { family: "Roboto", size: 32, weight: 400 },
    resize: "height",
    alignH: "left",
    alignV: "top",
  },
};
/** A product dialog padded 64 px inside a page padded 80 px (Flora's Product Details). */
const modal = (sizeH: DesignNode["sizeH"] = "fill", kind: DesignNode["kind"] = "frame"): DesignNode => ({
  id: "2:1",
  name: "Modal",
  kind,
  w: 1280,
  h: 700,
  sizeH,
  sizeV: "hug",
  layout: layout([64, 64, 64, 64]),
  children: [heading],
});
const page = (child: DesignNode, pad = 80): DesignNode => ({
  id: "1:1",
  name: "Product Details",
  kind: "frame",
  w: 1440,
  h: 828,
  layout: layout([64, pad, 64, pad], { dir: "row" }),
  children: [child],
});

describe("the designer's wide side padding gives way on narrower screens", () => {
  it("marks the root and a box that fills it, each with the width its percentages refer to", () => {
    const out = markGutters(page(modal()));
    expect(out.layout!.fluidSides).toBe(1440);
    expect(out.children![0]!.layout!.fluidSides).toBe(1280);
    // Idempotent.
    expect(markGutters(out)).toBe(out);
  });

  it("leaves a gutter-wide padding, a box that hugs its content and a component's insides alone", () => {
    expect(markGutters(page(modal(), 24)).layout!.fluidSides).toBeUndefined();
    expect(markGutters(page(modal("hug"))).children![0]!.layout!.fluidSides).toBeUndefined();
    expect(markGutters(page(modal("fill", "instance"))).children![0]!.layout!.fluidSides).toBeUndefined();
  });

  it("is exactly as drawn at the design width and shrinks to a phone's gutter below it", () => {
    const out = markGutters(page(modal()));
    const decls = responsiveDecls(out.children![0]!, out, [["padding", "64px"]]);
    expect(decls).toContainEqual(["padding-left", "clamp(16px, calc(64px - (1280px - 100%) * 0.5), 64px)"]);
    expect(decls).toContainEqual(["padding-top", "64px"]);
    expect(decls.some(([p]) => p === "padding")).toBe(false);
  });
});

describe("a box of a fixed height grows with content that wraps below the design width", () => {
  const field = (id: string): DesignNode => ({
    id,
    name: "Field",
    kind: "frame",
    w: 560,
    h: 40,
    sizeH: "fixed",
    sizeV: "hug",
  });
  /** A section of a fixed height, its content centred, around a form whose row of fields reflows (TnT's Book). */
  const section = (reflow: boolean): DesignNode => ({
    id: "2:1",
    name: "Section",
    kind: "frame",
    w: 1440,
    h: 1141,
    sizeH: "fixed",
    sizeV: "fixed",
    layout: layout([0, 0, 0, 0], { justify: "center", align: "center" }),
    children: [
      {
        id: "3:1",
        name: "Form",
        kind: "frame",
        w: 1179,
        h: 400,
        sizeH: "hug",
        sizeV: "hug",
        layout: layout([0, 0, 0, 0]),
        children: [
          {
            id: "4:1",
            name: "Row",
            kind: "frame",
            w: 1179,
            h: 40,
            sizeH: "hug",
            sizeV: "hug",
            layout: layout([0, 0, 0, 0], { dir: "row", gap: 59, ...(reflow ? { reflow: 256, wrapBelow: 1440 } : {}) }),
            children: [field("5:1"), field("5:2")],
          },
        ],
      },
    ],
  });
  const page = (child: DesignNode): DesignNode => ({
    id: "1:1",
    name: "Book",
    kind: "frame",
    w: 1440,
    h: 1261,
    layout: layout([0, 0, 0, 0]),
    children: [child],
  });

  it(
    "marks the fixed box around a reflowing row, however " + "deep in boxes that hug it, from the design width down",
    () => {
      const out = markGrowth(page(section(true)), 1440);
      expect(out.children![0]!.growBelow).toBe(1440);
      expect(out.children![0]!.children![0]!.growBelow).toBeUndefined();
      expect(out.growBelow).toBeUndefined();
      expect(markGrowth(out, 1440)).toBe(out);
    },
  );

  it("marks a box that fills its height in a fixed box: it takes what its content needs below the design width", () => {
    const picker: DesignNode = {
      ...section(true),
      id: "2:2",
      children: [{ ...section(true).children![0]!, sizeV: "fill" }],
    };
    const out = markGrowth(page(picker), 1440).children![0]!;
    expect(out.growBelow).toBe(1440);
    expect(out.children![0]!.growBelow).toBe(1440);
    expect(belowDecls(out.children![0]!, "all", out)).toContainEqual([1440, [["min-height", "auto"]]]);
    expect(belowDecls(out, "all", page(picker))).toContainEqual([
      1440,
      [
        ["height", "auto"],
        ["min-height", "1141px"],
      ],
    ]);
  });

  it("leaves a fixed box whose content does not wrap, and one placed absolutely", () => {
    const still = page(section(false));
    expect(markGrowth(still, 1440)).toBe(still);
    const placed = page({ ...section(true), absolute: true });
    expect(markGrowth(placed, 1440)).toBe(placed);
  });
});

describe("marking a whole screen", () => {
  it("allocates no list of children for a box none of whose children changed (figmagic's frames)", () => {
    const file = join(REPO_ROOT, "test", "fixtures", "figma", "figmagic-design-system.file.json");
    const frames = inferLayout(loadDesign(JSON.parse(readFileSync(file, "utf8"))).document).frames;
    const map = Array.prototype.map;
    let lists = 0;
    const marked: DesignNode[] = [];
    Array.prototype.map = function counted(this: unknown[], ...args: Parameters<typeof map>) {
      lists++;
      return map.apply(this, args);
    } as typeof map;
    try {
      for (const frame of frames) marked.push(markGrowth(markGutters(frame), frame.w));
    } finally {
      Array.prototype.map = map;
    }
    // No list, against 362 when each box's children were mapped over (figmagic's 57 frames).
    expect(lists).toBe(0);
    expect(marked.filter((frame, i) => frame !== frames[i])).toHaveLength(0);
  });
});

describe("an item drawn shorter than its content, in a row that wraps, grows with it below the design width", () => {
  /** Over's promo banner: texts beside a 170-px box centring a 300-px picture (it overflows the box, not clipped). */
  const banner = (clip: boolean): DesignNode => ({
    id: "1:1",
    name: "Banner",
    kind: "frame",
    w: 870,
    h: 270,
    layout: layout([50, 50, 50, 50], { dir: "row", gap: 50, fitBelow: 870 }),
    children: [
      { ...heading, id: "2:1", w: 460, sizeH: "fill" },
      {
        id: "2:2",
        name: "Promo image",
        kind: "frame",
        w: 260,
        h: 170,
        sizeH: "fixed",
        sizeV: "fixed",
        ...(clip ? { clip: true } : {}),
        layout: layout([0, 0, 0, 0], { justify: "center", align: "center" }),
        children: [{ id: "3:1", name: "img", kind: "rect", w: 300, h: 300, sizeH: "fixed", sizeV: "fixed" }],
      },
    ],
  });

  it("marks the box (as tall as drawn from the design width up, as its content below it)", () => {
    const box = markGrowth(banner(false), 870).children![1]!;
    expect(box.growBelow).toBe(870);
    expect(Object.fromEntries(belowDecls(box, "all").flatMap(([, d]) => d))).toMatchObject({ height: "auto" });
  });

  it("leaves a box that clips its content (the designer crops the picture) as drawn", () => {
    expect(markGrowth(banner(true), 870).children![1]!.growBelow).toBeUndefined();
  });
});

describe("a paragraph in a box of a fixed size grows with its lines below the design width", () => {
  const footnote = (chars: string, resize: "none" | "height" = "none"): DesignNode => ({
    id: "2:1",
    name: "Footnote",
    kind: "text",
    w: 840,
    h: 60,
    text: { ...heading.text!, chars, resize, alignV: "bottom" },
  });
  const slide = (child: DesignNode): DesignNode => ({
    id: "1:1",
    name: "Financials",
    kind: "frame",
    w: 1920,
    h: 1080,
    layout: layout([0, 0, 0, 0]),
    children: [child],
  });

  it("marks zacht's footnote (several words in 840 × 60), not a one-word label nor a text that grows already", () => {
    const grown = (n: DesignNode) => markGrowth(slide(n), 1920).children![0]!.growBelow;
    expect(grown(footnote("Prediction of how much money to be made in the next 3–5 years"))).toBe(1920);
    expect(grown(footnote("Prediction"))).toBeUndefined();
    expect(grown(footnote("Prediction of money", "height"))).toBeUndefined();
  });
});
