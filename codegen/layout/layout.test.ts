import { describe, expect, it } from "vitest";
import type { DesignNode } from "../design/types.js";
import { flexOf } from "../design/layout-kind.js";
import { inferLayout } from "./index.js";
import { undoInference } from "./undo.js";
import { bands } from "./boxes.js";
import { planFlow } from "./spacing.js";
import { xyCut } from "./xy-cut.js";

const item = (index: number, x: number, y: number, w: number, h: number) => ({ index, box: { x, y, w, h } });
const text = (id: string, x: number, y: number, w: number, h: number, size = 16): DesignNode => ({
  id,
  name: id,
  kind: "text",
  x,
  y,
  w,
  h,
  text: { chars: id, style: { family: "Inter", size, weight: 400 }, resize: "height", alignH: "left", alignV: "top" },
});
const rect = (id: string, x: number, y: number, w: number, h: number): DesignNode => ({
  id,
  name: id,
  kind: "rect",
  x,
  y,
  w,
  h,
  fills: [{ kind: "solid", color: "#eee" }],
});
const frame = (w: number, h: number, children: DesignNode[]): DesignNode => ({
  id: "1:1",
  name: "Page",
  kind: "frame",
  w,
  h,
  children,
});

describe("xy-cut", () => {
  it("splits by horizontal whitespace into rows, then a row into columns", () => {
    const cut = xyCut([item(0, 0, 0, 100, 20), item(1, 0, 40, 40, 20), item(2, 60, 40, 40, 20)]);
    expect(cut.kind).toBe("flow");
    if (cut.kind !== "flow") return;
    expect(cut.dir).toBe("column");
    expect(cut.parts.map((p) => p.kind)).toEqual(["item", "flow"]);
    expect(cut.parts[1]!.kind === "flow" && cut.parts[1]!.dir).toBe("row");
  });

  it("nests: columns of rows", () => {
    const cut = xyCut([item(0, 0, 0, 40, 20), item(1, 0, 30, 40, 20), item(2, 60, 0, 40, 50)]);
    expect(cut.kind === "flow" && cut.dir).toBe("row");
    expect(cut.kind === "flow" && cut.parts[0]!.kind === "flow" && cut.parts[0]!.dir).toBe("column");
  });

  it("a box under others that holds them is a stack's base; partial overlaps are loose", () => {
    const stack = xyCut([item(0, 0, 0, 100, 50), item(1, 10, 10, 80, 20)]);
    expect(stack.kind === "stack" && stack.base.index).toBe(0);
    expect(xyCut([item(0, 0, 0, 60, 60), item(1, 40, 40, 60, 60)]).kind).toBe("loose");
  });

  it("touching boxes are separate bands; overlapping ones are one", () => {
    expect(bands([item(0, 0, 0, 10, 10), item(1, 0, 10, 10, 10)], "y")).toHaveLength(2);
    expect(bands([item(0, 0, 0, 10, 10), item(1, 0, 8, 10, 10)], "y")).toHaveLength(1);
  });
});

describe("spacing", () => {
  it(
    "keeps each item's drawn spacing beyond the smallest gap, " +
      "fractions included (a row never gets wider than drawn)",
    () => {
      const plan = planFlow("row", { x: 0, y: 0, w: 200, h: 20 }, [
        { x: 0, y: 0, w: 20, h: 20 },
        { x: 32, y: 0, w: 20, h: 20 },
        { x: 64.5, y: 0, w: 20, h: 20 },
        { x: 97.5, y: 0, w: 20, h: 20 },
        { x: 150.5, y: 0, w: 20, h: 20 },
      ]);
      expect(plan.layout.gap).toBe(12);
      // Gaps 12, 12.5, 13, 33.
      expect(plan.items.map((i) => i.flow.before)).toEqual([undefined, undefined, 0.5, 1, 21]);
    },
  );

  it("measures gap, padding and extra space; centred content needs no side padding beyond a phone's gutter", () => {
    const plan = planFlow("column", { x: 0, y: 0, w: 400, h: 200 }, [
      { x: 100, y: 20, w: 200, h: 40 },
      { x: 150, y: 84, w: 100, h: 20 },
      { x: 150, y: 148, w: 100, h: 20 },
    ]);
    expect(plan.layout.gap).toBe(24);
    expect(plan.layout.align).toBe("center");
    expect(plan.layout.padding).toEqual([20, 16, 32, 16]);
    expect(plan.items[2]!.flow.before).toBe(20);
    // A heading centred by hand a few pixels off the middle (525 | 522 px) is centred.
    const page = planFlow("column", { x: 0, y: 0, w: 1296, h: 200 }, [
      { x: 525, y: 0, w: 249, h: 48 },
      { x: 0, y: 80, w: 1296, h: 100 },
    ]);
    expect(page.items[0]!.flow).toEqual({});
    expect(page.layout.align).toBe("center");
  });

  it("a row's one wide gap is an auto margin (logo | links)", () => {
    const plan = planFlow("row", { x: 0, y: 0, w: 1000, h: 40 }, [
      { x: 20, y: 10, w: 80, h: 20 },
      { x: 700, y: 10, w: 80, h: 20 },
      { x: 800, y: 10, w: 80, h: 20 },
    ]);
    expect(plan.items[1]!.flow.before).toBe("auto");
    expect(plan.layout.gap).toBe(20);
    expect(plan.layout.wrap).toBe(true);
  });
});

describe("inferLayout", () => {
  const page = frame(1440, 400, [
    rect("bg", 0, 0, 1440, 400),
    text("title", 120, 40, 1200, 60, 48),
    text("a", 120, 140, 560, 40),
    text("b", 760, 140, 560, 40),
  ]);

  it("keeps a phone-sized frame as drawn", () => {
    const phone = frame(375, 600, [text("t", 16, 16, 300, 20)]);
    expect(inferLayout({ frames: [phone], assets: {} }).frames[0]).toBe(phone);
  });

  it("gives an absolute page a column of rows, with the background as a stretched layer", () => {
    const out = inferLayout({ frames: [page], assets: {} }).frames[0]!;
    expect(out.layout).toMatchObject({ dir: "column", gap: 40, inferred: { within: 1440 } });
    const [bg, title, row] = out.children!;
    expect(bg).toMatchObject({ id: "bg", absolute: true, constraintH: "left-right", constraintV: "top-bottom" });
    expect(title).toMatchObject({ id: "title", sizeH: "fill", sizeV: "hug", minH: 60 });
    expect(title!.absolute).toBeUndefined();
    expect(title!.text!.fluid).toEqual([29, 3.34]);
    expect(row).toMatchObject({ id: "", inferred: true, name: "Row", layout: { dir: "row", gap: 0, wrap: true } });
    // Its one wide gap (80 px) is an auto margin: the second column keeps to the right edge.
    expect(row!.children![1]!.flow).toEqual({ before: "auto" });
    expect(row!.children!.map((c) => [c.id, c.sizeH])).toEqual([
      ["a", "fixed"],
      ["b", "fixed"],
    ]);
  });

  it(
    "a screen without a word (TnT's component set of four pictures) " +
      "is a column too, not 3,146 px of pictures kept as drawn",
    () => {
      const picture = (id: string, y: number): DesignNode => ({
        ...rect(id, 20, y, 1270, 658),
        fills: [{ kind: "image", asset: "a.png", fit: "cover" }],
      });
      const sheet = frame(1360, 3146, [
        picture("v1", 11),
        picture("v2", 773),
        picture("v3", 1586),
        picture("v4", 2348),
      ]);
      const out = inferLayout({ frames: [sheet], assets: {} }).frames[0]!;
      expect(out.layout).toMatchObject({ dir: "column", inferred: { within: 1360 } });
      expect(out.children!.map((c) => [c.id, c.absolute])).toEqual([
        ["v1", undefined],
        ["v2", undefined],
        ["v3", undefined],
        ["v4", undefined],
      ]);
      // Inside a screen, a box of pictures without a word (a collage, an illustration) still scales as a unit.
      const nested = frame(1440, 4000, [text("t", 80, 20, 600, 40), { ...sheet, id: "2:1", x: 40, y: 200 }]);
      expect(
        inferLayout({ frames: [nested], assets: {} }).frames[0]!.children!.find((c) => c.id === "2:1")!.layout,
      ).toBeUndefined();
    },
  );

  it("is idempotent and leaves its input alone", () => {
    const before = JSON.stringify(page);
    const once = inferLayout({ frames: [page], assets: {} });
    expect(JSON.stringify(page)).toBe(before);
    expect(inferLayout(once)).toEqual(once);
  });

  it("a stack keeps its base under the content; partial overlaps scale as a unit", () => {
    const card = frame(800, 300, [
      rect("card", 100, 50, 300, 200),
      text("label", 120, 70, 200, 20),
      rect("x", 500, 50, 100, 100),
      text("y", 550, 100, 100, 100),
    ]);
    const out = inferLayout({ frames: [card], assets: {} }).frames[0]!;
    expect(flexOf(out)?.dir).toBe("row");
    const [stack, loose] = out.children!;
    expect(stack).toMatchObject({ name: "Stack", layout: { dir: "column", padding: [20, 20, 160, 20] } });
    expect(stack!.children![0]).toMatchObject({ id: "card", absolute: true, constraintH: "left-right" });
    expect(loose).toMatchObject({ name: "Layers", scaled: true });
  });

  it("layers with text wider than a phone holds stack below the design width instead of scaling as a unit", () => {
    // A watermark word with a paragraph drawn over its foot, and an icon beside them (a designer's "Vad" section).
    const icon: DesignNode = {
      id: "icon",
      name: "icon",
      kind: "group",
      x: 631,
      y: 36,
      w: 239,
      h: 216,
      children: [rect("blob", 0, 0, 239, 216), rect("glyph", 63, 54, 111, 111)],
    };
    const section = frame(1440, 400, [
      text("title", 100, 0, 400, 20),
      text("Vad", 291, 40, 340, 262, 160),
      text("body", 292, 196, 600, 133, 20),
      { ...icon, x: 860, y: 140 },
    ]);
    const out = inferLayout({ frames: [section], assets: {} }).frames[0]!;
    const layers = (function find(n: DesignNode): DesignNode | undefined {
      return n.name === "Layers" ? n : (n.children ?? []).map(find).find(Boolean);
    })(out)!;
    expect(layers.scaled).toBeUndefined();
    expect(layers.stackBelow).toBe(1440);
    // (the icon, its glyph on its blob, is read as a stack of its own: found by its blob)
    const byId = new Map(
      layers.children!.map((c) => [c.id || (c.children ?? []).find((g) => g.id === "blob")?.id || c.name, c]),
    );
    // At the design width each layer where it was drawn (in px, not scaled); below it, one under the other in reading
    // order.
    expect(byId.get("Vad")).toMatchObject({ absolute: true, x: 0, stack: { role: "item", order: 1, below: 1440 } });
    expect(byId.get("Vad")!.constraintH).toBeUndefined();
    expect(byId.get("body")!.stack!.order).toBeGreaterThan(byId.get("blob")!.stack!.order);
    // The big word scales down with the screen; the icon, without text, is not stacked itself.
    expect(byId.get("Vad")!.text!.fluid).toBeDefined();
    expect(byId.get("blob")!.stackBelow).toBeUndefined();
  });

  it(
    "layers whose text is in a designer's auto layout wider than " +
      "a phone still scale as a unit (stacked, it would not fit)",
    () => {
      const bar: DesignNode = {
        id: "bar",
        name: "bar",
        kind: "frame",
        x: 72,
        y: 40,
        w: 1294,
        h: 77,
        layout: { dir: "row", gap: 24, padding: [0, 0, 0, 0], justify: "start", align: "start" },
        children: [text("tab1", 0, 0, 400, 77, 24), text("tab2", 424, 0, 400, 77, 24)],
      };
      const header = frame(1440, 600, [
        text("title", 100, 0, 400, 20),
        rect("band", 0, 30, 1440, 100),
        text("logo", 32, 20, 1376, 40, 24),
        bar,
        text("more", 100, 300, 400, 20),
      ]);
      const out = inferLayout({ frames: [header], assets: {} }).frames[0]!;
      const layers = (function find(n: DesignNode): DesignNode | undefined {
        return n.name === "Layers" ? n : (n.children ?? []).map(find).find(Boolean);
      })(out);
      expect(layers).toBeDefined();
      expect(layers).toMatchObject({ scaled: true });
      expect(layers!.stackBelow).toBeUndefined();
    },
  );
});

describe("undoInference: the drawing back from an inferred tree that came without it (a parsed hint)", () => {
  it("dissolves wrappers and puts every layer back among its drawn siblings, at its drawn place", async () => {
    const { undoInference } = await import("./undo.js");
    // A card (background under a title and a label beside a field), a row of two boxes, a footer text.
    const drawn = frame(1440, 900, [
      rect("bg", 100, 100, 600, 300),
      text("Title", 140, 140, 300, 40, 32),
      text("Email:", 140, 220, 80, 20),
      rect("field", 240, 215, 300, 30),
      rect("a", 100, 500, 400, 200),
      rect("b", 800, 500, 400, 200),
      text("Footer", 100, 800, 200, 20),
    ]);
    const inferred = inferLayout({ frames: [drawn], assets: {} }).frames[0]!;
    expect(JSON.stringify(inferred)).toContain('"inferred":true');
    const back = undoInference(JSON.parse(JSON.stringify(inferred)) as DesignNode);
    expect(back.layout).toBeUndefined();
    const place = (n: DesignNode): string => `${n.id}@${n.x},${n.y} ${n.w}x${n.h}`;
    expect(back.children!.map(place).sort()).toEqual(drawn.children!.map(place).sort());
    expect(back.children!.some((c) => c.inferred || c.flow || c.absolute)).toBe(false);
  });
});

describe("real pages drawn without auto layout (issue 22): inference decides per child", () => {
  const ellipse = (id: string, x: number, y: number, w: number, h: number, opacity?: number): DesignNode => ({
    id,
    name: id,
    kind: "ellipse",
    x,
    y,
    w,
    h,
    fills: [{ kind: "solid", color: "#f0c" }],
    ...(opacity !== undefined ? { opacity } : {}),
  });
  const image = (id: string, x: number, y: number, w: number, h: number): DesignNode => ({
    id,
    name: id,
    kind: "rect",
    x,
    y,
    w,
    h,
    fills: [{ kind: "image", asset: `${id}.png`, fit: "cover" }],
  });
  const infer = (page: DesignNode): DesignNode => inferLayout({ frames: [page], assets: {} }).frames[0]!;
  const all = (n: DesignNode): DesignNode[] => [n, ...(n.children ?? []).flatMap(all)];
  const byId = (n: DesignNode, id: string): DesignNode => all(n).find((c) => c.id === id)!;

  it(
    "content reaching past the page's side is no reason to give up: " +
      "a full-bleed image stretches, decorations bleed off the edges",
    () => {
      const page = frame(1440, 800, [
        image("hero", -46, 0, 1510, 600),
        text("title", 320, 200, 800, 60, 48),
        ellipse("blob", -120, 650, 240, 180),
        text("body", 320, 660, 800, 40),
      ]);
      const out = infer(page);
      expect(flexOf(out)?.dir).toBe("column");
      const stack = out.children!.find((c) => c.name === "Stack")!;
      // The hero image stretches with its section, its overhang kept on both sides.
      expect(stack.children![0]).toMatchObject({
        id: "hero",
        absolute: true,
        constraintH: "left-right",
        constraintV: "top-bottom",
        x: -46,
      });
      expect(stack.minH).toBe(600);
      // The blob is a decoration pinned to the left edge, hidden below the width where it would reach the text.
      const blob = byId(out, "blob");
      expect(blob).toMatchObject({ absolute: true, constraintV: "bottom" });
      expect(blob.constraintH).toBeUndefined();
      // It reaches 120 px in from the left; the texts start 320 px in: hidden below 1440 − 2 × (320 − 120).
      expect(blob.hideBelow).toBe(1040);
    },
  );

  it(
    "a row of cards running past the right side is a " + "carousel: one line at the design width, wrapping below it",
    () => {
      const cards = [0, 1, 2, 3, 4].flatMap((i) => [
        rect(`card${i}`, 72 + i * 440, 100, 416, 300),
        text(`name${i}`, 96 + i * 440, 320, 300, 30),
      ]);
      const out = infer(frame(1440, 500, cards));
      const row = all(out).find((n) => n.layout?.wrapBelow !== undefined)!;
      expect(row.layout).toMatchObject({ dir: "row", wrapBelow: 1440, gap: 24 });
      expect(row.children).toHaveLength(5);
      // Every card (a stack: its box under its name) stays in it, the two past the frame's edge too.
      expect(row.children!.map((c) => c.children?.[0]?.id)).toEqual(["card0", "card1", "card2", "card3", "card4"]);
    },
  );

  it("a group spanning parts of two sections is dissolved; each section is its background with what lies on it", () => {
    const page = frame(1440, 900, [
      rect("bgA", 0, 0, 1440, 400),
      text("a1", 200, 100, 600, 40),
      {
        id: "g",
        name: "Group",
        kind: "group",
        x: 200,
        y: 300,
        w: 600,
        h: 250,
        children: [text("a2", 0, 0, 600, 40), rect("bgB", -200, 100, 1440, 500)],
      },
      text("b1", 200, 500, 600, 40),
    ]);
    // bgB (drawn inside the group) lies from y 400; a2 at y 300 belongs to section A.
    (page.children![2]!.children![1] as DesignNode).y = 100;
    const out = infer(page);
    expect(all(out).some((n) => n.id === "g")).toBe(false);
    const stacks = out.children!.filter((c) => c.name === "Stack");
    expect(stacks.map((s) => s.children![0]!.id)).toEqual(["bgA", "bgB"]);
    expect(all(stacks[0]!).map((n) => n.id)).toEqual(expect.arrayContaining(["a1", "a2"]));
    expect(all(stacks[1]!).map((n) => n.id)).toContain("b1");
  });

  it("cards side by side (picture, name, quote) are columns, not a row of pictures over a row of names", () => {
    const people = [0, 1, 2].flatMap((i) => [
      image(`p${i}`, 100 + i * 440, 100, 192, 192),
      text(`n${i}`, 100 + i * 440, 308, 192, 24),
      text(`q${i}`, 100 + i * 440, 341, 288, 72),
    ]);
    const out = infer(frame(1440, 500, people));
    const row = all(out).find((n) => flexOf(n)?.dir === "row")!;
    expect(
      row.children!.map((c) =>
        all(c)
          .filter((n) => n.id)
          .map((n) => n.id),
      ),
    ).toEqual([
      ["p0", "n0", "q0"],
      ["p1", "n1", "q1"],
      ["p2", "n2", "q2"],
    ]);
  });

  it("an ellipse behind a card's corner is a decoration; the card's own circle is not", () => {
    const page = frame(1440, 600, [
      ellipse("behind", 40, 40, 120, 120, 0.35),
      rect("card", 100, 100, 400, 300),
      ellipse("avatar", 120, 120, 80, 80),
      text("label", 220, 140, 200, 30),
    ]);
    const out = infer(page);
    expect(byId(out, "behind")).toMatchObject({ absolute: true, hideBelow: 1440 });
    expect(byId(out, "avatar").absolute).toBeUndefined();
  });

  it("a frame drawn shorter than its text keeps its drawn height at the design width and grows below it", () => {
    const para: DesignNode = {
      id: "p",
      name: "Paragraph",
      kind: "instance",
      x: 100,
      y: 100,
      w: 600,
      h: 19,
      children: [text("t", 0, 0, 600, 44)],
    };
    const out = infer(frame(800, 300, [para, text("next", 100, 160, 600, 20)]));
    expect(byId(out, "p")).toMatchObject({ growBelow: 800, sizeV: "fixed" });
  });

  it("text of whole lines is as tall as its lines: the space after it is measured from there", () => {
    const title: DesignNode = {
      ...text("title", 100, 100, 600, 86),
      text: {
        chars: "Two lines",
        style: { family: "Inter", size: 36, weight: 700, lineHeight: 43.2 },
        resize: "height",
        alignH: "left",
        alignV: "top",
      },
    };
    const out = infer(frame(800, 400, [title, text("next", 100, 196, 600, 20)]));
    // 86.4 px of lines (the tree rounds to 86), then 9.6 px to the next text.
    expect(byId(out, "title").minH).toBe(86.4);
    expect(flexOf(out)!.gap).toBeCloseTo(9.6, 5);
  });
});

describe("rows that are parts of the same cards", () => {
  const t = (id: string, x: number, y: number, w: number, h: number) => text(id, x, y, w, h);
  const infer = (page: DesignNode): DesignNode => inferLayout({ frames: [page], assets: {} }).frames[0]!;
  const ids = (n: DesignNode): string[] => [...(n.id ? [n.id] : []), ...(n.children ?? []).flatMap(ids)];

  it("a row of headings tightly over a row of their texts, in the same columns, becomes cards (heading, text)", () => {
    const page = frame(1440, 400, [
      t("title", 520, 20, 400, 40),
      ...[0, 1, 2].flatMap((i) => [t(`h${i}`, 120 + i * 420, 100, 200, 30), t(`p${i}`, 80 + i * 420, 150, 380, 90)]),
    ]);
    const out = infer(page);
    const cards = out.children!.find((c) => flexOf(c)?.dir === "row")!;
    expect(cards.children!.map(ids)).toEqual([
      ["h0", "p0"],
      ["h1", "p1"],
      ["h2", "p2"],
    ]);
  });

  it("a grid's rows of whole cards stay rows (the gap between cards is wider than inside them)", () => {
    const card = (i: number, r: number) => [
      rect(`img${r}${i}`, 80 + i * 440, 100 + r * 444, 416, 312),
      t(`cap${r}${i}`, 80 + i * 440, 412 + r * 444, 416, 108),
    ];
    const out = infer(
      frame(
        1440,
        1000,
        [0, 1, 2].flatMap((i) => [...card(i, 0), ...card(i, 1)]),
      ),
    );
    const rows = out.children!.filter((c) => flexOf(c)?.dir === "row");
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => ids(r).filter((id) => id.startsWith("img")))).toEqual([
      ["img00", "img01", "img02"],
      ["img10", "img11", "img12"],
    ]);
  });
});

describe("large headings on a phone", () => {
  const heading = (
    chars: string,
    w: number,
    size: number,
    extra: Partial<NonNullable<DesignNode["text"]>> = {},
  ): DesignNode => ({
    id: "h",
    name: "h",
    kind: "text",
    x: 120,
    y: 40,
    w,
    h: size,
    text: {
      chars,
      style: { family: "Varela Round", size, weight: 400, lineHeight: size, letterSpacing: 12.8, case: "upper" },
      resize: "width",
      alignH: "center",
      alignV: "top",
      ...extra,
    },
  });
  const fluidOf = (h: DesignNode) =>
    inferLayout({
      frames: [frame(1440, 600, [h, text("p", 120, 200, 800, 40)])],
      assets: {},
    }).frames[0]!.children!.find((c) => c.id === "h")!.text!.fluid;

  it(
    "a one-word title too wide for a phone at its min size " + "gets the size per px of screen at which the word fits",
    () => {
      // Start Bootstrap Grayscale's title: 9 capitals, 104 px, 12.8 px apart, drawn 748 px wide (its line).
      const [min, , fit] = fluidOf(heading("Grayscale", 748, 104))!;
      expect(min).toBe(62);
      // 748 px at 104 px: the word fits 288 px (a 320-px screen less its gutters) at 40 px; at 62 px it would not.
      // It is given 90 % of the room: the rest for a face drawn wider than the drawing's.
      expect((748 * min) / 104).toBeGreaterThan(288);
      expect(fit).toBeCloseTo((0.9 * 104) / 748, 3);
      // A fixed-width box is not its line: the word is estimated from the font (capitals 0.72 em + spacing).
      const [, , estimated] = fluidOf(heading("Grayscale", 1200, 104, { resize: "height" }))!;
      expect(estimated).toBeCloseTo((0.9 * 104) / (9 * (104 * 0.72 + 12.8)), 3);
      // A wide glyph counts one and a half: "WWW" is as wide as four and a half average ones.
      const [, , wide] = fluidOf(heading("WWWWWW", 1200, 104, { resize: "height" }))!;
      expect(wide).toBeCloseTo((0.9 * 104) / (9 * (104 * 0.72 + 12.8)), 3);
    },
  );

  it("a heading whose words fit keeps the plain clamp (no third value)", () => {
    expect(
      fluidOf(heading("It's nice to meet you", 620, 48, { style: { family: "Inter", size: 48, weight: 700 } })),
    ).toEqual([29, 3.34]);
  });
});

describe("a layer the drawing covers", () => {
  // A copy of a navigation bar drawn under the header's opaque band, the bar drawn over the band, content below.
  const links = (id: string, x: number): DesignNode => ({
    id,
    name: id,
    kind: "frame",
    x,
    y: 19,
    w: 1294,
    h: 77,
    children: [text(`${id}a`, 600, 20, 80, 30), text(`${id}b`, 700, 20, 80, 30), text(`${id}c`, 800, 20, 80, 30)],
  });
  const band = (color: string, extra: Partial<DesignNode> = {}): DesignNode => ({
    ...rect("band", 0, 0, 1440, 499),
    fills: [{ kind: "solid", color }],
    ...extra,
  });
  const page = (cover: DesignNode): DesignNode =>
    frame(1440, 1600, [links("old", 32), cover, links("bar", 72), text("body", 120, 600, 800, 200)]);
  const layerOf = (out: DesignNode, id: string): DesignNode | undefined => {
    if (out.id === id) return out;
    for (const c of out.children ?? []) {
      const found = layerOf(c, id);
      if (found) return found;
    }
    return undefined;
  };

  it("keeps its drawn place under its cover at the design width and is hidden below it", () => {
    const out = inferLayout({ frames: [page(band("#ff5841"))], assets: {} }).frames[0]!;
    const old = layerOf(out, "old")!;
    expect(old.absolute).toBe(true);
    expect(old.hideBelow).toBe(1440);
    // The bar drawn over the band is the page's, in the flow.
    expect(layerOf(out, "bar")!.absolute).toBeUndefined();
  });

  it("is content when its cover lets it show (see-through, blended, rounded or smaller than it)", () => {
    for (const cover of [
      band("rgba(255, 88, 65, 0.5)"),
      band("#ff5841", { opacity: 0.4 }),
      band("#ff5841", { radius: 24 }),
      { ...band("#ff5841"), w: 900 },
    ]) {
      const out = inferLayout({ frames: [page(cover)], assets: {} }).frames[0]!;
      expect(layerOf(out, "old")!.hideBelow).toBeUndefined();
    }
  });
});

describe("a page's drawings", () => {
  const page = (id: string, w: number): DesignNode => ({ ...frame(w, 300, [text(`${id}t`, 20, 20, 200, 20)]), id });

  it("are laid out for the pages converted only: another page's drawings (a frame converted alone) are not", () => {
    const doc = {
      frames: [page("1:1", 1440)],
      drawings: { "1:1": [page("1:2", 375)], "2:1": [page("2:2", 375)] },
      assets: {},
    };
    expect(Object.keys(inferLayout(doc).drawings ?? {})).toEqual(["1:1"]);
  });
});

describe("undoInference", () => {
  it("dissolves the wrappers inference added under a container it did not lay out (a frame kept as drawn)", () => {
    const wrapper: DesignNode = {
      id: "",
      name: "bg",
      kind: "group",
      inferred: true,
      x: 0,
      y: 0,
      w: 600,
      h: 60,
      children: [rect("1:2", 0, 0, 600, 60), text("1:3", 24, 16, 300, 30)],
    };
    const drawn = undoInference({ ...frame(1440, 600, [wrapper]), laid: { check: "chromium", kept: [], drawn: true } });
    expect(drawn.children?.map((c) => c.id)).toEqual(["1:2", "1:3"]);
    expect(drawn.children?.[1]).toMatchObject({ x: 24, y: 16 });
  });
});
