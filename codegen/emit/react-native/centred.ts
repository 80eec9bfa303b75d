/**
 * A box placed by `calc(50% - 170px)` is written as React Native's `top: "50%"` and `marginTop: -170` (style.ts's
 * centred). A narrower screen's rule that places it again (`top: auto` in a stacking section, responsive.ts) replaces
 * the whole calc in CSS; in React Native the margin stayed, and fitma's product cards sat 170 px up, over the picture
 * before them (Product Details: their labels hidden at 390 and 768 px). The rule also sets the margin back to 0.
 * A `margin` shorthand of the class (a text's `margin: 0`) does not keep the centring margin: React Native's
 * `marginLeft` wins over its `margin` whatever their order, so the centring margin was the one in effect (fitma's
 * Mobile-only Molecules footer texts sat 167.5 px left of their stack); the rule sets it to the shorthand's side.
 */
import { type Decl, lastValue } from "../../css/decl.js";
import { centred, MARGIN_OF, type RnEntry, rnStyle } from "./style.js";

/** The side's margin that the class's `margin` shorthand says (React Native's value), else 0. */
function shorthandSide(own: readonly Decl[], margin: string, axis: string): string {
  const shorthand = [...own].reverse().find(([p]) => p === "margin");
  if (!shorthand) return "0";
  const entries = rnStyle([shorthand]).entries;
  return entries.find(([k]) => k === margin || k === axis || k === "margin")?.[1] ?? "0";
}

/**
 * The margins that the class's own centred insets (`own`: its CSS) put in its style, for each inset that a
 * narrower screen's style (`below`) places again without saying the margin: each set back to 0 (or its `margin`
 * shorthand's side). A longhand margin of the class's own CSS (`margin-top`) is not one of them.
 */
export function centringUndone(own: readonly Decl[] | undefined, below: readonly RnEntry[]): RnEntry[] {
  if (!own) return [];
  const out: RnEntry[] = [];
  const last = (prop: string): string | undefined => lastValue(own, prop);
  for (const [inset, margin] of Object.entries(MARGIN_OF)) {
    const written = own.some(([p]) => p === `margin-${inset}`);
    if (written || centred(last(inset) ?? "") === undefined || !below.some(([k]) => k === inset)) continue;
    const axis = margin === "marginTop" || margin === "marginBottom" ? "marginVertical" : "marginHorizontal";
    if (!below.some(([k]) => k === margin || k === axis || k === "margin")) {
      out.push([margin, shorthandSide(own, margin, axis)]);
    }
  }
  return out;
}
