/** Prints the markup tree as JSX (React) or HTML. */
import { escapeAttr, escapeHtml } from "../escape.js";
import { jsxChildLiteral, jsxPropAttribute } from "../components-map/jsx.js";
import { jsxAttrName, svgToJsx } from "./svg-jsx.js";
import type { AttrValue, ElementNode, MappedProp, MappedUse, VNode } from "./vnode.js";

export const VOID = new Set(["img", "input", "hr", "br"]);

export interface MarkupStyle {
  /** The class attribute for an element: `className={styles.x}`, `class="x"`, … (without leading space). */
  classAttr(cls: string | undefined, mergeClassNameProp: boolean): string | undefined;
  /** JSX: a class as an expression (`styles.x`, `"flex …"`), for a class chosen by state. */
  classValue?(cls: string): string;
}

/**
 * `className={open ? styles.menuOpen : styles.menu}`: an element whose class follows a state (ElementNode.stateCls).
 */
export function stateClassAttr(node: ElementNode, style: MarkupStyle): string | undefined {
  const state = node.stateCls;
  if (!state || !node.cls || !style.classValue) return style.classAttr(node.cls, node.mergeClassNameProp ?? false);
  return `className={${state.when} ? ${style.classValue(state.cls)} : ${style.classValue(node.cls)}}`;
}

export { svgToJsx };

export function jsxAttr(name: string, value: AttrValue): string {
  // An input's starting value: React's `value` would make it read-only without an onChange.
  const jsxName = name === "value" ? "defaultValue" : (jsxAttrName(name) ?? name);
  if (typeof value !== "string") return `${jsxName}={${value.expr}}`;
  // React types a tab index as a number.
  if (jsxName === "tabIndex" && /^-?\d+$/.test(value)) return `tabIndex={${value}}`;
  // JSX attribute strings decode HTML entities and allow no escapes: anything unusual goes in an expression.
  return /["\\\n{}&]/.test(value) ? `${jsxName}={${JSON.stringify(value)}}` : `${jsxName}="${value}"`;
}

/** A JS string literal, its no-break and em spaces (whitespace.ts) written as escapes: visible in the code. */
export function jsString(value: string): string {
  return JSON.stringify(value)
    .replace(/\u00a0/g, "\\u00a0")
    .replace(/\u2003/g, "\\u2003");
}

/** A component's text prop: as jsxAttr, with its drawn spaces visible as escapes. */
export function propAttr(name: string, value: string): string {
  return /[\u00a0\u2003]/.test(value) ? `${name}={${jsString(value)}}` : jsxAttr(name, value);
}

export function jsxText(value: string): string {
  if (value === "") return "";
  // JSX collapses whitespace and treats {}<> specially; anything unusual goes in a string expression.
  // No-break and em spaces (whitespace.ts) written as escapes: visible in the code.
  if (/[{}<>\n\r\t"'`\\&]|^\s|\s$|\s\s/.test(value)) return `{${jsString(value)}}`;
  return value;
}

/** A mapped prop's JSX: drawn markup, or a value map's code as written (prettier lays it out). */
function mappedMarkup(value: Exclude<MappedProp, { literal: unknown }>, style: MarkupStyle, indent: number): string {
  return "code" in value ? `${"  ".repeat(indent)}${value.code.code}` : printJsx(value.jsx, style, indent);
}

/** A team component: literal props as attributes, drawn layers as `icon={<svg …/>}`, children inside. */
function printMapped(node: MappedUse, style: MarkupStyle, indent: number): string {
  const pad = "  ".repeat(indent);
  const attrs = node.props.map(([name, value]) =>
    "literal" in value ? jsxPropAttribute(name, value.literal) : `${name}={${mappedMarkup(value, style, 0).trim()}}`,
  );
  const open = `${pad}<${node.component}${attrs.length ? " " + attrs.join(" ") : ""}`;
  if (node.children.length === 0) return `${open} />`;
  if (node.children.every((c) => "literal" in c))
    return (
      `${open}>${node.children.map((c) => ("literal" in c ? jsxChildLiteral(c.literal) : "")).join("")}` +
      `</${node.component}>`
    );
  const inner = node.children.map((c) =>
    "literal" in c ? `${pad}  ${jsxChildLiteral(c.literal)}` : mappedMarkup(c, style, indent + 1),
  );
  return `${open}>\n${inner.join("\n")}\n${pad}</${node.component}>`;
}

/** An element's JSX attributes in order: its class, its layer id, its attributes, its React expressions. */
export function elementAttrs(node: Extract<VNode, { type: "element" }>, style: MarkupStyle): string[] {
  const out: string[] = [];
  const add = (a: string | undefined): void => {
    if (a !== undefined && a !== "") out.push(a);
  };
  add(stateClassAttr(node, style));
  if (node.nodeId !== undefined) add(jsxAttr("data-node-id", node.nodeId));
  for (const [k, v] of node.attrs) add(jsxAttr(k, v));
  for (const [k, expr] of node.reactAttrs ?? []) add(`${k}={${expr}}`);
  return out;
}

export function printJsx(node: VNode, style: MarkupStyle, indent = 0): string {
  const pad = "  ".repeat(indent);
  switch (node.type) {
    case "text":
      // Line breaks as <br />, as in HTML.
      return pad + node.value.split("\n").map(jsxText).join("<br />");
    case "prop":
      return `${pad}{${node.name}}`;
    case "if":
      return `${pad}{${node.prop} && (\n${printJsx(node.child, style, indent + 1)}\n${pad})}`;
    case "mapped":
      return printMapped(node, style, indent);
    case "use": {
      const attrs = [
        style.classAttr(node.cls, false),
        node.nodeId !== undefined ? jsxAttr("data-node-id", node.nodeId) : undefined,
        ...node.props.map(([k, v]) => (typeof v === "boolean" ? `${k}={${v}}` : propAttr(k, v))),
      ].filter(Boolean);
      return `${pad}<${node.component}${attrs.length ? " " + attrs.join(" ") : ""} />`;
    }
    case "element": {
      const attrs = elementAttrs(node, style);
      const open = `${pad}<${node.tag}${attrs.length ? " " + attrs.join(" ") : ""}`;
      if (node.svgMarkup !== undefined) return `${open}>${svgToJsx(node.svgMarkup, node.svgNodeIds)}</${node.tag}>`;
      if (VOID.has(node.tag) || node.children.length === 0) return `${open} />`;
      if (node.children.every((c) => c.type === "text" || c.type === "prop")) {
        return `${open}>${node.children.map((c) => printJsx(c, style, 0)).join("")}</${node.tag}>`;
      }
      return `${open}>\n${node.children.map((c) => printJsx(c, style, indent + 1)).join("\n")}\n${pad}</${node.tag}>`;
    }
  }
}

export function printHtml(node: VNode, style: MarkupStyle, indent = 0): string {
  const pad = "  ".repeat(indent);
  switch (node.type) {
    case "text":
      // Line breaks as <br>: prettier may reflow whitespace inside block elements.
      return (
        pad +
        node.value
          .split("\n")
          .map((line) =>
            escapeHtml(line)
              .replace(/\u00a0/g, "&nbsp;")
              .replace(/\u2003/g, "&emsp;"),
          )
          .join("<br />")
      );
    case "prop":
    case "if":
    case "use":
    case "mapped":
      throw new Error(`${node.type} nodes have no HTML form`);
    case "element": {
      const attrs = [
        style.classAttr(node.cls, false),
        node.nodeId !== undefined
          ? `data-node-id="${escapeAttr(typeof node.nodeId === "string" ? node.nodeId : node.nodeId.html)}"`
          : undefined,
        ...node.attrs.map(([k, v]) => `${k}="${escapeAttr(typeof v === "string" ? v : v.html)}"`),
        ...(node.htmlAttrs ?? []).map(([k, v]) => `${k}="${escapeAttr(v)}"`),
      ].filter(Boolean);
      const open = `${pad}<${node.tag}${attrs.length ? " " + attrs.join(" ") : ""}>`;
      if (node.svgMarkup !== undefined) return `${open}${node.svgMarkup}</${node.tag}>`;
      if (VOID.has(node.tag)) return open;
      if (node.children.length === 0) return `${open}</${node.tag}>`;
      // Text content prints inline: a line break between its runs (or under white-space: pre-wrap) would show as a
      // space.
      if (node.children.some((c) => c.type === "text" || (c.type === "element" && c.inline)))
        return `${open}${node.children.map((c) => printHtml(c, style, 0)).join("")}</${node.tag}>`;
      return `${open}\n${node.children.map((c) => printHtml(c, style, indent + 1)).join("\n")}\n${pad}</${node.tag}>`;
    }
  }
}
