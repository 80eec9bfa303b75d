/**
 * The token table as CSS: every token defined once in `:root` (or, for Tailwind, in `@theme static`, which
 * makes the utility classes), then one block per other mode — `[data-theme="dark"]` for a subtree or the
 * page, and `@media (prefers-color-scheme: dark)` for a page that sets no theme.
 */
import type { Token, TokenMode, TokenTable, TokenValue } from "../design/token-table.js";

export type TokenStyling = "css" | "tailwind";

/** The custom property (no `--`) a token has in this styling. */
export function tokenVar(token: Token, styling: TokenStyling): string {
  return styling === "tailwind" ? token.theme : token.name;
}

/** `var(--name)` for the token `key` of `table`. */
export function tokenRef(table: TokenTable, styling: TokenStyling): (key: string) => string {
  const byKey = new Map(table.tokens.map((t) => [t.key, t]));
  return (key) => {
    const token = byKey.get(key);
    return token ? `var(--${tokenVar(token, styling)})` : "";
  };
}

function valueCss(value: TokenValue, ref: (key: string) => string): string {
  return "css" in value ? value.css : ref(value.ref);
}

function block(selector: string, lines: string[], indent = ""): string {
  return `${indent}${selector} {\n${lines.map((l) => `${indent}  ${l}`).join("\n")}\n${indent}}\n`;
}

/** The tokens' stylesheet; empty when the table has no tokens. */
export function tokensCss(table: TokenTable, styling: TokenStyling): string {
  if (table.tokens.length === 0) return "";
  const ref = tokenRef(table, styling);
  const decl = (token: Token, value: TokenValue): string => `--${tokenVar(token, styling)}: ${valueCss(value, ref)};`;
  const out: string[] = [];
  const header = styling === "tailwind" ? "@theme static" : ":root";
  out.push(
    block(
      header,
      table.tokens.map((t) => decl(t, t.value)),
    ),
  );
  const byCollection = new Map<string, TokenMode[]>();
  for (const mode of table.modes)
    byCollection.set(mode.collection, [...(byCollection.get(mode.collection) ?? []), mode]);
  for (const modes of byCollection.values()) {
    const fallback = modes.find((m) => m.isDefault);
    for (const mode of modes) {
      // A mode's block lists the tokens of its collection: the default mode's values for `[data-theme="light"]`
      // inside a dark subtree, the mode's own values otherwise.
      const tokens = table.tokens.filter(
        (t) => t.modes && Object.keys(t.modes).some((id) => modes.some((m) => m.id === id)),
      );
      const lines = tokens.map((t) => decl(t, mode.isDefault ? t.value : (t.modes?.[mode.id] ?? t.value)));
      if (lines.length === 0) continue;
      const selector = `[${mode.attribute}="${mode.value}"]`;
      out.push(block(selector, lines));
      if (!mode.isDefault && mode.scheme && fallback?.scheme !== mode.scheme) {
        out.push(
          `@media (prefers-color-scheme: ${mode.scheme}) {\n${block(`:root:not([${mode.attribute}])`, lines, "  ")}}\n`,
        );
      }
    }
  }
  return out.join("\n");
}
