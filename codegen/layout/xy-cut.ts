/**
 * Recursive XY-cut: boxes → a tree of rows, columns and layered stacks. Split by horizontal whitespace
 * bands into rows (a column flow); a single band is split by vertical bands into columns (a row flow).
 * Boxes that no whitespace separates are a stack when one of them, drawn below the rest, holds them all (a
 * card's background under its text); otherwise the cut is unsure and they stay layered as drawn ("loose").
 */
import { bands, contains, union, type Box, type Item } from "./boxes.js";

export type Cut =
  | { kind: "item"; item: Item; box: Box }
  | { kind: "flow"; dir: "row" | "column"; parts: Cut[]; box: Box }
  | { kind: "stack"; base: Item; inner: Cut | undefined; box: Box }
  | { kind: "loose"; items: Item[]; box: Box };

export function xyCut(items: Item[]): Cut {
  const box = union(items.map((i) => i.box));
  if (items.length === 1) return { kind: "item", item: items[0]!, box };
  const rows = bands(items, "y");
  if (rows.length > 1) return { kind: "flow", dir: "column", parts: rows.map(xyCut), box };
  const columns = bands(items, "x");
  if (columns.length > 1) return { kind: "flow", dir: "row", parts: columns.map(xyCut), box };
  const base = stackBase(items);
  if (base) {
    const rest = items.filter((i) => i !== base);
    return { kind: "stack", base, inner: rest.length > 0 ? xyCut(rest) : undefined, box: base.box };
  }
  return { kind: "loose", items: [...items].sort((a, b) => a.index - b.index), box };
}

/** The item drawn below all others that holds every other box (2 px slack), if any. */
function stackBase(items: Item[]): Item | undefined {
  const lowest = items.reduce((a, b) => (b.index < a.index ? b : a));
  return items.every((i) => i === lowest || contains(lowest.box, i.box, 2)) ? lowest : undefined;
}
