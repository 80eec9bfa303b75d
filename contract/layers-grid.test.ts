/** gridPlan (controls; the real pages are in plugin/canvas/layer-grid.test.ts): cells from boxes, track types. */
import { describe, expect, it } from "vitest";
import { gridPlan } from "./layers-grid.js";
import type { LayerNode } from "./layers.js";

const grid = (boxes: [number, number, number, number][], columnTracks = [100, 100, 100]): LayerNode => ({
  kind: "frame",
  name: "grid",
  box: { x: 0, y: 0, w: 320, h: 100 },
  autoLayout: {
    mode: "GRID",
    gap: 10,
    counterGap: 10,
    padding: { top: 0, right: 0, bottom: 0, left: 0 },
    primaryAlign: "MIN",
    counterAlign: "MIN",
    wrap: false,
    columnTracks,
    rowTracks: [45, 45],
  },
  children: boxes.map(([x, y, w, h]) => ({ kind: "frame", name: "cell", box: { x, y, w, h } })),
});

describe("gridPlan", () => {
  it("finds each child's cell, span and alignment; equal columns filling the width are 1fr, rows that hug HUG", () => {
    const plan = gridPlan(
      grid([
        [0, 0, 210, 45],
        [255, 0, 30, 20],
        [0, 55, 100, 45],
      ]),
    )!;
    expect(plan.columns).toEqual([1, 1, 1].map(() => ({ type: "FLEX", value: 1 })));
    expect(plan.rows.map((r) => r.type)).toEqual(["HUG", "HUG"]);
    expect(plan.cells.map((c) => c && [c.row, c.column, c.columnSpan, c.horizontal])).toEqual([
      [0, 0, 2, "MIN"],
      [0, 2, 1, "CENTER"],
      [1, 0, 1, "MIN"],
    ]);
  });

  it("gives up where Figma's grid cannot hold the page: two children in one cell, a child off the lines", () => {
    expect(
      gridPlan(
        grid([
          [0, 0, 100, 45],
          [0, 0, 50, 20],
        ]),
      ),
    ).toBeUndefined();
    expect(gridPlan(grid([[13, 0, 50, 45]]))).toBeUndefined();
    expect(gridPlan(grid([[0, 0, 90, 45]], [90, 100, 100]))!.columns[0]).toEqual({ type: "FIXED", value: 90 });
  });
});
