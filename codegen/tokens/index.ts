/** Design tokens for the emitters: the build context's hook, and the stylesheet that defines them. */
import type { Decl } from "../css/decl.js";
import type { DesignDocument, DesignNode } from "../design/types.js";
import { applyTokens } from "./apply.js";
import { paintedLayers, svgColorTokens } from "./svg-colors.js";
import { tokenRef, tokensCss, type TokenStyling } from "./stylesheet.js";

export { tokensCss, type TokenStyling } from "./stylesheet.js";
export type { Token, TokenMode, TokenTable } from "../design/token-table.js";

/**
 * The emitters' hook for tokens (their build context's `tokens`): bound values as `var(--…)`, and a layer's mode
 * attributes.
 */
export interface TokenContext {
  decls(node: DesignNode, decls: Decl[]): Decl[];
  attrs(node: DesignNode): [string, string][];
  /** An inline SVG's body with its bound colours as tokens. */
  svg(node: DesignNode, markup: string): string;
}

/** The build context's token hook for `doc`, or undefined when the design has no tokens. */
export function tokenContext(doc: DesignDocument, styling: TokenStyling): TokenContext | undefined {
  const table = doc.tokens;
  if (!table || table.tokens.length === 0) return undefined;
  const ref = tokenRef(table, styling);
  const byKey = new Map(table.tokens.map((t) => [t.key, t]));
  // A token's CSS value in its default mode, through its aliases.
  const tokenValue = (key: string, depth = 0): string | undefined => {
    const value = byKey.get(key)?.value;
    if (!value || depth > 8) return undefined;
    return "css" in value ? value.css : tokenValue(value.ref, depth + 1);
  };
  const painted = paintedLayers(table.nodes);
  // Asked for every layer built: maps answer faster than the records keyed by layer id (mostly with no entry).
  const bindings = new Map(Object.entries(table.nodes));
  const modeAttrs = new Map(Object.entries(table.modeAttrs));
  return {
    decls: (node, decls) => applyTokens(decls, node, bindings.get(node.id), ref, tokenValue),
    attrs: (node) => modeAttrs.get(node.id) ?? [],
    svg: (node, markup) => svgColorTokens(markup, node.id, table.nodes, ref, painted),
  };
}

/** The stylesheet defining `doc`'s tokens (empty string when there are none). */
export function documentTokensCss(doc: DesignDocument, styling: TokenStyling): string {
  return doc.tokens ? tokensCss(doc.tokens, styling) : "";
}

/** `{ tokens }` for a build context, or `{}` when the design has none. */
export function tokenFields(doc: DesignDocument, styling: TokenStyling): { tokens?: TokenContext } {
  const tokens = tokenContext(doc, styling);
  return tokens ? { tokens } : {};
}
