/**
 * A padding or margin whose sides follow the window (responsive.ts's `padding: 50px clamp(16px, calc(50px - (870px -
 * 100%) * 0.5), 50px) 50px clamp(…)` on a narrower screen), split into its sides: each fluid side an expression of the
 * window (fluid.ts), each plain one a length. Left out whole, React Native kept the drawn 517-px sides of TnT Book's
 * upload box at 768 px, leaving its text no room, and over-promo's banner its 50-px ones.
 */
import { fluidExpression, isFluid } from "./fluid.js";
import { cssWords } from "../../design/css-words.js";

/** A style entry, as style.ts's RnEntry (not imported: style.ts imports this module). */
type RnEntry = [key: string, value: string];

const SIDES = ["Top", "Right", "Bottom", "Left"] as const;

/**
 * `padding` or `margin` with a fluid side as each side's entry (fluid ones in `fluid`, plain ones in `out`, as
 * `rnLength` writes them); false when it has no fluid side or a side neither is.
 */
export function fluidSides(
  prop: "padding" | "margin",
  value: string,
  rnLength: (side: string) => string | undefined,
  out: RnEntry[],
  fluid: RnEntry[],
): boolean {
  if (!isFluid(value)) return false;
  const parts = cssWords(value);
  if (parts.length < 1 || parts.length > 4) return false;
  const [a, b = a, c = a, d = b] = parts as [string, ...string[]];
  const entries = [a, b, c, d].map((side, i): [RnEntry, boolean] | undefined => {
    const key = `${prop}${SIDES[i]}`;
    const plain = rnLength(side!);
    if (plain !== undefined) return [[key, plain], false];
    const expression = fluidExpression(side!);
    return expression === undefined ? undefined : [[key, expression], true];
  });
  if (entries.some((e) => e === undefined)) return false;
  for (const [entry, isFluidSide] of entries as [RnEntry, boolean][]) (isFluidSide ? fluid : out).push(entry);
  return true;
}
