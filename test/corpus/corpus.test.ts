/**
 * The corpus tool's pure halves (the page halves run in Chromium by `npm run corpus`): measured page → Figma
 * REST nodes (to-rest.ts), made to look drawn (drawn.ts), real auto layout removed (flatten.ts); and the
 * committed corpus itself is what they make: no auto layout anywhere, every image ref's bytes present.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadDesign } from "../../codegen/load.js";
import { corpusImages, corpusJson, corpusPages, corpusReference } from "../helpers/corpus-frames.js";
import { fixturesRoot } from "../helpers/responsive-frames.js";
import { boxOf, drawLikeADesigner } from "./drawn.js";
import { flattenAutoLayout, hasAutoLayout } from "./flatten.js";
import type { MeasuredItem, MeasuredPage, MeasuredText, Rect, TextRunStyle } from "./measured.js";
import { gradientPaint, textBox, toRestFrame, type CorpusNode } from "./to-rest.js";

const style: TextRunStyle = {
  family: "Lato",
  size: 16,
  weight: 400,
  lineHeight: 24,
  color: { r: 0, g: 0, b: 0, a: 1 },
};
const base = (key: number, box: Rect, region = 0, extra: Partial<MeasuredItem> = {}) => ({
  key,
  tag: "div",
  className: "",
  box,
  z: 0,
  order: key,
  opacity: 1,
  region: { index: region, tag: "section" },
  link: false,
  ...extra,
});
const textItem = (id: string, box: Rect, chars: string, lines = 1, region = 0): MeasuredText => ({
  ...base(Number(id.split(":")[1]), box, region),
  kind: "text",
  id,
  chars,
  runs: [{ start: 0, end: chars.length, style }],
  lines,
  align: "left",
  column: { x: box.x, w: 600 },
});

/** A measured two-section page: a hero with an image background and a heading; three cards in a row. */
function measured(): MeasuredPage {
  const cards = [0, 1, 2].flatMap((i): MeasuredItem[] => [
    {
      ...base(20 + i * 3, { x: 72 + i * 440, y: 800, w: 416, h: 300 }, 1, { cell: 100 + i }),
      kind: "box",
      fills: [{ kind: "solid", color: { r: 1, g: 1, b: 1, a: 1 } }],
      radius: [8, 8, 8, 8],
      shadows: [{ inset: false, x: 0, y: 2, blur: 8, spread: 0, color: { r: 0, g: 0, b: 0, a: 0.2 } }],
    },
    {
      ...textItem(`9:${21 + i * 3}`, { x: 96 + i * 440, y: 1000, w: 200, h: 24 }, `Card ${i + 1}`, 1, 1),
      cell: 100 + i,
    },
  ]);
  return {
    url: "http://figment.test/index.html",
    title: "Test",
    width: 1440,
    height: 1400,
    background: { r: 1, g: 1, b: 1, a: 1 },
    items: [
      {
        ...base(1, { x: 0, y: 0, w: 1440, h: 700 }),
        kind: "box",
        fills: [
          { kind: "image", src: "http://figment.test/hero.jpg", fit: "cover" },
          { kind: "linear-gradient", css: "linear-gradient(rgba(0, 0, 0, 0.5) 0%, rgba(0, 0, 0, 0) 100%)" },
        ],
        radius: [0, 0, 0, 0],
        shadows: [],
      },
      textItem("9:2", { x: 320, y: 300, w: 800, h: 96 }, "A heading over two lines", 2),
      ...cards,
    ],
  };
}

describe("measured page → REST nodes", () => {
  it("one frame, every layer at its root in paint order; no auto layout; text styles, gradients and image refs", () => {
    const { frame, sources } = toRestFrame({
      page: measured(),
      pageNumber: 9,
      name: "Test — Desktop",
      images: new Map([["http://figment.test/hero.jpg", { ref: "a".repeat(40) }]]),
    });
    expect(frame).toMatchObject({
      id: "9:0",
      type: "FRAME",
      clipsContent: true,
      absoluteBoundingBox: { x: 0, y: 0, width: 1440, height: 1400 },
    });
    expect(hasAutoLayout(frame)).toBe(false);
    expect(frame.children!.map((c) => c.type)).toEqual([
      "RECTANGLE",
      "TEXT",
      "RECTANGLE",
      "TEXT",
      "RECTANGLE",
      "TEXT",
      "RECTANGLE",
      "TEXT",
    ]);
    const hero = frame.children![0]!;
    // Bottom paint first, as Figma lists them (the page measurement reverses CSS's top-first list).
    expect((hero["fills"] as { type: string }[]).map((f) => f.type)).toEqual(["IMAGE", "GRADIENT_LINEAR"]);
    expect(hero["fills"]).toContainEqual(
      expect.objectContaining({ type: "IMAGE", imageRef: "a".repeat(40), scaleMode: "FILL" }),
    );
    const heading = frame.children![1]!;
    expect(heading).toMatchObject({
      id: "9:2",
      characters: "A heading over two lines",
      style: { fontFamily: "Lato", lineHeightPx: 24, textAutoResize: "HEIGHT" },
    });
    expect(sources.get("9:2")?.kind).toBe("text");
    // The REST JSON loads, as the plugin's export of the same drawing would.
    const loaded = loadDesign({ document: frame });
    expect(loaded.document.frames[0]!.children).toHaveLength(8);
  });

  it(
    "a text of one line hugs it (auto width, 2 px of slack); " + "of several, wraps in its column, lines tall exactly",
    () => {
      const one = textItem("9:1", { x: 10.4, y: 20, w: 99.2, h: 19 }, "One line");
      // A 24-px line box around a 19-px line of ink: half the leading above it.
      expect(textBox(one)).toEqual({ box: { x: 10.4, y: 17.5, w: 102, h: 24 }, resize: "WIDTH_AND_HEIGHT" });
      const two = textItem("9:2", { x: 10, y: 20, w: 300, h: 38 }, "Two lines of text", 2);
      expect(textBox(two)).toEqual({ box: { x: 10, y: 17.5, w: 600, h: 48 }, resize: "HEIGHT" });
    },
  );

  it("reads computed linear gradients (angles, sides, stops with and without positions) into Figma handles", () => {
    const down = gradientPaint("linear-gradient(rgba(255, 0, 0, 1) 0%, rgba(0, 0, 255, 1) 100%)", 200, 100)!;
    expect(down["gradientHandlePositions"]).toEqual([{ x: 0.5, y: 0 }, { x: 0.5, y: 1 }, expect.any(Object)]);
    expect(
      gradientPaint("linear-gradient(to right, rgb(255, 0, 0), rgb(0, 0, 255))", 200, 100)!["gradientStops"],
    ).toEqual([
      { color: { r: 1, g: 0, b: 0, a: 1 }, position: 0 },
      { color: { r: 0, g: 0, b: 1, a: 1 }, position: 1 },
    ]);
    expect(gradientPaint("radial-gradient(red, blue)", 10, 10)).toBeUndefined();
  });
});

describe("made to look drawn", () => {
  const drawn = () => {
    const { frame, sources } = toRestFrame({
      page: measured(),
      pageNumber: 9,
      name: "Test",
      images: new Map([["http://figment.test/hero.jpg", { ref: "a".repeat(40) }]]),
    });
    return drawLikeADesigner(frame, { seed: 7, sources });
  };
  const all = (n: CorpusNode): CorpusNode[] => [n, ...(n.children ?? []).flatMap(all)];

  it("is deterministic (seeded) and still has no auto layout", () => {
    expect(JSON.stringify(drawn())).toBe(JSON.stringify(drawn()));
    expect(hasAutoLayout(drawn().frame)).toBe(false);
  });

  it(
    "widens the full-bleed image past the frame, continues the row " +
      "of cards past 1,900 px, adds decorations that cover no text",
    () => {
      const { frame, log } = drawn();
      const nodes = all(frame);
      const hero = nodes.find((n) => n.id === "9:10001")!;
      expect(boxOf(hero).x).toBeLessThan(0);
      expect(boxOf(hero).w).toBeGreaterThanOrEqual(1475);
      const right = Math.max(
        ...nodes.filter((n) => n.type === "RECTANGLE" && boxOf(n).h === 300).map((n) => boxOf(n).x + boxOf(n).w),
      );
      expect(right).toBeGreaterThanOrEqual(1900);
      const texts = nodes.filter((n) => n.type === "TEXT").map(boxOf);
      const decorations = nodes.filter((n) => n.type === "ELLIPSE" || n.type === "VECTOR");
      expect(decorations.length).toBeGreaterThanOrEqual(3);
      const edge = decorations.filter((d) => boxOf(d).x < 0 || boxOf(d).x + boxOf(d).w > 1440);
      expect(edge.length).toBeGreaterThanOrEqual(3);
      for (const d of edge) {
        const b = boxOf(d);
        expect(texts.some((t) => t.x < b.x + b.w && b.x < t.x + t.w && t.y < b.y + b.h && b.y < t.y + t.h)).toBe(false);
      }
      expect(log.join(" ")).toMatch(/carousel/);
    },
  );
});

describe("real auto layout removed", () => {
  it("keeps every box and drops every auto-layout field", () => {
    const node = {
      id: "1:1",
      type: "FRAME",
      layoutMode: "VERTICAL",
      itemSpacing: 8,
      paddingLeft: 16,
      absoluteBoundingBox: { x: 0, y: 0, width: 100, height: 100 },
      children: [
        {
          id: "1:2",
          type: "TEXT",
          layoutAlign: "STRETCH",
          layoutGrow: 1,
          layoutSizingHorizontal: "FILL",
          absoluteBoundingBox: { x: 16, y: 0, width: 68, height: 20 },
        },
      ],
    };
    const flat = flattenAutoLayout(node);
    expect(hasAutoLayout(flat)).toBe(false);
    expect(flat).toEqual({
      id: "1:1",
      type: "FRAME",
      absoluteBoundingBox: node.absoluteBoundingBox,
      children: [{ id: "1:2", type: "TEXT", absoluteBoundingBox: node.children[0]!.absoluteBoundingBox }],
    });
    expect(node.layoutMode).toBe("VERTICAL");
  });
});

describe("the committed corpus", () => {
  const pages = corpusPages();
  it("has at least 8 converted sites and 5 flattened files, each with its reference and SOURCES.md row", () => {
    const sources = readFileSync(join(fixturesRoot(), "corpus", "SOURCES.md"), "utf8");
    expect(pages.filter((p) => p.kind === "converted site").length).toBeGreaterThanOrEqual(8);
    expect(pages.filter((p) => p.kind === "flattened file").length).toBeGreaterThanOrEqual(5);
    for (const page of pages) {
      expect(sources).toContain(`${page.name}.nodes.json`);
      const reference = corpusReference(page);
      expect(Object.keys(reference.widths).sort()).toEqual(["390", "768"]);
      expect(reference.widths[390]!.order.length).toBeGreaterThan(1);
    }
  });

  it.each(pages.map((p) => [p.name, p] as const))(
    "%s: no auto layout; a converted site has every image fill's bytes",
    (_name, page) => {
      const json = corpusJson(page);
      expect(
        hasAutoLayout(Object.values((json as { nodes: Record<string, { document: CorpusNode }> }).nodes)[0]!.document),
      ).toBe(false);
      // The flattened files' sources never had their images' bytes (placeholders, as in ../figma/).
      if (page.kind === "flattened file") return;
      const refs = [...JSON.stringify(json).matchAll(/"imageRef":"([0-9a-f]{40})"/g)].map((m) => m[1]!);
      const images = corpusImages(json);
      for (const ref of refs) expect(images[ref], `${page.name}: ${ref}`).toBeDefined();
      expect(existsSync(join(fixturesRoot(), "corpus", "licenses"))).toBe(true);
    },
  );
});
