import { describe, expect, it } from "vitest";
import type { DesignNode } from "../design/types.js";
import { inferLayout } from "./index.js";
import { bands } from "./boxes.js";
import { planFlow } from "./spacing.js";
import { xyCut } from "./xy-cut.js";

const item = (index: number, x: number, y: number, w: number, h: number) => ({ index, box: { x, y, w, h } });
const text = (id: string, x: number, y: number, w: number, h: number, size = 16): DesignNode => ({
  id, name: id, kind: "text", x, y, w, h,
  text: { chars: id, style: { family: "Inter", size, weight: 400 }, resize: "height", alignH: "left", alignV: "top" },
});
const rect = (id: string, x: number, y: number, w: number, h: number): DesignNode => ({ id, name: id, kind: "rect", x, y, w, h, fills: [{ kind: "solid", color: "#eee" }] });
const frame = (w: number, h: number, children: DesignNode[]): DesignNode => ({ id: "1:1", name: "Page", kind: "frame", w, h, children });

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
  it("keeps each item's drawn spacing beyond the smallest gap, fractions included (a row never gets wider than drawn)", () => {
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
  });

  it("measures gap, padding and extra space; centred content needs no side padding", () => {
    const plan = planFlow("column", { x: 0, y: 0, w: 400, h: 200 }, [
      { x: 100, y: 20, w: 200, h: 40 },
      { x: 150, y: 84, w: 100, h: 20 },
      { x: 150, y: 148, w: 100, h: 20 },
    ]);
    expect(plan.layout.gap).toBe(24);
    expect(plan.layout.align).toBe("center");
    expect(plan.layout.padding).toEqual([20, 0, 32, 0]);
    expect(plan.items[2]!.flow.before).toBe(20);
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
  const page = frame(1440, 400, [rect("bg", 0, 0, 1440, 400), text("title", 120, 40, 1200, 60, 48), text("a", 120, 140, 560, 40), text("b", 760, 140, 560, 40)]);

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
    expect(title!.text!.fluid).toEqual([29, 3.33]);
    expect(row).toMatchObject({ id: "", inferred: true, name: "Row", layout: { dir: "row", gap: 0, wrap: true } });
    // Its one wide gap (80 px) is an auto margin: the second column keeps to the right edge.
    expect(row!.children![1]!.flow).toEqual({ before: "auto" });
    expect(row!.children!.map((c) => [c.id, c.sizeH])).toEqual([["a", "fixed"], ["b", "fixed"]]);
  });

  it("is idempotent and leaves its input alone", () => {
    const before = JSON.stringify(page);
    const once = inferLayout({ frames: [page], assets: {} });
    expect(JSON.stringify(page)).toBe(before);
    expect(inferLayout(once)).toEqual(once);
  });

  it("a stack keeps its base under the content; partial overlaps scale as a unit", () => {
    const card = frame(800, 300, [rect("card", 100, 50, 300, 200), text("label", 120, 70, 200, 20), rect("x", 500, 50, 100, 100), text("y", 550, 100, 100, 100)]);
    const out = inferLayout({ frames: [card], assets: {} }).frames[0]!;
    expect(out.layout?.dir).toBe("row");
    const [stack, loose] = out.children!;
    expect(stack).toMatchObject({ name: "Stack", layout: { dir: "column", padding: [20, 20, 160, 20] } });
    expect(stack!.children![0]).toMatchObject({ id: "card", absolute: true, constraintH: "left-right" });
    expect(loose).toMatchObject({ name: "Layers", scaled: true });
  });
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
