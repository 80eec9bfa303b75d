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
} from "./doc-printer.js";
import { elementAttrs, jsxAttr, jsxText, propAttr, VOID, type MarkupStyle } from "./markup.js";
import { svgJsxTokens } from "./svg-jsx.js";
import type { VNode } from "./vnode.js";

interface Attr {
  doc: Doc;
  /** `name="…"`: a string literal, which the formatter never breaks. */
  literal: boolean;
}

/** A JS string literal the formatter keeps as written (double quotes, no `\"` it would swap quotes for). */
const PLAIN_STRING = /^"(?:[^"\\]|\\[^"])*"$/;

/** The onKeyDown handler nav-menu.ts writes: its block laid out as the formatter does. */
const ESCAPE_HANDLER = /^\(event\) => \{ if \(([^()]+)\) \{ ([^;{}]+); ([^;{}]+); \} \}$/;

/** A component root's classes merged with its `className` prop (react.ts). */
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

function attr(text: string): Attr {
  const eq = text.indexOf("=");
  if (eq < 0) return { doc: text, literal: false };
  const value = text.slice(eq + 1);
  if (value.startsWith('"')) {
    if (value.includes("\n")) throw unprintable("multi-line attribute");
    return { doc: text, literal: true };
  }
  const expr = value.slice(1, -1);
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
  for (const s of expr.match(/"(?:[^"\\]|\\.)*"/g) ?? []) if (!PLAIN_STRING.test(s)) throw unprintable("quotes");
  return { doc: rigid(text), literal: false };
}

function opening(tag: string, attrs: Attr[], selfClosing: boolean): Doc {
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

/** A text child as JSX: its words (a fill), or a string expression. */
function textChild(value: string): { parts: Doc[]; expression: boolean } {
  if (value.includes("\n")) throw unprintable("line breaks in text");
  const text = jsxText(value);
  if (text.startsWith("{")) {
    const literal = text.slice(1, -1);
    if (!PLAIN_STRING.test(literal)) throw unprintable("quotes");
    return { parts: [group(["{", indent([softline, literal]), softline, "}"])], expression: true };
  }
  const words = text.split(" ");
  return { parts: words.flatMap((w, i) => (i === 0 ? [w] : [line, w])), expression: false };
}

function svgDoc(tag: string, open: Attr[], markup: string, nodeIds: Record<string, string> | undefined): Doc {
  interface Frame {
    tag: string;
    attrs: Attr[];
    children: Doc[];
  }
  const root: Frame = { tag, attrs: open, children: [] };
  const stack: Frame[] = [root];
  for (const token of svgJsxTokens(markup, nodeIds)) {
    const top = stack[stack.length - 1]!;
    if (token.kind === "text") {
      if (token.text.trim() !== "" || !token.text.includes("\n")) throw unprintable("text in SVG");
    } else if (token.kind === "open") {
      const attrs = token.attrs.map(attr);
      if (token.selfClosing) top.children.push(opening(token.tag, attrs, true));
      else stack.push({ tag: token.tag, attrs, children: [] });
    } else {
      const done = stack.pop();
      if (!done || done.tag !== token.tag || stack.length === 0) throw unprintable("unbalanced SVG");
      stack[stack.length - 1]!.children.push(frameDoc(done));
    }
  }
  if (stack.length !== 1) throw unprintable("unbalanced SVG");
  return frameDoc(root);
}

function frameDoc(frame: { tag: string; attrs: Attr[]; children: Doc[] }): Doc {
  const open = opening(frame.tag, frame.attrs, false);
  if (frame.children.length === 0) return [open, `</${frame.tag}>`];
  return element(open, `</${frame.tag}>`, stacked(frame.children), true);
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
    case "use": {
      const attrs = [
        style.classAttr(node.cls, false),
        node.nodeId !== undefined ? jsxAttr("data-node-id", node.nodeId) : undefined,
        ...node.props.map(([k, v]) => (typeof v === "boolean" ? `${k}={${v}}` : propAttr(k, v))),
      ].filter((a): a is string => a !== undefined && a !== "");
      return opening(node.component, attrs.map(attr), true);
    }
    case "element": {
      const attrs = elementAttrs(node, style).map(attr);
      if (node.svgMarkup !== undefined) return svgDoc(node.tag, attrs, node.svgMarkup, node.svgNodeIds);
      if (VOID.has(node.tag) || node.children.length === 0) return opening(node.tag, attrs, true);
      const open = opening(node.tag, attrs, false);
      const close = `</${node.tag}>`;
      const texts = node.children.filter((c) => c.type === "text" || c.type === "prop");
      if (texts.length === 0) return element(open, close, stacked(node.children.map((c) => jsxDoc(c, style))), true);
      if (node.children.length !== 1) throw unprintable("mixed children");
      const only = node.children[0]!;
      if (only.type === "prop")
        return element(open, close, [group(["{", indent([softline, only.name]), softline, "}"])], attrs.length > 1);
      if (only.type !== "text") throw unprintable("child");
      if (only.value === "") return [open, close];
      const text = textChild(only.value);
      return element(open, close, text.parts, attrs.length > 1);
    }
  }
}
