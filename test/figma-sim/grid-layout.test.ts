/** The simulator's grid auto layout (controls): tracks FIXED / FLEX / HUG, cells, spans, alignment, refusals. */
import { afterEach, describe, expect, it } from "vitest";
import { CANVAS_FILE } from "../helpers/canvas-file.js";
import { createFigmaSim, installFigmaSim, type SimNode } from "./sim.js";

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
});

type Node = SimNode & Record<string, unknown> & { setGridChildPosition(r: number, c: number): void };
type Grid = Node & { appendChildAt(n: SimNode, r: number, c: number): void };
type Track = { type: string; value?: number };

function setup(): { grid: Grid; rect: (w: number, h: number) => Node } {
  const sim = createFigmaSim({ file: CANVAS_FILE });
  restore = installFigmaSim(sim);
  const api = sim.figma as unknown as { createFrame(): Grid; createRectangle(): Node };
  const rect = (w: number, h: number): Node => {
    const r = api.createRectangle();
    r.resize(w, h);
    return r;
  };
  const grid = api.createFrame();
  grid["layoutMode"] = "GRID";
  grid["primaryAxisSizingMode"] = "FIXED";
  grid["counterAxisSizingMode"] = "FIXED";
  grid.resize(400, 300);
  return { grid, rect };
}

const at = (n: SimNode): number[] => [n.x, n.y, n.width, n.height];

describe("simulated grid auto layout", () => {
  it("shares the room left by FIXED and HUG tracks among FLEX tracks by their fr, gaps and padding between", () => {
    const { grid, rect } = setup();
    grid["gridColumnCount"] = 3;
    grid["gridRowCount"] = 2;
    grid["gridColumnGap"] = 10;
    grid["gridRowGap"] = 20;
    grid["paddingLeft"] = 5;
    grid["paddingRight"] = 5;
    const cols = grid["gridColumnSizes"] as Track[];
    cols[0]!.type = "FIXED";
    cols[0]!.value = 100;
    cols[2]!.value = 2;
    const rows = grid["gridRowSizes"] as Track[];
    rows[0]!.type = "HUG";
    const a = rect(50, 40);
    const b = rect(30, 30);
    const c = rect(20, 20);
    grid.appendChildAt(a, 0, 0);
    grid.appendChildAt(b, 0, 2);
    grid.appendChildAt(c, 1, 1);
    // Columns: 100 fixed; (390 - 100 - 20) = 270 shared 1:2 → 90, 180. Row 0 hugs its tallest child (40).
    expect(at(a)).toEqual([5, 0, 50, 40]);
    expect(at(b)).toEqual([5 + 100 + 10 + 90 + 10, 0, 30, 30]);
    expect(at(c)).toEqual([115, 60, 20, 20]);
    expect(grid.rest["gridColumnsSizing"]).toBe("100px minmax(0, 1fr) minmax(0, 2fr)");
  });

  it("spans, aligns in the cell, fills the cells, and refuses a taken cell or one off the grid", () => {
    const { grid, rect } = setup();
    grid["gridColumnCount"] = 2;
    grid["gridRowCount"] = 2;
    const a = rect(50, 50);
    const b = rect(40, 40);
    grid.appendChildAt(a, 0, 0);
    a["gridColumnSpan"] = 2;
    a["gridChildHorizontalAlign"] = "CENTER";
    expect(at(a)).toEqual([175, 0, 50, 50]);
    expect(() => grid.appendChildAt(b, 0, 1)).toThrow(/occupied/);
    expect(() => grid.appendChildAt(b, 2, 0)).toThrow(/out of the grid/);
    grid.appendChildAt(b, 1, 1);
    b["gridChildVerticalAlign"] = "MAX";
    expect(at(b)).toEqual([200, 300 - 40, 40, 40]);
    expect(() => b.setGridChildPosition(0, 0)).toThrow(/occupied/);
    b.setGridChildPosition(1, 0);
    expect(b.x).toBe(0);
    expect(() => (grid["gridRowCount"] = 0)).toThrow(/at least 1/);
  });
});
