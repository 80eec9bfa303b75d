/**
 * Puts tokens into a layer's CSS declarations: each bound value becomes `var(--token)`. The declarations
 * come from the emitter as usual (literal values from the design tree); only values the token stands for
 * are replaced, so anything the emitter changed on the way (an `<img>` without background, a button reset)
 * stays as it is.
 */
import { flexOf } from "../design/layout-kind.js";
import { round } from "../design/color.js";
import type { DesignNode } from "../design/types.js";
import type { Decl } from "../css/decl.js";
import type { NodeTokens } from "../design/token-table.js";

const px = (v: number): string => (v === 0 ? "0" : `${round(v)}px`);

type ColorBinding = { literal: string; key: string; opacity: number };

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The pattern of each literal colour, by literal: the same few colours are bound on layer after layer. */
const colorPatterns = new Map<string, RegExp>();

function colorPattern(literal: string): RegExp {
  let pattern = colorPatterns.get(literal);
  if (pattern === undefined) {
    if (colorPatterns.size >= 10_000) colorPatterns.clear();
    pattern = new RegExp(`${escapeRegExp(literal)}(?![0-9a-fA-F])`, "g");
    colorPatterns.set(literal, pattern);
  }
  return pattern;
}

/** Replaces each bound literal colour in `value` (whole colours only: `#fff000` is not `#fff`). */
function replaceColors(value: string, bindings: ColorBinding[], ref: (key: string) => string): string {
  let out = value;
  for (const b of bindings) {
    if (!out.includes(b.literal)) continue;
    const use =
      b.opacity >= 1 ? ref(b.key) : `color-mix(in srgb, ${ref(b.key)} ${round(b.opacity * 100, 1)}%, transparent)`;
    out = out.replace(colorPattern(b.literal), () => use);
  }
  return out;
}

/** Four sides (or corners) with tokens where bound, in CSS's shortest shorthand. */
function sides(values: number[], keys: (string | undefined)[], ref: (key: string) => string): string {
  const [a, b, c, d] = values.map((v, i) => (keys[i] ? ref(keys[i]!) : px(v)));
  if (a === c && b === d) return a === b ? a! : `${a} ${b}`;
  return [a, b, c, d].join(" ");
}

export function applyTokens(
  decls: Decl[],
  node: DesignNode,
  bound: NodeTokens | undefined,
  ref: (key: string) => string,
  tokenValue: (key: string) => string | undefined = () => undefined,
): Decl[] {
  if (!bound) return decls;
  // Gaps bound to variables are a flex layout's (itemSpacing, counterAxisSpacing); a grid's gaps stay as drawn.
  const layout = flexOf(node);
  const padding = node.layout?.padding;
  const text = bound.text ?? {};
  const sized = (key: string | undefined, value: string, expected: number | undefined): string =>
    key && expected !== undefined && value === px(expected) ? ref(key) : value;
  // A text the emitter sized for the screen (a heading's clamp(), max(12px, …cqw) in a box that scales) keeps that
  // size, and the line height and spacing that go with it: the style's token is its size at the design width only.
  const fontSize = decls.find(([p]) => p === "font-size")?.[1];
  const fluid = node.text !== undefined && fontSize !== undefined && fontSize !== px(node.text.style.size);
  return decls.map(([property, value]): Decl => {
    if (fluid && (property === "font-size" || property === "line-height" || property === "letter-spacing"))
      return [property, value];
    switch (property) {
      case "background-color":
      case "background":
      case "color":
        return [property, bound.fills ? replaceColors(value, bound.fills, ref) : value];
      case "outline":
      case "border-color":
      case "border-top":
        return [property, bound.stroke ? replaceColors(value, [bound.stroke], ref) : value];
      case "box-shadow":
        if (bound.shadow) return [property, ref(bound.shadow)];
        return [property, bound.effects ? replaceColors(value, bound.effects, ref) : value];
      case "text-shadow":
      case "filter":
        return [property, bound.effects ? replaceColors(value, bound.effects, ref) : value];
      case "gap":
        return [property, sized(bound.gap, value, layout?.gap)];
      case "row-gap":
      case "column-gap": {
        const main = (property === "column-gap") === (layout?.dir === "row");
        return [property, main ? sized(bound.gap, value, layout?.gap) : sized(bound.crossGap, value, layout?.crossGap)];
      }
      case "padding":
        return [property, bound.padding && padding ? sides(padding, bound.padding, ref) : value];
      case "border-radius": {
        if (!bound.radius || node.radius === undefined || value === "50%") return [property, value];
        const r = node.radius;
        return [property, sides(typeof r === "number" ? [r, r, r, r] : r, bound.radius, ref)];
      }
      case "width":
        return [property, sized(bound.width, value, node.w)];
      case "height":
        return [property, sized(bound.height, value, node.h)];
      case "min-width":
        return [property, sized(bound.minW, value, node.minW)];
      case "max-width":
        return [property, sized(bound.maxW, value, node.maxW)];
      case "min-height":
        return [property, sized(bound.minH, value, node.minH)];
      case "max-height":
        return [property, sized(bound.maxH, value, node.maxH)];
      case "opacity":
        return [property, bound.opacity ? ref(bound.opacity) : value];
      case "font-family":
        return [property, text.family ? ref(text.family) : value];
      case "font-size":
        return [property, text.size ? ref(text.size) : value];
      case "font-weight":
        return [property, text.weight ? ref(text.weight) : value];
      case "line-height": {
        // A line height layout inference gave the text (one line in a box shorter than its style's lines) is its own.
        const style = text.lineHeight ? tokenValue(text.lineHeight) : undefined;
        const own = style !== undefined && style !== value;
        return [property, text.lineHeight && !own ? ref(text.lineHeight) : value];
      }
      case "letter-spacing":
        return [property, text.letterSpacing ? ref(text.letterSpacing) : value];
      default:
        return [property, value];
    }
  });
}
