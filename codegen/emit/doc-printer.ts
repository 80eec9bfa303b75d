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
export const fill = (parts: Doc[]): Fill => ({ k: "fill", parts });
export const rigid = (text: string): Rigid => ({ k: "rigid", text });

/**
 * Thrown where the printer cannot vouch for the formatter's layout (an internal FigmentError of reason
 * "unprintable": the file goes to the format pass, never to the user).
 */
export function unprintable(why: string): FigmentError {
  return new FigmentError("internal", why, { reason: "unprintable" });
}

export const isUnprintable = (error: unknown): boolean => isFigmentError(error) && error.reason === "unprintable";

/**
 * Display width as prettier and Biome count it; throws unprintable() for characters whose width the two might count
 * differently (wide East Asian, emoji): the file is then left to the formatter.
 */
export function textWidth(text: string): number {
  if (/^[\u0000-\u02ff]*$/.test(text)) return text.length;
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0x300 && cp <= 0x36f) continue;
    if (cp < 0x1100 || (cp >= 0x2000 && cp <= 0x22ff)) width++;
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
      return doc.parts.some(willBreak);
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
      for (const d of doc.parts) if (propagate(d)) hard = true;
      return hard;
    }
    case "rigid":
      return false;
  }
}

const FLAT = 0;
const BREAK = 1;
type Mode = typeof FLAT | typeof BREAK;
type Cmd = [indent: number, mode: Mode, doc: Doc];

function fits(next: Cmd, rest: Cmd[], widthLeft: number, mustBeFlat: boolean): boolean {
  let width = widthLeft;
  let restIdx = rest.length;
  const cmds: [Mode, Doc][] = [[next[1], next[2]]];
  while (width >= 0) {
    if (cmds.length === 0) {
      if (restIdx === 0) return true;
      const r = rest[--restIdx]!;
      cmds.push([r[1], r[2]]);
      continue;
    }
    const [mode, doc] = cmds.pop()!;
    if (typeof doc === "string") {
      width -= textWidth(doc);
      continue;
    }
    if (Array.isArray(doc)) {
      for (let i = doc.length - 1; i >= 0; i--) cmds.push([mode, doc[i]!]);
      continue;
    }
    switch (doc.k) {
      case "rigid":
        width -= textWidth(doc.text);
        break;
      case "indent":
        cmds.push([mode, doc.c]);
        break;
      case "group": {
        if (mustBeFlat && doc.brk) return false;
        cmds.push([doc.brk ? BREAK : mode, doc.c]);
        break;
      }
      case "cond":
        cmds.push([mode, mode === BREAK ? doc.broken : doc.flat]);
        break;
      case "ifBreak":
        cmds.push([mode, mode === BREAK ? doc.b : doc.f]);
        break;
      case "fill":
        for (let i = doc.parts.length - 1; i >= 0; i--) cmds.push([mode, doc.parts[i]!]);
        break;
      case "line":
        if (mode === BREAK || doc.hard) return true;
        if (!doc.soft) width--;
        break;
    }
  }
  return false;
}

/** The document as text at `width` columns, or throws unprintable() where a rigid text overruns its line. */
export function printDoc(doc: Doc, width: number): string {
  propagate(doc);
  const out: string[] = [];
  let pos = 0;
  let remeasure = false;
  const cmds: Cmd[] = [[0, BREAK, doc]];
  while (cmds.length > 0) {
    const [ind, mode, d] = cmds.pop()!;
    if (typeof d === "string") {
      out.push(d);
      pos += textWidth(d);
      continue;
    }
    if (Array.isArray(d)) {
      for (let i = d.length - 1; i >= 0; i--) cmds.push([ind, mode, d[i]!]);
      continue;
    }
    switch (d.k) {
      case "rigid":
        out.push(d.text);
        pos += textWidth(d.text);
        if (pos > width) throw unprintable("an expression overruns its line");
        break;
      case "indent":
        cmds.push([ind + 2, mode, d.c]);
        break;
      case "group":
        if (mode === FLAT && !remeasure) {
          cmds.push([ind, d.brk ? BREAK : FLAT, d.c]);
          break;
        }
        remeasure = false;
        {
          const next: Cmd = [ind, FLAT, d.c];
          cmds.push(!d.brk && fits(next, cmds, width - pos, false) ? next : [ind, BREAK, d.c]);
        }
        break;
      case "cond": {
        if (mode === FLAT && !remeasure) {
          cmds.push([ind, FLAT, d.flat]);
          break;
        }
        remeasure = false;
        const flat: Cmd = [ind, FLAT, d.flat];
        if (fits(flat, cmds, width - pos, false)) cmds.push(flat);
        else {
          const broken: Cmd = [ind, FLAT, d.broken];
          cmds.push(fits(broken, cmds, width - pos, false) ? broken : [ind, BREAK, d.broken]);
        }
        break;
      }
      case "ifBreak":
        cmds.push([ind, mode, mode === BREAK ? d.b : d.f]);
        break;
      case "fill":
        printFill(d.parts, 0, ind, mode, cmds, width - pos);
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
        while (out.length > 0 && / +$/.test(out[out.length - 1]!)) {
          const last = out.pop()!.replace(/ +$/, "");
          if (last) {
            out.push(last);
            break;
          }
        }
        out.push("\n" + " ".repeat(ind));
        pos = ind;
        break;
    }
  }
  return out.join("");
}

/** prettier's fill: each content flat if it fits, each separator flat if the next content fits after it. */
function printFill(parts: Doc[], at: number, ind: number, mode: Mode, cmds: Cmd[], rem: number): void {
  const left = parts.length - at;
  if (left <= 0) return;
  const content = parts[at]!;
  const contentFits = fits([ind, FLAT, content], [], rem, true);
  if (left === 1) {
    cmds.push([ind, contentFits ? FLAT : BREAK, content]);
    return;
  }
  const whitespace = parts[at + 1]!;
  if (left === 2) {
    cmds.push([ind, contentFits ? FLAT : BREAK, whitespace], [ind, contentFits ? FLAT : BREAK, content]);
    return;
  }
  const remaining: Cmd = [ind, mode, { k: "fill", parts: parts.slice(at + 2) }];
  const bothFit = fits([ind, FLAT, [content, whitespace, parts[at + 2]!]], [], rem, true);
  if (bothFit) cmds.push(remaining, [ind, FLAT, whitespace], [ind, FLAT, content]);
  else if (contentFits) cmds.push(remaining, [ind, BREAK, whitespace], [ind, FLAT, content]);
  else cmds.push(remaining, [ind, BREAK, whitespace], [ind, BREAK, content]);
}
