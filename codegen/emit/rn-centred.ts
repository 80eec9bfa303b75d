/**
 * A box placed by `calc(50% - 170px)` is written as React Native's `top: "50%"` and `marginTop: -170` (rn-style.ts's
 * centred). A narrower screen's rule that places it again (`top: auto` in a stacking section, responsive.ts) replaces
 * the whole calc in CSS; in React Native the margin stayed, and fitma's product cards sat 170 px up, over the picture
 * before them (Product Details: their labels hidden at 390 and 768 px). The rule also sets the margin back to 0.
 */
import type { RnEntry, RnStyle } from "./rn-style.js";

const MARGIN_OF: Record<string, string> = {
  left: "marginLeft",
  top: "marginTop",
  right: "marginRight",
  bottom: "marginBottom",
};

/** The margins `own`'s centred insets carry that `below` places again without saying the margin: each set to 0. */
export function centringUndone(own: RnStyle | undefined, below: readonly RnEntry[]): RnEntry[] {
  if (!own) return [];
  const out: RnEntry[] = [];
  for (const [inset, margin] of Object.entries(MARGIN_OF)) {
    const placed = own.entries.find(([k]) => k === inset)?.[1];
    const centred = placed !== undefined && /^"-?[\d.]+%"$/.test(placed) && own.entries.some(([k]) => k === margin);
    if (!centred || !below.some(([k]) => k === inset)) continue;
    const axis = margin === "marginTop" || margin === "marginBottom" ? "marginVertical" : "marginHorizontal";
    if (!below.some(([k]) => k === margin || k === axis || k === "margin")) out.push([margin, "0"]);
  }
  return out;
}
