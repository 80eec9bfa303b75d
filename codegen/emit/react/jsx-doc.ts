/**
 * The React emitter's markup as a document (doc-printer.ts) that mirrors the formatter's JSX rules for the
 * constructs the emitters write: attributes one a line when the opening tag does not fit, element children on lines
 * of their own, a lone text filled word by word, `{prop && (…)}`, inline SVG. Anything else throws unprintable() and
 * the file is left to the format pass.
 */
import {
  type Doc,
  cond,
  fill,
  group,
  hardline,
  ifBreak,
  indent,
  line,
  rigid,
  softline,
  unprintable,
  willBreak,
} from "../doc-printer.js";
import { childParts, type NonText, type Piece } from "./jsx-children.js";
import { jsStringLiteral, requoteStrings } from "./js-quotes.js";
import { elementAttrs, jsxAttr, jsxText, propAttr, VOID, type MarkupStyle } from "../markup.js";
import { svgJsxTokens } from "../svg-jsx.js";
import type { VNode } from "../vnode.js";

export interface Attr {
  doc: Doc;
  /** `name="…"`: a string literal, which the formatter never breaks. */
  literal: boolean;
}

/** A JS string literal the formatter keeps as written (double quotes, no `\"` it would swap quotes for). */
const PLAIN_STRING = /^"(?:[^"\\]|\\[^"])*"$/;

/** A name or a member of one (`styles.title`, `label`). */
const NAME_EXPR = /^[\w$.]+$/;

/** The onKeyDown handler nav-menu.ts writes: its block laid out as the formatter does. */
const ESCAPE_HANDLER = /^\(event\) => \{ if \(([^()]+)\) \{ ([^;{}]+); ([^;{}]+); \} \}$/;

/** A component root's classes merged with its `className` prop (emit.ts). */
const MERGED_CLASS = /^\[(styles\.[\w$]+|"(?:[^"\\]|\\.)*"), className\]\.filter\(Boolean\)\.join\(" "\)$/;
/** A class chosen by state (markup.ts stateClassAttr). */
const OPERAND = String.raw`(styles\.[\w$]+|"(?:[^"\\]|\\.)*")`;
const CHOICE = new RegExp(String.raw`^([\w$]+) \? ${OPERAND} : ${OPERAND}$`);

/** `styles.x` or a plain string: an operand the formatter never breaks inside. */
const isOperand = (expr: string): boolean => /^styles\.[\w$]+$/.test(expr) || PLAIN_STRING.test(expr);

/**
 * `[a, className].filter(Boolean).join(" ")` as prettier's member chain: on one line if it fits, else the calls on
 * lines of their own (and the array broken too if its line does not fit).
 */
function mergedClass(first: string): Doc {
  const array = group(["[", indent([softline, first, ",", line, "className"]), ifBreak(","), softline, "]"]);
  return cond(
    [array, '.filter(Boolean).join(" ")'],
    [array, indent([hardline, ".filter(Boolean)", hardline, '.join(" ")'])],
  );
}

export function attr(text: string): Attr {
  const eq = text.indexOf("=");
  if (eq < 0) return { doc: text, literal: false };
  const value = text.slice(eq + 1);
  if (value.startsWith('"')) {
    if (value.includes("\n")) throw unprintable("multi-line attribute");
    return { doc: text, literal: true };
  }
  const expr = value.slice(1, -1);
  // The common case, `{styles.x}` or `{label}`: no string, no handler, no merged or chosen class.
  if (NAME_EXPR.test(expr)) return { doc: rigid(text), literal: false };
  const handler = ESCAPE_HANDLER.exec(expr);
  if (handler) {
    const block = indent([hardline, handler[2]!, ";", hardline, handler[3]!, ";"]);
    const body = ["if (", rigid(handler[1]!), ") {", block, hardline, "}"];
    return { doc: [`${text.slice(0, eq)}={(event) => {`, indent([hardline, body]), hardline, "}}"], literal: false };
  }
  const name = text.slice(0, eq);
  const merged = MERGED_CLASS.exec(expr);
  if (merged && isOperand(merged[1]!)) return { doc: [`${name}={`, mergedClass(merged[1]!), "}"], literal: false };
  const choice = CHOICE.exec(expr);
  if (choice && isOperand(choice[2]!) && isOperand(choice[3]!)) {
    const conditional = group([choice[1]!, indent([line, "? ", choice[2]!, line, ": ", choice[3]!])]);
    return { doc: [`${name}=`, group(["{", indent([softline, conditional]), softline, "}"])], literal: false };
  }
  const plain = (expr.match(/"(?:[^"\\]|\\.)*"/g) ?? []).every((s) => PLAIN_STRING.test(s));
  if (plain) return { doc: rigid(text), literal: false };
  // Strings the formatter writes in single quotes, in an expression with no template or regex literal to misread.
  if (merged || choice || /[`/]/.test(expr.replace(/"(?:[^"\\]|\\.)*"/g, '""'))) throw unprintable("quotes");
  return { doc: rigid(`${name}={${requoteStrings(expr)}}`), literal: false };
}

export function opening(tag: string, attrs: Attr[], selfClosing: boolean): Doc {
  const end = selfClosing ? " />" : ">";
  if (attrs.length === 0) return `<${tag}${end}`;
  if (attrs.length === 1 && attrs[0]!.literal) return group([`<${tag} `, attrs[0]!.doc, end]);
  return group([`<${tag}`, indent(attrs.map((a) => [line, a.doc])), selfClosing ? [line, "/>"] : [softline, ">"]]);
}

/** An element with children, as prettier's printJsxElement: forced onto lines, or on one line if it fits. */
function element(open: Doc, close: string, children: Doc[], forced: boolean): Doc {
  const broken = group([open, indent([hardline, fill(children)]), hardline, close]);
  return forced ? broken : cond(group([open, ...children, close]), broken);
}

/** Element and expression children, each on its own line. */
function stacked(children: Doc[]): Doc[] {
  return children.flatMap((c, i) => (i === 0 ? [c] : [hardline, c]));
}

/** A string as a JSX child: `{"…"}`, broken inside its braces if too long. */
function stringChild(literal: string): Doc {
  return group(["{", indent([softline, jsStringLiteral(literal)]), softline, "}"]);
}

const BR: NonText = { doc: "<br />", selfClosing: true, tag: true };

/** A text child's source as printJsx writes it: its lines' JSX text (or string expressions) joined by `<br />`. */
function textPieces(value: string): Piece[] {
  return value.split("\n").flatMap((lineText, i): Piece[] => {
    const text = jsxText(lineText);
    // The formatter reads `{" "}` as JSX whitespace, which it lays out by rules of its own.
    if (text === '{" "}') throw unprintable("JSX whitespace");
    const piece: Piece = text.startsWith("{")
      ? { doc: stringChild(text.slice(1, -1)), selfClosing: false, tag: false }
      : text;
    return i === 0 ? [piece] : [BR, piece];
  });
}

/** A child other than text as a piece of the children's source. */
function childPiece(child: VNode, style: MarkupStyle): Piece {
  if (child.type === "prop")
    return { doc: group(["{", indent([softline, child.name]), softline, "}"]), selfClosing: false, tag: false };
  const selfClosing =
    child.type === "use" ||
    (child.type === "element" && child.svgMarkup === undefined && (VOID.has(child.tag) || child.children.length === 0));
  return { doc: jsxDoc(child, style), selfClosing, tag: child.type !== "if" };
}

/**
 * The children's source as printJsx writes it: text and props run together when there are only those; else each
 * child on a line of its own.
 */
function childPieces(children: VNode[], style: MarkupStyle): Piece[] {
  if (children.every((c) => c.type === "text" || c.type === "prop"))
    return children.flatMap((c) => (c.type === "text" ? textPieces(c.value) : [childPiece(c, style)]));
  return children.flatMap((c, i) => {
    const pieces = c.type === "text" ? textPieces(c.value) : [childPiece(c, style)];
    return i === 0 ? pieces : ["\n", ...pieces];
  });
}

/** An element of inline SVG markup: its attributes and its children; a self-closing tag has no children, no end. */
export interface SvgFrame {
  tag: string;
  attrs: Attr[];
  children: SvgFrame[];
  selfClosing?: true;
}

/** Inline SVG markup as a tree of its elements under `tag`; throws unprintable() for text in it, or unbalanced tags. */
export function svgFrames(
  tag: string,
  open: Attr[],
  markup: string,
  nodeIds: Record<string, string> | undefined,
): SvgFrame {
  const root: SvgFrame = { tag, attrs: open, children: [] };
  const stack: SvgFrame[] = [root];
  for (const token of svgJsxTokens(markup, nodeIds)) {
    const top = stack[stack.length - 1]!;
    if (token.kind === "text") {
      if (token.text.trim() !== "" || !token.text.includes("\n")) throw unprintable("text in SVG");
    } else if (token.kind === "open") {
      const attrs = token.attrs.map(attr);
      if (token.selfClosing) top.children.push({ tag: token.tag, attrs, children: [], selfClosing: true });
      else stack.push({ tag: token.tag, attrs, children: [] });
    } else {
      const done = stack.pop();
      if (!done || done.tag !== token.tag || stack.length === 0) throw unprintable("unbalanced SVG");
      stack[stack.length - 1]!.children.push(done);
    }
  }
  if (stack.length !== 1) throw unprintable("unbalanced SVG");
  return root;
}

function frameDoc(frame: SvgFrame): Doc {
  if (frame.selfClosing) return opening(frame.tag, frame.attrs, true);
  const open = opening(frame.tag, frame.attrs, false);
  if (frame.children.length === 0) return [open, `</${frame.tag}>`];
  return element(open, `</${frame.tag}>`, stacked(frame.children.map(frameDoc)), true);
}

/** A component use's attributes: its class, its id, its props. */
export function useAttrs(node: Extract<VNode, { type: "use" }>, style: MarkupStyle): Attr[] {
  const attrs = [
    style.classAttr(node.cls, false),
    node.nodeId !== undefined ? jsxAttr("data-node-id", node.nodeId) : undefined,
    ...node.props.map(([k, v]) => (typeof v === "boolean" ? `${k}={${v}}` : propAttr(k, v))),
  ].filter((a): a is string => a !== undefined && a !== "");
  return attrs.map(attr);
}

/** The document of a markup tree; throws unprintable() for a construct the printer does not vouch for. */
export function jsxDoc(node: VNode, style: MarkupStyle): Doc {
  switch (node.type) {
    case "text":
    case "prop":
      throw unprintable("text outside an element");
    case "mapped":
      throw unprintable("mapped component");
    case "if": {
      const child = jsxDoc(node.child, style);
      return group([
        "{",
        node.prop,
        " && ",
        group([ifBreak("("), indent([softline, child]), softline, ifBreak(")")]),
        "}",
      ]);
    }
    case "use":
      return opening(node.component, useAttrs(node, style), true);
    case "element": {
      const attrs = elementAttrs(node, style).map(attr);
      if (node.svgMarkup !== undefined) return frameDoc(svgFrames(node.tag, attrs, node.svgMarkup, node.svgNodeIds));
      if (VOID.has(node.tag) || node.children.length === 0) return opening(node.tag, attrs, true);
      const open = opening(node.tag, attrs, false);
      const close = `</${node.tag}>`;
      const only = node.children.length === 1 ? node.children[0]! : undefined;
      if (only?.type === "text" && only.value === " " && attrs.length < 2 && !willBreak(open))
        // A lone space: ` ` between the tags on one line, `{" "}` on its own line when they break.
        return cond(group([open, " ", close]), group([open, indent([hardline, '{" "}']), hardline, close]));
      const children = childParts(childPieces(node.children, style), willBreak);
      if (children.empty) return [open, close];
      // Biome lays the children out on lines with more than one attribute, or an opening tag that breaks.
      return element(open, close, children.parts, children.multiline || attrs.length > 1 || willBreak(open));
    }
  }
}
