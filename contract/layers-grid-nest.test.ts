/** nestGrid (controls; the real pages are in plugin/canvas/layer-grid.test.ts): refused grids as nested stacks. */
import { describe, expect, it } from "vitest";
import type { LayerDocument, LayerNode } from "./layers.js";
import { nestGrid, nestGrids } from "./layers-grid-nest.js";

const grid = (boxes: [string, number, number, number, number][]): LayerNode => ({
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
    columnTracks: [100, 100, 100],
    rowTracks: [45, 45],
  },
  children: boxes.map(([name, x, y, w, h]) => ({ kind: "frame", name, box: { x, y, w, h } })),
});

/** The tree's shape: name, mode and gap, children. */
const shape = (n: LayerNode): unknown => [
  n.name,
  n.absolute ? "absolute" : (n.autoLayout?.mode ?? "-"),
  n.autoLayout?.gap,
  ...(n.children ?? []).map(shape),
];

describe("nestGrid", () => {
  it("two children stacked in one cell: rows of columns, each with its one gap, the boxes kept", () => {
    const nested = nestGrid(
      grid([
        ["a", 0, 0, 100, 20],
        ["b", 0, 25, 100, 20],
        ["c", 110, 0, 100, 45],
        ["d", 0, 55, 320, 45],
      ]),
    )!;
    expect(shape(nested)).toEqual([
      "grid",
      "VERTICAL",
      10,
      [
        "Row",
        "HORIZONTAL",
        10,
        ["Column", "VERTICAL", 5, ["a", "-", undefined], ["b", "-", undefined]],
        ["c", "-", undefined],
      ],
      ["d", "-", undefined],
    ]);
    // c fills its row's height, d the grid's width.
    const row = nested.children![0]!;
    expect(row.children![1]!.sizing?.vertical.mode).toBe("FILL");
    expect(nested.children![1]!.sizing?.horizontal.mode).toBe("FILL");
    expect(row.box).toEqual({ x: 0, y: 0, w: 320, h: 45 });
  });

  it("a child laid over another in one cell stays, positioned absolutely, in the auto layout; a note says so", () => {
    const doc: LayerDocument = {
      name: "p",
      width: 320,
      root: grid([
        ["input", 0, 0, 320, 45],
        ["icon", 0, 0, 36, 45],
      ]),
      notes: [],
      elements: 3,
      truncated: false,
    };
    const { document, count } = nestGrids(doc);
    expect(shape(document.root)).toEqual([
      "grid",
      "VERTICAL",
      0,
      ["input", "-", undefined],
      ["icon", "absolute", undefined],
    ]);
    expect(count.overlaid).toBe(1);
    expect(document.notes[0]!.message).toMatch(/1 CSS grid children lie over a sibling/);
  });

  it("a grid Figma's grid holds is left to it", () => {
    expect(nestGrid(grid([["a", 0, 0, 100, 45]]))).toBeUndefined();
  });
});
