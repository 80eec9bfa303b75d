/** flowOf (controls; the real pages are in plugin/canvas/layer-grid.test.ts): gaps and edges from the boxes. */
import { describe, expect, it } from "vitest";
import { flowOf } from "./layers-flow.js";
import type { AutoLayout, LayerNode } from "./layers.js";

const row = (primaryAlign: AutoLayout["primaryAlign"], xs: number[], w = 40): LayerNode => ({
  kind: "frame",
  name: "row",
  box: { x: 0, y: 0, w: 400, h: 50 },
  autoLayout: {
    mode: "HORIZONTAL",
    gap: 0,
    padding: { top: 0, right: 0, bottom: 0, left: 0 },
    primaryAlign,
    counterAlign: "MIN",
    wrap: false,
  },
  children: xs.map((x) => ({ kind: "frame", name: "item", box: { x, y: 0, w, h: 50 } })),
});

describe("flowOf", () => {
  it("spreads space-around as edge padding and a gap where Chromium put the items", () => {
    // 400 wide, three 40-px items, space-around: 280 free, 93.33 each, half at the edges.
    const al = flowOf(row("SPACE_AROUND", [46.67, 180, 313.33]))!;
    expect(al.primaryAlign).toBe("MIN");
    expect(al.gap).toBeCloseTo(93.33, 1);
    expect(al.padding.left).toBeCloseTo(46.67, 1);
    expect(al.padding.right).toBeCloseTo(46.67, 1);
  });

  it("takes the items' margins into the gap and the leading padding; unequal gaps stay as read", () => {
    const al = flowOf(row("MIN", [12, 72, 132]))!;
    expect(al.gap).toBe(20);
    expect(al.padding.left).toBe(12);
    const uneven = row("MIN", [0, 50, 130]);
    expect(flowOf(uneven)).toBe(uneven.autoLayout);
  });
});
