/**
 * The prototype's motion in CSS: a transition's duration and easing as Figma gives them — its named curves as the
 * cubic-béziers Figma draws them with, a custom bézier as is, a spring (named or custom) as the curve of that spring
 * sampled into `linear()` — and the rule that turns all motion off for a reader who asks for less.
 */
import type { Easing, Transition } from "../prototype/model.js";

/** Figma's named curves (its prototype easing menu). */
const CURVES: Record<string, string> = {
  LINEAR: "linear",
  EASE_IN: "cubic-bezier(0.42, 0, 1, 1)",
  EASE_OUT: "cubic-bezier(0, 0, 0.58, 1)",
  EASE_IN_AND_OUT: "cubic-bezier(0.42, 0, 0.58, 1)",
  EASE_IN_BACK: "cubic-bezier(0.3, -0.05, 0.7, -0.5)",
  EASE_OUT_BACK: "cubic-bezier(0.45, 1.45, 0.8, 1)",
  EASE_IN_AND_OUT_BACK: "cubic-bezier(0.7, -0.4, 0.4, 1.4)",
};

/** Figma's named springs: mass, stiffness, damping. */
const SPRINGS: Record<string, { mass: number; stiffness: number; damping: number }> = {
  GENTLE: { mass: 1, stiffness: 100, damping: 15 },
  QUICK: { mass: 1, stiffness: 300, damping: 20 },
  BOUNCY: { mass: 1, stiffness: 600, damping: 15 },
  SLOW: { mass: 1, stiffness: 80, damping: 20 },
};

const num = (n: number): string => String(Math.round(n * 1000) / 1000);

/** A spring from rest at 0 to 1, over the time it takes to settle (within 0.1 %), as `linear()` points. */
export function springCurve(spring: { mass: number; stiffness: number; damping: number }): string {
  const { mass, stiffness, damping } = spring;
  const w0 = Math.sqrt(stiffness / mass);
  const zeta = damping / (2 * Math.sqrt(stiffness * mass));
  const at = (t: number): number => {
    if (zeta < 1) {
      const wd = w0 * Math.sqrt(1 - zeta * zeta);
      return 1 - Math.exp(-zeta * w0 * t) * (Math.cos(wd * t) + ((zeta * w0) / wd) * Math.sin(wd * t));
    }
    if (zeta === 1) return 1 - Math.exp(-w0 * t) * (1 + w0 * t);
    const r1 = -w0 * (zeta - Math.sqrt(zeta * zeta - 1));
    const r2 = -w0 * (zeta + Math.sqrt(zeta * zeta - 1));
    return 1 - (r2 * Math.exp(r1 * t) - r1 * Math.exp(r2 * t)) / (r2 - r1);
  };
  const rate = zeta < 1 ? zeta * w0 : w0 * (zeta - Math.sqrt(Math.max(0, zeta * zeta - 1)));
  const settle = Math.log(1000) / Math.max(rate, 1e-3);
  const points: string[] = [];
  const steps = 32;
  for (let i = 0; i <= steps; i++) points.push(num(i === steps ? 1 : at((settle * i) / steps)));
  return `linear(${points.join(", ")})`;
}

/** The CSS timing function of an easing. */
export function timingFunction(easing: Easing): string {
  if (easing.bezier) return `cubic-bezier(${easing.bezier.map(num).join(", ")})`;
  const spring = easing.spring ?? SPRINGS[easing.type];
  if (spring) return springCurve(spring);
  return CURVES[easing.type] ?? CURVES["EASE_OUT"]!;
}

/** `<duration> <timing>` of a transition (seconds as Figma gives them, in ms). */
export function transitionValue(transition: Transition): string {
  return `${Math.round(transition.duration * 1000)}ms ${timingFunction(transition.easing)}`;
}

/** Less motion when the reader asks for it: every transition and animation of the page off. */
export const REDUCED_MOTION =
  "@media (prefers-reduced-motion: reduce) {\n  *,\n  *::before,\n  *::after {\n" +
  "    transition: none !important;\n    animation: none !important;\n  }\n}\n";
