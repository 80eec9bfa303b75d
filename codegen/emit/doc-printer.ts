/**
 * A document printer in prettier's manner (Wadler's "fits" rule): the emitters build their code as a document of
 * groups, indents and lines, and it comes out as the format pass would lay it out, without parsing it again.
 * The algorithm is prettier's printDocToString for the parts the emitters use (no line suffixes, no group ids).
 */
import { FigmentError, isFigmentError } from "../../kernel/errors.js";

export type Doc = string | Doc[] | Group | Cond | Indent | Line | IfBreak | Fill | Rigid;

interface Group {
  k: "group";
  c: Doc;
  brk: boolean;
}
/** prettier's conditionalGroup([flat, broken]): `flat` on one line if it fits, else `broken`. */
interface Cond {
  k: "cond";
  flat: Doc;
  broken: Doc;
}
interface Indent {
  k: "indent";
  c: Doc;
}
interface Line {
  k: "line";
  soft: boolean;
  hard: boolean;
}
interface IfBreak {
  k: "ifBreak";
  b: Doc;
  f: Doc;
}
interface Fill {
  k: "fill";
  parts: Doc[];
  /** The first part still to print: the printer steps through a fill without copying its tail. */
  from: number;
}
/** Text the formatter would break inside were it too long: the print fails if it overruns the line. */
interface Rigid {
  k: "rigid";
  text: string;
}

export const line: Line = { k: "line", soft: false, hard: false };
export const softline: Line = { k: "line", soft: true, hard: false };
export const hardline: Line = { k: "line", soft: false, hard: true };
export const group = (c: Doc): Group => ({ k: "group", c, brk: false });
export const cond = (flat: Doc, broken: Doc): Cond => ({ k: "cond", flat, broken });
export const indent = (c: Doc): Indent => ({ k: "indent", c });
export const ifBreak = (b: Doc, f: Doc = ""): IfBreak => ({ k: "ifBreak", b, f });
export const fill = (parts: Doc[]): Fill => ({ k: "fill", parts, from: 0 });
export const rigid = (text: string): Rigid => ({ k: "rigid", text });

/**
 * Thrown where the printer cannot vouch for the formatter's layout (an internal FigmentError of reason
 * "unprintable": the file goes to the format pass, never to the user).
 */
export function unprintable(why: string): FigmentError {
  return new FigmentError("internal", why, { reason: "unprintable" });
}

export const isUnprintable = (error: unknown): boolean => isFigmentError(error) && error.reason === "unprintable";

const NOT_PRINTABLE_ASCII = /[^\x20-\x7e]/;

/**
 * Display width as the format pass's formatters count it (Biome for scripts, markup_fmt for pages: both the
 * unicode-width crate), for the characters whose width is certain: Latin, Greek, Cyrillic, common punctuation, arrows
 * and maths, box drawing, an icon font's private-use characters, each measured against the formatter
 * (text-width.test.ts). Any other character (a control, a zero-width or format character such as U+200B, wide East
 * Asian, emoji) throws unprintable() and the file is left to the formatter.
 */
export function textWidth(text: string): number {
  // Printable ASCII only, found by a regular expression: far faster than a loop over the characters (for a one-byte
  // string, at once); the loop was the printer's hottest line.
  if (!NOT_PRINTABLE_ASCII.test(text)) return text.length;
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    // Combining accents and the soft hyphen take no column.
    if ((cp >= 0x300 && cp <= 0x36f) || cp === 0xad) continue;
    if (
      (cp >= 0x20 && cp <= 0x7e) ||
      (cp >= 0xa0 && cp <= 0x2ff) ||
      (cp >= 0x370 && cp <= 0x482) ||
      (cp >= 0x48a && cp <= 0x52f) ||
      (cp >= 0x2010 && cp <= 0x2027) ||
      (cp >= 0x2030 && cp <= 0x205e) ||
      (cp >= 0x20a0 && cp <= 0x20bf) ||
      (cp >= 0x2100 && cp <= 0x214f) ||
      (cp >= 0x2190 && cp <= 0x22ff) ||
      (cp >= 0x2500 && cp <= 0x257f) ||
      (cp >= 0xe000 && cp <= 0xf8ff) ||
      cp >= 0xf0000
    )
      width++;
    else throw unprintable(`width of U+${cp.toString(16)}`);
  }
  return width;
}

/**
 * Whether the document holds a forced break (Biome's will_break, prettier's willBreak): a hard line, or a broken
 * group; of a conditional group, its flat form.
 */
export function willBreak(doc: Doc): boolean {
  if (typeof doc === "string") return false;
  if (Array.isArray(doc)) return doc.some(willBreak);
  switch (doc.k) {
    case "line":
      return doc.hard;
    case "group":
      return doc.brk || willBreak(doc.c);
    case "cond":
      return willBreak(doc.flat);
    case "indent":
      return willBreak(doc.c);
    case "ifBreak":
      return willBreak(doc.b) || willBreak(doc.f);
    case "fill":
      for (let i = doc.from; i < doc.parts.length; i++) if (willBreak(doc.parts[i]!)) return true;
      return false;
    case "rigid":
      return false;
  }
}

/** Marks every group that holds a hard line as broken (prettier's propagateBreaks); true if `doc` holds one. */
function propagate(doc: Doc): boolean {
  if (typeof doc === "string") return false;
  if (Array.isArray(doc)) {
    let hard = false;
    for (const d of doc) if (propagate(d)) hard = true;
    return hard;
  }
  switch (doc.k) {
    case "line":
      return doc.hard;
    case "group": {
      const hard = propagate(doc.c);
      if (hard) doc.brk = true;
      return hard;
    }
    case "cond": {
      // prettier does not break a conditional group from inside; its broken form holds the hard lines.
      const hard = propagate(doc.flat);
      propagate(doc.broken);
      return hard;
    }
    case "indent":
      return propagate(doc.c);
    case "ifBreak": {
      const b = propagate(doc.b);
      return propagate(doc.f) || b;
    }
    case "fill": {
      let hard = false;
      for (let i = doc.from; i < doc.parts.length; i++) if (propagate(doc.parts[i]!)) hard = true;
      return hard;
    }
    case "rigid":
      return false;
  }
}

const FLAT = 0;
const BREAK = 1;
type Mode = typeof FLAT | typeof BREAK;

/**
 * The printer's commands (indent, mode, doc) as three parallel stacks rather than a tuple each: the printer and
 * fits() push one for every doc they step into, and the tuples were the emitters' largest allocation. One set serves
 * every print (printDoc never calls itself), its arrays kept at their size: `length` is the stacks' top.
 */
class Cmds {
  readonly inds: number[] = [];
  readonly modes: Mode[] = [];
  readonly docs: Doc[] = [];
  length = 0;
  push(ind: number, mode: Mode, doc: Doc): void {
    this.inds[this.length] = ind;
    this.modes[this.length] = mode;
    this.docs[this.length++] = doc;
  }
}

const CMDS = new Cmds();

/** A line break and `n` spaces of indent, made once for each depth. */
const NEWLINES: string[] = [];
const newline = (n: number): string => (NEWLINES[n] ??= "\n" + " ".repeat(n));

const FITS_MODES: Mode[] = [];
const FITS_DOCS: Doc[] = [];

/** Whether `doc` in `mode` fits in `widthLeft`, followed by `rest` (the commands still to print, last on top). */
function fits(mode0: Mode, doc0: Doc, rest: Cmds | undefined, widthLeft: number, mustBeFlat: boolean): boolean {
  let width = widthLeft;
  let restIdx = rest?.length ?? 0;
  // One pair of stacks for every call (fits never calls itself), with their own top: emptying them (`length = 0`)
  // would drop their storage, and every call grew it again (the printer's largest allocation).
  const modes = FITS_MODES;
  const docs = FITS_DOCS;
  modes[0] = mode0;
  docs[0] = doc0;
  let top = 1;
  while (width >= 0) {
    if (top === 0) {
      if (restIdx === 0) return true;
      restIdx--;
      modes[top] = rest!.modes[restIdx]!;
      docs[top++] = rest!.docs[restIdx]!;
      continue;
    }
    const mode = modes[--top]!;
    const doc = docs[top]!;
    if (typeof doc === "string") {
      width -= textWidth(doc);
      continue;
    }
    if (Array.isArray(doc)) {
      for (let i = doc.length - 1; i >= 0; i--) {
        modes[top] = mode;
        docs[top++] = doc[i]!;
      }
      continue;
    }
    switch (doc.k) {
      case "rigid":
        width -= textWidth(doc.text);
        break;
      case "indent":
        modes[top] = mode;
        docs[top++] = doc.c;
        break;
      case "group": {
        if (mustBeFlat && doc.brk) return false;
        modes[top] = doc.brk ? BREAK : mode;
        docs[top++] = doc.c;
        break;
      }
      case "cond":
        modes[top] = mode;
        docs[top++] = mode === BREAK ? doc.broken : doc.flat;
        break;
      case "ifBreak":
        modes[top] = mode;
        docs[top++] = mode === BREAK ? doc.b : doc.f;
        break;
      case "fill":
        for (let i = doc.parts.length - 1; i >= doc.from; i--) {
          modes[top] = mode;
          docs[top++] = doc.parts[i]!;
        }
        break;
      case "line":
        if (mode === BREAK || doc.hard) return true;
        if (!doc.soft) width--;
        break;
    }
  }
  return false;
}

/**
 * The document as text at `width` columns, or throws unprintable() where a rigid text overruns its line. `start`: the
 * column it starts at, which is its indent too (a child printed on a line of its own under its parent).
 */
export function printDoc(doc: Doc, width: number, start = 0): string {
  propagate(doc);
  const out: string[] = [];
  let pos = start;
  let remeasure = false;
  const cmds = CMDS;
  cmds.length = 0;
  cmds.push(start, BREAK, doc);
  while (cmds.length > 0) {
    const top = --cmds.length;
    const ind = cmds.inds[top]!;
    const mode = cmds.modes[top]!;
    const d = cmds.docs[top]!;
    if (typeof d === "string") {
      out.push(d);
      pos += textWidth(d);
      continue;
    }
    if (Array.isArray(d)) {
      for (let i = d.length - 1; i >= 0; i--) cmds.push(ind, mode, d[i]!);
      continue;
    }
    switch (d.k) {
      case "rigid":
        out.push(d.text);
        pos += textWidth(d.text);
        if (pos > width) throw unprintable("an expression overruns its line");
        break;
      case "indent":
        cmds.push(ind + 2, mode, d.c);
        break;
      case "group":
        if (mode === FLAT && !remeasure) {
          cmds.push(ind, d.brk ? BREAK : FLAT, d.c);
          break;
        }
        remeasure = false;
        cmds.push(ind, !d.brk && fits(FLAT, d.c, cmds, width - pos, false) ? FLAT : BREAK, d.c);
        break;
      case "cond": {
        if (mode === FLAT && !remeasure) {
          cmds.push(ind, FLAT, d.flat);
          break;
        }
        remeasure = false;
        if (fits(FLAT, d.flat, cmds, width - pos, false)) cmds.push(ind, FLAT, d.flat);
        else cmds.push(ind, fits(FLAT, d.broken, cmds, width - pos, false) ? FLAT : BREAK, d.broken);
        break;
      }
      case "ifBreak":
        cmds.push(ind, mode, mode === BREAK ? d.b : d.f);
        break;
      case "fill":
        printFill(d.parts, d.from, ind, mode, cmds, width - pos);
        break;
      case "line":
        if (mode === FLAT && !d.hard) {
          if (!d.soft) {
            out.push(" ");
            pos++;
          }
          break;
        }
        if (mode === FLAT) remeasure = true;
        while (out.length > 0 && out[out.length - 1]!.endsWith(" ")) {
          const last = out.pop()!.replace(/ +$/, "");
          if (last) {
            out.push(last);
            break;
          }
        }
        out.push(newline(ind));
        pos = ind;
        break;
    }
  }
  return out.join("");
}

/** prettier's fill: each content flat if it fits, each separator flat if the next content fits after it. */
function printFill(parts: Doc[], at: number, ind: number, mode: Mode, cmds: Cmds, rem: number): void {
  const left = parts.length - at;
  if (left <= 0) return;
  const content = parts[at]!;
  const contentFits = fits(FLAT, content, undefined, rem, true);
  if (left === 1) {
    cmds.push(ind, contentFits ? FLAT : BREAK, content);
    return;
  }
  const whitespace = parts[at + 1]!;
  if (left === 2) {
    cmds.push(ind, contentFits ? FLAT : BREAK, whitespace);
    cmds.push(ind, contentFits ? FLAT : BREAK, content);
    return;
  }
  const remaining: Fill = { k: "fill", parts, from: at + 2 };
  const bothFit = fits(FLAT, [content, whitespace, parts[at + 2]!], undefined, rem, true);
  cmds.push(ind, mode, remaining);
  cmds.push(ind, bothFit ? FLAT : BREAK, whitespace);
  cmds.push(ind, bothFit || contentFits ? FLAT : BREAK, content);
}
