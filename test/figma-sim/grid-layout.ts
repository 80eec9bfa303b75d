/**
 * The simulator's grid auto layout (`layoutMode: "GRID"`), as Figma's Plugin API documents it: `gridRowCount` /
 * `gridColumnCount` (at least 1; new tracks are FLEX), `gridRowGap` / `gridColumnGap`, the tracks' `gridRowSizes` /
 * `gridColumnSizes` (live GridTrackSize objects: FIXED px, FLEX fr, HUG its content), and on the children
 * `setGridChildPosition`, the parent's `appendChildAt`, `gridRowSpan` / `gridColumnSpan` and
 * `gridChildHorizontalAlign` / `gridChildVerticalAlign`, each refused where Figma refuses it (out of the grid, a cell
 * another child holds). The layout: FIXED and HUG tracks first (HUG: its tallest / widest one-track child), the room
 * left shared by the FLEX tracks in proportion to their fr; each child at its cell's start, centred or at its end, a
 * FILL child as large as its cells. The export shows what was set under REST's names (gridColumnsSizing as CSS).
 */
import type { LayoutNode } from "./layout-node.js";

type TrackType = "FLEX" | "FIXED" | "HUG";
interface Track {
  type: TrackType;
  value?: number;
}
interface GridState {
  rows: Track[];
  columns: Track[];
  rowGap: number;
  columnGap: number;
}
interface CellState {
  row: number;
  column: number;
  rowSpan: number;
  columnSpan: number;
  horizontal: "MIN" | "CENTER" | "MAX" | "AUTO";
  vertical: "MIN" | "CENTER" | "MAX" | "AUTO";
}

const grids = new WeakMap<LayoutNode, GridState>();
const cells = new WeakMap<LayoutNode, CellState>();

/** The grid a node lays out, when its layoutMode is GRID. */
const gridOf = (node: LayoutNode | null | undefined): GridState | undefined =>
  node && node.rest["layoutMode"] === "GRID" ? grids.get(node) : undefined;

const cellOf = (node: LayoutNode): CellState => {
  let cell = cells.get(node);
  if (!cell) {
    cell = { row: 0, column: 0, rowSpan: 1, columnSpan: 1, horizontal: "AUTO", vertical: "AUTO" };
    cells.set(node, cell);
  }
  return cell;
};

const flowing = (node: LayoutNode): LayoutNode[] =>
  (node.childList() ?? []).filter((c) => !c.removed && c.visible && c.rest["layoutPositioning"] !== "ABSOLUTE");

const whole = (key: string, least: number, value: unknown): number => {
  if (typeof value !== "number" || !Number.isInteger(value) || value < least)
    throw new Error(`${key}: expected a whole number of at least ${least} (got ${String(value)})`);
  return value;
};

const css = (tracks: readonly Track[]): string =>
  tracks
    .map((t) => (t.type === "FIXED" ? `${t.value ?? 0}px` : t.type === "HUG" ? "auto" : `minmax(0, ${t.value ?? 1}fr)`))
    .join(" ");

/** Writes what the export shows. */
function sync(node: LayoutNode, grid: GridState): void {
  node.rest["gridRowCount"] = grid.rows.length;
  node.rest["gridColumnCount"] = grid.columns.length;
  node.rest["gridRowGap"] = grid.rowGap;
  node.rest["gridColumnGap"] = grid.columnGap;
  node.rest["gridRowsSizing"] = css(grid.rows);
  node.rest["gridColumnsSizing"] = css(grid.columns);
}

function syncCell(node: LayoutNode, cell: CellState): void {
  node.rest["gridRowAnchorIndex"] = cell.row;
  node.rest["gridColumnAnchorIndex"] = cell.column;
  node.rest["gridRowSpan"] = cell.rowSpan;
  node.rest["gridColumnSpan"] = cell.columnSpan;
  node.rest["gridChildHorizontalAlign"] = cell.horizontal;
  node.rest["gridChildVerticalAlign"] = cell.vertical;
}

/** Whether `area` of `node` overlaps another flowing child's cells. */
function occupied(parent: LayoutNode, node: LayoutNode, area: CellState): boolean {
  return flowing(parent).some((other) => {
    if (other === node) return false;
    const c = cellOf(other);
    return (
      c.row < area.row + area.rowSpan &&
      area.row < c.row + c.rowSpan &&
      c.column < area.column + area.columnSpan &&
      area.column < c.column + c.columnSpan
    );
  });
}

/** Moves `node` (a child of a GRID frame) to `area`, as Figma checks it. */
function moveTo(node: LayoutNode, area: CellState, what: string): void {
  const grid = gridOf(node.parent as LayoutNode | null);
  if (!grid) throw new Error(`${what}: only for children of grid auto layout frames`);
  if (area.row + area.rowSpan > grid.rows.length || area.column + area.columnSpan > grid.columns.length)
    throw new Error(`${what}: out of the grid's ${grid.rows.length} rows and ${grid.columns.length} columns`);
  if (occupied(node.parent as LayoutNode, node, area)) throw new Error(`${what}: the cell is occupied by another node`);
  const cell = cellOf(node);
  Object.assign(cell, area);
  syncCell(node, cell);
}

/** The grid properties of a frame (set once the frame exists; they answer only while its layoutMode is GRID). */
export function defineGridProps(node: LayoutNode, change: (what: string) => void, relayout: () => void): void {
  const grid: GridState = {
    rows: [{ type: "FLEX", value: 1 }],
    columns: [{ type: "FLEX", value: 1 }],
    rowGap: 0,
    columnGap: 0,
  };
  grids.set(node, grid);
  const needsGrid = (key: string): void => {
    if (node.rest["layoutMode"] !== "GRID") throw new Error(`${key}: only for frames whose layoutMode is GRID`);
  };
  const edit = (key: string, apply: () => void): void => {
    needsGrid(key);
    change(`grid ${String(node.rest["id"])} ${key}`);
    apply();
    sync(node, grid);
    relayout();
  };
  /** A track as Figma gives it: its type and value settable, each set laying the grid out again. */
  const live = (track: Track, key: string): Track => {
    const out = {} as Track;
    Object.defineProperty(out, "type", {
      enumerable: true,
      get: () => track.type,
      set: (v: unknown) => {
        if (v !== "FLEX" && v !== "FIXED" && v !== "HUG") throw new Error(`${key}.type: FLEX, FIXED or HUG`);
        edit(key, () => {
          track.type = v;
          track.value = v === "FLEX" ? 1 : v === "FIXED" ? (track.value ?? 0) : undefined;
        });
      },
    });
    Object.defineProperty(out, "value", {
      enumerable: true,
      get: () => track.value,
      set: (v: unknown) => {
        if (typeof v !== "number" || !Number.isFinite(v) || v < 0) throw new Error(`${key}.value: a number ≥ 0`);
        if (track.type === "HUG") throw new Error(`${key}.value: a HUG track has no value`);
        edit(key, () => {
          track.value = v;
        });
      },
    });
    return out;
  };
  const count = (key: "gridRowCount" | "gridColumnCount", list: "rows" | "columns"): void => {
    Object.defineProperty(node, key, {
      enumerable: true,
      get: () => grid[list].length,
      set: (v: unknown) => {
        const n = whole(key, 1, v);
        // Never fewer tracks than the children need.
        const need = Math.max(
          0,
          ...flowing(node).map((c) =>
            list === "rows" ? cellOf(c).row + cellOf(c).rowSpan : cellOf(c).column + cellOf(c).columnSpan,
          ),
        );
        edit(key, () => {
          const length = Math.max(n, need);
          grid[list] = Array.from({ length }, (_, i) => grid[list][i] ?? { type: "FLEX", value: 1 });
        });
      },
    });
  };
  count("gridRowCount", "rows");
  count("gridColumnCount", "columns");
  for (const [key, field] of [
    ["gridRowGap", "rowGap"],
    ["gridColumnGap", "columnGap"],
  ] as const)
    Object.defineProperty(node, key, {
      enumerable: true,
      get: () => grid[field],
      set: (v: unknown) => {
        if (typeof v !== "number" || !Number.isFinite(v) || v < 0) throw new Error(`${key}: a number ≥ 0`);
        edit(key, () => {
          grid[field] = v;
        });
      },
    });
  for (const [key, list] of [
    ["gridRowSizes", "rows"],
    ["gridColumnSizes", "columns"],
  ] as const)
    Object.defineProperty(node, key, { enumerable: true, get: () => grid[list].map((t) => live(t, key)) });
  Object.defineProperty(node, "appendChildAt", {
    enumerable: false,
    value: (child: LayoutNode & { setGridChildPosition(r: number, c: number): void }, row: number, column: number) => {
      needsGrid("appendChildAt");
      const cell = cellOf(child);
      // Checked before the child moves in: a refused call leaves it where it was.
      if (row + 1 > grid.rows.length || column + 1 > grid.columns.length || row < 0 || column < 0)
        throw new Error(`appendChildAt: (${row}, ${column}) is out of the grid`);
      const area = { ...cell, row, column, rowSpan: 1, columnSpan: 1 };
      if (occupied(node, child, area)) throw new Error("appendChildAt: the cell is occupied by another node");
      Object.assign(cell, area);
      (node as unknown as { appendChild(c: unknown): void }).appendChild(child);
      syncCell(child, cell);
      relayout();
    },
  });
}

/** The grid child properties of any scene node (they answer only inside a GRID frame). */
export function defineGridChildProps(node: LayoutNode, change: (what: string) => void): void {
  const relayoutParent = (): void => {
    if (node.parent) layOutGrid(node.parent as LayoutNode);
  };
  const set = (what: string, area: Partial<CellState>): void => {
    change(`grid child ${String(node.rest["id"])} ${what}`);
    moveTo(node, { ...cellOf(node), ...area }, what);
    relayoutParent();
  };
  Object.defineProperty(node, "setGridChildPosition", {
    enumerable: false,
    value: (row: number, column: number) =>
      set("setGridChildPosition", { row: whole("rowIndex", 0, row), column: whole("columnIndex", 0, column) }),
  });
  for (const [key, field] of [
    ["gridRowAnchorIndex", "row"],
    ["gridColumnAnchorIndex", "column"],
  ] as const)
    Object.defineProperty(node, key, { enumerable: true, get: () => cellOf(node)[field] });
  for (const [key, field] of [
    ["gridRowSpan", "rowSpan"],
    ["gridColumnSpan", "columnSpan"],
  ] as const)
    Object.defineProperty(node, key, {
      enumerable: true,
      get: () => cellOf(node)[field],
      set: (v: unknown) => set(key, { [field]: whole(key, 1, v) }),
    });
  for (const [key, field] of [
    ["gridChildHorizontalAlign", "horizontal"],
    ["gridChildVerticalAlign", "vertical"],
  ] as const)
    Object.defineProperty(node, key, {
      enumerable: true,
      get: () => cellOf(node)[field],
      set: (v: unknown) => {
        if (v !== "MIN" && v !== "CENTER" && v !== "MAX" && v !== "AUTO")
          throw new Error(`${key}: expected MIN, CENTER, MAX or AUTO (got ${JSON.stringify(v)})`);
        if (!gridOf(node.parent as LayoutNode | null)) throw new Error(`${key}: only for children of grid frames`);
        change(`grid child ${String(node.rest["id"])} ${key}`);
        cellOf(node)[field] = v;
        syncCell(node, cellOf(node));
        relayoutParent();
      },
    });
}

/** Track sizes along one axis: FIXED, HUG from the one-track children, FLEX sharing what is left. */
function sizes(
  tracks: readonly Track[],
  gap: number,
  room: number | undefined,
  items: { at: number; span: number; size: number; fills: boolean }[],
): number[] {
  const out = tracks.map((t, i) => {
    if (t.type === "FIXED") return t.value ?? 0;
    // A child that fills its track does not size it.
    const content = Math.max(0, ...items.filter((c) => c.at === i && c.span === 1 && !c.fills).map((c) => c.size));
    // A FLEX track in a grid that hugs has no room to share: it holds its content.
    return t.type === "HUG" || room === undefined ? content : 0;
  });
  if (room === undefined) return out;
  const flex = tracks.reduce((n, t) => n + (t.type === "FLEX" ? (t.value ?? 1) : 0), 0);
  const left = room - out.reduce((a, b) => a + b, 0) - gap * Math.max(0, tracks.length - 1);
  if (flex > 0)
    tracks.forEach((t, i) => {
      if (t.type === "FLEX") out[i] = Math.max(0, (left * (t.value ?? 1)) / flex);
    });
  return out;
}

const starts = (sizes: readonly number[], origin: number, gap: number): number[] => {
  let at = origin;
  return sizes.map((s) => {
    const here = at;
    at += s + gap;
    return here;
  });
};

/** Lays out a GRID frame's children; `fixed`: whether each axis keeps its size (else it hugs the tracks). */
export function layOutGrid(node: LayoutNode, fixed = { width: true, height: true }): void {
  const grid = gridOf(node);
  if (!grid || !node.created) return;
  const pad = (k: string): number => (typeof node.rest[k] === "number" ? (node.rest[k] as number) : 0);
  const [left, right, top, bottom] = ["paddingLeft", "paddingRight", "paddingTop", "paddingBottom"].map(pad) as [
    number,
    number,
    number,
    number,
  ];
  const items = flowing(node).map((c) => ({ node: c, cell: cellOf(c) }));
  const cols = sizes(
    grid.columns,
    grid.columnGap,
    fixed.width ? node.width - left - right : undefined,
    items.map(({ node: c, cell }) => ({
      at: cell.column,
      span: cell.columnSpan,
      size: c.width,
      fills: c.rest["layoutSizingHorizontal"] === "FILL",
    })),
  );
  const rows = sizes(
    grid.rows,
    grid.rowGap,
    fixed.height ? node.height - top - bottom : undefined,
    items.map(({ node: c, cell }) => ({
      at: cell.row,
      span: cell.rowSpan,
      size: c.height,
      fills: c.rest["layoutSizingVertical"] === "FILL",
    })),
  );
  const xs = starts(cols, left, grid.columnGap);
  const ys = starts(rows, top, grid.rowGap);
  const extent = (s: number[], at: number[], from: number, span: number): [number, number] => {
    const last = Math.min(from + span, s.length) - 1;
    return [at[from] ?? 0, (at[last] ?? 0) + (s[last] ?? 0)];
  };
  for (const { node: c, cell } of items) {
    const [x0, x1] = extent(cols, xs, cell.column, cell.columnSpan);
    const [y0, y1] = extent(rows, ys, cell.row, cell.rowSpan);
    if (c.rest["layoutSizingHorizontal"] === "FILL") c.width = Math.max(0.01, x1 - x0);
    if (c.rest["layoutSizingVertical"] === "FILL") c.height = Math.max(0.01, y1 - y0);
    const offset = (align: CellState["horizontal"], free: number): number =>
      align === "CENTER" ? free / 2 : align === "MAX" ? free : 0;
    c.place(x0 + offset(cell.horizontal, x1 - x0 - c.width), y0 + offset(cell.vertical, y1 - y0 - c.height));
  }
  const total = (s: number[], gap: number): number => s.reduce((a, b) => a + b, 0) + gap * Math.max(0, s.length - 1);
  if (!fixed.width) node.width = Math.max(0.01, left + total(cols, grid.columnGap) + right);
  if (!fixed.height) node.height = Math.max(0.01, top + total(rows, grid.rowGap) + bottom);
}
