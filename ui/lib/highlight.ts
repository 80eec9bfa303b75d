/**
 * A small syntax highlighter for the files Figment writes: TSX/TS/JS (with JSX), CSS, HTML and JSON.
 * It tokenizes losslessly (the tokens' text joined is the input) and escapes every character it prints,
 * so highlighted output is safe to put into innerHTML. Pure: no DOM.
 */

import { escapeHtml } from "../../codegen/escape.js";

export type Language = "tsx" | "ts" | "jsx" | "js" | "css" | "html" | "json" | "plain";

export type TokenClass =
  | "keyword"
  | "literal"
  | "string"
  | "comment"
  | "number"
  | "tag"
  | "attr"
  | "entity"
  | "punct"
  | "property"
  | "selector"
  | "key";

export interface Token {
  text: string;
  cls?: TokenClass;
}

const EXTENSIONS: Record<string, Language> = {
  tsx: "tsx",
  ts: "ts",
  mts: "ts",
  cts: "ts",
  jsx: "jsx",
  js: "js",
  mjs: "js",
  cjs: "js",
  css: "css",
  html: "html",
  htm: "html",
  svg: "html",
  xml: "html",
  json: "json",
};

export function languageOf(path: string): Language {
  const base = path.slice(path.lastIndexOf("/") + 1);
  const dot = base.lastIndexOf(".");
  if (dot < 0) return "plain";
  return EXTENSIONS[base.slice(dot + 1).toLowerCase()] ?? "plain";
}

/** Collects tokens, merging neighbours of the same class. */
class TokenList {
  readonly tokens: Token[] = [];
  push(text: string, cls?: TokenClass): void {
    if (text === "") return;
    const last = this.tokens[this.tokens.length - 1];
    if (last && last.cls === cls) last.text += text;
    else this.tokens.push(cls === undefined ? { text } : { text, cls });
  }
}

// ---------------------------------------------------------------- JavaScript / TypeScript / JSX

const JS_KEYWORDS = new Set(
  (
    "abstract as async await break case catch class const " +
    "continue debugger declare default delete do else enum export " +
    "extends finally for from function get if implements import " +
    "in infer instanceof interface is keyof let namespace new " +
    "of override private protected public readonly return " +
    "satisfies set static super switch throw try type typeof var " +
    "void while with yield"
  ).split(" "),
);
const JS_LITERALS = new Set(["true", "false", "null", "undefined", "this", "NaN", "Infinity"]);
/** Keywords after which an expression (and so a regex or a JSX element) may start. */
const EXPRESSION_KEYWORDS = new Set([
  "return",
  "yield",
  "await",
  "case",
  "default",
  "else",
  "do",
  "in",
  "of",
  "typeof",
  "void",
  "delete",
  "new",
  "throw",
  "extends",
]);

const IDENT_START = /[A-Za-z_$\u00c0-\uffff]/;
const IDENT = /[A-Za-z0-9_$\u00c0-\uffff]/;
const NUMBER =
  /^(?:0[xX][\da-fA-F_]+n?|0[bB][01_]+n?|0[oO][0-7_]+n?|(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d+)?n?)/;

type Previous = { kind: "none" } | { kind: "word"; word: string } | { kind: "value" } | { kind: "punct"; char: string };

/** A position in a source text and the tokens written so far; the scanners move it forward as they emit. */
class Cursor {
  protected i = 0;

  constructor(
    readonly src: string,
    protected readonly out: TokenList,
  ) {}

  get position(): number {
    return this.i;
  }

  peek(offset = 0): string {
    return this.src[this.i + offset] ?? "";
  }

  startsWith(text: string): boolean {
    return this.src.startsWith(text, this.i);
  }

  atEnd(): boolean {
    return this.i >= this.src.length;
  }

  emit(length: number, cls?: TokenClass): void {
    const end = Math.min(this.src.length, this.i + length);
    this.out.push(this.src.slice(this.i, end), cls);
    this.i = end;
  }

  /** Emits up to (not including) `end`. */
  emitTo(end: number, cls?: TokenClass): void {
    this.emit(end - this.i, cls);
  }

  emitWhile(pattern: RegExp, cls?: TokenClass): void {
    const start = this.i;
    while (this.i < this.src.length && pattern.test(this.src[this.i]!)) this.i++;
    this.out.push(this.src.slice(start, this.i), cls);
  }

  emitUntil(stops: string, cls?: TokenClass): void {
    const start = this.i;
    while (this.i < this.src.length && !stops.includes(this.src[this.i]!)) this.i++;
    this.out.push(this.src.slice(start, this.i), cls);
  }
}

/** Where a `'…'` or `"…"` string opened at `i` ends (past its closing quote, or at the line's end). */
function quotedEnd(src: string, i: number): number {
  const quote = src[i]!;
  let j = i + 1;
  while (j < src.length) {
    const c = src[j]!;
    if (c === "\\") {
      j += 2;
      continue;
    }
    if (c === "\n") break;
    j++;
    if (c === quote) break;
  }
  return Math.min(j, src.length);
}

/** Where a regex literal opened at `i` ends (flags included), if it ends on the same line. */
function regexEnd(src: string, i: number): number | undefined {
  let j = i + 1;
  let inClass = false;
  while (j < src.length) {
    const c = src[j]!;
    if (c === "\n") return undefined;
    if (c === "\\") {
      j += 2;
      continue;
    }
    if (c === "[") inClass = true;
    else if (c === "]") inClass = false;
    else if (c === "/" && !inClass) break;
    j++;
  }
  if (j >= src.length) return undefined;
  j++;
  while (j < src.length && /[a-z]/i.test(src[j]!)) j++;
  return j;
}

/**
 * One kind of JavaScript token: it looks at the character under the cursor (and the next) and, if the token
 * starts there, scans it and answers true. The scanner tries them in order; what none takes is punctuation.
 */
type JsStep = (s: JsScanner, c: string, next: string) => boolean;

const JS_STEPS: readonly JsStep[] = [
  function whitespace(s, c) {
    if (c !== " " && c !== "\t" && c !== "\n" && c !== "\r") return false;
    s.emitWhile(/\s/);
    return true;
  },
  function lineComment(s, c, next) {
    if (c !== "/" || next !== "/") return false;
    const end = s.src.indexOf("\n", s.position);
    s.emitTo(end < 0 ? s.src.length : end, "comment");
    return true;
  },
  function blockComment(s, c, next) {
    if (c !== "/" || next !== "*") return false;
    const end = s.src.indexOf("*/", s.position + 2);
    s.emitTo(end < 0 ? s.src.length : end + 2, "comment");
    return true;
  },
  function quoted(s, c) {
    if (c !== '"' && c !== "'") return false;
    s.emitTo(quotedEnd(s.src, s.position), "string");
    s.prev = { kind: "value" };
    return true;
  },
  function template(s, c) {
    if (c !== "`") return false;
    s.scanTemplate();
    s.prev = { kind: "value" };
    return true;
  },
  function number(s, c, next) {
    if (!/\d/.test(c) && !(c === "." && /\d/.test(next))) return false;
    const match = NUMBER.exec(s.src.slice(s.position, s.position + 64));
    s.emit(match?.[0] ? match[0].length : 1, "number");
    s.prev = { kind: "value" };
    return true;
  },
  function word(s, c) {
    if (!IDENT_START.test(c)) return false;
    const start = s.position;
    const afterDot = s.prev.kind === "punct" && s.prev.char === ".";
    let end = start;
    while (end < s.src.length && IDENT.test(s.src[end]!)) end++;
    const text = s.src.slice(start, end);
    s.emitTo(
      end,
      afterDot ? undefined : JS_LITERALS.has(text) ? "literal" : JS_KEYWORDS.has(text) ? "keyword" : undefined,
    );
    s.prev = { kind: "word", word: afterDot ? "" : text };
    return true;
  },
  function regex(s, c) {
    if (c !== "/" || !s.expressionExpected()) return false;
    const end = regexEnd(s.src, s.position);
    if (end === undefined) return false;
    s.emitTo(end, "string");
    s.prev = { kind: "value" };
    return true;
  },
  function jsxElement(s, c) {
    if (c !== "<" || !s.jsx || !s.expressionExpected() || !s.looksLikeJsx()) return false;
    scanJsxElement(s);
    s.prev = { kind: "value" };
    return true;
  },
];

class JsScanner extends Cursor {
  /** What came before the cursor, as far as telling a regex or an element from a division or a comparison needs. */
  prev: Previous = { kind: "none" };

  constructor(
    src: string,
    out: TokenList,
    readonly jsx: boolean,
  ) {
    super(src, out);
  }

  /** Scans to the end, or (stopAtBrace) up to an unmatched `}` which it leaves unconsumed. */
  scan(stopAtBrace: boolean): void {
    let depth = 0;
    while (!this.atEnd()) {
      const c = this.peek();
      if (c === "}" && stopAtBrace && depth === 0) return;
      if (JS_STEPS.some((step) => step(this, c, this.peek(1)))) continue;
      if (c === "{") depth++;
      else if (c === "}") depth--;
      this.emit(1, "punct");
      this.prev = { kind: "punct", char: c };
    }
  }

  expressionExpected(): boolean {
    const prev = this.prev;
    if (prev.kind === "none") return true;
    if (prev.kind === "value") return false;
    if (prev.kind === "word") return EXPRESSION_KEYWORDS.has(prev.word);
    return "([{,;:=?!&|>+-*%~^}".includes(prev.char);
  }

  looksLikeJsx(): boolean {
    const rest = this.src.slice(this.i + 1, this.i + 200);
    if (rest.startsWith(">")) return true; // fragment
    const name = /^[A-Za-z_$][\w$.:-]*/.exec(rest);
    if (!name) return false;
    const after = rest.slice(name[0].length);
    // `<T,>(…)` and `<T extends U>` are generic arrow functions, not elements.
    return !/^\s*(,|extends\b)/.test(after);
  }

  /** A template literal from its backtick, each `${…}` inside scanned as JavaScript. */
  scanTemplate(): void {
    const src = this.src;
    let start = this.i;
    this.i++;
    while (this.i < src.length) {
      const c = src[this.i]!;
      if (c === "\\") {
        this.i += 2;
        continue;
      }
      if (c === "`") {
        this.i++;
        break;
      }
      if (c === "$" && src[this.i + 1] === "{") {
        this.out.push(src.slice(start, this.i), "string");
        this.scanEmbedded(2);
        start = this.i;
        continue;
      }
      this.i++;
    }
    this.i = Math.min(this.i, src.length);
    this.out.push(src.slice(start, this.i), "string");
  }

  /**
   * `${ expression }` in a template or `{ expression }` in JSX: the braces as punctuation, the inside as JavaScript.
   */
  scanEmbedded(openLength = 1): void {
    this.emit(openLength, "punct");
    const savedPrev = this.prev;
    this.prev = { kind: "none" };
    this.scan(true);
    this.prev = savedPrev;
    if (!this.atEnd()) this.emit(1, "punct");
  }
}

/** A JSX element (or fragment) starting at `<`, with its children and closing tag. */
function scanJsxElement(s: JsScanner): void {
  s.emit(1, "punct"); // <
  if (s.peek() === ">") {
    s.emit(1, "punct");
    scanJsxChildren(s);
    return;
  }
  s.emitWhile(/[\w$.:-]/, "tag");
  for (;;) {
    if (s.atEnd()) return;
    const c = s.peek();
    if (/\s/.test(c)) {
      s.emitWhile(/\s/);
    } else if (s.startsWith("/>")) {
      s.emit(2, "punct");
      return;
    } else if (c === ">") {
      s.emit(1, "punct");
      scanJsxChildren(s);
      return;
    } else if (c === "{") {
      s.scanEmbedded();
    } else if (c === "=") {
      s.emit(1, "punct");
    } else if (c === '"' || c === "'") {
      const end = indexAfter(s, c);
      s.emit(end, "string");
    } else if (c === "<") {
      scanJsxElement(s);
    } else if (/[\w$:-]/.test(c)) {
      s.emitWhile(/[\w$:.-]/, "attr");
    } else {
      s.emit(1);
    }
  }
}

/** Length from the cursor through the next `quote` after it (JSX strings have no escapes). */
function indexAfter(s: JsScanner, quote: string): number {
  let n = 1;
  while (s.peek(n) !== "" && s.peek(n) !== quote) n++;
  return s.peek(n) === quote ? n + 1 : n;
}

function scanJsxChildren(s: JsScanner): void {
  for (;;) {
    if (s.atEnd()) return;
    const c = s.peek();
    if (c === "{") {
      s.scanEmbedded();
    } else if (s.startsWith("</")) {
      s.emit(2, "punct");
      s.emitWhile(/[\w$.:-]/, "tag");
      s.emitWhile(/\s/);
      if (s.peek() === ">") s.emit(1, "punct");
      return;
    } else if (c === "<") {
      scanJsxElement(s);
    } else if (c === "&") {
      const entity = /^&(?:#\d+|#x[\da-f]+|[a-z]+\d*);/i.exec(s.peek() + peekRest(s));
      if (entity) s.emit(entity[0].length, "entity");
      else s.emit(1);
    } else {
      s.emitUntil("{<&");
    }
  }
}

function peekRest(s: JsScanner): string {
  let text = "";
  for (let n = 1; n < 12 && s.peek(n) !== ""; n++) text += s.peek(n);
  return text;
}

function tokenizeJs(code: string, jsx: boolean): Token[] {
  const out = new TokenList();
  const scanner = new JsScanner(code, out, jsx);
  while (!scanner.atEnd()) {
    scanner.scan(false);
    // A stray `}` at the top level: print it and go on.
    if (!scanner.atEnd()) scanner.emit(1, "punct");
  }
  return out.tokens;
}

// ---------------------------------------------------------------- CSS

function scanCssComment(code: string, i: number, out: TokenList): number {
  const end = code.indexOf("*/", i + 2);
  const stop = end < 0 ? code.length : end + 2;
  out.push(code.slice(i, stop), "comment");
  return stop;
}

function scanCssString(code: string, i: number, out: TokenList): number {
  const quote = code[i]!;
  let j = i + 1;
  while (j < code.length && code[j] !== quote && code[j] !== "\n") j += code[j] === "\\" ? 2 : 1;
  j = Math.min(code.length, j + (code[j] === quote ? 1 : 0));
  out.push(code.slice(i, j), "string");
  return j;
}

/** What the text from `i` is: a selector or at-rule prelude (a `{` comes first) or a declaration. */
function cssStatementKind(code: string, i: number): "block" | "declaration" {
  let j = i;
  while (j < code.length) {
    const c = code[j]!;
    if (c === "{") return "block";
    if (c === ";" || c === "}") return "declaration";
    if (c === '"' || c === "'") {
      const close = code.indexOf(c, j + 1);
      j = close < 0 ? code.length : close + 1;
      continue;
    }
    if (c === "/" && code[j + 1] === "*") {
      const close = code.indexOf("*/", j + 2);
      j = close < 0 ? code.length : close + 2;
      continue;
    }
    j++;
  }
  return "declaration";
}

function scanCssValue(code: string, i: number, out: TokenList, stops: string): number {
  while (i < code.length && !stops.includes(code[i]!)) {
    const c = code[i]!;
    if (c === "/" && code[i + 1] === "*") {
      i = scanCssComment(code, i, out);
    } else if (c === '"' || c === "'") {
      i = scanCssString(code, i, out);
    } else if (c === "#" && /[\da-f]/i.test(code[i + 1] ?? "")) {
      const m = /^#[\da-f]+/i.exec(code.slice(i, i + 10))!;
      out.push(m[0], "number");
      i += m[0].length;
    } else if (
      /\d/.test(c) ||
      ((c === "." || c === "-" || c === "+") && /\d/.test(code[i + 1] ?? "") && !/[\w-]/.test(code[i - 1] ?? ""))
    ) {
      const m = /^[-+]?(?:\d*\.)?\d+(?:e[-+]?\d+)?(?:%|[a-z]+)?/i.exec(code.slice(i, i + 40));
      const text = m?.[0] ? m[0] : c;
      out.push(text, "number");
      i += text.length;
    } else if (c === "!" && /^!important/i.test(code.slice(i, i + 10))) {
      out.push(code.slice(i, i + 10), "keyword");
      i += 10;
    } else if (/[\w-]/.test(c)) {
      const m = /^[\w-]+/.exec(code.slice(i))!;
      out.push(m[0]);
      i += m[0].length;
    } else {
      out.push(c, /[(),:/]/.test(c) ? "punct" : undefined);
      i++;
    }
  }
  return i;
}

function tokenizeCss(code: string): Token[] {
  const out = new TokenList();
  let i = 0;
  while (i < code.length) {
    const c = code[i]!;
    if (/\s/.test(c)) {
      const m = /^\s+/.exec(code.slice(i, i + 1000))!;
      out.push(m[0]);
      i += m[0].length;
    } else if (c === "/" && code[i + 1] === "*") {
      i = scanCssComment(code, i, out);
    } else if (c === "{" || c === "}" || c === ";") {
      out.push(c, "punct");
      i++;
    } else if (c === "@") {
      const m = /^@[\w-]+/.exec(code.slice(i, i + 100));
      const word = m ? m[0] : "@";
      out.push(word, "keyword");
      i = scanCssValue(code, i + word.length, out, "{;}");
    } else if (cssStatementKind(code, i) === "block") {
      // A selector: up to the `{`, comments and strings inside kept as such.
      while (i < code.length && code[i] !== "{") {
        if (code[i] === "/" && code[i + 1] === "*") i = scanCssComment(code, i, out);
        else if (code[i] === '"' || code[i] === "'") i = scanCssString(code, i, out);
        else {
          const start = i;
          while (
            i < code.length &&
            code[i] !== "{" &&
            code[i] !== '"' &&
            code[i] !== "'" &&
            !(code[i] === "/" && code[i + 1] === "*")
          )
            i++;
          out.push(code.slice(start, i), "selector");
        }
      }
    } else {
      // A declaration: property, colon, value.
      const start = i;
      while (i < code.length && !":;}".includes(code[i]!) && !(code[i] === "/" && code[i + 1] === "*")) i++;
      out.push(code.slice(start, i), "property");
      if (code[i] === ":") {
        out.push(":", "punct");
        i = scanCssValue(code, i + 1, out, ";}");
      }
    }
  }
  return out.tokens;
}

// ---------------------------------------------------------------- HTML

function tokenizeHtml(code: string): Token[] {
  const out = new TokenList();
  let i = 0;
  while (i < code.length) {
    if (code.startsWith("<!--", i)) {
      const end = code.indexOf("-->", i + 4);
      const stop = end < 0 ? code.length : end + 3;
      out.push(code.slice(i, stop), "comment");
      i = stop;
      continue;
    }
    const c = code[i]!;
    if (c === "<" && /[!/a-zA-Z?]/.test(code[i + 1] ?? "")) {
      i = scanHtmlTag(code, i, out);
      continue;
    }
    if (c === "&") {
      const entity = /^&(?:#\d+|#x[\da-f]+|[a-z]+\d*);/i.exec(code.slice(i, i + 12));
      if (entity) {
        out.push(entity[0], "entity");
        i += entity[0].length;
        continue;
      }
    }
    let j = i + 1;
    while (j < code.length && code[j] !== "<" && code[j] !== "&") j++;
    out.push(code.slice(i, j));
    i = j;
  }
  return out.tokens;
}

/** One tag from `<`; after `<script>` or `<style>` its content is highlighted as JS or CSS. */
function scanHtmlTag(code: string, i: number, out: TokenList): number {
  const closing = code[i + 1] === "/";
  out.push(closing ? "</" : "<", "punct");
  i += closing ? 2 : 1;
  const nameMatch = /^[!?]?[\w:-]*/.exec(code.slice(i, i + 100))!;
  const name = nameMatch[0];
  out.push(name, "tag");
  i += name.length;
  while (i < code.length) {
    const c = code[i]!;
    if (c === ">") {
      out.push(">", "punct");
      i++;
      break;
    }
    if (code.startsWith("/>", i)) {
      out.push("/>", "punct");
      return i + 2;
    }
    if (/\s/.test(c)) {
      const m = /^\s+/.exec(code.slice(i, i + 1000))!;
      out.push(m[0]);
      i += m[0].length;
    } else if (c === "=") {
      out.push("=", "punct");
      i++;
    } else if (c === '"' || c === "'") {
      const end = code.indexOf(c, i + 1);
      const stop = end < 0 ? code.length : end + 1;
      out.push(code.slice(i, stop), "string");
      i = stop;
    } else if (code[i - 1] === "=") {
      const m = /^[^\s>]+/.exec(code.slice(i))!;
      out.push(m[0], "string");
      i += m[0].length;
    } else {
      const m = /^[^\s=>"'/]+/.exec(code.slice(i));
      const text = m ? m[0] : c;
      out.push(text, name.startsWith("!") ? "keyword" : "attr");
      i += text.length;
    }
  }
  const lower = name.toLowerCase();
  if (!closing && (lower === "script" || lower === "style")) {
    const end = code.toLowerCase().indexOf(`</${lower}`, i);
    const stop = end < 0 ? code.length : end;
    const inner = code.slice(i, stop);
    for (const token of lower === "script" ? tokenizeJs(inner, false) : tokenizeCss(inner))
      out.push(token.text, token.cls);
    i = stop;
  }
  return i;
}

// ---------------------------------------------------------------- JSON

function tokenizeJson(code: string): Token[] {
  const out = new TokenList();
  let i = 0;
  while (i < code.length) {
    const c = code[i]!;
    if (c === '"') {
      let j = i + 1;
      while (j < code.length && code[j] !== '"' && code[j] !== "\n") j += code[j] === "\\" ? 2 : 1;
      j = Math.min(code.length, j + (code[j] === '"' ? 1 : 0));
      const isKey = /^\s*:/.test(code.slice(j, j + 50));
      out.push(code.slice(i, j), isKey ? "key" : "string");
      i = j;
    } else if (/[-\d]/.test(c)) {
      const m = /^-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?/.exec(code.slice(i, i + 64));
      const text = m?.[0] ? m[0] : c;
      out.push(text, m?.[0] ? "number" : undefined);
      i += text.length;
    } else if (/[a-z]/.test(c)) {
      const m = /^[a-z]+/.exec(code.slice(i))!;
      out.push(m[0], ["true", "false", "null"].includes(m[0]) ? "literal" : undefined);
      i += m[0].length;
    } else if ("{}[],:".includes(c)) {
      out.push(c, "punct");
      i++;
    } else {
      out.push(c);
      i++;
    }
  }
  return out.tokens;
}

// ---------------------------------------------------------------- API

export function tokenize(code: string, language: Language): Token[] {
  switch (language) {
    case "tsx":
    case "jsx":
      return tokenizeJs(code, true);
    case "ts":
    case "js":
      return tokenizeJs(code, false);
    case "css":
      return tokenizeCss(code);
    case "html":
      return tokenizeHtml(code);
    case "json":
      return tokenizeJson(code);
    case "plain":
      return code === "" ? [] : [{ text: code }];
  }
}

function renderToken(text: string, cls: TokenClass | undefined): string {
  const escaped = escapeHtml(text);
  return cls ? `<span class="tok-${cls}">${escaped}</span>` : escaped;
}

/** The whole file as escaped HTML with `<span class="tok-…">` around highlighted tokens. */
export function highlight(code: string, language: Language): string {
  return tokenize(code, language)
    .map((t) => renderToken(t.text, t.cls))
    .join("");
}

/** One escaped HTML string per line (tokens that span lines, like block comments, are split). */
export function highlightLines(code: string, language: Language): string[] {
  const lines: string[] = [""];
  for (const token of tokenize(code, language)) {
    const parts = token.text.split("\n");
    parts.forEach((part, index) => {
      if (index > 0) lines.push("");
      if (part !== "") lines[lines.length - 1] += renderToken(part.replace(/\r$/, ""), token.cls);
    });
  }
  return lines;
}
