/**
 * Figma's grid auto layout (layoutMode GRID) read from REST JSON, and where its tracks and areas lie. Real files
 * leave fields out (REST omits a value at its default: an anchor at 0, a span of 1) or hold odd ones; every reader
 * here settles on a grid that CSS lays out: at least one track each way, every child of the flow in an area inside it.
 */
import { isRecord, type RestNode } from "../rest/reply.js";
import { finite, nonNegative } from "../rest/values.js";
import { round } from "./color.js";
import type { GridCell, GridLayout, GridTrack, Sides } from "./types.js";
import { cssWords } from "./css-words.js";

type Raw = Record<string, unknown>;

/** More tracks than this is no design's grid (a table drawn cell by cell is at most a few dozen). */
const MAX_TRACKS = 200;

const FR_1: GridTrack = { kind: "fr", value: 1 };
const HUG: GridTrack = { kind: "hug" };

/** The arguments of `name(a, b)` when `word` is such a call: split at the commas outside inner parentheses. */
function callArgs(word: string, name: string): string[] | undefined {
  if (!word.toLowerCase().startsWith(`${name}(`) || !word.endsWith(")")) return undefined;
  const inner = word.slice(name.length + 1, -1);
  const out: string[] = [];
  let depth = 0;
  let arg = "";
  for (const ch of inner) {
    if (ch === "(") depth++;
    else if (ch === ")") depth = Math.max(0, depth - 1);
    if (ch === "," && depth === 0) {
      out.push(arg.trim());
      arg = "";
    } else arg += ch;
  }
  out.push(arg.trim());
  return out;
}

const NUMBER = String.raw`(\d*\.?\d+(?:e[+-]?\d+)?)`;
const FR = new RegExp(`^${NUMBER}fr$`, "i");
const PX = new RegExp(`^${NUMBER}(px)?$`, "i");
const HUGGING = /^(auto|min-content|max-content|fit-content\(.*\))$/i;

/** One track size word, or undefined when it is not one this reads. */
function track(word: string): GridTrack | undefined {
  const fr = FR.exec(word);
  if (fr) {
    const value = Number(fr[1]);
    return value > 0 && Number.isFinite(value) ? { kind: "fr", value: round(value, 3) } : FR_1;
  }
  const px = PX.exec(word);
  if (px) {
    const value = Number(px[1]);
    return Number.isFinite(value) && value <= 100_000 ? { kind: "px", value: round(value) } : undefined;
  }
  if (HUGGING.test(word)) return HUG;
  // minmax(min, max): the maximum says how the track grows (Figma writes `minmax(0, 1fr)` for a flexible one); a
  // fixed minimum with a content maximum is the fixed size.
  const minmax = callArgs(word, "minmax");
  if (minmax?.length === 2) {
    const max = track(minmax[1]!);
    const min = track(minmax[0]!);
    if (max?.kind === "hug" && min?.kind === "px" && min.value > 0) return min;
    return max ?? min;
  }
  return undefined;
}

/**
 * Figma's `gridColumnsSizing` / `gridRowsSizing` (a CSS grid-template string) as tracks, `repeat(n, …)` expanded and
 * line names skipped; a word this cannot read is a flexible track. Undefined for no template (empty, not a string).
 */
export function parseTracks(raw: unknown): GridTrack[] | undefined {
  if (typeof raw !== "string") return undefined;
  const out: GridTrack[] = [];
  const add = (word: string): void => {
    if (out.length >= MAX_TRACKS || /^\[.*\]$/.test(word)) return;
    const repeat = callArgs(word, "repeat");
    if (repeat && repeat.length === 2) {
      const times = /^\d+$/.test(repeat[0]!) ? Math.min(Number(repeat[0]), MAX_TRACKS) : 1;
      const inner = cssWords(repeat[1]!);
      for (let i = 0; i < times; i++) for (const w of inner) add(w);
      return;
    }
    out.push(track(word) ?? FR_1);
  };
  for (const word of cssWords(raw)) add(word);
  return out.length > 0 ? out : undefined;
}

/** A count of tracks (a whole number from 1 to MAX_TRACKS), or undefined. */
function count(raw: unknown): number | undefined {
  const v = finite(raw);
  return v !== undefined && v >= 1 ? Math.min(MAX_TRACKS, Math.round(v)) : undefined;
}

/** `n` tracks: the template's, cut or made up to `n` with flexible ones; without a count, the template's own. */
function fitted(template: GridTrack[] | undefined, n: number | undefined): GridTrack[] {
  const base = template ?? [FR_1];
  const length = n ?? base.length;
  return Array.from({ length }, (_, i) => (template?.[i] ?? (n === undefined ? base[i] : FR_1)) as GridTrack);
}

const ALIGN: Record<string, GridCell["alignH"]> = { MIN: "start", CENTER: "center", MAX: "end" };

/** A whole number of at least `least`, or undefined. */
function whole(raw: unknown, least: number): number | undefined {
  const v = finite(raw);
  return v !== undefined && Number.isInteger(v) && v >= least ? v : undefined;
}

interface Wanted {
  node: RestNode;
  row?: number;
  column?: number;
  rowSpan: number;
  columnSpan: number;
}

/**
 * The areas of a grid's children in flow (in their order), and its rows, made more where the children need them.
 * A child with both anchors in the grid keeps its area (its spans cut at the grid's end); one anchor missing is at 0
 * (REST leaves a value out at its default); a child with neither, or an anchor past the grid, goes to the first free
 * area in reading order, as Figma places a child appended without a position — new rows hug their content.
 */
export function gridCells(
  children: readonly RestNode[],
  columns: number,
  rows: GridTrack[],
): { cells: Map<RestNode, GridCell>; rows: GridTrack[] } {
  const rowTracks = [...rows];
  const taken: boolean[][] = [];
  const free = (r: number, c: number, rs: number, cs: number): boolean => {
    for (let i = r; i < r + rs; i++) for (let j = c; j < c + cs; j++) if (taken[i]?.[j]) return false;
    return true;
  };
  const take = (r: number, c: number, rs: number, cs: number): void => {
    for (let i = r; i < r + rs; i++) {
      taken[i] ??= [];
      for (let j = c; j < c + cs; j++) taken[i]![j] = true;
    }
  };
  const wanted: Wanted[] = children.map((node) => {
    const row = whole(node["gridRowAnchorIndex"], 0);
    const column = whole(node["gridColumnAnchorIndex"], 0);
    const placed = row !== undefined || column !== undefined;
    return {
      node,
      ...(placed ? { row: row ?? 0, column: column ?? 0 } : {}),
      rowSpan: Math.min(whole(node["gridRowSpan"], 1) ?? 1, MAX_TRACKS),
      columnSpan: Math.min(whole(node["gridColumnSpan"], 1) ?? 1, columns),
    };
  });
  const cells = new Map<RestNode, GridCell>();
  const settle = (w: Wanted, row: number, column: number): void => {
    const columnSpan = Math.min(w.columnSpan, columns - column);
    const rowSpan = Math.max(1, Math.min(w.rowSpan, rowTracks.length - row));
    take(row, column, rowSpan, columnSpan);
    const cell: GridCell = { row, column, rowSpan, columnSpan };
    const h = ALIGN[String(w.node["gridChildHorizontalAlign"])];
    const v = ALIGN[String(w.node["gridChildVerticalAlign"])];
    if (h) cell.alignH = h;
    if (v) cell.alignV = v;
    cells.set(w.node, cell);
  };
  const anchored = (w: Wanted): boolean =>
    w.row !== undefined && w.column !== undefined && w.row < rowTracks.length && w.column < columns;
  // The drawn areas first, then the rest in order (the visible before the hidden: a hidden layer takes no place).
  for (const w of wanted) if (anchored(w)) settle(w, w.row!, w.column!);
  const rest = wanted.filter((w) => !anchored(w));
  const ordered = [
    ...rest.filter((w) => w.node["visible"] !== false),
    ...rest.filter((w) => w.node["visible"] === false),
  ];
  for (const w of ordered) {
    const span = Math.min(w.columnSpan, columns);
    let placed = false;
    for (let r = 0; !placed && r < MAX_TRACKS; r++) {
      for (let c = 0; c + span <= columns; c++) {
        if (!free(r, c, Math.min(w.rowSpan, Math.max(1, rowTracks.length - r)), span)) continue;
        while (rowTracks.length <= r) rowTracks.push(HUG);
        settle({ ...w, columnSpan: span }, r, c);
        placed = true;
        break;
      }
    }
    if (!placed) settle({ ...w, columnSpan: span }, 0, 0);
  }
  return { cells, rows: rowTracks };
}

/**
 * The grid layout of a REST frame with layoutMode GRID, and its children's areas (those placed absolutely have none);
 * undefined for another frame.
 */
export function readGridLayout(node: Raw): { layout: GridLayout; cells: Map<RestNode, GridCell> } | undefined {
  if (node["layoutMode"] !== "GRID") return undefined;
  const n = (key: string): number => round(nonNegative(node[key]) ?? 0);
  const padding: Sides = [n("paddingTop"), n("paddingRight"), n("paddingBottom"), n("paddingLeft")];
  const columns = fitted(parseTracks(node["gridColumnsSizing"]), count(node["gridColumnCount"]));
  const rows = fitted(parseTracks(node["gridRowsSizing"]), count(node["gridRowCount"]));
  const children = Array.isArray(node["children"]) ? (node["children"] as unknown[]).filter(isRestNode) : [];
  const inFlow = children.filter((c) => c["layoutPositioning"] !== "ABSOLUTE");
  const placed = gridCells(inFlow, columns.length, rows);
  return {
    layout: {
      kind: "grid",
      columns,
      rows: placed.rows,
      columnGap: n("gridColumnGap"),
      rowGap: n("gridRowGap"),
      padding,
    },
    cells: placed.cells,
  };
}

function isRestNode(raw: unknown): raw is RestNode {
  return isRecord(raw) && typeof raw["id"] === "string" && typeof raw["type"] === "string";
}

/**
 * The sizes of a grid's tracks along one axis: fixed ones as set, hugging ones as their largest item that spans
 * them alone (`content(i)`), flexible ones sharing what is left of `room` by their fractions (never below 0, as CSS's
 * `minmax(0, 1fr)`); `fixedGrows`: a fixed track is at least as large as its content (rows as the emitters write
 * them, `minmax(120px, auto)`). Without a room (a grid that hugs its content along the axis), a fraction is as large
 * as the largest of its tracks' content needs per fraction, as CSS sizes `fr` tracks in a box of indefinite size.
 */
export function trackSizes(
  tracks: readonly GridTrack[],
  room: number | undefined,
  gap: number,
  content: (track: number) => number,
  fixedGrows = false,
): number[] {
  const sizes = tracks.map((t, i) =>
    t.kind === "px" ? (fixedGrows ? Math.max(t.value, content(i)) : t.value) : t.kind === "hug" ? content(i) : 0,
  );
  const fractions = tracks.reduce((s, t) => s + (t.kind === "fr" ? t.value : 0), 0);
  if (fractions <= 0) return sizes;
  let perFraction: number;
  if (room === undefined) {
    perFraction = Math.max(0, ...tracks.map((t, i) => (t.kind === "fr" ? content(i) / t.value : 0)));
  } else {
    const fixed = sizes.reduce((s, v) => s + v, 0) + gap * Math.max(0, tracks.length - 1);
    perFraction = Math.max(0, room - fixed) / fractions;
  }
  return tracks.map((t, i) => (t.kind === "fr" ? t.value * perFraction : sizes[i]!));
}

/** Where each track starts along its axis, from the content box's start. */
export function trackStarts(sizes: readonly number[], gap: number): number[] {
  const out: number[] = [];
  let at = 0;
  for (const size of sizes) {
    out.push(at);
    at += size + gap;
  }
  return out;
}

/** The span of tracks [first, first + span): its start and length (the gaps between them included). */
export function spanOf(
  starts: readonly number[],
  sizes: readonly number[],
  first: number,
  span: number,
): [number, number] {
  const last = Math.min(sizes.length, first + span) - 1;
  if (first >= sizes.length || last < first) return [starts[starts.length - 1] ?? 0, 0];
  return [starts[first]!, starts[last]! + sizes[last]! - starts[first]!];
}

/** Where a box of `size` lies in an area from `start`, `length` long, aligned `align` (start when undefined). */
export function alignIn(start: number, length: number, size: number, align: GridCell["alignH"]): number {
  if (align === "center") return start + (length - size) / 2;
  if (align === "end") return start + length - size;
  return start;
}

/** The largest size, along one axis, of the items that span track `i` alone (0 when none does). */
export function contentOf(
  items: readonly { cell: GridCell; size: number }[],
  axis: "row" | "column",
): (i: number) => number {
  return (i) => {
    let most = 0;
    for (const { cell, size } of items) {
      const first = axis === "row" ? cell.row : cell.column;
      const span = axis === "row" ? cell.rowSpan : cell.columnSpan;
      if (first === i && span === 1) most = Math.max(most, size);
    }
    return most;
  };
}
