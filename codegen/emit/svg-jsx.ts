/**
 * Inline SVG markup → JSX: ours (a fixed set of attributes) and the SVG a plugin or the REST API supplies
 * (codegen/design/supplied-svg.ts has already removed scripts, styles sheets and handlers). Attributes React
 * knows by another name are renamed, `style` strings become objects, other namespaced attributes are dropped
 * and text holding braces becomes a string expression.
 */
import { SVG_TAG } from "../svg-tag.js";

const JSX_ATTR: Record<string, string> = {
  class: "className",
  for: "htmlFor",
  tabindex: "tabIndex",
  "xlink:href": "xlinkHref",
  "xml:space": "xmlSpace",
  "xmlns:xlink": "xmlnsXlink",
};

/** SVG presentation attributes React spells in camelCase (those a Figma export or our own drawing uses). */
const CAMEL = new Set([
  "fill-rule",
  "clip-rule",
  "clip-path",
  "fill-opacity",
  "stroke-width",
  "stroke-linecap",
  "stroke-linejoin",
  "stroke-dasharray",
  "stroke-dashoffset",
  "stroke-miterlimit",
  "stroke-opacity",
  "stop-color",
  "stop-opacity",
  "flood-color",
  "flood-opacity",
  "color-interpolation-filters",
  "color-interpolation",
  "vector-effect",
  "font-family",
  "font-size",
  "font-weight",
  "font-style",
  "text-anchor",
  "dominant-baseline",
  "letter-spacing",
  "shape-rendering",
  "image-rendering",
  "paint-order",
  "mask-type",
  "lighting-color",
  "baseline-shift",
  "text-decoration",
]);

const camel = (name: string): string => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** The JSX name of an attribute, or undefined to drop it. */
export function jsxAttrName(name: string): string | undefined {
  if (JSX_ATTR[name]) return JSX_ATTR[name];
  if (CAMEL.has(name)) return camel(name);
  return name.includes(":") ? undefined : name;
}

function styleObject(css: string): string {
  const entries = css
    .split(";")
    .map((decl) => decl.split(/:(.*)/s).map((s) => s.trim()))
    .filter(([prop, value]) => prop && value)
    .map(
      ([prop, value]) =>
        `${prop!.startsWith("--") ? JSON.stringify(prop) : camel(prop!.toLowerCase())}: ${JSON.stringify(value)}`,
    );
  return `{{ ${entries.join(", ")} }}`;
}

const ATTR = /([^\s=>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'))?/g;

function tagToJsx(
  closing: string,
  tag: string,
  attrs: string,
  selfClosing: string,
  nodeIds: Readonly<Record<string, string>> | undefined,
): string {
  if (closing) return `</${tag}>`;
  const out = jsxAttrs(attrs, nodeIds);
  return `<${tag}${out.length ? " " + out.join(" ") : ""}${selfClosing ? "/" : ""}>`;
}

function jsxAttrs(attrs: string, nodeIds: Readonly<Record<string, string>> | undefined): string[] {
  const out: string[] = [];
  for (const m of attrs.matchAll(ATTR)) {
    const name = jsxAttrName(m[1]!);
    if (name === undefined) continue;
    const value = m[2] ?? m[3];
    if (value === undefined) out.push(name);
    else if (name === "style") out.push(`style=${styleObject(value)}`);
    // biome-ignore lint/suspicious/noPrototypeBuiltins: the main thread's lib is ES2020, without Object.hasOwn
    else if (name === "data-node-id" && nodeIds && Object.prototype.hasOwnProperty.call(nodeIds, value))
      out.push(`${name}={${nodeIds[value]}}`);
    else out.push(`${name}=${value.includes('"') ? `{${JSON.stringify(value)}}` : `"${value}"`}`);
  }
  return out;
}

/**
 * `nodeIds`: a JSX expression per layer id, for the `data-node-id` attributes that carry one (a component's own ids).
 */
/** The JSX of inline SVG as tokens: text, an opening tag with its JSX attributes, or a closing tag. */
export type SvgJsxToken =
  | { kind: "text"; text: string }
  | { kind: "open"; tag: string; attrs: string[]; selfClosing: boolean }
  | { kind: "close"; tag: string };

export function svgJsxTokens(markup: string, nodeIds?: Readonly<Record<string, string>>): SvgJsxToken[] {
  const out: SvgJsxToken[] = [];
  let at = 0;
  const text = (chunk: string): void => {
    if (chunk) out.push({ kind: "text", text: /[{}]/.test(chunk) ? `{${JSON.stringify(chunk)}}` : chunk });
  };
  for (const m of markup.matchAll(SVG_TAG)) {
    text(markup.slice(at, m.index));
    if (m[1]) out.push({ kind: "close", tag: m[2]! });
    else out.push({ kind: "open", tag: m[2]!, attrs: jsxAttrs(m[3]!, nodeIds), selfClosing: m[4] !== "" });
    at = m.index! + m[0].length;
  }
  text(markup.slice(at));
  return out;
}

export function svgToJsx(markup: string, nodeIds?: Readonly<Record<string, string>>): string {
  let out = "";
  let at = 0;
  const text = (chunk: string): string => (/[{}]/.test(chunk) ? `{${JSON.stringify(chunk)}}` : chunk);
  for (const m of markup.matchAll(SVG_TAG)) {
    out += text(markup.slice(at, m.index)) + tagToJsx(m[1]!, m[2]!, m[3]!, m[4]!, nodeIds);
    at = m.index! + m[0].length;
  }
  return out + text(markup.slice(at));
}
