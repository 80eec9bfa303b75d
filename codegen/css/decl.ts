/**
 * CSS declarations as data, and the values both the emitters (codegen/emit/css.ts) and the design tokens
 * (codegen/tokens: a named effect style's value) write the same way.
 */
import { round } from "../design/color.js";
import type { Shadow } from "../design/types.js";

/** One declaration: `["gap", "8px"]`. */
export type Decl = [property: string, value: string];

/** The value of a property's last declaration (the one CSS applies), trimmed; undefined when none sets it. */
export function lastValue(decls: readonly Decl[], prop: string): string | undefined {
  for (let i = decls.length - 1; i >= 0; i--) if (decls[i]![0] === prop) return decls[i]![1].trim();
  return undefined;
}

/** A length in px, rounded; `0` bare. */
export const px = (v: number): string => (v === 0 ? "0" : `${round(v)}px`);

/** A `box-shadow` value for the design's shadows (named effect styles become tokens with this value). */
export function boxShadowValue(shadows: Shadow[]): string {
  return shadows
    .map((s) => `${s.kind === "inner" ? "inset " : ""}${px(s.x)} ${px(s.y)} ${px(s.blur)} ${px(s.spread)} ${s.color}`)
    .join(", ");
}
