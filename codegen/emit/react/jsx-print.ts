/**
 * The React markup printed straight as text where its layout is known without a document: an element whose children
 * are all tags (or two expressions and more) is laid out on lines of their own whatever the width, and an opening tag
 * of plain attributes is one line if it fits, else one attribute a line. The text is the doc printer's (jsx-doc.ts,
 * doc-printer.ts) character for character: a child on a line of its own prints as the printer prints it there (the
 * line break after it ends every measure), so the rest goes to the printer child by child, never the whole tree.
 */
import { printDoc, textWidth, unprintable } from "../doc-printer.js";
import { attr, jsxDoc, opening, svgFrames, useAttrs, type Attr, type SvgFrame } from "./jsx-doc.js";
import { elementAttrs, jsxText, VOID, type MarkupStyle } from "../markup.js";
import type { VNode } from "../vnode.js";
import { PRINT_WIDTH } from "../../format/languages.js";

type Element = Extract<VNode, { type: "element" }>;

/** A line break and `n` spaces. */
const NEWLINES: string[] = [];
const newline = (n: number): string => (NEWLINES[n] ??= "\n" + " ".repeat(n));

/**
 * Whether the formatter puts `node`'s children on lines of their own whatever the width (jsx-children.ts: a tag
 * child, or more than one expression, and nothing but such children: no text between them).
 */
export function stacksChildren(node: VNode): boolean {
  if (node.type !== "element" || node.svgMarkup !== undefined || VOID.has(node.tag)) return false;
  let tags = 0;
  for (const child of node.children) {
    if (child.type === "element" || child.type === "use") tags++;
    else if (child.type !== "if") return false;
  }
  return tags > 0 || node.children.length > 1;
}

/**
 * An opening tag at column `at` as the printer lays out its group: on one line if it fits with `tail`, what follows
 * it on its line (the line break after them ends the measure), else each attribute on a line of its own; then `tail`.
 * Attributes other than plain text go to the printer.
 */
function openingText(tag: string, attrs: Attr[], selfClosing: boolean, at: number, tail = ""): string {
  const end = selfClosing ? " />" : ">";
  let flat = `<${tag}`;
  let width = textWidth(flat) + end.length + textWidth(tail);
  for (const a of attrs) {
    if (typeof a.doc !== "string" && (Array.isArray(a.doc) || a.doc.k !== "rigid"))
      return printDoc(
        tail ? [opening(tag, attrs, selfClosing), tail] : opening(tag, attrs, selfClosing),
        PRINT_WIDTH,
        at,
      );
    const text = typeof a.doc === "string" ? a.doc : a.doc.text;
    width += 1 + textWidth(text);
    flat += ` ${text}`;
  }
  // One literal attribute is never broken off its tag; nor are tags that fit.
  if ((attrs.length === 1 && attrs[0]!.literal) || at + width <= PRINT_WIDTH) return flat + end + tail;
  let out = `<${tag}`;
  for (const a of attrs) {
    const text = typeof a.doc === "string" ? a.doc : (a.doc as { text: string }).text;
    // A rigid text (an expression) the formatter would break inside: the print fails, as the printer's does.
    if (!a.literal && typeof a.doc !== "string" && at + 2 + textWidth(text) > PRINT_WIDTH)
      throw unprintable("an expression overruns its line");
    out += newline(at + 2) + text;
  }
  return out + newline(at) + (selfClosing ? "/>" : ">") + tail;
}

/** An SVG element at column `at`: its children each on a line of its own, or its end right after its opening tag. */
function frameText(frame: SvgFrame, at: number): string {
  if (frame.selfClosing) return openingText(frame.tag, frame.attrs, true, at);
  const close = `</${frame.tag}>`;
  if (frame.children.length === 0) return openingText(frame.tag, frame.attrs, false, at, close);
  let out = openingText(frame.tag, frame.attrs, false, at);
  const inner = newline(at + 2);
  for (const c of frame.children) out += inner + frameText(c, at + 2);
  return out + newline(at) + close;
}

/** A text child the formatter prints as written: its words and the single spaces between them. */
const plainText = (value: string): boolean =>
  value !== "" && value !== " " && !value.includes("\n") && jsxText(value) === value;

/**
 * An element holding one plain text or one prop, with one attribute at most, on one line when it fits there (the
 * printer's flat choice); undefined where the printer's measure decides otherwise.
 */
function oneLine(node: Element, style: MarkupStyle, at: number): string | undefined {
  const only = node.children.length === 1 ? node.children[0]! : undefined;
  if (!only || (only.type !== "prop" && (only.type !== "text" || !plainText(only.value)))) return undefined;
  const attrs = elementAttrs(node, style).map(attr);
  if (attrs.length > 1) return undefined;
  const a = attrs[0]?.doc;
  if (a !== undefined && typeof a !== "string" && (Array.isArray(a) || a.k !== "rigid")) return undefined;
  const open = a === undefined ? `<${node.tag}>` : `<${node.tag} ${typeof a === "string" ? a : a.text}>`;
  const text = `${open}${only.type === "prop" ? `{${only.name}}` : only.value}</${node.tag}>`;
  return at + textWidth(text) <= PRINT_WIDTH ? text : undefined;
}

/** `node` printed at column `at` (its indent), as printDoc(jsxDoc(node)) prints it there. */
export function printJsxAt(node: VNode, style: MarkupStyle, at: number): string {
  if (node.type === "element" && node.svgMarkup !== undefined)
    return frameText(svgFrames(node.tag, elementAttrs(node, style).map(attr), node.svgMarkup, node.svgNodeIds), at);
  if (node.type === "use") return openingText(node.component, useAttrs(node, style), true, at);
  if (node.type === "element" && node.svgMarkup === undefined && (VOID.has(node.tag) || node.children.length === 0))
    return openingText(node.tag, elementAttrs(node, style).map(attr), true, at);
  if (!stacksChildren(node)) {
    const text = node.type === "element" && node.svgMarkup === undefined ? oneLine(node, style, at) : undefined;
    return text ?? printDoc(jsxDoc(node, style), PRINT_WIDTH, at);
  }
  const element = node as Element;
  let out = openingText(element.tag, elementAttrs(element, style).map(attr), false, at);
  const inner = newline(at + 2);
  for (const child of element.children) out += inner + printJsxAt(child, style, at + 2);
  return `${out}${newline(at)}</${element.tag}>`;
}
