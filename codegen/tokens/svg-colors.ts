/**
 * Tokens inside inline SVG: a shape whose fill or stroke is bound to a variable keeps its literal colour as the
 * presentation attribute (what a tool reading the SVG alone sees) and gets `style="fill: var(--token)"`, which
 * wins over it. Presentation attributes cannot hold `var()`, so the style attribute carries the token. Each
 * element's layer is its own `data-node-id`, else the enclosing group's, else the layer the SVG draws.
 */
import { round } from "../design/color.js";
import { SVG_TAG } from "../svg-tag.js";
import type { NodeTokens } from "../design/token-table.js";

type Binding = { literal: string; key: string; opacity: number };

const PAINT_ATTR = /\s(fill|stroke)="([^"]*)"/g;

function bindingsOf(tokens: NodeTokens | undefined): Binding[] {
  if (!tokens) return [];
  return [...(tokens.fills ?? []), ...(tokens.stroke ? [tokens.stroke] : [])];
}

const sameColor = (a: string, b: string): boolean =>
  a.replace(/\s+/g, "").toLowerCase() === b.replace(/\s+/g, "").toLowerCase();

/** `style` declarations for the paint attributes of one tag that carry a bound colour. */
function tokenStyles(attrs: string, bindings: Binding[], ref: (key: string) => string): string[] {
  const out: string[] = [];
  for (const m of attrs.matchAll(PAINT_ATTR)) {
    const binding = bindings.find((b) => sameColor(b.literal, m[2]!));
    if (!binding) continue;
    const token = ref(binding.key);
    if (!token) continue;
    const value =
      binding.opacity >= 1 ? token : `color-mix(in srgb, ${token} ${round(binding.opacity * 100, 1)}%, transparent)`;
    out.push(`${m[1]}:${value}`);
  }
  return out;
}

/** The layers whose fills or stroke are bound to tokens: the only owners an SVG's tags take a style from. */
export function paintedLayers(nodes: Readonly<Record<string, NodeTokens>>): Set<string> {
  return new Set(Object.keys(nodes).filter((id) => bindingsOf(nodes[id]).length > 0));
}

const NODE_ID_ATTR = /\sdata-node-id="([^"]*)"/g;

/** Whether any tag of `markup` can take a style: its layer, or a layer it names, is painted with a token. */
function mayBind(markup: string, layerId: string, painted: ReadonlySet<string>): boolean {
  if (painted.size === 0) return false;
  if (painted.has(layerId)) return true;
  for (const m of markup.matchAll(NODE_ID_ATTR)) if (painted.has(m[1]!)) return true;
  return false;
}

/**
 * `markup` (an SVG's body) with `style` fills and strokes for the colours bound to variables. `painted`
 * (paintedLayers of `nodes`) lets a body none of whose layers is painted with a token come back untouched, unscanned.
 */
export function svgColorTokens(
  markup: string,
  layerId: string,
  nodes: Readonly<Record<string, NodeTokens>>,
  ref: (key: string) => string,
  painted?: ReadonlySet<string>,
): string {
  if (painted && !mayBind(markup, layerId, painted)) return markup;
  const owners: string[] = [layerId];
  return markup.replace(SVG_TAG, (whole, closing: string, tag: string, attrs: string, selfClosing: string) => {
    if (closing) {
      if (tag === "g" && owners.length > 1) owners.pop();
      return whole;
    }
    const own = /\sdata-node-id="([^"]*)"/.exec(attrs)?.[1];
    const owner = own ?? owners[owners.length - 1]!;
    if (tag === "g" && !selfClosing) owners.push(owner);
    const styles = tokenStyles(attrs, bindingsOf(nodes[owner]), ref);
    if (styles.length === 0 || /\sstyle=/.test(attrs)) return whole;
    return `<${tag}${attrs} style="${styles.join(";")}"${selfClosing ? "/" : ""}>`;
  });
}
