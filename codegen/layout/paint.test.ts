import { describe, expect, it } from "vitest";
import { layoutPages } from "../../test/helpers/layout-pages.js";
import { placeLayers } from "../design/placed.js";
import type { DesignNode } from "../design/types.js";
import { drawnFrame, inferLayout } from "./index.js";
import { paintAsDrawn } from "./paint.js";
import { frame, rect, text } from "../../test/helpers/layout-nodes.js";

const wrapper = (name: string, children: DesignNode[], extra: Partial<DesignNode> = {}): DesignNode => ({
  id: "",
  name,
  kind: "group",
  x: 0,
  y: 0,
  w: 100,
  h: 100,
  inferred: true,
  children,
  ...extra,
});

/** Every real layer's z by id, through wrappers; and each wrapper's, by name. */
function places(node: DesignNode, out: Record<string, number | undefined> = {}): Record<string, number | undefined> {
  for (const c of node.children ?? []) {
    out[c.id || c.name] = c.z;
    if (c.inferred) places(c, out);
  }
  return out;
}

describe("paintAsDrawn", () => {
  it("a text written before the box it is drawn on is painted after it ('Get in touch' on its teal box)", () => {
    const drawn = frame(1440, 400, [rect("box", 100, 100, 600, 200), text("get in touch", 140, 140, 300, 40)]);
    // A wrapper's flow order put the text first.
    const inferred = frame(1440, 400, [
      wrapper("Stack", [
        { ...text("get in touch", 40, 40, 300, 40) },
        { ...rect("box", 0, 0, 600, 200), absolute: true },
      ]),
    ]);
    const out = paintAsDrawn(inferred, drawn);
    expect(places(out)).toMatchObject({ box: 1, "get in touch": 2 });
    expect(out.children![0]!.z).toBeUndefined();
  });

  it(
    "gives every layer its place once one needs it: a decoration " + "drawn first stays under a section kept as drawn",
    () => {
      const drawn = frame(1440, 900, [
        rect("line", 0, 400, 1440, 2),
        rect("card", 100, 300, 600, 300),
        text("t", 140, 380, 300, 40),
      ]);
      // The section is a wrapper whose layers came without places (layout/fallback.ts keeps its drawing).
      const inferred = frame(1440, 900, [
        { ...rect("line", 0, 400, 1440, 2), absolute: true, z: 1 },
        wrapper("Section", [
          { ...rect("card", 0, 0, 600, 300), absolute: true },
          { ...text("t", 40, 80, 300, 40), absolute: true },
        ]),
      ]);
      expect(places(paintAsDrawn(inferred, drawn))).toMatchObject({ line: 1, card: 2, t: 3, Section: undefined });
    },
  );

  it("leaves layers unplaced where the element order is the drawing's", () => {
    const drawn = frame(1440, 400, [rect("a", 0, 0, 400, 100), text("b", 0, 200, 400, 40)]);
    const inferred = frame(1440, 400, [wrapper("Column", [rect("a", 0, 0, 400, 100), text("b", 0, 200, 400, 40)])]);
    expect(places(paintAsDrawn(inferred, drawn))).toEqual({ Column: undefined, a: undefined, b: undefined });
  });

  it("a wrapper that is a stacking context (scaled as a unit) takes the place of its highest layer", () => {
    const drawn = frame(1440, 400, [
      rect("under", 0, 0, 1440, 400),
      rect("a", 100, 100, 200, 200),
      text("b", 150, 150, 200, 40),
      rect("over", 0, 120, 1440, 2),
    ]);
    const inferred = frame(1440, 400, [
      { ...rect("under", 0, 0, 1440, 400), absolute: true },
      wrapper("Layers", [rect("a", 0, 0, 200, 200), text("b", 50, 50, 200, 40)], { scaled: true }),
      { ...rect("over", 0, 120, 1440, 2), absolute: true },
    ]);
    expect(places(paintAsDrawn(inferred, drawn))).toMatchObject({ under: 1, Layers: 3, a: 2, b: 3, over: 4 });
  });

  it(
    "so does one placed absolutely reaching past the screen's sides " + "(the emitters cut it there with a clip-path)",
    () => {
      const drawn = frame(1440, 400, [rect("card", 1380, 0, 376, 248), rect("line", 0, 100, 1440, 1)]);
      const inferred = frame(1440, 400, [
        { ...rect("line", 0, 100, 1440, 1), absolute: true },
        wrapper("Stack", [{ ...rect("card", 0, 0, 376, 248), absolute: true }], { absolute: true, x: 1380, w: 376 }),
      ]);
      expect(places(paintAsDrawn(inferred, drawn))).toMatchObject({ card: 1, Stack: 1, line: 2 });
    },
  );

  it("a layer drawn among a confining wrapper's layers: the wrapper's place misorders the fewest pairs", () => {
    const drawn = frame(1440, 400, [
      rect("a", 100, 100, 300, 200),
      rect("line", 150, 0, 2, 400),
      text("b", 120, 120, 100, 20),
      text("c", 120, 200, 100, 20),
    ]);
    const inferred = frame(1440, 400, [
      wrapper("Layers", [rect("a", 0, 0, 300, 200), text("b", 20, 20, 100, 20), text("c", 20, 100, 100, 20)], {
        scaled: true,
      }),
      { ...rect("line", 150, 0, 2, 400), absolute: true },
    ]);
    // A line across all three: the wrapper above it, only "a" is wrong (drawn under it); below it, "b" and "c" would
    // be.
    expect(places(paintAsDrawn(inferred, drawn))).toMatchObject({ Layers: 4, line: 2 });
  });
});

/**
 * CSS's stacking order over an emitted tree, as a key per layer id, compared lexicographically: at each stacking
 * context from the root down, the element's z (auto and 0 alike) and its place in element order. A stacking context:
 * an element with a z, a box scaled as a unit (container-type), a layer whose children are placed (isolation).
 * A model of what the emitters write, fast and pure: Chromium (codegen/layout-check/habits.browser.test.ts, the
 * bench's layout-check table) is the truth.
 */
function stackingKeys(root: DesignNode): Map<string, number[]> {
  const out = new Map<string, number[]>();
  let index = 0;
  const walk = (node: DesignNode, prefix: number[]): void => {
    for (const child of node.children ?? []) {
      if (child.hidden) continue;
      const at = index++;
      // Within the context: positive z after everything else, then element order.
      const key = [...prefix, child.z ?? 0, at];
      if (child.id) out.set(child.id, key);
      const opens =
        child.z !== undefined ||
        child.scaled === true ||
        (!child.inferred && (child.children ?? []).some((c) => c.z !== undefined || c.inferred));
      walk(child, opens ? key : prefix);
    }
  };
  walk(root, []);
  return out;
}

const before = (a: number[], b: number[]): boolean => {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return a.length < b.length;
};

/** A layer that paints something of its own. */
const paints = (n: DesignNode): boolean =>
  !!n.text || n.asset !== undefined || !!n.fills?.length || !!n.stroke || !!n.effects?.shadows?.length;

/** Each node of `out` paired with the node at its place in `input` (by child positions). */
function pairs(out: DesignNode, input: DesignNode, into: [DesignNode, DesignNode][] = []): [DesignNode, DesignNode][] {
  into.push([out, input]);
  (out.children ?? []).forEach((c, i) => pairs(c, input.children![i]!, into));
  return into;
}

describe("paintAsDrawn shares what it leaves as it is", () => {
  it("on every real frame: the input is not changed, and each layer without a place comes back the same object", () => {
    let shared = 0;
    let copied = 0;
    for (const page of layoutPages()) {
      const inferred = inferLayout(page.document).frames[0]!;
      const before = structuredClone(inferred);
      const out = paintAsDrawn(inferred, drawnFrame(inferred));
      expect(inferred, page.key).toEqual(before);
      // Painted once already: painting again gives the same places.
      expect(out, page.key).toEqual(before);
      for (const [o, i] of pairs(out, inferred)) {
        if (o === i) shared++;
        else copied++;
        // A leaf without a place is never copied; one given a place is a copy (the input keeps its own).
        if (!o.children && o.z === undefined) expect(o, `${page.key} ${o.name}`).toBe(i);
      }
    }
    // Most of a tree has nothing to repaint (on main every node was copied: 0 shared).
    expect(shared).toBeGreaterThan(copied);
  });

  it("writes places on copies: the layers it places and the wrappers above them, never the input's", () => {
    const drawn = frame(1440, 400, [rect("box", 100, 100, 600, 200), text("get in touch", 140, 140, 300, 40)]);
    const untouched = frame(200, 200, [rect("a", 0, 0, 10, 10), rect("b", 20, 0, 10, 10)]);
    const box = { ...rect("box", 0, 0, 600, 200), absolute: true };
    const stack = wrapper("Stack", [{ ...text("get in touch", 40, 40, 300, 40) }, box]);
    const inferred = frame(1440, 400, [stack, untouched]);
    const out = paintAsDrawn(inferred, drawn);
    expect(places(out)).toMatchObject({ box: 2 });
    expect(out).not.toBe(inferred);
    expect(out.children![0]).not.toBe(stack);
    expect(out.children![0]!.children![1]).not.toBe(box);
    expect(box.z).toBeUndefined();
    expect(stack.children!.map((c) => c.z)).toEqual([undefined, undefined]);
    // The sibling is placed (a copy); its own layers, with nothing to place, are the input's.
    expect(out.children![1]).not.toBe(untouched);
    expect(out.children![1]!.children).toBe(untouched.children);
  });
});

describe("paint order on every real frame, in the inferred tree (a model of CSS's stacking)", () => {
  it("no two overlapping layers are painted the other way round from the drawing", () => {
    const wrong: string[] = [];
    for (const page of layoutPages()) {
      const drawn = page.document.frames[0]!;
      const inferred = inferLayout(page.document).frames[0]!;
      const keys = stackingKeys(inferred);
      const layers = placeLayers([drawn]).filter((p) => p.parent && paints(p.node) && !p.node.mask);
      for (let i = 0; i < layers.length; i++)
        for (let j = i + 1; j < layers.length; j++) {
          const [a, b] = [layers[i]!, layers[j]!];
          // b is drawn after a (document order); not inside it.
          if (b.order < a.end) continue;
          const w = Math.min(a.box.x + a.box.w, b.box.x + b.box.w) - Math.max(a.box.x, b.box.x);
          const h = Math.min(a.box.y + a.box.h, b.box.y + b.box.h) - Math.max(a.box.y, b.box.y);
          if (w < 2 || h < 2) continue;
          const [ka, kb] = [keys.get(a.node.id), keys.get(b.node.id)];
          if (ka && kb && before(kb, ka)) wrong.push(`${page.key}: ${a.name} over ${b.name}`);
        }
    }
    // Left alone: on Zacht's Timeline a set of layers scaled as a unit (a stacking context: container-type) holds a
    // guide drawn before the baseline and a marker drawn after it, both crossing it; one place in the order cannot
    // put both on their side (a 4x5-px crossing of two rules). Splitting such a set is for a later issue.
    expect(wrong).toEqual(["zacht-investor-pitch.file.json#0:254: Guide over Baseline"]);
  });
});
