/**
 * A CSS grid read from the page (a GRID auto layout with the browser's track sizes) as Figma's grid auto layout: the
 * tracks typed FLEX / FIXED / HUG and each flowing child's cell (anchor, span, alignment in the cell), found from the
 * children's rendered boxes against the track lines, so auto placement, named areas and spans all come out as the
 * browser placed them. Undefined where Figma's grid cannot hold what the browser drew (two children in one cell, a
 * child off the track lines, a margin inside its cell): the builder and the REST writer then keep the children where
 * their boxes say. The builder and the REST writer both read it. Pure.
 */
import type { LayerNode } from "./layers.js";

export type GridTrackType = "FLEX" | "FIXED" | "HUG";
export interface GridTrack {
  type: GridTrackType;
  /** FIXED: px; FLEX: fr. */
  value: number;
}
export type CellAlign = "MIN" | "CENTER" | "MAX";
export interface GridCell {
  row: number;
  column: number;
  rowSpan: number;
  columnSpan: number;
  horizontal: CellAlign;
  vertical: CellAlign;
  /** The child spans its whole cell on that axis (it fills it). */
  fillsWidth: boolean;
  fillsHeight: boolean;
}
export interface GridPlan {
  columns: GridTrack[];
  rows: GridTrack[];
  columnGap: number;
  rowGap: number;
  /** The grid's padding, its border included (CSS lays the tracks inside both; Figma's strokes take no room). */
  padding: { top: number; right: number; bottom: number; left: number };
  /** One per child, undefined for a child out of the flow (absolute). */
  cells: (GridCell | undefined)[];
}

/** How far a box may sit from a track line and still be on it, px. */
const TOLERANCE = 1;

interface Axis {
  starts: number[];
  sizes: number[];
}

const axisOf = (sizes: readonly number[], origin: number, gap: number): Axis => {
  const starts: number[] = [];
  let at = origin;
  for (const size of sizes) {
    starts.push(at);
    at += size + gap;
  }
  return { starts, sizes: [...sizes] };
};

/** The tracks a span [from, to] covers, and where in them the box sits; undefined off the lines. */
function spanOf(
  axis: Axis,
  from: number,
  length: number,
): { anchor: number; span: number; align: CellAlign; fills: boolean } | undefined {
  const to = from + length;
  const n = axis.sizes.length;
  // The first track that ends after the box starts (a collapsed, empty track before it is skipped).
  let anchor = -1;
  for (let i = 0; i < n; i++)
    if (axis.starts[i]! + axis.sizes[i]! > from + TOLERANCE || (length === 0 && axis.starts[i]! >= from - TOLERANCE)) {
      anchor = i;
      break;
    }
  if (anchor < 0 || from < axis.starts[anchor]! - TOLERANCE) return undefined;
  let last = anchor;
  while (last + 1 < n && axis.starts[last + 1]! < to - TOLERANCE) last++;
  const start = axis.starts[anchor]!;
  const end = axis.starts[last]! + axis.sizes[last]!;
  if (to > end + TOLERANCE) return undefined;
  const free = end - start - length;
  const offset = from - start;
  const align: CellAlign | undefined =
    Math.abs(offset) <= TOLERANCE
      ? "MIN"
      : Math.abs(offset - free / 2) <= TOLERANCE
        ? "CENTER"
        : Math.abs(offset - free) <= TOLERANCE
          ? "MAX"
          : undefined;
  if (!align) return undefined;
  return { anchor, span: last - anchor + 1, align, fills: Math.abs(free) <= TOLERANCE };
}

/**
 * Columns all of one size that fill the grid's width are `1fr` each (`repeat(n, 1fr)`, `minmax(0, 1fr)`, a lone
 * auto column), which the computed style no longer says; other columns keep their px. A row is HUG where it is as
 * tall as its tallest one-row child (an auto row), else FIXED.
 */
function trackTypes(layer: LayerNode, plan: Omit<GridPlan, "columns" | "rows">, cols: number[], rows: number[]) {
  const inner = layer.box.w - plan.padding.left - plan.padding.right;
  const used = cols.reduce((a, b) => a + b, 0) + plan.columnGap * Math.max(0, cols.length - 1);
  const equal = cols.every((c) => Math.abs(c - cols[0]!) <= 0.5);
  const flexible = cols.length > 0 && equal && cols[0]! > 0 && Math.abs(used - inner) <= TOLERANCE;
  const columns: GridTrack[] = cols.map((c) => (flexible ? { type: "FLEX", value: 1 } : { type: "FIXED", value: c }));
  const children = layer.children ?? [];
  const tallest = rows.map(() => 0);
  plan.cells.forEach((cell, i) => {
    // A hidden child takes no room in Figma's layout: it sizes no track.
    if (cell && cell.rowSpan === 1 && children[i]!.visible !== false)
      tallest[cell.row] = Math.max(tallest[cell.row]!, children[i]!.box.h);
  });
  const rowTracks: GridTrack[] = rows.map((r, i) =>
    tallest[i]! > 0 && Math.abs(tallest[i]! - r) <= 0.5 ? { type: "HUG", value: r } : { type: "FIXED", value: r },
  );
  return { columns, rows: rowTracks };
}

/** A frame's padding with its border: CSS lays the children inside both, while Figma's strokes take no room. */
export function paddingWithBorder(layer: LayerNode, al: NonNullable<LayerNode["autoLayout"]>): GridPlan["padding"] {
  const w = layer.stroke?.weights ?? { top: 0, right: 0, bottom: 0, left: 0 };
  return {
    top: al.padding.top + w.top,
    right: al.padding.right + w.right,
    bottom: al.padding.bottom + w.bottom,
    left: al.padding.left + w.left,
  };
}

/** The grid of a GRID layer, or undefined where Figma's grid cannot hold it (see the module's note). */
export function gridPlan(layer: LayerNode): GridPlan | undefined {
  const al = layer.autoLayout;
  if (al?.mode !== "GRID") return undefined;
  const cols = al.columnTracks ?? [];
  const rowSizes = al.rowTracks ?? [];
  if (cols.length === 0 || rowSizes.length === 0) return undefined;
  const padding = paddingWithBorder(layer, al);
  const columnGap = al.gap;
  const rowGap = al.counterGap ?? 0;
  const x = axisOf(cols, padding.left, columnGap);
  const y = axisOf(rowSizes, padding.top, rowGap);
  const taken = new Set<string>();
  const cells: (GridCell | undefined)[] = [];
  for (const child of layer.children ?? []) {
    if (child.absolute) {
      cells.push(undefined);
      continue;
    }
    const h = spanOf(x, child.box.x, child.box.w);
    const v = spanOf(y, child.box.y, child.box.h);
    if (!h || !v) return undefined;
    for (let r = v.anchor; r < v.anchor + v.span; r++)
      for (let c = h.anchor; c < h.anchor + h.span; c++) {
        // Figma refuses two children in one cell.
        if (taken.has(`${r},${c}`)) return undefined;
        taken.add(`${r},${c}`);
      }
    cells.push({
      row: v.anchor,
      column: h.anchor,
      rowSpan: v.span,
      columnSpan: h.span,
      horizontal: h.align,
      vertical: v.align,
      fillsWidth: h.fills,
      fillsHeight: v.fills,
    });
  }
  const base = { columnGap, rowGap, padding, cells };
  const tracks = trackTypes(layer, base, cols, rowSizes);
  // A HUG row is as tall as its tallest child: that child keeps its height rather than filling the row it sizes.
  for (const cell of cells)
    if (cell?.fillsHeight && tracks.rows.slice(cell.row, cell.row + cell.rowSpan).some((t) => t.type === "HUG"))
      cell.fillsHeight = false;
  return { ...base, ...tracks };
}

/** Figma's REST words for a track list (`gridColumnsSizing`): px, `minmax(0, 1fr)` for FLEX, `auto` for HUG. */
export const tracksCss = (tracks: readonly GridTrack[]): string =>
  tracks
    .map((t) => (t.type === "FLEX" ? `minmax(0, ${t.value}fr)` : t.type === "HUG" ? "auto" : `${round(t.value)}px`))
    .join(" ");

const round = (n: number): number => Math.round(n * 100) / 100;
