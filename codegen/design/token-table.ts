/**
 * Design tokens: the Figma variables and named styles that the exported layers use, as one table the
 * emitters print once (CSS custom properties, or a Tailwind v4 `@theme`) and refer to with `var(--…)`.
 * Built beside the design tree (codegen/tokens/resolve.ts); the tree itself keeps literal values, so the
 * hint, the fidelity check and everything without tokens work as before.
 */

/** What a token is for; it picks the Tailwind theme namespace (`--color-*`, `--spacing-*` …). */
export type TokenGroup =
  | "color"
  | "spacing"
  | "radius"
  | "text"
  | "leading"
  | "tracking"
  | "font-weight"
  | "font"
  | "shadow"
  | "number";

/** A token's value in one mode: CSS text, or another token (a Figma alias) printed as `var(--other)`. */
export type TokenValue = { css: string } | { ref: string };

export interface Token {
  /** Stable key: the variable id, or `style:<id>[:facet]` for a named style. */
  key: string;
  /** The variable's or style's path, e.g. `color/text/primary`. */
  path: string;
  group: TokenGroup;
  /** CSS custom property name (no `--`), for CSS modules and plain CSS: `color-text-primary`. */
  name: string;
  /** Tailwind theme variable name (no `--`), in its namespace: `color-text-primary`, `spacing-md`. */
  theme: string;
  /** Value in the collection's default mode. */
  value: TokenValue;
  /** Values in the collection's other modes, by TokenMode.id. */
  modes?: Record<string, TokenValue>;
}

/** A mode other tokens switch to: `[attribute="value"]`, and for a dark/light mode the colour-scheme query. */
export interface TokenMode {
  /** `collectionId/modeId`. */
  id: string;
  collection: string;
  /** e.g. `data-theme`. */
  attribute: string;
  /** e.g. `dark`. */
  value: string;
  /** The collection's default mode (its tokens' `value`): printed only as an attribute block. */
  isDefault: boolean;
  /** `prefers-color-scheme` this mode answers, when its name says dark or light. */
  scheme?: "dark" | "light";
}

/** The tokens one layer uses, by what they replace. Keys are Token.key. */
export interface NodeTokens {
  /** Solid fill colours (background, or text colour): the literal colour → token, with the paint's opacity. */
  fills?: { literal: string; key: string; opacity: number }[];
  stroke?: { literal: string; key: string; opacity: number };
  /** Effect colours (shadows) by literal colour. */
  effects?: { literal: string; key: string; opacity: number }[];
  /** A whole shadow list from a named effect style. */
  shadow?: string;
  gap?: string;
  crossGap?: string;
  /** top, right, bottom, left */
  padding?: (string | undefined)[];
  /** top-left, top-right, bottom-right, bottom-left */
  radius?: (string | undefined)[];
  width?: string;
  height?: string;
  minW?: string;
  maxW?: string;
  minH?: string;
  maxH?: string;
  opacity?: string;
  text?: { family?: string; size?: string; weight?: string; lineHeight?: string; letterSpacing?: string };
}

export interface TokenTable {
  /** In order of first use; alias targets come before the tokens that refer to them. */
  tokens: Token[];
  modes: TokenMode[];
  /** By Figma node id. */
  nodes: Record<string, NodeTokens>;
  /** Attributes that put a layer (and what it holds) into a mode, by node id: `[["data-theme", "dark"]]`. */
  modeAttrs: Record<string, [string, string][]>;
}
