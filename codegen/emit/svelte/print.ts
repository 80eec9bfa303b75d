/**
 * Prints the markup tree (vnode.ts) as Svelte 5 markup: the same tree React's JSX printer reads, written in Svelte's
 * idiom — `class`, `attr={expr}`, `{prop}`, `{#if}`, `onclick={…}`, links as `<a href onclick={follow}>` (the
 * project's router, src/router.svelte.ts), a dialog's ref as `bind:this`, handlers as prototype.ts says them.
 */
import { escapeAttr } from "../../escape.js";
import { jsString, VOID } from "../markup.js";
import type { AttrValue, ElementNode, VNode } from "../vnode.js";
import { svelteHandler } from "./prototype.js";

/** How a file's classes are written: a class name (scoped styles) or Tailwind's utilities. */
export interface SvelteClassStyle {
  classes(cls: string): string;
  /** The class a component's placement is passed as (a global name the parent's style gives its rule). */
  useClass?(cls: string): string;
}

function attr(name: string, value: AttrValue): string {
  if (typeof value !== "string") return `${name}={${value.expr}}`;
  // A brace in an attribute's text would start an expression.
  return /[{}]/.test(value) ? `${name}={${jsString(value)}}` : `${name}="${escapeAttr(value)}"`;
}

/** Text as the markup shows it: whitespace Svelte would condense, braces and markup characters, as a string. */
function svelteText(value: string): string {
  if (value === "") return "";
  if (/[{}<>\n\r\t&]|^\s|\s$|\s\s/.test(value)) return `{${jsString(value)}}`;
  return value;
}

function elementAttrs(node: ElementNode, style: SvelteClassStyle): string[] {
  const out: string[] = [];
  if (node.cls !== undefined) {
    const own = style.classes(node.cls);
    const value = node.stateCls
      ? `${node.stateCls.when} ? ${jsString(style.classes(node.stateCls.cls))} : ${jsString(own)}`
      : undefined;
    // A component's root takes the placement its instance passes (`class`).
    if (node.mergeClassNameProp) out.push(`class={[${value ?? jsString(own)}, className]}`);
    else if (value) out.push(`class={${value}}`);
    else if (own !== "") out.push(`class="${escapeAttr(own)}"`);
  } else if (node.mergeClassNameProp) out.push("class={className}");
  if (node.nodeId !== undefined) out.push(attr("data-node-id", node.nodeId));
  for (const [k, v] of node.attrs) out.push(node.tag === "Link" && k === "to" ? attr("href", v) : attr(k, v));
  // A link follows its href through the project's router, or plays its page transition around it (prototype.ts).
  if (node.tag === "Link" && !node.reactAttrs?.some(([k]) => k === "onClick")) out.push("onclick={follow}");
  for (const [k, expr] of node.reactAttrs ?? []) {
    // A ref is the element itself: a dialog's, a menu's button (emit.ts declares both).
    if (k === "ref") out.push(`bind:this={${expr}}`);
    else if (k.startsWith("on")) out.push(`${k.toLowerCase()}={${svelteHandler(expr)}}`);
    else out.push(`${k}={${expr}}`);
  }
  return out;
}

/** Inner SVG markup, its layers' ids bound to the instance's (`data-node-id={layerId("…")}`) in a component. */
function svgInner(markup: string, ids: Record<string, string> | undefined): string {
  if (!ids) return markup;
  return markup.replace(/ data-node-id="([^"]*)"/g, (m, id: string) =>
    ids[id] !== undefined ? ` data-node-id={${ids[id]}}` : m,
  );
}

/** The markup of a tree. */
export function printSvelte(node: VNode, style: SvelteClassStyle, indent = 0): string {
  const pad = "  ".repeat(indent);
  const head = (tag: string, attrs: (string | undefined)[]): string => {
    const list = attrs.filter((a): a is string => a !== undefined && a !== "");
    return `${pad}<${tag}${list.length ? " " + list.join(" ") : ""}`;
  };
  switch (node.type) {
    case "text":
      return pad + node.value.split("\n").map(svelteText).join("<br />");
    case "prop":
      return `${pad}{${node.name}}`;
    case "if": {
      const child = printSvelte(node.child, style, indent + 1);
      if (!child.includes("\n")) return `${pad}{#if ${node.prop}}${child.trimStart()}{/if}`;
      return `${pad}{#if ${node.prop}}\n${child}\n${pad}{/if}`;
    }
    case "mapped":
      throw new Error("the team's components are drawn in React output only");
    case "use": {
      const cls = node.cls !== undefined ? (style.useClass ?? style.classes)(node.cls) : "";
      const attrs = [
        cls !== "" ? `class="${escapeAttr(cls)}"` : undefined,
        node.nodeId !== undefined ? attr("dataNodeId", node.nodeId) : undefined,
        ...node.props.map(([k, v]) => (typeof v === "boolean" ? `${k}={${v}}` : attr(k, v))),
      ];
      return `${head(node.component, attrs)} />`;
    }
    case "element": {
      const tag = node.tag === "Link" ? "a" : node.tag;
      const open = head(tag, elementAttrs(node, style));
      if (node.svgMarkup !== undefined) return `${open}>${svgInner(node.svgMarkup, node.svgNodeIds)}</${tag}>`;
      if (VOID.has(tag)) return `${open} />`;
      if (node.children.length === 0) return `${open}></${tag}>`;
      if (node.children.some((c) => c.type === "text" || c.type === "prop" || (c.type === "element" && c.inline)))
        return `${open}>${node.children.map((c) => printSvelte(c, style, 0)).join("")}</${tag}>`;
      return `${open}>\n${node.children.map((c) => printSvelte(c, style, indent + 1)).join("\n")}\n${pad}</${tag}>`;
    }
  }
}
