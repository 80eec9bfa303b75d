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

/** Rows beside a side column at most this far under each other are one block with it. */
const SIDE_ROW_GAP = 64;
/** Columns whose tops are this close start at the same height. */
const ALIGNED = 4;
/** Rows of the same columns this close belong to the same cards (a heading over its text). */
const CARD_ROW_GAP = 32;
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
  if (rows.length > 1 && !byColumns) {
    // A column at one side of a row with the next rows beside it (a heading beside a grid of cards): one block.
    const side = besideSide(rows, options);
    if (side) return xyCut(side, options);
    // Rows alike are rows of whole cards; rows repeating with a period (picture, caption, picture, caption)
    // are a grid's rows of cards, one group per period; other rows of card parts are grouped into their cards.
    const period = repeating(rows);
    const grouped = alike(rows, "y") ? rows : period > 0 ? chunks(rows, period) : cardRows(rows);
    const groups = grouped.length > 1 ? grouped : rows;
    return { kind: "flow", dir: "column", parts: groups.map((g) => xyCut(g, options)), box };
  }
  // A base holding all the rest inside the container (a section's background under a carousel running past
  // its side) is a stack, even where what runs past it splits into columns.
  const base = rows.length === 1 ? stackBase(items, options.clip) : undefined;
  if (base && !built(base)) {
    const rest = items.filter((i) => i !== base);
    return { kind: "stack", base, inner: rest.length > 0 ? xyCut(rest, options) : undefined, box: base.box };
  }
  if (byColumns) {
    // A row running past the container's side (a carousel): its cards are cut as drawn, not as clipped.
    const inner =
      options.clip && box.x + box.w > options.clip.x + options.clip.w + 1 ? { ...options, clip: undefined } : options;
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
  // Rows alike, or repeating (a picture row, a caption row, a picture row, a caption row): a grid's rows.
  if (alike(rows, "y") || repeating(rows) > 0) return false;
  const tops = columns.map((band) => Math.min(...band.map((i) => i.box.y)));
  // Cards of as many parts each vary in width with their texts (centred captions of different lengths): alike
  // within a quarter; columns of different make-up only within a tenth.
  const sameParts = columns.every((band) => band.length === columns[0]!.length);
  return alike(columns, "x", sameParts ? 0.75 : 0.9) && Math.max(...tops) - Math.min(...tops) <= ALIGNED;
}

/**
 * Consecutive rows that are parts of the same cards (a row of headings, tightly over a row of their texts, in
 * the same columns) as one group, so that the cut of that group can find the cards; other rows alone.
 */
function cardRows(rows: Item[][]): Item[][] {
  const out: Item[][] = [];
  let current: Item[] = rows[0]!;
  let previous: Item[][] = bands(current, "x");
  // The widest gap inside the group so far: a wider one after it separates cards (a grid's next row), it does
  // not join their parts.
  let inside: number | undefined;
  for (const row of rows.slice(1)) {
    const columns = bands(row, "x");
    const gap = Math.min(...row.map((i) => i.box.y)) - Math.max(...current.map((i) => i.box.y + i.box.h));
    if (gap <= CARD_ROW_GAP && (inside === undefined || gap <= inside + ALIGNED) && sameColumns(previous, columns)) {
      current = [...current, ...row];
      inside = Math.max(inside ?? gap, gap);
    } else {
      out.push(current);
      current = row;
      inside = undefined;
    }
    previous = columns;
  }
  out.push(current);
  return out;
}

/**
 * A side column and what lies beside it, as one block: a row whose items split into columns not alike, the first (or
 * last) of which — inside the container, its top with the rest's — holds nothing of the rows after it, while those rows
 * (close under each other, SIDE_ROW_GAP) lie wholly beside it, within the other columns' side (a heading beside a 2×2
 * grid of cards: its row holds the heading and the first cards' titles; their texts and the next cards lie beside it).
 * The items with that block as one (a row flow of the side column and the rest, each cut on its own, so that each card
 * keeps its parts); undefined when there is none.
 */
function besideSide(rows: Item[][], options: CutOptions): Item[] | undefined {
  for (let i = 0; i + 1 < rows.length; i++) {
    const columns = bands(rows[i]!, "x");
    // Columns alike (a row of cards, a carousel's) are no side column and what lies beside it.
    if (columns.length < 2 || alike(columns, "x", 0.75)) continue;
    for (const left of [true, false]) {
      const side = left ? columns[0]! : columns[columns.length - 1]!;
      const rest = rows[i]!.filter((item) => !side.includes(item));
      // The side column starts where the rest does, inside the container.
      if (Math.abs(top(side) - top(rest)) > ALIGNED) continue;
      if (
        options.clip &&
        side.some(
          (item) => item.box.x < options.clip!.x - 1 || item.box.x + item.box.w > options.clip!.x + options.clip!.w + 1,
        )
      )
        continue;
      const edge = left ? Math.max(...side.map((s) => s.box.x + s.box.w)) : Math.min(...side.map((s) => s.box.x));
      // What lies beside the side column starts (ends) where the row's other columns do, or further in.
      const from = left ? Math.min(...rest.map((r) => r.box.x)) : Math.max(...rest.map((r) => r.box.x + r.box.w));
      const beside = (item: Item): boolean =>
        left ? item.box.x >= Math.max(edge, from - ALIGNED) : item.box.x + item.box.w <= Math.min(edge, from + ALIGNED);
      let end = i + 1;
      while (end < rows.length && rows[end]!.every(beside) && top(rows[end]!) - bottom(rows[end - 1]!) <= SIDE_ROW_GAP)
        end++;
      if (end === i + 1) continue;
      const main = [...rest, ...rows.slice(i + 1, end).flat()];
      const parts = [xyCut(side, options), xyCut(main, options)];
      const members = [...side, ...main];
      const box = union(members.map((m) => m.box));
      const block: Built = {
        box,
        index: Math.min(...members.map((m) => m.index)),
        cut: { kind: "flow", dir: "row", parts: left ? parts : parts.reverse(), box },
      };
      return [...rows.slice(0, i).flat(), block, ...rows.slice(end).flat()];
    }
  }
  return undefined;
}

const top = (band: Item[]): number => Math.min(...band.map((i) => i.box.y));
const bottom = (band: Item[]): number => Math.max(...band.map((i) => i.box.y + i.box.h));

/** Two rows split into the same number (2 or more) of columns, each over the other's and no other. */
function sameColumns(a: Item[][], b: Item[][]): boolean {
  if (a.length < 2 || a.length !== b.length) return false;
  const range = (band: Item[]) =>
    [Math.min(...band.map((i) => i.box.x)), Math.max(...band.map((i) => i.box.x + i.box.w))] as const;
  const ra = a.map(range);
  const rb = b.map(range);
  const overlaps = (p: readonly [number, number], q: readonly [number, number]): boolean => p[0] < q[1] && q[0] < p[1];
  return ra.every((r, i) => overlaps(r, rb[i]!) && rb.every((o, j) => j === i || !overlaps(r, o)));
}

/** The period (2 or more) with which the rows' heights repeat (within 10 %), or 0. */
function repeating(rows: Item[][]): number {
  const sizes = rows.map(
    (band) => Math.max(...band.map((i) => i.box.y + i.box.h)) - Math.min(...band.map((i) => i.box.y)),
  );
  for (let period = 2; period * 2 <= sizes.length; period++) {
    if (sizes.every((v, i) => i < period || Math.abs(v - sizes[i - period]!) <= 0.1 * Math.max(v, sizes[i - period]!)))
      return period;
  }
  return 0;
}

/** Consecutive runs of `size` rows, each as one group. */
function chunks(rows: Item[][], size: number): Item[][] {
  const out: Item[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size).flat());
  return out;
}

/** Bands of the same size along `axis`: each at least `share` of the largest (10 % apart by default). */
function alike(list: Item[][], axis: Axis, share = 0.9): boolean {
  const sizes = list.map(
    (band) => Math.max(...band.map((i) => end(i.box, axis))) - Math.min(...band.map((i) => start(i.box, axis))),
  );
  const largest = Math.max(...sizes);
  return largest > 0 && sizes.every((v) => v >= share * largest);
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
    const members = items.filter(
      (i) =>
        i !== base &&
        i.index > base.index &&
        i.box.w * i.box.h < base.box.w * base.box.h &&
        shareOn(clipX(i.box, options.clip), holder) >= ON_BASE,
    );
    if (members.length === 0) continue;
    const rest = items.filter((i) => i !== base && !members.includes(i));
    // The members' layout inside the base; the stack keeps the base's box (what reaches past it is theirs).
    const cut: Cut = { kind: "stack", base, inner: xyCut(members, options), box: base.box };
    const stacked: Built = { box: base.box, index: base.index, cut };
    return [...rest, stacked];
  }
  return undefined;
}
