/**
 * Prints the markup tree (vnode.ts) as an Angular template: the same tree React's JSX printer reads, written in
 * Angular's idiom — `class`, `[attr.x]="expr"`, `{{ label() }}` (signal inputs), `@if (flag()) { … }`,
 * `(click)="…"`, `<a routerLink>`, a dialog's template reference (`#overlayMenu`), and each instance of a component
 * as its root element with the component's attribute (`<div app-card class="card">`: the host is the root).
 */
import { escapeAttr } from "../../escape.js";
import { jsString, VOID } from "../markup.js";
import type { AttrValue, ElementNode, VNode } from "../vnode.js";
import { transitionState } from "./prototype.js";

/** What the printer needs of the file: its classes, its signals, and its components' root tags. */
export interface AngularTemplateStyle {
  /** A class's name (component styles) or its Tailwind classes. */
  classes(cls: string): string;
  /** Names read as signals in the template (`menuOpen` → `menuOpen()`). */
  signals: ReadonlySet<string>;
  /** A component's selector attribute and the root tag its instances are written as. */
  host(component: string): { attr: string; tag: string };
}

/**
 * An expression of React's tree as Angular's template says it: a signal is called, a ref's `.current?.` is the
 * template reference itself, and an arrow's body is the statement.
 */
export function ngExpr(expr: string, signals: ReadonlySet<string>): string {
  let out = expr
    .replace(/^\(\w*\) => \{\s*([\s\S]*?);?\s*\}$/, "$1")
    .replace(/^\(\w*\) => /, "")
    .replace(/\b([A-Za-z_$][\w$]*)\.current\?\./g, "$1.");
  out = out.replace(/(?<![\w$.'"])([A-Za-z_$][\w$]*)\b(?!\s*[(.:])/g, (m, name: string) =>
    signals.has(name) ? `${name}()` : m,
  );
  return out;
}

/** An expression in a double-quoted attribute: its strings single-quoted, `&` and `"` escaped. */
function attrExpr(expr: string): string {
  const swapped = expr.replace(/"((?:[^"\\']|\\.)*)"/g, "'$1'");
  return (swapped.includes('"') ? expr : swapped).replace(/&/g, "&amp;").replace(/"/g, "&quot;");
}

/** Characters the template's parser reads (`{`, `}`, `@` start blocks) as entities; whitespace kept. */
function ngText(value: string): string {
  if (value === "") return "";
  // Angular drops a text of whitespace alone (preserveWhitespaces: false): a run's lone space is `&ngsp;`, kept.
  if (value === " ") return "&ngsp;";
  if (/[\n\r\t]|^\s\s|\s\s/.test(value)) return `{{ ${attrExpr(jsString(value)).replace(/&quot;/g, '\\"')} }}`;
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\{/g, "&#123;")
    .replace(/\}/g, "&#125;")
    .replace(/@/g, "&#64;");
}

/** A BACK link's handler (links.ts): back in history, or back playing the reverse transition (transitionBack). */
export const goesBack = (expr: string): boolean =>
  /^\(\) => (?:transitionBack\(\(\) => (?:navigate\(-1\)|history\.back\(\))\)|navigate\(-1\)|history\.back\(\))$/.test(
    expr,
  );

function attr(name: string, value: AttrValue, signals: ReadonlySet<string>): string {
  if (typeof value === "string") return `${name}="${escapeAttr(value).replace(/\{\{/g, "&#123;&#123;")}"`;
  return `[attr.${name}]="${attrExpr(ngExpr(value.expr, signals))}"`;
}

/** An event of React's (`onClick`, `onKeyDown`) as Angular's; Escape in a menu's row is `keydown.escape`. */
function eventOf(name: string, expr: string, signals: ReadonlySet<string>): string | undefined {
  // A page transition: the link follows its route, naming its transition on the history entry (the router's view
  // transition plays it: prototype.ts).
  const play = /^\(event\) => transitionClick\(event, "([\w-]+)", /.exec(expr);
  if (play) return transitionState(play[1]!);
  // Back (the component's back(): Location's, which plays the reverse of the transition that came when one did).
  if (goesBack(expr)) return `(click)="back()"`;
  const onEscape = /^\(event\) => \{ if \(event\.key === "Escape" && (\w+)\) \{ (\w+)\(false\); (\w+)/.exec(expr);
  if (onEscape) {
    const close = onEscape[2]!.replace(/^set/, "close").replace(/Open$/, "");
    return `(keydown.escape)="${close}(${onEscape[3]})"`;
  }
  const toggle = /^\(\) => (\w+)\(!(\w+)\)$/.exec(expr);
  if (toggle) return `(${name.slice(2).toLowerCase()})="${toggle[2]}.set(!${toggle[2]}())"`;
  return `(${name.slice(2).toLowerCase()})="${attrExpr(ngExpr(expr, signals))}"`;
}

/** An element's attributes in the template (or, for a component's root, in its `host` metadata). */
export function elementAttrs(node: ElementNode, style: AngularTemplateStyle): string[] {
  const out: string[] = [];
  const { signals } = style;
  if (node.cls !== undefined) {
    const own = style.classes(node.cls);
    if (node.stateCls)
      out.push(
        `[class]="${attrExpr(ngExpr(node.stateCls.when, signals))} ? ` +
          `${attrExpr(jsString(style.classes(node.stateCls.cls)))} : ${attrExpr(jsString(own))}"`,
      );
    else if (own !== "") out.push(`class="${escapeAttr(own)}"`);
  }
  if (node.nodeId !== undefined) out.push(attr("data-node-id", node.nodeId, signals));
  for (const [k, v] of node.attrs)
    out.push(node.tag === "Link" && k === "to" ? attr("routerLink", v, signals) : attr(k, v, signals));
  for (const [k, expr] of node.reactAttrs ?? []) {
    if (k === "ref") out.push(`#${expr}`);
    else if (k.startsWith("on")) {
      const event = eventOf(k, expr, signals);
      if (event) out.push(event);
    } else out.push(`[attr.${k}]="${attrExpr(ngExpr(expr, signals))}"`);
  }
  return out;
}

/** Inner SVG markup: its layers' ids bound to the instance's in a component; `svg:` elements under a host. */
export function svgInner(markup: string, ids: Record<string, string> | undefined, host = false): string {
  let out = markup;
  if (ids)
    out = out.replace(/ data-node-id="([^"]*)"/g, (m, id: string) =>
      ids[id] !== undefined ? ` [attr.data-node-id]="${attrExpr(ids[id])}"` : m,
    );
  return host ? out.replace(/<(\/?)([A-Za-z][\w-]*)/g, "<$1svg:$2") : out;
}

/** The template of a tree. */
export function printAngular(node: VNode, style: AngularTemplateStyle, indent = 0): string {
  const pad = "  ".repeat(indent);
  const open = (tag: string, attrs: string[]): string => `${pad}<${tag}${attrs.length ? " " + attrs.join(" ") : ""}>`;
  switch (node.type) {
    case "text":
      return pad + node.value.split("\n").map(ngText).join("<br />");
    case "prop":
      return `${pad}{{ ${node.name}() }}`;
    case "if": {
      const child = printAngular(node.child, style, indent + 1);
      if (!child.includes("\n")) return `${pad}@if (${node.prop}()) {${child.trimStart()}}`;
      return `${pad}@if (${node.prop}()) {\n${child}\n${pad}}`;
    }
    case "mapped":
      throw new Error("the team's components are drawn in React output only");
    case "use": {
      const { attr: selector, tag } = style.host(node.component);
      const cls = node.cls !== undefined ? style.classes(node.cls) : "";
      const attrs = [
        selector,
        ...(cls !== "" ? [`class="${escapeAttr(cls)}"`] : []),
        ...(node.nodeId === undefined
          ? []
          : typeof node.nodeId === "string"
            ? [`dataNodeId="${escapeAttr(node.nodeId)}"`]
            : [`[dataNodeId]="${attrExpr(node.nodeId.expr)}"`]),
        ...node.props.map(([k, v]) => (typeof v === "boolean" ? `[${k}]="${v}"` : `${k}="${escapeAttr(v)}"`)),
      ];
      return VOID.has(tag) ? `${open(tag, attrs).slice(0, -1)} />` : `${open(tag, attrs)}</${tag}>`;
    }
    case "element": {
      const tag = node.tag === "Link" ? "a" : node.tag;
      const head = open(tag, elementAttrs(node, style));
      if (node.svgMarkup !== undefined) return `${head}${svgInner(node.svgMarkup, node.svgNodeIds)}</${tag}>`;
      if (VOID.has(tag)) return `${head.slice(0, -1)} />`;
      if (node.children.length === 0) return `${head}</${tag}>`;
      if (node.children.some((c) => c.type === "text" || c.type === "prop" || (c.type === "element" && c.inline)))
        return `${head}${node.children.map((c) => printAngular(c, style, 0)).join("")}</${tag}>`;
      return `${head}\n${node.children.map((c) => printAngular(c, style, indent + 1)).join("\n")}\n${pad}</${tag}>`;
    }
  }
}
