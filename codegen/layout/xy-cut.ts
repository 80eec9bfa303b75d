/**
 * Recursive XY-cut: boxes → a tree of rows, columns and layered stacks. Boxes are split by whitespace bands
 * into rows (a column flow) or columns (a row flow): rows first, unless the rows only touch (a card's image
 * on its caption) while the columns have real space between them (cards side by side). Boxes that no
 * whitespace separates are a stack when one of them, drawn below the rest, holds them all (a card's
 * background under its text). Failing that, the boxes that lie on a larger box drawn under them are stacked
 * on it first (a section's background among siblings), and the cut is tried again; only what still overlaps
 * in part stays layered as drawn ("loose").
 *
 * `clip`: the container's box. What reaches past its sides (a full-bleed image, a carousel's cards) is held
 * by a base when the part of it inside the container is.
 */
import { bands, contains, end, start, union, type Axis, type Box, type Item } from "./boxes.js";

export type Cut =
  | { kind: "item"; item: Item; box: Box }
  | { kind: "flow"; dir: "row" | "column"; parts: Cut[]; box: Box }
  | { kind: "stack"; base: Item; inner: Cut | undefined; box: Box }
  | { kind: "loose"; items: Item[]; box: Box };

export interface CutOptions {
  clip?: Box;
  /** Whether the child at this index may be a base for others (no text of its own). */
  canBase?: (index: number) => boolean;
}

/** Columns whose tops are this close start at the same height. */
const ALIGNED = 4;
/** A box holds another drawn above it when at least this share of the other lies on it. */
const ON_BASE = 0.9;

/** An item standing for a stack already cut (a section made from siblings). */
interface Built extends Item {
  cut: Cut;
}

const built = (i: Item): Cut | undefined => (i as Partial<Built>).cut;

export function xyCut(items: Item[], options: CutOptions = {}): Cut {
  const box = union(items.map((i) => i.box));
  if (items.length === 1) return built(items[0]!) ?? { kind: "item", item: items[0]!, box };
  const rows = bands(items, "y");
  const columns = bands(items, "x");
  const byColumns = columns.length > 1 && (rows.length === 1 || columnsFirst(rows, columns));
  if (rows.length > 1 && !byColumns) return { kind: "flow", dir: "column", parts: rows.map((r) => xyCut(r, options)), box };
  // A base holding all the rest inside the container (a section's background under a carousel running past
  // its side) is a stack, even where what runs past it splits into columns.
  const base = rows.length === 1 ? stackBase(items, options.clip) : undefined;
  if (base && !built(base)) {
    const rest = items.filter((i) => i !== base);
    return { kind: "stack", base, inner: rest.length > 0 ? xyCut(rest, options) : undefined, box: base.box };
  }
  if (byColumns) {
    // A row running past the container's side (a carousel): its cards are cut as drawn, not as clipped.
    const inner = options.clip && box.x + box.w > options.clip.x + options.clip.w + 1 ? { ...options, clip: undefined } : options;
    return { kind: "flow", dir: "row", parts: columns.map((c) => xyCut(c, inner)), box };
  }
  const layered = stackOnBases(items, options);
  if (layered) return xyCut(layered, options);
  return { kind: "loose", items: [...items].sort((a, b) => a.index - b.index), box };
}

/**
 * Whether boxes that both whitespace directions separate are columns of rows (cards side by side: image, name,
 * quote) rather than rows of columns (a grid's rows, a table, a page's sections). Columns when they repeat —
 * alike in width, starting at the same height — while the rows do not (an image row, a name row, a quote row).
 */
function columnsFirst(rows: Item[][], columns: Item[][]): boolean {
  if (alike(rows, "y")) return false;
  const tops = columns.map((band) => Math.min(...band.map((i) => i.box.y)));
  return alike(columns, "x") && Math.max(...tops) - Math.min(...tops) <= ALIGNED;
}

/** Bands of the same size along `axis`, within 10 % of each other. */
function alike(list: Item[][], axis: Axis): boolean {
  const sizes = list.map((band) => Math.max(...band.map((i) => end(i.box, axis))) - Math.min(...band.map((i) => start(i.box, axis))));
  const largest = Math.max(...sizes);
  return largest > 0 && sizes.every((v) => v >= 0.9 * largest);
}

/** `b` within the x-range of `clip` (what the container shows of it). */
function clipX(b: Box, clip: Box | undefined): Box {
  if (!clip) return b;
  // Wholly past a side: nothing of it shows, a line at that side.
  const x = Math.min(Math.max(b.x, clip.x), clip.x + clip.w);
  const right = Math.max(Math.min(b.x + b.w, clip.x + clip.w), x);
  return { x, y: b.y, w: right - x, h: b.h };
}

/** The item drawn below all others that holds every other box (2 px slack), if any. */
function stackBase(items: Item[], clip: Box | undefined): Item | undefined {
  const lowest = items.reduce((a, b) => (b.index < a.index ? b : a));
  const holder = clipX(lowest.box, clip);
  return items.every((i) => i === lowest || contains(holder, clipX(i.box, clip), 2)) ? lowest : undefined;
}

function shareOn(inner: Box, outer: Box): number {
  const w = Math.min(inner.x + inner.w, outer.x + outer.w) - Math.max(inner.x, outer.x);
  const h = Math.min(inner.y + inner.h, outer.y + outer.h) - Math.max(inner.y, outer.y);
  return w > 0 && h > 0 ? (w * h) / Math.max(inner.w * inner.h, 1) : 0;
}

/**
 * Stacks the items lying on a larger box drawn under them onto it (largest base first), and returns the new
 * list with each such stack as one item; undefined when no item is a base for another.
 */
function stackOnBases(items: Item[], options: CutOptions): Item[] | undefined {
  const candidates = items
    .filter((i) => !built(i) && (options.canBase?.(i.index) ?? true))
    .sort((a, b) => b.box.w * b.box.h - a.box.w * a.box.h);
  for (const base of candidates) {
    const holder = clipX(base.box, options.clip);
    const members = items.filter((i) => i !== base && i.index > base.index && i.box.w * i.box.h < base.box.w * base.box.h && shareOn(clipX(i.box, options.clip), holder) >= ON_BASE);
    if (members.length === 0) continue;
    const rest = items.filter((i) => i !== base && !members.includes(i));
    // The members' layout inside the base; the stack keeps the base's box (what reaches past it is theirs).
    const cut: Cut = { kind: "stack", base, inner: xyCut(members, options), box: base.box };
    const stacked: Built = { box: base.box, index: base.index, cut };
    return [...rest, stacked];
  }
  return undefined;
}
