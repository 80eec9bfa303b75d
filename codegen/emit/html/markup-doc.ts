/**
 * The document printer of the format pass's HTML formatter (markup_fmt, which prints with the tiny_pretty crate, not
 * in prettier's manner): a group is flat when it and what follows it up to the next line break fit; a break inside a
 * broken group ends that look-ahead. print.ts builds markup_fmt's documents for the emitters' pages and prints
 * them here, so that the pages come out as the format pass would write them.
 */
import { textWidth } from "../doc-printer.js";

export type MDoc = string | MDoc[] | MGroup | MNest | MAlt | MBreak | MNewLine | MEmptyLine;

interface MGroup {
  k: "group";
  c: MDoc[];
}
interface MNest {
  k: "nest";
  c: MDoc;
}
/** One document flat, another broken (tiny_pretty's flat_or_break). */
interface MAlt {
  k: "alt";
  flat: MDoc;
  broken: MDoc;
}
/** A space (or nothing) when flat, a line break when broken. */
interface MBreak {
  k: "break";
  spaces: number;
}
interface MNewLine {
  k: "newline";
}
/** A line break without indentation (a blank line before the next hard line). */
interface MEmptyLine {
  k: "empty";
}

export const hardLine: MNewLine = { k: "newline" };
export const emptyLine: MEmptyLine = { k: "empty" };
export const lineOrSpace: MBreak = { k: "break", spaces: 1 };
export const lineOrNil: MBreak = { k: "break", spaces: 0 };
export const mgroup = (c: MDoc[]): MGroup => ({ k: "group", c });
/** tiny_pretty's soft_line: a space that breaks on its own when what follows does not fit. */
export const softLine: MGroup = mgroup([lineOrSpace]);
export const nest = (c: MDoc): MNest => ({ k: "nest", c });
export const alt = (flat: MDoc, broken: MDoc): MAlt => ({ k: "alt", flat, broken });

const FLAT = 0;
const BREAK = 1;
type Mode = typeof FLAT | typeof BREAK;
type Action = [indent: number, mode: Mode, doc: MDoc];

/** tiny_pretty's `fitting`: the group flat, then what follows in its own modes, up to the first line break. */
function fitting(group: MDoc[], indent: number, rest: Action[], cols: number, width: number): boolean {
  const actions: Action[] = [];
  for (let i = group.length - 1; i >= 0; i--) actions.push([indent, FLAT, group[i]!]);
  let restIdx = rest.length;
  for (;;) {
    let action = actions.pop();
    if (action === undefined) {
      if (restIdx === 0) return true;
      action = rest[--restIdx]!;
    }
    const [ind, mode, doc] = action;
    if (typeof doc === "string") cols += textWidth(doc);
    else if (Array.isArray(doc)) for (let i = doc.length - 1; i >= 0; i--) actions.push([ind, mode, doc[i]!]);
    else
      switch (doc.k) {
        case "group":
          for (let i = doc.c.length - 1; i >= 0; i--) actions.push([ind, mode, doc.c[i]!]);
          break;
        case "nest":
          actions.push([ind + 2, mode, doc.c]);
          break;
        case "alt":
          actions.push([ind, mode, mode === FLAT ? doc.flat : doc.broken]);
          break;
        case "break":
          if (mode === BREAK) return true;
          cols += doc.spaces;
          break;
        case "newline":
          return mode === BREAK;
        case "empty":
          break;
      }
    if (cols > width) return false;
  }
}

/** The document as markup_fmt prints it at `width` columns, two-space indents. */
export function printMarkupDoc(doc: MDoc, width: number): string {
  const out: string[] = [];
  let cols = 0;
  const actions: Action[] = [[0, BREAK, doc]];
  while (actions.length > 0) {
    const [indent, mode, d] = actions.pop()!;
    if (typeof d === "string") {
      cols += textWidth(d);
      out.push(d);
      continue;
    }
    if (Array.isArray(d)) {
      for (let i = d.length - 1; i >= 0; i--) actions.push([indent, mode, d[i]!]);
      continue;
    }
    switch (d.k) {
      case "alt":
        actions.push([indent, mode, mode === FLAT ? d.flat : d.broken]);
        break;
      case "nest":
        actions.push([indent + 2, mode, d.c]);
        break;
      case "newline":
        cols = indent;
        out.push("\n" + " ".repeat(indent));
        break;
      case "empty":
        out.push("\n");
        break;
      case "break":
        if (mode === FLAT) {
          cols += d.spaces;
          out.push(" ".repeat(d.spaces));
        } else {
          cols = indent;
          out.push("\n" + " ".repeat(indent));
        }
        break;
      case "group": {
        const m: Mode = mode === FLAT || fitting(d.c, indent, actions, cols, width) ? FLAT : BREAK;
        for (let i = d.c.length - 1; i >= 0; i--) actions.push([indent, m, d.c[i]!]);
        break;
      }
    }
  }
  return out.join("");
}
