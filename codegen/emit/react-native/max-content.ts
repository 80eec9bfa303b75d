/**
 * A box whose CSS width is `max-content` (a label kept on one line, responsive.ts) has no such width in React Native:
 * an absolute box placed by its left edge is sized to fit the space from there to its parent's right edge, so a text
 * wider than that space wraps where CSS keeps it on one line (zacht's Traction: "COHORT ONE" 36 px in from a 234-px
 * axis wrapped to two lines, its second cut by the label's 60-px height). A right margin of minus its left offset gives
 * it the parent's whole width to grow into: one line, up to the parent's width (CSS's `max-width: 100%` too); the same
 * for a box placed by its right edge. Its left edge stays where it was.
 */
import { type Decl, lastValue } from "../../css/decl.js";
import { type RnEntry, rnStyle } from "./style.js";

const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)$/;

/** The margin that lets `decls`' max-content box (`entries`: its React Native style) reach its parent's far edge. */
export function maxContentReach(decls: readonly Decl[], entries: readonly RnEntry[]): RnEntry[] {
  const last = (prop: string): string | undefined => lastValue(decls, prop);
  if (last("width") !== "max-content" || last("position") !== "absolute") return [];
  const entry = (key: string): string | undefined => [...entries].reverse().find(([k]) => k === key)?.[1];
  const left = entry("left");
  const right = entry("right");
  const placed =
    left !== undefined && NUMBER.test(left) && right === undefined
      ? (["marginRight", left] as const)
      : right !== undefined && NUMBER.test(right) && left === undefined
        ? (["marginLeft", right] as const)
        : undefined;
  if (!placed || Number(placed[1]) <= 0) return [];
  const [margin, offset] = placed;
  const axis = (k: string): boolean => k === margin || k === "marginHorizontal" || k === "margin";
  if (entries.some(([k, v]) => axis(k) && v !== "0")) return [];
  return [[margin, String(-Number(offset))]];
}

/**
 * A narrower screen's rule (`below`, its CSS) that places the box otherwise (`position: relative; width: auto` in a
 * stacking section, responsive.ts): the reach margin of its own style (`own`, its CSS) set back to 0, or to the
 * reach of its new place; in CSS the rule's width replaced max-content (psykolog's "Hur", in the flow, ran 292 px past
 * its column, its right-aligned word cut off).
 */
export function reachUndone(own: readonly Decl[] | undefined, below: readonly Decl[]): RnEntry[] {
  if (!own) return [];
  const before = maxContentReach(own, rnStyle(own).entries);
  if (before.length === 0) return [];
  const merged = [...own, ...below];
  const after = maxContentReach(merged, rnStyle(merged).entries);
  const [margin] = before[0]!;
  if (after.some(([k, v]) => k === margin && v === before[0]![1])) return [];
  // Only the side's own key: React Native's marginRight of the box's style wins over a rule's margin shorthand.
  const said = rnStyle(below).entries.some(([k]) => k === margin);
  return [...(said || after.some(([k]) => k === margin) ? [] : [[margin, "0"] as RnEntry]), ...after];
}
