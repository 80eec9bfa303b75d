/**
 * Tailwind classes that read several declarations of one rule at once: `inset-0` for four equal sides,
 * `size-10` for an equal width and height, `text-sm` only where the line height is the step's own (else
 * `text-sm leading-6`), `tracking-tight` in em of the font size, `rounded-full` where the radius draws a
 * full round end on the box's known size.
 */
import type { Decl } from "./css.js";
import { arb, fontSizeStep, leadingStep, pxValue, spacingClass, trackingStep } from "./tailwind-scale.js";

type One = (decl: Decl) => string[];

export function tailwindRuleClasses(decls: Decl[], one: One): string[] {
  // Later declarations of a property win in CSS; read the last one.
  const value = (p: string): string | undefined => {
    for (let i = decls.length - 1; i >= 0; i--) if (decls[i]![0] === p) return decls[i]![1];
    return undefined;
  };
  const replaced = new Map<string, string[]>();
  const replace = (props: string[], classes: string[]): void => {
    replaced.set(props[0]!, classes);
    for (const p of props.slice(1)) replaced.set(p, []);
  };

  const [left, right, top, bottom] = ["left", "right", "top", "bottom"].map(value);
  if (left !== undefined && left === right && left === top && left === bottom)
    replace(["left", "right", "top", "bottom"], [spacingClass("inset", left)]);
  else {
    if (left !== undefined && left === right) replace(["left", "right"], [spacingClass("inset-x", left)]);
    if (top !== undefined && top === bottom) replace(["top", "bottom"], [spacingClass("inset-y", top)]);
  }

  const width = value("width");
  const height = value("height");
  if (width !== undefined && width === height) replace(["width", "height"], [spacingClass("size", width)]);

  const radius = value("border-radius");
  if (radius !== undefined && roundsFully(radius, pxValue(width ?? ""), pxValue(height ?? "")))
    replace(["border-radius"], ["rounded-full"]);

  const fontSize = pxValue(value("font-size") ?? "");
  const lineHeight = pxValue(value("line-height") ?? "");
  const step = fontSize === undefined ? undefined : fontSizeStep(fontSize);
  // `text-sm` sets its own line height too: only where the rule sets one, which then overrides it.
  if (step && lineHeight !== undefined) {
    const leading = near(lineHeight, step.lineHeight)
      ? []
      : [`leading-${leadingStep(lineHeight, fontSize) ?? arb(`${lineHeight}px`)}`];
    replace(["font-size", "line-height"], [`text-${step.name}`, ...leading]);
  } else if (lineHeight !== undefined) {
    const leading = leadingStep(lineHeight, fontSize);
    if (leading) replace(["line-height"], [`leading-${leading}`]);
  }
  const letterSpacing = pxValue(value("letter-spacing") ?? "");
  if (letterSpacing !== undefined && fontSize !== undefined) {
    const tracking = trackingStep(letterSpacing, fontSize);
    if (tracking) replace(["letter-spacing"], [`tracking-${tracking}`]);
  }

  const out: string[] = [];
  const done = new Set<string>();
  for (const decl of decls) {
    const classes = replaced.get(decl[0]);
    if (!classes) out.push(...one(decl));
    else if (!done.has(decl[0])) {
      done.add(decl[0]);
      out.push(...classes);
    }
  }
  return out;
}

const near = (a: number, b: number): boolean => Math.abs(a - b) < 0.005;

/** A radius that CSS clamps to half the shorter side draws the same as `rounded-full` (9999px). */
function roundsFully(radius: string, w: number | undefined, h: number | undefined): boolean {
  if (w === undefined || h === undefined) return false;
  if (radius === "50%") return near(w, h);
  const r = pxValue(radius);
  return r !== undefined && r > 0 && r >= Math.min(w, h) / 2;
}
