import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../test/helpers/fixtures.js";
import { flexOf, gridOf } from "../design/layout-kind.js";
import type { DesignNode } from "../design/types.js";
import { loadDesign } from "../load.js";
import { decideNow } from "./decide.js";
import { frameBuilder, inferFrame, simulatedBoxes } from "./index.js";
import { gridCollapse } from "./reflow.js";
import { simulateFrame } from "./simulate.js";
import { widthAt } from "./width-at.js";

const json = JSON.parse(readFileSync(join(REPO_ROOT, "test/fixtures/grid/quick-stats.file.json"), "utf8")) as unknown;
const drawn = (): DesignNode => loadDesign(json, ["18:1"]).document.frames[0]!;
const find = (node: DesignNode, id: string): DesignNode | undefined =>
  node.id === id ? node : (node.children ?? []).map((c) => find(c, id)).find((c) => c !== undefined);

describe("layout inference and a designer's grid", () => {
  const inferred = inferFrame(drawn());
  const grid = find(inferred, "19:1")!;

  it("leaves the grid as drawn (its tracks, its areas) and reads the absolute container in one of its cells", () => {
    expect(gridOf(grid)?.columns).toEqual(gridOf(find(drawn(), "19:1"))?.columns);
    expect(grid.children!.map((c) => c.cell)).toEqual(find(drawn(), "19:1")!.children!.map((c) => c.cell));
    const chart = find(inferred, "21:1")!;
    expect(flexOf(chart)?.inferred).toBeDefined();
    expect(chart.cell).toEqual({ row: 1, column: 0, rowSpan: 2, columnSpan: 2 });
  });

  it("marks the grid to fit below the design width: two columns where four no longer fit, then one", () => {
    expect(gridOf(grid)).toMatchObject({
      fitBelow: 1440,
      collapse: [
        { below: 950, columns: 2 },
        { below: 479, columns: 1 },
      ],
    });
    // Marked once: marking again changes nothing.
    expect(inferFrame(inferred)).toBe(inferred);
  });

  it("the layout check (the simulator as its engine) lays the grid out as drawn: no section kept", () => {
    const decision = decideNow(frameBuilder(drawn()), "simulator", simulatedBoxes);
    expect(decision.layout.kept).toEqual([]);
    expect(decision.off).toEqual([]);
  });
});

describe("the simulator lays a grid out as the CSS does", () => {
  it("every grid item at its drawn place at the design width", () => {
    const frame = drawn();
    const laid = simulateFrame(frame);
    const grid = find(frame, "19:1")!;
    const at = laid.get(grid)!;
    expect([at.x, at.y, at.w, at.h]).toEqual([120, 120, 1200, 488]);
    const boxes = grid.children!.map((c) => {
      const b = laid.get(c)!;
      return [c.id, b.x, b.y, b.w, b.h];
    });
    expect(boxes).toEqual([
      ["21:1", 120, 264, 588, 344],
      ["20:10", 120, 120, 282, 120],
      ["20:14", 426, 120, 282, 120],
      ["20:18", 732, 120, 282, 120],
      ["20:22", 1038, 120, 282, 120],
      ["22:1", 732, 264, 588, 160],
      ["23:1", 732, 448, 588, 160],
    ]);
  });

  it("a grid that hugs its content: fixed rows at least as tall as what they hold, centred items in the middle", () => {
    const grid: DesignNode = {
      id: "g",
      name: "g",
      kind: "frame",
      w: 300,
      h: 0,
      sizeH: "fixed",
      sizeV: "hug",
      layout: {
        kind: "grid",
        columns: [
          { kind: "px", value: 100 },
          { kind: "fr", value: 1 },
        ],
        rows: [{ kind: "px", value: 40 }, { kind: "hug" }],
        columnGap: 10,
        rowGap: 10,
        padding: [5, 5, 5, 5],
      },
      children: [
        { id: "a", name: "a", kind: "rect", w: 50, h: 60, sizeH: "fixed", sizeV: "fixed", cell: cell(0, 0) },
        {
          id: "b",
          name: "b",
          kind: "rect",
          w: 20,
          h: 20,
          sizeH: "fixed",
          sizeV: "fixed",
          cell: { ...cell(0, 1), alignH: "center", alignV: "end" },
        },
        { id: "c", name: "c", kind: "rect", w: 0, h: 30, sizeH: "fill", sizeV: "fixed", cell: cell(1, 0, 2) },
      ],
    };
    const laid = simulateFrame(grid);
    expect(laid.get(grid)).toEqual({ x: 0, y: 0, w: 300, h: 5 + 60 + 10 + 30 + 5 });
    expect(laid.get(grid.children![1]!)).toEqual({ x: 5 + 100 + 10 + (180 - 20) / 2, y: 5 + 60 - 20, w: 20, h: 20 });
    expect(laid.get(grid.children![2]!)).toEqual({ x: 5, y: 75, w: 290, h: 30 });
  });
});

describe("how wide a box is on a narrower screen", () => {
  it("the control's grid: the root's padding gives way, the grid fills what is left", () => {
    const frame = inferFrame(drawn());
    const path = [frame, find(frame, "19:1")!];
    expect(widthAt(path, 1440)).toBe(1200);
    // At 768 px the root's 120-px sides have given way to 16 px.
    expect(widthAt(path, 768)).toBe(736);
  });

  it("an item of an inferred flow (its drawn x and y kept) gets narrower; a layer placed where drawn does not", () => {
    const item: DesignNode = { id: "i", name: "i", kind: "frame", x: 120, y: 40, w: 1200, h: 100 };
    const column = (layout: DesignNode["layout"]): DesignNode => ({
      id: "c",
      name: "c",
      kind: "frame",
      w: 1440,
      h: 400,
      ...(layout ? { layout } : {}),
      children: [item],
    });
    const inferred = column({
      dir: "column",
      gap: 0,
      padding: [0, 120, 0, 120],
      justify: "start",
      align: "start",
      inferred: { within: 1440 },
    });
    expect(widthAt([inferred, item], 768)).toBe(736);
    expect(widthAt([column(undefined), item], 768)).toBe(1200);
  });

  it("a grid of one column does not collapse", () => {
    const one: DesignNode = {
      id: "g",
      name: "g",
      kind: "frame",
      w: 300,
      h: 100,
      layout: {
        kind: "grid",
        columns: [{ kind: "fr", value: 1 }],
        rows: [{ kind: "fr", value: 1 }],
        columnGap: 0,
        rowGap: 0,
        padding: [0, 0, 0, 0],
      },
    };
    expect(gridCollapse(one, [one], 300)).toBeUndefined();
  });
});

function cell(row: number, column: number, columnSpan = 1): NonNullable<DesignNode["cell"]> {
  return { row, column, rowSpan: 1, columnSpan };
}
