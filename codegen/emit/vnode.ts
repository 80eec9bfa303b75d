/** The markup tree the emitters build before printing it as JSX or HTML. */
import type { JsxCode, PropLiteral } from "../components-map/model.js";
import type { LineChecks } from "../css/printed.js";
import { declsToCss, type Decl } from "./css.js";
import { NameScope } from "./names.js";

/** An attribute value: literal text, or an expression that JSX prints as `{expr}` and HTML as `html`. */
export type AttrValue = string | { expr: string; html: string };

export type VNode = ElementNode | TextNode | PropText | Conditional | ComponentUse | MappedUse;

export interface ElementNode {
  type: "element";
  tag: string;
  /** Key into the sheet; undefined when the element has no styles. */
  cls?: string;
  /** For a component's root: merge the `className` prop into the class list. */
  mergeClassNameProp?: boolean;
  attrs: [string, AttrValue][];
  /** The layer's id (`data-node-id`): literal, or in a component file an expression on the instance's id. */
  nodeId?: AttrValue;
  children: VNode[];
  /** Inner SVG markup (for `<svg>` elements), printed as-is in HTML and converted for JSX. */
  svgMarkup?: string;
  /** In a component file: the JSX expression for each layer id inside `svgMarkup` (the instance's own ids). */
  svgNodeIds?: Record<string, string>;
  /** Attributes only JSX prints, as expressions (`onClick={…}`, `ref={…}`): behaviour React gives by state. */
  reactAttrs?: [string, string][];
  /** Attributes only HTML prints (`popovertarget`): behaviour the browser gives without a script. */
  htmlAttrs?: [string, string][];
  /** JSX: while `when` is true, the element has class `cls` instead of its own (a menu's open panel). */
  stateCls?: { when: string; cls: string };
  /** Part of a text's characters (a style run's span): printed next to its neighbours, never a whitespace between. */
  inline?: true;
  /** A text layer's type in the design: the outline (outline.ts) ranks headings by it. */
  textType?: TextType;
  /** A landmark's layer name: the outline names landmarks of one kind apart by it. */
  layerName?: string;
  /** Shown only in a state (a hover's, a press's, a toggle's layer): hidden otherwise. */
  shownInState?: true;
}

/** A text's place in the design's type scale: its size (px) and weight (100–900). */
export interface TextType {
  size: number;
  weight: number;
}

export interface TextNode {
  type: "text";
  value: string;
}

/** A component's text prop, printed as `{label}`. */
export interface PropText {
  type: "prop";
  name: string;
}

/** Rendered only when a boolean prop is true: `{showIcon && (...)}`. */
export interface Conditional {
  type: "if";
  prop: string;
  child: VNode;
}

export interface ComponentUse {
  type: "use";
  component: string;
  cls?: string;
  /** The instance's id, passed to the component as `data-node-id` (it derives its layers' ids from it). */
  nodeId?: AttrValue;
  props: [string, string | boolean][];
}

/**
 * A prop of a team's own component: a literal, markup drawn from a layer of the instance, or a value map's JSX as
 * written.
 */
export type MappedProp = { literal: PropLiteral } | { jsx: VNode } | { code: JsxCode };

/**
 * An instance drawn as the team's own code component (codegen/components-map): `<Button variant="ghost">…</Button>`.
 */
export interface MappedUse {
  type: "mapped";
  /** The imported name in this file. */
  component: string;
  props: [string, MappedProp][];
  children: MappedProp[];
}

/** What a regular expression's `^` (multiline) takes for a line's start, and its `.` does not match. */
const BREAK = /[\n\r\u2028\u2029]/;

/** declsToCss(selector, decls) with `indent` before each line that is not empty. */
function ruleText(indent: string, selector: string, decls: Decl[]): string {
  let out = `${indent}${selector} {\n`;
  if (decls.length === 0) out += "\n";
  for (const [p, v] of decls) out += `${indent}  ${p}: ${v};\n`;
  return `${out}${indent}}\n`;
}

/**
 * `text` as one flat string. A sheet built by `+=` is a rope of a cell per piece (~0.56 MB for figmagic's sheets),
 * which lives until the run ends and is copied by every young-generation GC on the way; reading a character makes
 * V8 flatten it into one string, and the cells die young (figmagic: GC-copied bytes 4.4 -> 3.3 MB per run).
 */
function flattened(text: string): string {
  text.charCodeAt(text.length >> 1);
  return text;
}

/** One stylesheet's rules, in insertion order, with unique class names. */
export class Sheet {
  readonly rules = new Map<string, Decl[]>();
  /** Pseudo-element rules of a class (`::placeholder`), printed after its rule. */
  readonly pseudo = new Map<string, [pseudo: string, decls: Decl[]][]>();
  /**
   * Classes whose element's hover or press restyles its layers (`.layer:is(.cls:hover *)`): in Tailwind a named
   * group (`group/cls`), its layers' classes `group-hover/cls:`.
   */
  readonly groups = new Set<string>();
  private readonly names: NameScope;

  constructor(reserved: Iterable<string> = []) {
    this.names = new NameScope(reserved);
  }

  add(base: string, decls: Decl[]): string | undefined {
    if (decls.length === 0) return undefined;
    const name = this.names.take(base);
    this.rules.set(name, decls);
    return name;
  }

  addPseudo(cls: string, pseudo: string, decls: Decl[]): void {
    if (decls.length === 0) return;
    const list = this.pseudo.get(cls);
    if (list) list.push([pseudo, decls]);
    else this.pseudo.set(cls, [[pseudo, decls]]);
  }

  /** A class name for rules that only apply below a width (its own rule is empty, and not printed). */
  reserve(base: string): string {
    const name = this.names.take(base);
    this.rules.set(name, []);
    return name;
  }

  /**
   * Rules of a class on screens narrower than a width (px), printed in `@media (width < …)` blocks; `pseudo`, a
   * pseudo-class the rule's selector adds (`:popover-open`: HTML only, Tailwind's classes have no such rules).
   */
  readonly below = new Map<string, [width: number, decls: Decl[], pseudo?: string][]>();

  addBelow(cls: string, width: number, decls: Decl[], pseudo?: string): void {
    if (decls.length === 0) return;
    const rule: [number, Decl[], string?] = pseudo ? [width, decls, pseudo] : [width, decls];
    // Appended in place: the lists are the sheet's own (read when printed), a copy per rule was garbage.
    const list = this.below.get(cls);
    if (list) list.push(rule);
    else this.below.set(cls, [rule]);
  }

  /**
   * Rules of a class from a width up (mobile-first: a page drawn at several widths, codegen/emit/drawings/), printed
   * in `@media (min-width: …)` blocks after the class rules, narrowest first so that a wider screen's rule wins;
   * `max`: up to (not including) that width too. Entries: [min, decls, pseudo, max].
   */
  readonly above = new Map<string, [min: number, decls: Decl[], pseudo?: string, max?: number][]>();

  addAbove(cls: string, min: number, decls: Decl[], pseudo = "", max?: number): void {
    if (decls.length === 0) return;
    const list = this.above.get(cls);
    const rule: [number, Decl[], string?, number?] =
      max === undefined ? [min, decls, pseudo] : [min, decls, pseudo, max];
    if (list) list.push(rule);
    else this.above.set(cls, [rule]);
  }

  /** The wider screens' rules by media query (narrowest first): each rule's selector and declarations. */
  private aboveBlocks(): [query: string, rules: [string, Decl[]][]][] {
    const blocks = new Map<string, { min: number; max: number; rules: [string, Decl[]][] }>();
    for (const [cls, list] of this.above)
      for (const [min, decls, pseudo, max] of list) {
        const key = `${min}-${max ?? ""}`;
        let block = blocks.get(key);
        if (!block) blocks.set(key, (block = { min, max: max ?? Infinity, rules: [] }));
        block.rules.push([`.${cls}${pseudo ?? ""}`, decls]);
      }
    return [...blocks.values()]
      .sort((a, b) => a.min - b.min || a.max - b.max)
      .map((block) => [
        [
          ...(block.min > 0 ? [`(min-width: ${block.min}px)`] : []),
          ...(block.max < Infinity ? [`(max-width: ${block.max - 0.02}px)`] : []),
        ].join(" and "),
        block.rules,
      ]);
  }

  /** The `@media` blocks of the wider screens' rules, narrowest first. */
  private aboveCss(): string {
    let text = "";
    for (const [query, rules] of this.aboveBlocks())
      text += `\n@media ${query} {\n${rules.map(([selector, decls]) => ruleText("  ", selector, decls)).join("\n")}}\n`;
    return text;
  }

  /** The widths of the narrower screens' rules, widest first (css() prints a block for each). */
  private belowWidths(): number[] {
    return [...new Set([...this.below.values()].flatMap((list) => list.map(([w]) => w)))].sort((a, b) => b - a);
  }

  /**
   * True when css() is in the format pass's form (codegen/css/printed.ts), judged line by line as css() would print
   * them: its structure is the formatter's by construction (a blank line between rules, rules in @media indented),
   * so only the declarations and selectors are checked. False is "not known": the whole check then reads the text.
   */
  inFormatterForm(checks: LineChecks): boolean {
    const rule = (indent: number, selector: string, decls: Decl[]): boolean => {
      if (!checks.selectorHolds(indent, selector)) return false;
      for (const [p, v] of decls) if (!checks.declHolds(indent + 2, p, v)) return false;
      return true;
    };
    // A sheet without a top-level rule starts with a blank line (or is empty): the whole check says no to it.
    let any = false;
    for (const [cls, decls] of this.rules) {
      if (decls.length > 0) {
        if (!rule(0, `.${cls}`, decls)) return false;
        any = true;
      }
      for (const [p, d] of this.pseudo.get(cls) ?? []) {
        if (!rule(0, `.${cls}${p}`, d)) return false;
        any = true;
      }
    }
    if (!any) return false;
    for (const [query, rules] of this.aboveBlocks()) {
      if (!checks.selectorHolds(0, `@media ${query}`)) return false;
      for (const [selector, decls] of rules) if (!rule(2, selector, decls)) return false;
    }
    for (const w of this.belowWidths()) {
      if (!checks.selectorHolds(0, `@media (width < ${w}px)`)) return false;
      for (const [cls, list] of this.below)
        for (const [width, d, p] of list) if (width === w && !rule(2, `.${cls}${p ?? ""}`, d)) return false;
    }
    return true;
  }

  /**
   * The stylesheet: each class's rule, then its pseudo-element rules; last, the narrower screens' rules, widest first.
   */
  css(): string {
    // Each rule then its pseudo-element rules, a blank line between any two (built as one string: a sheet per file).
    let text = "";
    let first = true;
    for (const [cls, decls] of this.rules) {
      if (decls.length > 0) {
        text += first ? ruleText("", `.${cls}`, decls) : `\n${ruleText("", `.${cls}`, decls)}`;
        first = false;
      }
      for (const [p, d] of this.pseudo.get(cls) ?? []) {
        text += first ? ruleText("", `.${cls}${p}`, d) : `\n${ruleText("", `.${cls}${p}`, d)}`;
        first = false;
      }
    }
    if (this.above.size > 0) text += this.aboveCss();
    // Then a block for each narrower screen, after a blank line (none when there is no rule above them).
    for (const w of this.belowWidths()) {
      if (this.mediaHasBreaks(w)) {
        text += `\n${this.mediaByLines(w)}`;
        continue;
      }
      text += `\n@media (width < ${w}px) {\n`;
      let firstInside = true;
      for (const [cls, list] of this.below)
        for (const [width, d, p] of list) {
          if (width !== w) continue;
          text += firstInside ? ruleText("  ", `.${cls}${p ?? ""}`, d) : `\n${ruleText("  ", `.${cls}${p ?? ""}`, d)}`;
          firstInside = false;
        }
      text += "}\n";
    }
    return flattened(text);
  }

  /** A line break inside a selector or value of a width's rules: its block is indented line by line. */
  private mediaHasBreaks(w: number): boolean {
    for (const [cls, list] of this.below)
      for (const [width, d, p] of list)
        if (
          width === w &&
          (BREAK.test(cls) || (p !== undefined && BREAK.test(p)) || d.some(([k, v]) => BREAK.test(k + v)))
        )
          return true;
    return false;
  }

  /** A width's block, its rules indented on every line that is not empty. */
  private mediaByLines(w: number): string {
    const inside = [...this.below].flatMap(([cls, list]) =>
      list.filter(([width]) => width === w).map(([, d, p]) => declsToCss(`.${cls}${p ?? ""}`, d)),
    );
    // Indented inside the block, as the format pass prints it.
    const body = inside.join("\n").replace(/^(?=.)/gm, "  ");
    return `@media (width < ${w}px) {\n${body}}\n`;
  }
}
