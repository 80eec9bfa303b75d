/**
 * An element's children as the format pass lays them out (Biome's JSX child list, prettier's printJsxChildren):
 * the source the emitter would otherwise write (markup.ts printJsx: text and props run together, `<br />` for a
 * line break, any other child on a line of its own) is split into words, line breaks and other children, and each
 * pair gets the formatter's separator: a space or a line between words, a soft or hard line at a text's end, a hard
 * line between two tags. Whitespace the formatter would print as `{" "}` and blank lines throw unprintable().
 */
import { type Doc, hardline, line, softline, unprintable } from "../doc-printer.js";

/** A child that is not text: an element or an expression (`{label}`, `{"…"}`, `{show && (…)}`). */
export interface NonText {
  doc: Doc;
  /** `<br />`, `<img … />`, `<Icon />`: a tag without a closing tag. */
  selfClosing: boolean;
  /** A tag (element or self-closing), not an expression. */
  tag: boolean;
}

/** A piece of the source: raw JSX text (its whitespace as written) or another child. */
export type Piece = string | NonText;

type Token = { k: "word"; text: string } | { k: "newline" } | { k: "nonText"; child: NonText };

/** JSX's whitespace: space, line feed, tab, carriage return. */
const isJsxSpace = (code: number): boolean => code === 32 || code === 10 || code === 9 || code === 13;

const NEWLINE: Token = { k: "newline" };

/** Biome's jsx_split_children on the pieces (adjacent texts are one JSX text). */
function tokens(pieces: Piece[]): Token[] {
  const merged: Piece[] = [];
  for (const p of pieces) {
    const last = merged[merged.length - 1];
    if (typeof p === "string" && typeof last === "string") merged[merged.length - 1] = last + p;
    else if (p !== "") merged.push(p);
  }
  const out: Token[] = [];
  const entry = (t: Token): void => {
    const last = out[out.length - 1];
    if (last?.k === "newline" && t.k === "newline") return;
    out.push(t);
  };
  for (const p of merged) {
    if (typeof p !== "string") {
      entry({ k: "nonText", child: p });
      continue;
    }
    // Whitespace and words alternating, read in place (no list of the pieces); whitespace that is not a line break
    // (the formatter's `{" "}`) or holds a blank line is not something the emitters write between children.
    const end = p.length;
    for (let at = 0; at < end; ) {
      const space = isJsxSpace(p.charCodeAt(at));
      let to = at + 1;
      while (to < end && isJsxSpace(p.charCodeAt(to)) === space) to++;
      if (!space) entry({ k: "word", text: p.slice(at, to) });
      // Between two words: only a word break.
      else if (at === 0 || to === end) {
        let breaks = 0;
        for (let i = at; i < to; i++) if (p.charCodeAt(i) === 10) breaks++;
        if (breaks !== 1) throw unprintable("JSX whitespace");
        // Whitespace alone with a line break is no child at all.
        if (at !== 0 || to !== end) entry(NEWLINE);
      }
      at = to;
    }
  }
  if (out[0]?.k === "newline") out.shift();
  if (out[out.length - 1]?.k === "newline") out.pop();
  return out;
}

const single = (t: Token | undefined): boolean => t?.k === "word" && [...t.text].length === 1;
const selfClosing = (t: Token | undefined): boolean => t?.k === "nonText" && t.child.selfClosing;

export interface ChildParts {
  /** Contents and separators alternating, as the formatter's fill. */
  parts: Doc[];
  /** The formatter lays the children out on lines of their own whatever the width (a tag, a hard line, …). */
  multiline: boolean;
  /** No children that print anything. */
  empty: boolean;
}

/** The children's fill parts and whether the formatter forces them onto lines (FormatJsxChildList). */
export function childParts(pieces: Piece[], willBreak: (doc: Doc) => boolean): ChildParts {
  const list = tokens(pieces);
  const parts: Doc[] = [];
  let expressions = 0;
  let multiline = false;
  for (let i = 0; i < list.length; i++) {
    const t = list[i]!;
    const next = list[i + 1];
    if (t.k === "word") {
      parts.push(t.text);
      if (next?.k === "word") parts.push(line);
      else if (next?.k === "nonText") {
        const soft = !next.child.selfClosing || single(t);
        if (!soft) multiline = true;
        parts.push(soft ? softline : hardline);
      }
    } else if (t.k === "newline") {
      const last = list[i - 1];
      let soft: boolean;
      if (last?.k === "word") soft = !selfClosing(next) && single(last);
      else if (next?.k === "word") {
        const after = list[i + 2];
        const newlineThenTag = after?.k === "newline" && selfClosing(list[i + 3]);
        soft = !newlineThenTag && !selfClosing(after) && single(next);
      } else soft = false;
      if (!soft) multiline = true;
      parts.push(soft ? softline : hardline);
    } else {
      parts.push(t.child.doc);
      if (t.child.tag) multiline = true;
      else expressions++;
      // Asked only while it can still change the answer: it walks the child's whole document, at every depth.
      if (!multiline && willBreak(t.child.doc)) multiline = true;
      if (next?.k === "word") {
        const hard = t.child.selfClosing && !single(next);
        if (hard) multiline = true;
        parts.push(hard ? hardline : softline);
      } else if (next?.k === "nonText") {
        multiline = true;
        parts.push(hardline);
      }
    }
  }
  if (expressions > 1) multiline = true;
  return { parts, multiline, empty: list.length === 0 };
}
