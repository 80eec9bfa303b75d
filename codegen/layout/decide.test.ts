import { describe, expect, it } from "vitest";
import type { DesignNode } from "../design/types.js";
import type { Box } from "./boxes.js";
import {
  decideLater,
  decideNow,
  drawnLayers,
  sectionKey,
  type FrameBuilder,
  type LaidBoxes,
  type LayoutRequest,
} from "./decide.js";

const rect = (id: string, x: number, y: number, w: number, h: number): DesignNode => ({
  id,
  name: id,
  kind: "rect",
  x,
  y,
  w,
  h,
});
const section = (id: string, y: number, children: DesignNode[]): DesignNode => ({
  id,
  name: id,
  kind: "frame",
  x: 0,
  y,
  w: 1000,
  h: 200,
  children: children.map((c) => ({ ...c, y: (c.y ?? 0) - y })),
});

/** A frame of three stacked sections, each with two layers. */
const drawn: DesignNode = {
  id: "f",
  name: "Frame",
  kind: "frame",
  w: 1000,
  h: 600,
  children: [
    section("a", 0, [rect("a1", 10, 10, 100, 50), rect("a2", 200, 10, 100, 50)]),
    section("b", 200, [rect("b1", 10, 210, 100, 50), rect("b2", 200, 210, 100, 50)]),
    section("c", 400, [rect("c1", 10, 410, 100, 50), rect("c2", 200, 410, 100, 50)]),
  ],
};

/** Builds the frame with its kept sections marked, so the fake engine can tell them apart. */
const builder: FrameBuilder = {
  drawn,
  whole: () => ({ ...drawn, name: "whole" }),
  build: (kept) => ({
    ...drawn,
    name: [...kept].sort().join(","),
    children: drawn.children!.map((c) => (kept.has(c.id) ? { ...c, name: `${c.id} kept` } : c)),
  }),
};

const keptOf = (tree: DesignNode): Set<string> => new Set(tree.name ? tree.name.split(",") : []);

/** An engine: the drawn boxes, changed by `shift` (what a layout does to a layer when `kept` holds these sections). */
function engine(shift: (id: string, box: Box, kept: Set<string>) => Box | null) {
  const asked: LayoutRequest["kind"][] = [];
  const boxes = drawnLayers(drawn);
  const lay = (request: LayoutRequest): LaidBoxes => {
    asked.push(request.kind);
    const kept = request.kind === "drawn" ? new Set<string>() : keptOf(request.tree);
    const out = new Map<string, Box | null>();
    for (const [id, box] of boxes) out.set(id, request.kind === "drawn" ? box : shift(id, box, kept));
    return out;
  };
  return { lay, asked };
}

describe("the layout check's decision (decideFrame)", () => {
  it("compares the layers the score compares: not the frame, not groups, not what is clipped away", () => {
    const frame: DesignNode = {
      ...drawn,
      children: [
        { id: "g", name: "g", kind: "group", x: 0, y: 0, w: 100, h: 100, children: [rect("in", 0, 0, 10, 10)] },
        {
          id: "clip",
          name: "clip",
          kind: "frame",
          x: 0,
          y: 200,
          w: 100,
          h: 100,
          clip: true,
          children: [rect("gone", 300, 0, 10, 10), rect("kept", 0, 0, 10, 10)],
        },
      ],
    };
    expect([...drawnLayers(frame).keys()].sort()).toEqual(["clip", "in", "kept"]);
  });

  it("one layout when every layer lands where drawn", () => {
    const { lay, asked } = engine((_, box) => box);
    const decision = decideNow(builder, "chromium", lay);
    expect(decision.layout).toEqual({ kept: [], check: "chromium" });
    expect(asked).toEqual(["inferred"]);
    expect(decision.compared).toBe(9);
  });

  it("keeps the section whose own layers are off, lays the frame out again, and stops when it holds", () => {
    const { lay, asked } = engine((id, box, kept) => (id === "b2" && !kept.has("b") ? { ...box, x: box.x + 30 } : box));
    const decision = decideNow(builder, "chromium", lay);
    expect(decision.layout.kept).toEqual(["b"]);
    expect(decision.keptNames).toEqual(["b kept"]);
    expect(asked).toEqual(["inferred", "drawn", "inferred"]);
    expect(decision.off).toEqual([]);
  });

  it("a section only moved by the one above it: the one above is kept, not the moved one", () => {
    // Section a lays out 40 px too tall: b and c, each whole, land 40 px lower.
    const { lay } = engine((id, box, kept) =>
      !kept.has("a") && (id.startsWith("b") || id.startsWith("c")) ? { ...box, y: box.y + 40 } : box,
    );
    const decision = decideNow(builder, "chromium", lay);
    expect(decision.layout.kept).toEqual(["a"]);
  });

  it("a layer the drawing's own layout puts elsewhere too (a browser's wider text) holds", () => {
    const boxes = drawnLayers(drawn);
    const wider = (id: string, box: Box): Box => (id === "c1" ? { ...box, w: box.w + 9 } : box);
    const lay = (): LaidBoxes => new Map([...boxes].map(([id, box]) => [id, wider(id, box)] as const));
    const decision = decideNow(builder, "chromium", lay);
    expect(decision.layout).toEqual({ kept: [], check: "chromium" });
  });

  it("a layer without an element: off when the drawing's own layout has one, else not compared", () => {
    const missing = engine((id, box, kept) => (id === "a1" && !kept.has("a") ? null : box));
    expect(decideNow(builder, "chromium", missing.lay).layout.kept).toEqual(["a"]);
    const boxes = drawnLayers(drawn);
    const lay = (): LaidBoxes => new Map([...boxes].map(([id, box]) => [id, id === "a1" ? null : box] as const));
    expect(decideNow(builder, "chromium", lay).layout.kept).toEqual([]);
  });

  it("keeps every section when a kept one is still off, then the whole frame's drawing, then the frame as is", () => {
    const stubborn = engine((id, box, kept) => (id === "c2" && kept.size < 3 ? { ...box, y: box.y + 50 } : box));
    expect(decideNow(builder, "chromium", stubborn.lay).layout.kept.sort()).toEqual(["a", "b", "c"]);
    // Off however its sections are kept (sections that overlap in a flow), but not in the whole frame's drawing.
    const sections = engine((id, box, kept) => (id === "c2" && !kept.has("whole") ? { ...box, y: box.y + 50 } : box));
    const whole = decideNow(builder, "chromium", sections.lay);
    expect(whole.layout).toEqual({ kept: [], drawn: true, check: "chromium" });
    expect(whole.keptNames).toEqual([]);
    const never = engine((id, box) => (id === "c2" ? { ...box, y: box.y + 50 } : box));
    const decision = decideNow(builder, "chromium", never.lay);
    expect(decision.layout).toEqual({ kept: [], exact: true, check: "chromium" });
    expect(never.asked.at(-1)).toBe("inferred");
  });

  it(
    "speculating, the drawing is laid out beside the first layout " + "once, and used when the reference is asked for",
    async () => {
      const asked: string[] = [];
      const { lay } = engine((id, box, kept) => (id === "b2" && !kept.has("b") ? { ...box, x: box.x + 30 } : box));
      const later = async (request: LayoutRequest): Promise<LaidBoxes> => {
        asked.push(request.kind);
        return lay(request);
      };
      const decision = await decideLater(builder, "chromium", later, { speculate: true });
      expect(decision.layout.kept).toEqual(["b"]);
      expect(asked.sort()).toEqual(["drawn", "inferred", "inferred"]);
      // Without it, the same decision, the drawing laid out when asked for.
      asked.length = 0;
      expect((await decideLater(builder, "chromium", later)).layout.kept).toEqual(["b"]);
      expect(asked).toEqual(["inferred", "drawn", "inferred"]);
    },
  );

  it("a line lands on its drawn pixel row: half a pixel lower is off (the score paints it on the next row)", () => {
    const lined: FrameBuilder = {
      ...builder,
      drawn: { ...drawn, children: [...drawn.children!, rect("rule", 0, 300, 1000, 0)] },
    };
    const lay =
      (y: number) =>
      (request: LayoutRequest): LaidBoxes =>
        new Map(
          [...drawnLayers(lined.drawn)].map(([id, box]) => {
            const kept = request.kind === "drawn" || keptOf(request.tree).has("rule");
            return [id, id === "rule" && !kept ? { ...box, y, h: 2 } : id === "rule" ? { ...box, h: 2 } : box] as const;
          }),
        );
    expect(decideNow(lined, "chromium", lay(300.4)).layout).toEqual({ kept: [], check: "chromium" });
    // Half a pixel lower: off however the (fake) frame is built, so it ends as drawn.
    expect(decideNow(lined, "chromium", lay(300.5)).layout.exact).toBe(true);
  });

  it(
    "a rule a few px thick (a line's painted band) lands on its drawn rows; a thicker layer may be half a pixel " +
      "off",
    () => {
      // Zacht's Financials: 2-px gridlines that an inferred chart placed half a pixel lower (a third of each off).
      const ruled: FrameBuilder = {
        ...builder,
        drawn: { ...drawn, children: [...drawn.children!, rect("rule", 0, 300, 1000, 2), rect("dot", 0, 320, 24, 24)] },
      };
      const lay =
        (shifted: string) =>
        (request: LayoutRequest): LaidBoxes =>
          new Map(
            [...drawnLayers(ruled.drawn)].map(([id, box]) => {
              const moved = request.kind !== "drawn" && !keptOf(request.tree).has(id) && id === shifted;
              return [id, moved ? { ...box, y: box.y + 0.5 } : box] as const;
            }),
          );
      expect(decideNow(ruled, "chromium", lay("dot")).layout).toEqual({ kept: [], check: "chromium" });
      expect(decideNow(ruled, "chromium", lay("rule")).layout).not.toEqual({ kept: [], check: "chromium" });
    },
  );

  it("keys a wrapper inference added by its first real layer", () => {
    const wrapper: DesignNode = {
      id: "",
      name: "Row",
      kind: "group",
      w: 10,
      h: 10,
      inferred: true,
      children: [{ id: "", name: "Column", kind: "group", w: 1, h: 1, children: [rect("x", 0, 0, 1, 1)] }],
    };
    expect(sectionKey(wrapper)).toBe("w:x");
    expect(sectionKey(rect("y", 0, 0, 1, 1))).toBe("y");
  });
});
