/**
 * Prints the markup tree (vnode.ts) as a Vue template: the same tree React's JSX printer reads, written in Vue's
 * idiom — `class`, `:attr="expr"`, `{{ prop }}`, `v-if`, `@click`, `<RouterLink to>`, a dialog's `ref`.
 */
import { escapeAttr } from "../../escape.js";
import { jsString, VOID } from "../markup.js";
import type { AttrValue, ElementNode, VNode } from "../vnode.js";
import { vueHandler } from "./prototype.js";

/** How a file's classes are written: a class name (scoped styles) or Tailwind's utilities. */
export interface VueClassStyle {
  classes(cls: string): string;
  /** The class a component's placement is passed as (a name of the parent's own: framework-context.ts). */
  useClass?(cls: string): string;
}

/**
 * An expression in a double-quoted attribute: its strings single-quoted where that needs no escape; `&` and `"`
 * escaped (Vue's parser decodes them; an arrow's `>` is fine inside quotes).
 */
export function attrExpr(expr: string): string {
  const swapped = expr.replace(/"((?:[^"\\']|\\.)*)"/g, "'$1'");
  return (swapped.includes('"') ? expr : swapped).replace(/&/g, "&amp;").replace(/"/g, "&quot;");
}

function attr(name: string, value: AttrValue): string {
  if (typeof value === "string") return `${name}="${escapeAttr(value)}"`;
  return `:${name}="${attrExpr(value.expr)}"`;
}

/** Text as the template shows it: whitespace Vue would condense, braces and markup characters, as a string. */
function vueText(value: string): string {
  if (value === "") return "";
  if (/[{}<>\n\r\t&]|^\s|\s$|\s\s/.test(value)) return `{{ ${jsString(value)} }}`;
  return value;
}

function elementAttrs(node: ElementNode, style: VueClassStyle): string[] {
  const out: string[] = [];
  if (node.cls !== undefined) {
    const own = style.classes(node.cls);
    if (node.stateCls)
      out.push(
        `:class="${node.stateCls.when} ? ${attrExpr(jsString(style.classes(node.stateCls.cls)))} : ` +
          `${attrExpr(jsString(own))}"`,
      );
    else if (own !== "") out.push(`class="${escapeAttr(own)}"`);
  }
  if (node.nodeId !== undefined) out.push(attr("data-node-id", node.nodeId));
  for (const [k, v] of node.attrs) out.push(attr(k, v));
  for (const [k, expr] of node.reactAttrs ?? []) {
    // A template ref names the script's ref of that name: a dialog's (prototype.ts), a menu's button (emit.ts).
    if (k === "ref") out.push(`ref="${escapeAttr(expr)}"`);
    else if (k.startsWith("on")) {
      const handler = vueHandler(expr);
      // A page transition's click runs before the RouterLink's navigation, which it prevents (prototype.ts).
      const phase = handler.startsWith("transitionClick(") ? ".capture" : "";
      out.push(`@${k.slice(2).toLowerCase()}${phase}="${attrExpr(handler)}"`);
    } else out.push(`:${k}="${attrExpr(expr)}"`);
  }
  return out;
}

/** Inner SVG markup, its layers' ids bound to the instance's (`:data-node-id="layerId('…')"`) in a component. */
function svgInner(markup: string, ids: Record<string, string> | undefined): string {
  if (!ids) return markup;
  return markup.replace(/ data-node-id="([^"]*)"/g, (m, id: string) =>
    ids[id] !== undefined ? ` :data-node-id="${attrExpr(ids[id])}"` : m,
  );
}

/** The template of a tree; `extra` goes on the node's opening tag (a `v-if`). */
export function printVue(node: VNode, style: VueClassStyle, indent = 0, extra?: string): string {
  const pad = "  ".repeat(indent);
  const head = (tag: string, attrs: (string | undefined)[]): string => {
    const list = [extra, ...attrs].filter((a): a is string => a !== undefined && a !== "");
    return `${pad}<${tag}${list.length ? " " + list.join(" ") : ""}`;
  };
  switch (node.type) {
    case "text":
      return pad + node.value.split("\n").map(vueText).join("<br />");
    case "prop":
      return `${pad}{{ ${node.name} }}`;
    case "if":
      if (node.child.type === "element" || node.child.type === "use")
        return printVue(node.child, style, indent, `v-if="${node.prop}"`);
      return `${pad}<template v-if="${node.prop}">${printVue(node.child, style, 0)}</template>`;
    case "mapped":
      throw new Error("the team's components are drawn in React output only");
    case "use": {
      const cls = node.cls !== undefined ? (style.useClass ?? style.classes)(node.cls) : "";
      const attrs = [
        cls !== "" ? `class="${escapeAttr(cls)}"` : undefined,
        node.nodeId !== undefined ? attr("data-node-id", node.nodeId) : undefined,
        ...node.props.map(([k, v]) => (typeof v === "boolean" ? `:${k}="${v}"` : `${k}="${escapeAttr(v)}"`)),
      ];
      return `${head(node.component, attrs)} />`;
    }
    case "element": {
      const tag = node.tag === "Link" ? "RouterLink" : node.tag;
      const open = head(tag, elementAttrs(node, style));
      if (node.svgMarkup !== undefined) return `${open}>${svgInner(node.svgMarkup, node.svgNodeIds)}</${tag}>`;
      if (VOID.has(tag)) return `${open} />`;
      if (node.children.length === 0) return `${open}></${tag}>`;
      if (node.children.some((c) => c.type === "text" || c.type === "prop" || (c.type === "element" && c.inline)))
        return `${open}>${node.children.map((c) => printVue(c, style, 0)).join("")}</${tag}>`;
      return `${open}>\n${node.children.map((c) => printVue(c, style, indent + 1)).join("\n")}\n${pad}</${tag}>`;
    }
  }
}
