/**
 * CSS declarations as data, and the values both the emitters (codegen/emit/css.ts) and the design tokens
 * (codegen/tokens: a named effect style's value) write the same way.
 */
import { round } from "../design/color.js";
import type { Shadow } from "../design/types.js";

/** One declaration: `["gap", "8px"]`. */
export type Decl = [property: string, value: string];

/** A length in px, rounded; `0` bare. */
export const px = (v: number): string => (v === 0 ? "0" : `${round(v)}px`);

/** A `box-shadow` value for the design's shadows (named effect styles become tokens with this value). */
export function boxShadowValue(shadows: Shadow[]): string {
  return shadows
    .map((s) => `${s.kind === "inner" ? "inset " : ""}${px(s.x)} ${px(s.y)} ${px(s.blur)} ${px(s.spread)} ${s.color}`)
    .join(", ");
}
