/**
 * An emitted HTML page printed as the format pass would print it (markup_fmt through codegen/format/web-fmt.ts, with
 * its options there: CSS whitespace sensitivity, void elements self-closed, lower-case doctype), so that the pass can
 * skip it (EmittedFiles.printed). The page is read back by a parser that knows only what the emitters write (elements
 * with quoted attributes, text, the doctype), and laid out with markup_fmt's own documents and printer
 * (markup-doc.ts). Anything else — a comment, a `style` or event attribute (the formatter formats their CSS or
 * script), raw text elements, an unknown tag, a character of uncertain width — returns undefined: the pass formats it.
 */
import { isUnprintable, unprintable } from "../doc-printer.js";
import {
  alt,
  emptyLine,
  hardLine,
  lineOrNil,
  lineOrSpace,
  mgroup,
  nest,
  printMarkupDoc,
  softLine,
  type MDoc,
} from "./markup-doc.js";
import { PRINT_WIDTH } from "../../format/languages.js";

interface Text {
  type: "text";
  raw: string;
  lineBreaks: number;
}
interface Element {
  type: "element";
  tag: string;
  attrs: [name: string, value: string | undefined, quote: string | undefined][];
  selfClosing: boolean;
  children: Node[];
}
interface Doctype {
  type: "doctype";
}
type Node = Text | Element | Doctype;

const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track"]);
VOID.add("wbr").add("param");

/** markup_fmt's tags that are not whitespace-sensitive (block-level, in CSS's terms). */
const BLOCK = new Set(
  (
    "address blockquote button caption center colgroup dialog div figure figcaption footer form select option " +
    "optgroup header hr legend listing main p plaintext pre progress search object details summary xmp area base " +
    "basefont datalist head link meta meter noembed noframes param rp title html body article aside h1 h2 h3 h4 h5 " +
    "h6 hgroup nav section table tr thead th tbody td tfoot dir dd dl dt menu ol ul li fieldset video audio picture " +
    "source track script"
  ).split(" "),
);

/** SVG tags the formatter knows (and treats as blocks): the ones the emitters write, each checked against it. */
const SVG = new Set(
  (
    "svg g rect circle ellipse line path polygon polyline defs mask clipPath linearGradient radialGradient stop " +
    "filter feFlood feBlend feColorMatrix feComposite feGaussianBlur feOffset feMorphology image use pattern"
  ).split(" "),
);

/** Inline HTML tags the emitters write (whitespace-sensitive: the formatter keeps text and them on a line). */
const INLINE = new Set("a span br img input label strong em b i s u sub sup small code time".split(" "));

const RAW_TEXT = /^(script|style|pre|textarea)$/i;

/** Whether the formatter treats the tag as inline; throws for a tag this does not know. */
function isInline(tag: string): boolean {
  if (tag === "a") return true;
  if (BLOCK.has(tag) || SVG.has(tag)) return false;
  if (INLINE.has(tag)) return true;
  throw unprintable(`tag ${tag}`);
}

const WS = /[ \t\n\f\r]/;
const isAllWs = (s: string): boolean => s !== "" && /^[ \t\n\f\r]+$/.test(s);

const TAG = /<([A-Za-z][A-Za-z0-9-]*)/y;
const ATTR = /([^\s=>/"'<]+)(?:=(?:"([^"]*)"|'([^']*)'))?(?=[ />])/y;

/** Reads the page back, as markup_fmt's parser would, for the forms the emitters write; throws for any other. */
function parse(html: string): Node[] {
  let i = 0;
  const nodes = (closing: string | undefined): Node[] => {
    const out: Node[] = [];
    while (i < html.length) {
      if (html.startsWith("</", i)) {
        if (closing === undefined) throw unprintable("stray closing tag");
        const end = `</${closing}>`;
        if (!html.startsWith(end, i)) throw unprintable("mismatched closing tag");
        i += end.length;
        return out;
      }
      if (html[i] === "<") {
        const next = html[i + 1] ?? "";
        if (next === "!") {
          if (!html.startsWith("<!doctype html>", i)) throw unprintable("comment or doctype");
          i += "<!doctype html>".length;
          out.push({ type: "doctype" });
        } else if (/[A-Za-z]/.test(next)) out.push(element());
        else throw unprintable("'<' in text");
        continue;
      }
      const start = i;
      let lineBreaks = 0;
      while (i < html.length && html[i] !== "<") {
        const c = html[i]!;
        if (c === "\n") lineBreaks++;
        else if (c < " " && c !== "\t" && c !== "\r" && c !== "\f") throw unprintable("control character");
        i++;
      }
      out.push({ type: "text", raw: html.slice(start, i), lineBreaks });
    }
    if (closing !== undefined) throw unprintable("unclosed element");
    return out;
  };
  const element = (): Element => {
    TAG.lastIndex = i;
    const name = TAG.exec(html);
    if (!name) throw unprintable("tag name");
    const tag = name[1]!;
    i += name[0].length;
    const attrs: Element["attrs"] = [];
    for (;;) {
      const c = html[i];
      if (c === " ") {
        i++;
        continue;
      }
      if (c === "/" && html[i + 1] === ">") {
        i += 2;
        return { type: "element", tag, attrs, selfClosing: true, children: [] };
      }
      if (c === ">") {
        i++;
        break;
      }
      ATTR.lastIndex = i;
      const attr = ATTR.exec(html);
      if (!attr) throw unprintable("attribute");
      const value = attr[2] ?? attr[3];
      attrs.push([attr[1]!, value, attr[2] !== undefined ? '"' : attr[3] !== undefined ? "'" : undefined]);
      i += attr[0].length;
    }
    if (VOID.has(tag.toLowerCase())) return { type: "element", tag, attrs, selfClosing: false, children: [] };
    // An empty script (`<script src>`, the prototype's) is an element like any other; raw text is not read here.
    const emptyScript = tag.toLowerCase() === "script" && html.startsWith("</script>", i);
    if (RAW_TEXT.test(tag) && !emptyScript) throw unprintable("raw text element");
    return { type: "element", tag, attrs, selfClosing: false, children: nodes(tag) };
  };
  return nodes(undefined);
}

const isTextLike = (node: Node): boolean =>
  node.type === "text" || (node.type === "element" && isInline(node.tag.toLowerCase()));

/** Attributes whose value the formatter writes as a list, its words one space apart (markup_fmt's helpers.rs). */
const LISTS = new Set([
  "class",
  ...["aria-labelledby", "aria-describedby", "aria-controls", "aria-owns", "aria-flowto"],
  ...["accesskey", "itemtype", "itemprop", "itemref"],
]);
const LISTS_ON: Record<string, readonly string[]> = {
  rel: ["form", "a", "area", "link"],
  blocking: ["link", "script", "style"],
  for: ["output"],
  headers: ["td", "th"],
  autocomplete: ["form", "input", "select", "textarea"],
  sandbox: ["iframe"],
  "accept-charset": ["form"],
  ping: ["a", "area"],
};

/** `name:value;…` with plain values, as malva writes a style attribute: `name: value; …`; else unprintable. */
function styleAttr(value: string): string {
  const decls = value.split(";").map((d) => /^(-?[a-z][a-z-]*):(var\(--[\w-]+\)|[a-z][a-z-]*|#[0-9a-f]{3,8})$/.exec(d));
  if (decls.some((d) => d === null)) throw unprintable("style attribute");
  return decls.map((d) => `${d![1]}: ${d![2]}`).join("; ");
}

function attrDoc([name, value, quote]: Element["attrs"][number], tag: string): MDoc {
  if (value === undefined) return name;
  const lower = name.toLowerCase();
  if (lower.startsWith("on") || lower === "accept") throw unprintable(`attribute ${name}`);
  if (/[\n\r]/.test(value)) throw unprintable("multi-line attribute");
  let text = value;
  if (lower === "style") text = styleAttr(value);
  else if (LISTS.has(lower) || LISTS_ON[lower]?.includes(tag))
    text = value
      .split(/[ \t\f]+/)
      .filter(Boolean)
      .join(" ");
  const single = text.includes("'");
  const double = text.includes('"');
  const q = single && double ? quote! : double ? "'" : '"';
  return [name, "=", q, text, q];
}

function textDoc(raw: string): MDoc {
  const words = raw.split(/[ \t\n\f\r]+/).filter((w) => w !== "");
  const broken: MDoc[] = [];
  words.forEach((w, k) => {
    if (k > 0) broken.push(softLine);
    broken.push(w);
  });
  return alt(words.join(" "), broken);
}

function wsCount(raw: string, fromEnd: boolean): number {
  let n = 0;
  if (fromEnd) {
    for (let k = raw.length - 1; k >= 0 && WS.test(raw[k]!); k--) if (raw[k] === "\n") n++;
  } else for (let k = 0; k < raw.length && WS.test(raw[k]!); k++) if (raw[k] === "\n") n++;
  return n;
}

const breaksDoc = (n: number): MDoc => (n === 0 ? softLine : n === 1 ? hardLine : [emptyLine, hardLine]);

function wsBefore(text: Text, isFirst: boolean): MDoc | undefined {
  const trimmed = text.raw.replace(/[ \t\n\f\r]+$/, "");
  if (isFirst || !WS.test(trimmed[0] ?? "")) return undefined;
  return breaksDoc(wsCount(text.raw, false));
}

function wsAfter(text: Text, isLast: boolean): MDoc | undefined {
  const trimmed = text.raw.replace(/^[ \t\n\f\r]+/, "");
  if (isLast || !WS.test(trimmed[trimmed.length - 1] ?? "")) return undefined;
  return breaksDoc(wsCount(text.raw, true));
}

function childrenWithLineBreaks(children: Node[]): MDoc {
  const docs: MDoc[] = [];
  let prevTextLike = true;
  children.forEach((child, i) => {
    const textLike = isTextLike(child);
    const hard = prevTextLike || textLike ? undefined : hardLine;
    if (child.type === "text") {
      const isFirst = i === 0;
      const isLast = i + 1 === children.length;
      if (isAllWs(child.raw)) {
        if (!isFirst && !isLast) {
          if (child.lineBreaks > 1) docs.push(emptyLine);
          docs.push(hardLine);
        }
      } else {
        const before = hard ?? wsBefore(child, isFirst);
        if (before) docs.push(before);
        docs.push(textDoc(child.raw));
        const after = wsAfter(child, isLast);
        if (after) docs.push(after);
      }
    } else {
      if (hard) docs.push(hard);
      docs.push(nodeDoc(child));
    }
    prevTextLike = textLike;
  });
  return mgroup(docs);
}

function childrenWithoutLineBreaks(children: Node[]): MDoc {
  const docs: MDoc[] = [];
  let prevTextLike = true;
  children.forEach((child, i) => {
    if (child.type === "text") {
      const isFirst = i === 0;
      const isLast = i + 1 === children.length;
      if (!isFirst && !isLast && isAllWs(child.raw)) {
        if (child.lineBreaks === 0) {
          const next = children[i + 1];
          docs.push(!prevTextLike && next !== undefined && !isTextLike(next) ? lineOrSpace : softLine);
        } else if (child.lineBreaks === 1) docs.push(hardLine);
        else docs.push(emptyLine, hardLine);
        prevTextLike = true;
        return;
      }
      const before = wsBefore(child, isFirst);
      if (before) docs.push(before);
      docs.push(textDoc(child.raw));
      const after = wsAfter(child, isLast);
      if (after) docs.push(after);
    } else docs.push(nodeDoc(child));
    prevTextLike = isTextLike(child);
  });
  return mgroup(docs);
}

function nodeDoc(node: Node): MDoc {
  if (node.type === "doctype") return "<!doctype html>";
  if (node.type === "text") return textDoc(node.raw);
  return elementDoc(node);
}

function elementDoc(el: Element): MDoc {
  const tag = el.tag;
  const lower = tag.toLowerCase();
  const isVoid = VOID.has(lower);
  const selfClosing = isVoid || el.selfClosing;
  const sensitive = isInline(lower);
  const children = el.children;
  const only = children.length === 1 ? children[0] : undefined;
  const isEmpty =
    children.length === 0 ||
    (only?.type === "text" && !sensitive && only.raw.replace(/^[ \t\n\f\r]+|[ \t\n\f\r]+$/g, "") === "");
  const docs: MDoc[] = ["<", tag];
  if (el.attrs.length === 0) {
    if (selfClosing && (isVoid || isEmpty)) return mgroup([...docs, " />"]);
    if (isEmpty || !sensitive) docs.push(">");
    else docs.push(mgroup([lineOrNil, ">"]));
  } else if (el.attrs.length === 1 && !sensitive) {
    docs.push(" ", attrDoc(el.attrs[0]!, lower));
    if (selfClosing && isEmpty) return [...docs, " />"];
    docs.push(">");
    if (isVoid) return docs;
  } else {
    const attrs = nest(el.attrs.flatMap((a) => [lineOrSpace, attrDoc(a, lower)]));
    if (selfClosing && (isVoid || isEmpty)) return mgroup([...docs, attrs, lineOrSpace, "/>"]);
    const first = children[0];
    const last = children[children.length - 1];
    if (
      sensitive &&
      first?.type === "text" &&
      !WS.test(first.raw[0] ?? "") &&
      last?.type === "text" &&
      !WS.test(last.raw[last.raw.length - 1] ?? "")
    )
      docs.push([mgroup([attrs]), lineOrNil, ">"]);
    else docs.push(mgroup([attrs, lineOrNil, ">"]));
  }
  const hasTwoMoreNonText = children.filter((c) => !isTextLike(c)).length > 1;
  let leading: MDoc = "";
  let trailing: MDoc = "";
  if (isEmpty) {
    // none
  } else if (sensitive) {
    const f = children[0];
    const l = children[children.length - 1];
    leading = f?.type === "text" && WS.test(f.raw[0] ?? "") ? (f.lineBreaks > 0 ? hardLine : lineOrSpace) : "";
    trailing =
      l?.type === "text" && WS.test(l.raw[l.raw.length - 1] ?? "") ? (l.lineBreaks > 0 ? hardLine : lineOrSpace) : "";
  } else if (hasTwoMoreNonText) {
    leading = hardLine;
    trailing = hardLine;
  } else {
    const f = children[0];
    const l = children[children.length - 1];
    leading = f?.type === "text" && f.lineBreaks > 0 ? hardLine : lineOrNil;
    trailing = l?.type === "text" && l.lineBreaks > 0 ? hardLine : lineOrNil;
  }
  if (isEmpty) {
    if (!sensitive) docs.push(lineOrNil);
  } else if (!sensitive && hasTwoMoreNonText) {
    docs.push(nest(leading), nest(childrenWithLineBreaks(children)), trailing);
  } else if (sensitive && only?.type === "text" && isAllWs(only.raw)) {
    docs.push(lineOrSpace);
  } else {
    docs.push(nest([leading, childrenWithoutLineBreaks(children)]), trailing);
  }
  docs.push(`</${tag}>`);
  return mgroup(docs);
}

/** The page as the format pass would print it, or undefined where this cannot vouch for that. */
export function printedHtml(html: string): string | undefined {
  try {
    const root = parse(html);
    if (!root.some((n) => n.type === "doctype")) return undefined;
    return printMarkupDoc([childrenWithLineBreaks(root), hardLine], PRINT_WIDTH);
  } catch (error) {
    if (isUnprintable(error)) return undefined;
    throw error;
  }
}
