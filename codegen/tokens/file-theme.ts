/**
 * A file's whole design system as a token stylesheet: every local variable (not only the ones a frame binds), each in
 * the group its type, scopes or name say — colours, spacing, radii, type sizes, line heights, tracking, weights,
 * families — for "Design from a prompt", where no frame is being turned into code. Bounded: at most `maxTokens`
 * tokens, the colours first (what a page needs most). Pure.
 */
import type { LocalVariable } from "@figma/rest-api-spec";
import type { DesignVariables } from "../design/extras.js";
import type { TokenGroup } from "../design/token-table.js";
import { TokenRegistry, type Use } from "./registry.js";
import { tokensCss, type TokenStyling } from "./stylesheet.js";

const SCOPE_GROUP: [scope: string, group: TokenGroup][] = [
  ["CORNER_RADIUS", "radius"],
  ["FONT_SIZE", "text"],
  ["LINE_HEIGHT", "leading"],
  ["LETTER_SPACING", "tracking"],
  ["FONT_WEIGHT", "font-weight"],
  ["GAP", "spacing"],
  ["WIDTH_HEIGHT", "spacing"],
  ["FONT_FAMILY", "font"],
];

const NAME_GROUP: [pattern: RegExp, group: TokenGroup][] = [
  [/radius|radii|corner|rounded/i, "radius"],
  [/line.?height|leading/i, "leading"],
  [/letter.?spacing|tracking/i, "tracking"],
  [/weight/i, "font-weight"],
  [/font.?size|text.?size|type.?scale/i, "text"],
  [/family|typeface/i, "font"],
  [/spac|gap|padding|margin|size|sizing/i, "spacing"],
];

const USE_OF: Record<TokenGroup, Use> = {
  color: "color",
  spacing: "length",
  radius: "length",
  text: "length",
  leading: "length",
  tracking: "length",
  "font-weight": "number",
  number: "number",
  font: "font",
  shadow: "color",
};

/** The group a variable's token goes in, or undefined for one a page has no use for (a boolean, a plain string). */
export function variableGroup(variable: LocalVariable): TokenGroup | undefined {
  if (variable.resolvedType === "COLOR") return "color";
  if (variable.resolvedType === "BOOLEAN") return undefined;
  const scopes: readonly string[] = variable.scopes ?? [];
  const byScope = SCOPE_GROUP.find(([scope]) => scopes.includes(scope))?.[1];
  const group = byScope ?? NAME_GROUP.find(([pattern]) => pattern.test(variable.name))?.[1];
  if (variable.resolvedType === "STRING") return group === "font" ? "font" : undefined;
  return group === "font" ? undefined : (group ?? "number");
}

/** The file's variables as a theme stylesheet (`@theme static` for Tailwind); "" when none makes a token. */
export function variablesThemeCss(variables: DesignVariables, styling: TokenStyling, maxTokens: number): string {
  const reg = new TokenRegistry(variables);
  const order = (v: LocalVariable) => (v.resolvedType === "COLOR" ? 0 : 1);
  const all = Object.values(variables.variables)
    .filter((v) => !v.remote)
    .sort((a, b) => order(a) - order(b));
  for (const variable of all) {
    if (reg.tokens.size >= maxTokens) break;
    const group = variableGroup(variable);
    if (group) reg.variable(variable.id, USE_OF[group], group, "the file's variable", { id: "", name: "file" });
  }
  // An alias may have brought in a token past the bound: the table keeps the first `maxTokens`.
  const tokens = [...reg.tokens.values()].slice(0, maxTokens);
  const kept = new Set(tokens.map((t) => t.key));
  const shown = tokens.filter((t) => !("ref" in t.value) || kept.has(t.value.ref));
  return tokensCss({ tokens: shown, modes: reg.finishModes(), nodes: {}, modeAttrs: {} }, styling);
}
