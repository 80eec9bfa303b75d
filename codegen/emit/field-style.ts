/**
 * How a placeholder text drawn as an `<input>` keeps its look: the text's place, size and font on the
 * input, none of the browser's box (background, border, padding), and the text's colour on `::placeholder`
 * (browsers and Tailwind's preflight grey it by default).
 */
import { round } from "../design/color.js";
import type { DesignNode } from "../design/types.js";
import type { Decl } from "./css.js";

/** Text layout that means nothing on an input (its text is one line, centred vertically by the browser). */
const TEXT_ONLY = new Set([
  "white-space",
  "display",
  "flex-direction",
  "justify-content",
  "-webkit-box-orient",
  "-webkit-line-clamp",
]);

/**
 * An input centres its line in its box; the text drew it at the top (or bottom) of a box taller than the
 * line. Padding on the other side puts the line back, and the box keeps its size (border-box).
 */
function linePadding(node: DesignNode): string {
  const text = node.text;
  const lineHeight = text?.style.lineHeight;
  if (!text || lineHeight === undefined || text.alignV === "center") return "0";
  const spare = round(node.h - lineHeight);
  if (spare <= 0) return "0";
  return text.alignV === "top" ? `0 0 ${spare}px` : `${spare}px 0 0`;
}

export function inputDecls(node: DesignNode, decls: Decl[]): { own: Decl[]; placeholder: Decl[] } {
  const has = (p: string): boolean => decls.some(([q]) => q === p);
  const own: Decl[] = decls.filter(([p]) => !TEXT_ONLY.has(p));
  // An auto-width text has no width or height of its own; the input needs the box the text drew.
  if (!has("width") && !has("flex") && !(has("left") && has("right"))) own.push(["width", `${round(node.w)}px`]);
  if (!has("height") && !has("align-self") && !(has("top") && has("bottom")))
    own.push(["height", `${round(node.h)}px`]);
  if (!has("min-width")) own.push(["min-width", "0"]);
  own.push(["margin", "0"], ["padding", linePadding(node)], ["border", "0"], ["background", "transparent"]);
  const color = decls.find(([p]) => p === "color")?.[1];
  const placeholder: Decl[] = color
    ? [
        ["color", color],
        ["opacity", "1"],
      ]
    : [["opacity", "1"]];
  return { own, placeholder };
}
