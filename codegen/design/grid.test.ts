import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../test/helpers/fixtures.js";
import { loadDesign } from "../load.js";
import type { RestNode } from "../rest/reply.js";
import { gridCells, parseTracks, readGridLayout, trackSizes } from "./grid.js";
import { gridOf } from "./layout-kind.js";
import { normalize } from "./normalize.js";
import { placeLayers } from "./placed.js";
import type { DesignNode, GridTrack } from "./types.js";

const FR: GridTrack = { kind: "fr", value: 1 };
const HUG: GridTrack = { kind: "hug" };
const px = (value: number): GridTrack => ({ kind: "px", value });

const child = (id: string, extra: Record<string, unknown> = {}): RestNode =>
  ({ id, name: id, type: "FRAME", absoluteBoundingBox: { x: 0, y: 0, width: 10, height: 10 }, ...extra }) as RestNode;

describe("grid tracks from Figma's sizing strings", () => {
  it("reads flexible, fixed and hugging tracks, repeat() expanded, minmax() by its maximum", () => {
    expect(parseTracks("repeat(4, minmax(0, 1fr))")).toEqual([FR, FR, FR, FR]);
    expect(parseTracks("160px minmax(0,1fr)")).toEqual([px(160), FR]);
    expect(parseTracks("  fit-content(100%) fit-content(100%)")).toEqual([HUG, HUG]);
    expect(parseTracks("2fr auto 96")).toEqual([{ kind: "fr", value: 2 }, HUG, px(96)]);
    expect(parseTracks("minmax(120px, auto) [main] 1fr")).toEqual([px(120), FR]);
  });

  it("a word it cannot read is a flexible track; no string, or an empty one, is no template", () => {
    expect(parseTracks("subgrid 40px")).toEqual([FR, px(40)]);
    expect(parseTracks("   ")).toBeUndefined();
    expect(parseTracks(undefined)).toBeUndefined();
    expect(parseTracks(4)).toBeUndefined();
  });

  it("never more tracks than a grid can have", () => {
    expect(parseTracks("repeat(100000, 1fr)")!.length).toBe(200);
  });
});

describe("a REST grid frame", () => {
  it("without sizing strings has its counts of equal 1fr tracks; without counts, one", () => {
    const grid = readGridLayout({ layoutMode: "GRID", gridColumnCount: 3, gridRowCount: 2 })!.layout;
    expect(grid.columns).toEqual([FR, FR, FR]);
    expect(grid.rows).toEqual([FR, FR]);
    const bare = readGridLayout({ layoutMode: "GRID" })!.layout;
    expect([bare.columns, bare.rows, bare.columnGap, bare.rowGap]).toEqual([[FR], [FR], 0, 0]);
  });

  it("a count and a template that disagree: the count wins, made up with 1fr tracks", () => {
    const grid = readGridLayout({
      layoutMode: "GRID",
      gridColumnCount: 3,
      gridColumnsSizing: "100px 200px",
      gridRowCount: 1,
      gridRowsSizing: "40px 50px",
    })!.layout;
    expect(grid.columns).toEqual([px(100), px(200), FR]);
    expect(grid.rows).toEqual([px(40)]);
  });

  it("odd gaps, counts and padding read as nothing", () => {
    const grid = readGridLayout({
      layoutMode: "GRID",
      gridColumnCount: -2,
      gridRowGap: "8",
      gridColumnGap: Number.NaN,
      paddingLeft: -4,
    })!.layout;
    expect([grid.columns.length, grid.rowGap, grid.columnGap, grid.padding]).toEqual([1, 0, 0, [0, 0, 0, 0]]);
  });

  it("is no grid without layoutMode GRID", () => {
    expect(readGridLayout({ layoutMode: "HORIZONTAL" })).toBeUndefined();
  });
});

describe("grid children's areas", () => {
  const cellsOf = (children: RestNode[], columns = 4, rows: GridTrack[] = [FR, FR]) => {
    const out = gridCells(children, columns, rows);
    return { cells: children.map((c) => out.cells.get(c)), rows: out.rows };
  };

  it("an anchor REST leaves out is 0; spans default to 1; alignment as set", () => {
    const { cells } = cellsOf([
      child("a", { gridColumnAnchorIndex: 2 }),
      child("b", { gridRowAnchorIndex: 1, gridColumnSpan: 2, gridChildHorizontalAlign: "CENTER" }),
      child("c", { gridRowAnchorIndex: 1, gridColumnAnchorIndex: 3, gridChildVerticalAlign: "MAX" }),
    ]);
    expect(cells).toEqual([
      { row: 0, column: 2, rowSpan: 1, columnSpan: 1 },
      { row: 1, column: 0, rowSpan: 1, columnSpan: 2, alignH: "center" },
      { row: 1, column: 3, rowSpan: 1, columnSpan: 1, alignV: "end" },
    ]);
  });

  it("children without anchors go to the first free areas in reading order, after the anchored ones", () => {
    const { cells } = cellsOf([child("a"), child("b"), child("c", { gridColumnAnchorIndex: 0 })], 2);
    expect(cells.map((c) => [c!.row, c!.column])).toEqual([
      [0, 1],
      [1, 0],
      [0, 0],
    ]);
  });

  it("spans past the end are cut; an anchor past the grid is placed as if it had none", () => {
    const { cells } = cellsOf(
      [
        child("a", { gridColumnAnchorIndex: 3, gridColumnSpan: 4, gridRowSpan: 9 }),
        child("b", { gridColumnAnchorIndex: 7 }),
      ],
      4,
    );
    expect(cells[0]).toEqual({ row: 0, column: 3, rowSpan: 2, columnSpan: 1 });
    expect([cells[1]!.row, cells[1]!.column]).toEqual([0, 0]);
  });

  it("more children than areas add rows that hug their content; a span wider than the grid takes it whole", () => {
    const { cells, rows } = cellsOf([child("a"), child("b"), child("c", { gridColumnSpan: 5 })], 2, [px(40)]);
    expect(cells.map((c) => [c!.row, c!.column, c!.columnSpan])).toEqual([
      [0, 0, 1],
      [0, 1, 1],
      [1, 0, 2],
    ]);
    expect(rows).toEqual([px(40), HUG]);
  });

  it("a hidden child takes its area after the visible ones", () => {
    const { cells } = cellsOf([child("h", { visible: false }), child("v")], 2, [FR]);
    expect([cells[0]!.column, cells[1]!.column]).toEqual([1, 0]);
  });
});

describe("track sizes", () => {
  it("fixed as set, hugging as their content, fractions sharing the rest", () => {
    expect(trackSizes([px(100), HUG, FR, { kind: "fr", value: 2 }], 500, 10, (i) => (i === 1 ? 40 : 0))).toEqual([
      100, 40, 110, 220,
    ]);
  });

  it("without a room, a fraction is the largest content per fraction; fixed tracks grow when asked", () => {
    expect(trackSizes([FR, FR], undefined, 0, (i) => [30, 50][i]!)).toEqual([50, 50]);
    expect(trackSizes([px(20), px(20)], undefined, 0, (i) => [30, 10][i]!, true)).toEqual([30, 20]);
  });
});

describe("normalize: a grid frame", () => {
  const grid = (children: RestNode[]): DesignNode =>
    normalize(
      [
        {
          ...child("1:1", {
            absoluteBoundingBox: { x: 100, y: 100, width: 220, height: 100 },
            layoutMode: "GRID",
            gridColumnCount: 2,
            gridRowCount: 2,
            gridColumnGap: 20,
            gridRowGap: 10,
            paddingLeft: 0,
          }),
          children,
        },
      ],
      { components: new Map(), styles: new Map() },
    ).document.frames[0]!;

  it("has a grid layout; its children in flow their areas and sizing, no position; an absolute child its place", () => {
    const out = grid([
      child("1:2", {
        absoluteBoundingBox: { x: 100, y: 100, width: 100, height: 45 },
        layoutSizingHorizontal: "FILL",
        layoutSizingVertical: "FIXED",
      }),
      child("1:3", {
        absoluteBoundingBox: { x: 300, y: 90, width: 30, height: 30 },
        layoutPositioning: "ABSOLUTE",
        gridColumnAnchorIndex: 1,
      }),
    ]);
    expect(gridOf(out)?.columns).toEqual([FR, FR]);
    const [inFlow, absolute] = out.children!;
    expect(inFlow).toMatchObject({
      cell: { row: 0, column: 0, rowSpan: 1, columnSpan: 1 },
      sizeH: "fill",
      sizeV: "fixed",
    });
    expect(inFlow!.x).toBeUndefined();
    expect(absolute).toMatchObject({ absolute: true, x: 200, y: -10 });
    expect(absolute!.cell).toBeUndefined();
  });

  it("a grid of shapes is no icon: it stays a grid", () => {
    const out = grid([
      { ...child("1:2", { type: "RECTANGLE" }) },
      { ...child("1:3", { type: "VECTOR", fillGeometry: [{ path: "M0 0L1 1", windingRule: "NONZERO" }] }) },
    ]);
    expect(out.kind).toBe("frame");
    expect(gridOf(out)).toBeDefined();
  });
});

describe("the control's grid children are placed where Figma drew them", () => {
  const json = JSON.parse(readFileSync(join(REPO_ROOT, "test/fixtures/grid/quick-stats.file.json"), "utf8")) as {
    document: { children: { children: RestNode[] }[] };
  };
  const frame = json.document.children[0]!.children[0]!;
  const drawn = new Map<string, { x: number; y: number; width: number; height: number }>();
  const walk = (n: RestNode): void => {
    drawn.set(n.id, n["absoluteBoundingBox"] as { x: number; y: number; width: number; height: number });
    for (const c of n.children ?? []) walk(c);
  };
  walk(frame);

  it("every layer's replayed box is its drawn one", () => {
    const placed = placeLayers(loadDesign(json, ["18:1"]).document.frames);
    expect(placed.length).toBe(drawn.size);
    for (const p of placed) {
      const d = drawn.get(p.node.id)!;
      expect([p.box.x, p.box.y, p.box.w, p.box.h], p.node.id).toEqual([d.x, d.y, d.width, d.height]);
    }
  });
});
