/**
 * Named styles (paint, text, effect) as tokens, when more than one exported layer uses the same style and
 * no variable is bound on that property. The value is the layer's own literal (what the emitter writes), so
 * the token replaces exactly it; a layer whose value differs from the style's first use keeps its literal.
 */
import { round } from "../design/color.js";
import type { DesignNode } from "../design/types.js";
import { boxShadowValue } from "../css/decl.js";
import { fontStack } from "../fonts/stack.js";
import { themeSlug } from "./names.js";
import type { TokenRegistry } from "./registry.js";
import type { NodeTokens, TokenGroup } from "../design/token-table.js";

export interface StyleUse {
  nodeId: string;
  /** REST `styles` key: fill(s), stroke(s), text, effect, grid. */
  facet: string;
  styleId: string;
  name: string;
}

const px = (v: number): string => (v === 0 ? "0" : `${round(v)}px`);

/** The text style facets, in the order of Tailwind's `--text-*` sub-properties. */
const TEXT_FACETS: {
  facet: keyof NonNullable<NodeTokens["text"]>;
  suffix: string;
  group: TokenGroup;
  theme: (size: string, slug: string) => string;
}[] = [
  { facet: "size", suffix: "font-size", group: "text", theme: (_size, slug) => themeSlug("text", slug) },
  { facet: "lineHeight", suffix: "line-height", group: "text", theme: (size) => `${size}--line-height` },
  { facet: "letterSpacing", suffix: "letter-spacing", group: "text", theme: (size) => `${size}--letter-spacing` },
  { facet: "weight", suffix: "font-weight", group: "text", theme: (size) => `${size}--font-weight` },
  { facet: "family", suffix: "font-family", group: "font", theme: (_size, slug) => themeSlug("font", slug) },
];

function textFacet(node: DesignNode, facet: keyof NonNullable<NodeTokens["text"]>): string | undefined {
  const style = node.text?.style;
  if (!style) return undefined;
  if (facet === "family") return fontStack(style.family);
  if (facet === "size") return px(style.size);
  if (facet === "weight") return String(style.weight);
  if (facet === "lineHeight") return style.lineHeight === undefined ? undefined : px(style.lineHeight);
  return style.letterSpacing === undefined ? undefined : px(style.letterSpacing);
}

function solidFill(node: DesignNode): string | undefined {
  if (node.kind === "text")
    return node.text?.style.color?.startsWith("#") || node.text?.style.color?.startsWith("rgba(")
      ? node.text.style.color
      : undefined;
  const fills = node.fills ?? [];
  return fills.length === 1 && fills[0]!.kind === "solid" ? fills[0]!.color : undefined;
}

export function bindStyles(
  reg: TokenRegistry,
  uses: StyleUse[],
  design: Map<string, DesignNode>,
  nodes: Record<string, NodeTokens>,
): void {
  // A few facets ("fill", "fills", "text", …), each a kind once (a layer has thousands of uses between them).
  const kinds = new Map<string, string>();
  const kindOf = (facet: string): string => {
    let kind = kinds.get(facet);
    if (kind === undefined) kinds.set(facet, (kind = facet.replace(/s$/, "")));
    return kind;
  };
  // Each style's users (kind|style → node id → bound already), its key made once per use.
  const users = new Map<string, Map<string, boolean>>();
  const ids = uses.map((use) => {
    const id = `${kindOf(use.facet)}|${use.styleId}`;
    let byNode = users.get(id);
    if (!byNode) users.set(id, (byNode = new Map()));
    byNode.set(use.nodeId, false);
    return byNode;
  });
  uses.forEach((use, index) => {
    const kind = kindOf(use.facet);
    const byNode = ids[index]!;
    if (byNode.size < 2 || byNode.get(use.nodeId)) return;
    byNode.set(use.nodeId, true);
    const node = design.get(use.nodeId);
    if (!node) return;
    const bound = (nodes[use.nodeId] ??= {});
    const key = `style:${use.styleId}`;
    const bind = (
      facetKey: string,
      group: TokenGroup,
      literal: string | undefined,
      path = use.name,
      theme?: string,
    ): string | undefined => {
      if (literal === undefined) return undefined;
      reg.literal(facetKey, path, group, literal, theme);
      return reg.literalValue(facetKey) === literal ? facetKey : undefined;
    };
    if (kind === "fill" && !bound.fills) {
      const literal = solidFill(node);
      const k = bind(key, "color", literal);
      if (k && literal) bound.fills = [{ literal, key: k, opacity: 1 }];
    } else if (kind === "stroke" && !bound.stroke && node.stroke) {
      const k = bind(key, "color", node.stroke.color);
      if (k) bound.stroke = { literal: node.stroke.color, key: k, opacity: 1 };
    } else if (kind === "effect" && !bound.effects && node.kind !== "text" && node.effects?.shadows?.length) {
      const k = bind(key, "shadow", boxShadowValue(node.effects.shadows));
      if (k) bound.shadow = k;
    } else if (kind === "text" && node.text) {
      const slug = use.name;
      let sizeTheme = themeSlug("text", slug);
      for (const { facet, suffix, group, theme } of TEXT_FACETS) {
        if (bound.text?.[facet]) continue;
        const k = bind(
          `${key}:${facet}`,
          group,
          textFacet(node, facet),
          `${use.name}/${suffix}`,
          theme(sizeTheme, slug),
        );
        if (facet === "size" && k) sizeTheme = tokenTheme(reg, k) ?? sizeTheme;
        if (k) (bound.text ??= {})[facet] = k;
      }
    }
    if (isEmpty(bound)) delete nodes[use.nodeId];
  });
}

function isEmpty(record: object): boolean {
  for (const _ in record) return false;
  return true;
}

function tokenTheme(reg: TokenRegistry, key: string): string | undefined {
  return reg.tokens.get(key)?.theme;
}
