/**
 * Rules for narrower screens (issue 22): a carousel row that wraps below the design width, a decoration hidden
 * where it would cover text, a frame drawn shorter than its content that grows with it — as `@media (width < …)`
 * blocks in CSS (widest first, after every other rule) and as Tailwind's `max-[…]` variants.
 */
import { describe, expect, it } from "vitest";
import type { DesignDocument, DesignNode } from "../design/types.js";
import { emitHtml } from "./html/emit.js";
import { emitReact } from "./react/emit.js";
import { tailwindClasses } from "./tailwind.js";
import { Sheet } from "./vnode.js";

const text = (id: string, x: number, y: number): DesignNode => ({
  id,
  name: id,
  kind: "text",
  x,
  y,
  w: 300,
  h: 20,
  text: {
    chars: id,
    style: { family: "Inter", size: 16, weight: 400 },
    resize: "height",
    alignH: "left",
    alignV: "top",
  },
});

/**
 * An inferred page: a carousel row of two cards, a decoration hidden below 1040 px, a paragraph frame growing below
 * 1440.
 */
function page(): DesignDocument {
  const card = (id: string, x: number): DesignNode => ({
    id,
    name: "Card",
    kind: "rect",
    x,
    y: 0,
    w: 416,
    h: 300,
    sizeH: "fixed",
    sizeV: "fixed",
    fills: [{ kind: "solid", color: "#eeeeee" }],
  });
  const row: DesignNode = {
    id: "",
    name: "Row",
    kind: "group",
    inferred: true,
    x: 0,
    y: 0,
    w: 1440,
    h: 300,
    sizeH: "fill",
    sizeV: "hug",
    layout: {
      dir: "row",
      gap: 24,
      padding: [0, 0, 0, 72],
      justify: "start",
      align: "start",
      wrap: true,
      crossGap: 24,
      inferred: { within: 1440 },
      wrapBelow: 1440,
    },
    children: [card("2:1", 72), card("2:2", 512)],
  };
  const blob: DesignNode = {
    id: "3:1",
    name: "Blob",
    kind: "ellipse",
    x: -120,
    y: 400,
    w: 240,
    h: 180,
    absolute: true,
    hideBelow: 1040,
    fills: [{ kind: "solid", color: "#ff00cc" }],
  };
  const para: DesignNode = {
    id: "4:1",
    name: "Paragraph",
    kind: "frame",
    x: 0,
    y: 340,
    w: 600,
    h: 19,
    sizeH: "fixed",
    sizeV: "fixed",
    growBelow: 1440,
    layout: {
      dir: "column",
      gap: 0,
      padding: [0, 0, 0, 0],
      justify: "start",
      align: "start",
      inferred: { within: 1440 },
    },
    children: [{ ...text("4:2", 0, 0), sizeH: "fill", sizeV: "hug" }],
  };
  const root: DesignNode = {
    id: "1:1",
    name: "Page",
    kind: "frame",
    w: 1440,
    h: 800,
    layout: {
      dir: "column",
      gap: 40,
      padding: [0, 0, 0, 0],
      justify: "start",
      align: "start",
      inferred: { within: 1440 },
    },
    children: [blob, row, para],
  };
  return { frames: [root], assets: {} };
}

describe("rules below a width", () => {
  it("CSS: one @media (width < …) block per width, widest first, after every other rule", () => {
    const css = emitHtml(page(), { nodeIds: true }).files.find((f) => f.path === "styles.css")!.content;
    const first = css.indexOf("@media");
    expect(css.slice(first)).toBe(
      "@media (width < 1440px) {\n" +
        "  .page {\n" +
        "    min-height: min(800px, 100vh);\n" +
        "  }\n\n" +
        "  .row {\n" +
        "    flex-wrap: wrap;\n" +
        "  }\n\n" +
        "  .paragraph {\n" +
        "    height: auto;\n" +
        "    min-height: 19px;\n" +
        "  }\n" +
        "}\n\n" +
        "@media (width < 1040px) {\n" +
        "  .blob {\n" +
        "    display: none;\n" +
        "  }\n" +
        "}\n",
    );
    // At the design width and up: the carousel stays one line, its cards keep their width.
    expect(css).toMatch(/\.row \{[^}]*flex-wrap: nowrap;/);
    expect(css).toMatch(/\.card \{[^}]*flex-shrink: 0;/);
    expect(css).toMatch(/\.paragraph \{[^}]*height: 19px;/);
  });

  it("Tailwind: max-[…] variants", () => {
    const files = emitReact(page(), { styling: "tailwind", nodeIds: false }).files;
    const tsx = files.map((f) => f.content).join("\n");
    expect(tsx).toContain("max-[1440px]:flex-wrap");
    expect(tsx).toContain("max-[1040px]:hidden");
    expect(tsx).toContain("max-[1440px]:h-auto");
    expect(tailwindClasses([["display", "flex"]], [], [[768, [["display", "none"]]]])).toBe("flex max-[768px]:hidden");
  });

  it(
    "a section kept as drawn (issue 37): its layers placed " + "at the design width, stacked in reading order below it",
    () => {
      const bg: DesignNode = {
        id: "5:2",
        name: "Hero background",
        kind: "rect",
        x: 0,
        y: 0,
        w: 1440,
        h: 500,
        absolute: true,
        fills: [{ kind: "solid", color: "#003344" }],
        stack: { role: "background", order: 1, below: 1440 },
      };
      const title: DesignNode = {
        ...text("5:3", 120, 140),
        name: "Title",
        absolute: true,
        stack: { role: "item", order: 3, below: 1440 },
      };
      const eyebrow: DesignNode = {
        ...text("5:4", 120, 100),
        name: "Eyebrow",
        absolute: true,
        stack: { role: "item", order: 2, below: 1440 },
      };
      const blob: DesignNode = {
        id: "5:5",
        name: "Swirl",
        kind: "ellipse",
        x: 1300,
        y: -40,
        w: 240,
        h: 240,
        absolute: true,
        fills: [{ kind: "solid", color: "#ff00cc" }],
        stack: { role: "hidden", order: 4, below: 1440 },
      };
      const hero: DesignNode = {
        id: "",
        name: "Hero",
        kind: "group",
        inferred: true,
        x: 0,
        y: 0,
        w: 1440,
        h: 500,
        sizeH: "fill",
        sizeV: "fixed",
        stackTop: true,
        stackBelow: 1440,
        children: [bg, eyebrow, title, blob],
      };
      const heading: DesignNode = {
        ...text("6:1", 120, 560),
        name: "Heading",
        sizeH: "fixed",
        sizeV: "hug",
        lineBelow: 1440,
      };
      const root: DesignNode = {
        id: "1:1",
        name: "Page",
        kind: "frame",
        w: 1440,
        h: 800,
        layout: {
          dir: "column",
          gap: 40,
          padding: [0, 0, 0, 0],
          justify: "start",
          align: "start",
          inferred: { within: 1440 },
        },
        children: [hero, heading],
      };
      const doc: DesignDocument = { frames: [root], assets: {} };
      const css = emitHtml(doc, { nodeIds: true }).files.find((f) => f.path === "styles.css")!.content;
      const below = css.slice(css.indexOf("@media (width < 1440px)"));
      // The section stacks its layers: a column between the gutters, as tall as they need.
      expect(below).toMatch(/\.hero \{[^}]*display: flex;[^}]*flex-direction: column;[^}]*height: auto;/);
      // Texts flow in reading order, the background stretches behind, the decoration hides.
      expect(below).toMatch(/\.title \{[^}]*position: relative;[^}]*order: 3;/);
      expect(below).toMatch(/\.eyebrow \{[^}]*position: relative;[^}]*order: 2;/);
      expect(below).toMatch(/\.hero-background \{[^}]*left: 0;[^}]*bottom: 0;/);
      expect(below).toMatch(/\.swirl \{[^}]*display: none;/);
      // At the design width the layers are where the designer put them.
      expect(css.slice(0, css.indexOf("@media"))).toMatch(
        /\.title \{[^}]*position: absolute;[^}]*left: 120px;[^}]*top: 140px;/,
      );
      // A text drawn on one line keeps it from the design width up, and wraps below it.
      expect(css.slice(0, css.indexOf("@media"))).toMatch(/\.heading \{[^}]*white-space: nowrap;/);
      expect(below).toMatch(/\.heading \{[^}]*white-space: normal;/);
      const tsx = emitReact(doc, { styling: "tailwind", nodeIds: false })
        .files.map((f) => f.content)
        .join("\n");
      for (const cls of [
        "max-[1440px]:flex-col",
        "max-[1440px]:order-3",
        "max-[1440px]:order-2",
        "max-[1440px]:hidden",
        "whitespace-nowrap",
        "max-[1440px]:whitespace-normal",
      ])
        expect(tsx).toContain(cls);
    },
  );

  it("a sheet without such rules prints none", () => {
    const sheet = new Sheet();
    sheet.add("a", [["color", "red"]]);
    expect(sheet.css()).not.toContain("@media");
  });
});

describe("a row of like cards below the design width", () => {
  const card = (id: string, x: number, w = 373): DesignNode => ({
    id,
    name: "Card",
    kind: "frame",
    x,
    y: 0,
    w,
    h: 320,
    sizeH: "fixed",
    sizeV: "hug",
    layout: {
      dir: "column",
      gap: 12,
      padding: [24, 24, 24, 24],
      justify: "start",
      align: "start",
      inferred: { within: 373 },
    },
    children: [{ ...text(`${id}t`, 24, 24), sizeH: "fixed", sizeV: "hug" }],
  });
  const row = (cards: DesignNode[]): DesignNode => ({
    id: "",
    name: "Row",
    kind: "group",
    inferred: true,
    x: 120,
    y: 0,
    w: 1200,
    h: 320,
    sizeH: "fixed",
    sizeV: "hug",
    layout: {
      dir: "row",
      gap: 40,
      padding: [0, 0, 0, 0],
      justify: "start",
      align: "start",
      wrap: true,
      crossGap: 24,
      inferred: { within: 1440 },
      wrapBelow: 1440,
    },
    children: cards,
  });
  const doc = (r: DesignNode): DesignDocument => ({
    frames: [
      {
        id: "1:1",
        name: "Page",
        kind: "frame",
        w: 1440,
        h: 800,
        layout: {
          dir: "column",
          gap: 40,
          padding: [0, 0, 0, 0],
          justify: "start",
          align: "center",
          inferred: { within: 1440 },
        },
        children: [r],
      },
    ],
    assets: {},
  });

  it(
    "is a grid of as many columns as fit, each at least ¾ of a drawn " +
      "card, within the phone gutters; its cards fill their columns",
    () => {
      const css = emitHtml(doc(row([card("2:1", 120), card("2:2", 533), card("2:3", 947)])), {
        nodeIds: true,
      }).files.find((f) => f.path === "styles.css")!.content;
      const below = css.slice(css.indexOf("@media (width < 1440px)"));
      expect(below).toContain(
        "  .row {\n" +
          "    display: grid;\n" +
          "    grid-template-columns: repeat(auto-fill, minmax(min(100%, 280px), 1fr));\n" +
          "    max-width: calc(100% - 32px);\n" +
          "  }",
      );
      expect(below).toMatch(
        /\.card \{\n {4}width: auto;\n {4}max-width: none;\n {4}min-width: 0;\n {4}margin-left: 0;\n {2}\}/,
      );
      // At the design width the row and its cards are as drawn.
      expect(css.slice(0, css.indexOf("@media"))).not.toContain("grid");
    },
  );

  it("Tailwind: the same as max-[…] classes", () => {
    const tsx = emitReact(doc(row([card("2:1", 120), card("2:2", 533)])), { styling: "tailwind", nodeIds: false })
      .files.map((f) => f.content)
      .join("\n");
    expect(tsx).toContain("max-[1440px]:grid max-[1440px]:grid-cols-[repeat(auto-fill,minmax(min(100%,280px),1fr))]");
    expect(tsx).toContain("max-[1440px]:w-auto");
  });

  it("not for cards of different widths, nor for boxes without content: their row wraps as a flex row", () => {
    for (const cards of [
      [card("2:1", 120), card("2:2", 533, 300)],
      [
        { ...card("2:1", 120), children: [] },
        { ...card("2:2", 533), children: [] },
      ],
    ]) {
      const css = emitHtml(doc(row(cards)), { nodeIds: true }).files.find((f) => f.path === "styles.css")!.content;
      expect(css).toContain("  .row {\n    flex-wrap: wrap;\n  }");
      expect(css).not.toContain("grid");
    }
  });
});
