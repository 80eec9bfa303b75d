/**
 * The habit edits keep a frame valid REST, as Figma writes it: each edit on a small frame does what a designer does,
 * and on every generated case of the real frames the boxes stay consistent (groups fit their children or their mask,
 * ids unique) and the loader reads every layer.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadDesign } from "../../codegen/load.js";
import { buildCase, habitCase } from "./habit-bases.js";
import { applyHabits, type Habit } from "./habits.js";
import { reduceLayers, withoutLayers } from "./reduce-layers.js";
import { boxOf, childrenOf, overlaps, union, type Raw, type RestBox } from "./rest-boxes.js";

const box = (x: number, y: number, width: number, height: number): RestBox => ({ x, y, width, height });
const rect = (id: string, b: RestBox, extra: Raw = {}): Raw => ({
  id,
  name: `Layer ${id}`,
  type: "RECTANGLE",
  absoluteBoundingBox: b,
  fills: [{ type: "SOLID", color: { r: 0, g: 0, b: 0, a: 1 } }],
  ...extra,
});
const text = (id: string, b: RestBox): Raw => ({
  id,
  name: "Title",
  type: "TEXT",
  characters: "Title",
  absoluteBoundingBox: b,
  style: { fontFamily: "Inter", fontSize: 16, fontWeight: 400 },
});

/** A small page: a background band, a title on it, a picture beside, a card lower down. */
function page(): Raw {
  return {
    id: "1:0",
    name: "Page",
    type: "FRAME",
    clipsContent: true,
    absoluteBoundingBox: box(0, 0, 1440, 900),
    fills: [{ type: "SOLID", color: { r: 1, g: 1, b: 1, a: 1 } }],
    children: [
      rect("1:1", box(0, 0, 1440, 400)),
      text("1:2", box(100, 100, 400, 40)),
      rect("1:3", box(520, 90, 300, 200), { fills: [{ type: "IMAGE", imageRef: "a".repeat(40), scaleMode: "FILL" }] }),
      rect("1:4", box(100, 500, 300, 300)),
    ],
  };
}

const ids = (node: Raw): string[] => childrenOf(node).map((c) => String(c["id"]));
const find = (node: Raw, id: string): Raw | undefined => {
  if (node["id"] === id) return node;
  for (const c of childrenOf(node)) {
    const found = find(c, id);
    if (found) return found;
  }
  return undefined;
};

/** What a valid frame keeps: boxes finite, groups fitted, ids unique. Returns what is wrong. */
function invalid(frame: Raw): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  // Within a pixel: the corpus's own groups are rounded (a group 354 high around layers 354.4 high).
  const near = (a: RestBox, b: RestBox): boolean =>
    Math.abs(a.x - b.x) < 1 &&
    Math.abs(a.y - b.y) < 1 &&
    Math.abs(a.width - b.width) < 1 &&
    Math.abs(a.height - b.height) < 1;
  const walk = (n: Raw): void => {
    const id = String(n["id"]);
    if (seen.has(id)) out.push(`${id}: id twice`);
    seen.add(id);
    const b = boxOf(n);
    if (!b || ![b.x, b.y, b.width, b.height].every(Number.isFinite) || b.width < 0 || b.height < 0)
      out.push(`${id}: box ${JSON.stringify(n["absoluteBoundingBox"])}`);
    const kids = childrenOf(n);
    if (n["type"] === "GROUP" && b) {
      if (kids.length === 0) out.push(`${id}: empty group`);
      const mask = kids.findIndex((k) => k["isMask"] === true);
      const fitted = union((mask < 0 ? kids : kids.slice(0, mask + 1)).flatMap((k) => boxOf(k) ?? []));
      if (kids.length > 0 && !near(b, fitted))
        out.push(`${id}: group box ${JSON.stringify(b)} ≠ ${JSON.stringify(fitted)}`);
    }
    for (const k of kids) walk(k);
  };
  walk(frame);
  return out;
}

describe("each habit on a small page", () => {
  it("reorder: the child moves in the paint order, nothing else", () => {
    const out = applyHabits(page(), [{ kind: "reorder", container: 0, from: 0, to: 3 }]);
    expect(ids(out)).toEqual(["1:2", "1:3", "1:4", "1:1"]);
  });

  it("group: a layer and the siblings touching it, at the topmost one's place, boxed by their union", () => {
    // The title (1:2) touches the band (1:1, under it) and the picture (1:3, 20 px away); the card is 100 px off.
    const out = applyHabits(page(), [{ kind: "group", layer: 1, reach: 3 }]);
    expect(ids(out)).toEqual(["2:1", "1:4"]);
    const group = find(out, "2:1")!;
    expect(group["type"]).toBe("GROUP");
    expect(ids(group)).toEqual(["1:1", "1:2", "1:3"]);
    expect(group["absoluteBoundingBox"]).toEqual(box(0, 0, 1440, 400));
    expect(invalid(out)).toEqual([]);
  });

  it("ungroup gives the group's layers back in its place", () => {
    const grouped = applyHabits(page(), [{ kind: "group", layer: 1, reach: 0 }]);
    expect(childrenOf(grouped).some((c) => c["type"] === "GROUP")).toBe(true);
    const out = applyHabits(grouped, [{ kind: "ungroup", group: 0 }]);
    expect(childrenOf(out).some((c) => c["type"] === "GROUP")).toBe(false);
    expect(ids(out).sort()).toEqual(["1:1", "1:2", "1:3", "1:4"]);
  });

  it("overlap: the layer moves onto a neighbour", () => {
    const out = applyHabits(page(), [{ kind: "overlap", layer: 3, neighbour: 0, amount: 1 }]);
    const card = boxOf(find(out, "1:4")!)!;
    expect(card).not.toEqual(box(100, 500, 300, 300));
    const neighbours = ["1:1", "1:2", "1:3"].map((id) => boxOf(find(out, id)!)!);
    expect(neighbours.some((b) => overlaps(b, card))).toBe(true);
  });

  it("bleed: a shape past the top, left or right edge, or wider than the frame", () => {
    const top = boxOf(find(applyHabits(page(), [{ kind: "bleed", layer: 2, edge: "top", px: 47 }]), "1:4")!)!;
    expect(top.y).toBe(-47);
    const left = boxOf(find(applyHabits(page(), [{ kind: "bleed", layer: 2, edge: "left", px: 30 }]), "1:4")!)!;
    expect(left.x).toBe(-30);
    const right = boxOf(find(applyHabits(page(), [{ kind: "bleed", layer: 2, edge: "right", px: 30 }]), "1:4")!)!;
    expect(right.x + right.width).toBe(1470);
    const wide = boxOf(find(applyHabits(page(), [{ kind: "bleed", layer: 2, edge: "wide", px: 20 }]), "1:4")!)!;
    expect(wide).toEqual(box(-20, 500, 1480, 300));
  });

  it("line: a 0-high LINE across the frame at a layer's edge", () => {
    const out = applyHabits(page(), [{ kind: "line", at: 2, index: 4, wide: false, weight: 1 }]);
    const line = childrenOf(out)[4]!;
    expect(line["type"]).toBe("LINE");
    expect(line["absoluteBoundingBox"]).toEqual(box(0, 140, 1440, 0));
  });

  it("rotate: Figma's rotation and the turned bounds; the loader reads the layer's own size back", () => {
    const out = applyHabits(page(), [{ kind: "rotate", layer: 2, degrees: 90 }]);
    const picture = find(out, "1:3")!;
    expect(picture["rotation"]).toBeCloseTo(Math.PI / 2);
    const b = boxOf(picture)!;
    expect([b.x, b.y, b.width, b.height].map((v) => Math.round(v))).toEqual([570, 40, 200, 300]);
    const node = loadDesign(out, ["1:0"]).document.frames[0]!.children!.find((c) => c.id === "1:3")!;
    expect([node.w, node.h, node.rotation]).toEqual([300, 200, -90]);
    const small = find(applyHabits(page(), [{ kind: "rotate", layer: 1, degrees: 10 }]), "1:2")!;
    const tilted = loadDesign({ document: { ...page(), children: [small] } }, ["1:0"]).document.frames[0]!
      .children![0]!;
    expect([Math.round(tilted.w), Math.round(tilted.h), tilted.rotation]).toEqual([400, 40, -10]);
  });

  it("mask: a shape first in a group (a Mask group made around a layer) bounds the group", () => {
    const out = applyHabits(page(), [{ kind: "mask", layer: 2, shape: "ellipse", inset: 10 }]);
    const group = childrenOf(out).find((c) => c["type"] === "GROUP")!;
    expect(group["name"]).toBe("Mask group");
    const mask = childrenOf(group)[0]!;
    expect([mask["type"], mask["isMask"]]).toEqual(["ELLIPSE", true]);
    expect(group["absoluteBoundingBox"]).toEqual(mask["absoluteBoundingBox"]);
    expect(invalid(out)).toEqual([]);
    const doc = loadDesign(out, ["1:0"]).document;
    expect(JSON.stringify(doc)).toContain('"mask":true');
  });

  it("an edit with no place to apply does nothing", () => {
    const bare: Raw = { ...page(), children: [text("1:2", box(100, 100, 400, 40))] };
    for (const h of [
      { kind: "reorder", container: 0, from: 0, to: 0 },
      { kind: "ungroup", group: 0 },
      { kind: "overlap", layer: 0, neighbour: 0, amount: 1 },
      { kind: "bleed", layer: 0, edge: "top", px: 10 },
    ] as Habit[])
      expect(applyHabits(bare, [h])).toEqual(bare);
  });
});

describe("the layer reducer", () => {
  it("takes out every layer a failure does not need, and crops the frame to what is left", async () => {
    // "Fails" while the picture and the card are both there.
    const needs = (f: Raw): boolean => find(f, "1:3") !== undefined && find(f, "1:4") !== undefined;
    const reduced = await reduceLayers(page(), async (f) => needs(f), Date.now() + 10_000);
    expect(ids(reduced.frame)).toEqual(["1:3", "1:4"]);
    expect(reduced.removed).toBe(2);
    expect(boxOf(reduced.frame)).toEqual(box(0, 90, 1440, 710));
  });

  it("drops a group left empty and refits one left smaller", () => {
    const grouped = applyHabits(page(), [{ kind: "group", layer: 1, reach: 3 }]);
    expect(ids(withoutLayers(grouped, new Set(["1:1", "1:2", "1:3"])))).toEqual(["1:4"]);
    const smaller = find(withoutLayers(grouped, new Set(["1:1"])), "2:1")!;
    expect(smaller["absoluteBoundingBox"]).toEqual(box(100, 90, 720, 200));
  });
});

describe("on the real frames", () => {
  it("every generated case is valid REST the loader reads whole", () => {
    let edited = 0;
    fc.assert(
      fc.property(habitCase, (c) => {
        const built = buildCase(c);
        expect(invalid(built.frame)).toEqual([]);
        if (c.habits.length > 0) edited++;
        let loaded: ReturnType<typeof loadDesign>;
        try {
          loaded = loadDesign(built.reply, [built.frameId]);
        } catch (error) {
          // Every layer of the band hidden: refused as an empty frame, the one documented failure.
          expect(String(error)).toMatch(/is empty/);
          return;
        }
        expect(loaded.problems.filter((p) => p.code === "missing-bounds")).toEqual([]);
      }),
      { seed: 4905, numRuns: 150 },
    );
    expect(edited).toBeGreaterThan(100);
  });
});
