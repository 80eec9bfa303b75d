/**
 * CSS declarations → Tailwind classes. Common properties get their usual utilities (with arbitrary
 * values); anything else becomes an arbitrary property `[prop:value]`, so nothing is lost.
 */
import type { Decl } from "./css.js";
import { dropCoveredSubProperties, tokenClass } from "./tailwind-tokens.js";

/** Arbitrary values use `_` for spaces. */
function arb(value: string): string {
  return `[${value.replace(/"/g, "'").replace(/_/g, "\\_").replace(/\s*,\s*/g, ",").replace(/\s+/g, "_")}]`;
}

const KEYWORDS: Record<string, Record<string, string>> = {
  display: { flex: "flex", block: "block", none: "hidden", "-webkit-box": "[display:-webkit-box]" },
  position: { relative: "relative", absolute: "absolute" },
  "flex-direction": { column: "flex-col", row: "flex-row" },
  "flex-wrap": { wrap: "flex-wrap" },
  "justify-content": { "flex-start": "justify-start", center: "justify-center", "flex-end": "justify-end", "space-between": "justify-between" },
  "align-items": { "flex-start": "items-start", center: "items-center", "flex-end": "items-end", baseline: "items-baseline", stretch: "items-stretch" },
  "align-self": { stretch: "self-stretch" },
  "flex-shrink": { "0": "shrink-0" },
  flex: { "1 1 0": "flex-1" },
  overflow: { hidden: "overflow-hidden" },
  "white-space": { nowrap: "whitespace-nowrap", pre: "whitespace-pre", "pre-wrap": "whitespace-pre-wrap" },
  "text-align": { center: "text-center", right: "text-right", justify: "text-justify", left: "text-left" },
  "text-transform": { uppercase: "uppercase", lowercase: "lowercase", capitalize: "capitalize" },
  "text-decoration": { underline: "underline", "line-through": "line-through" },
  "font-style": { italic: "italic", normal: "not-italic" },
  "text-overflow": { ellipsis: "text-ellipsis" },
  "object-fit": { cover: "object-cover", contain: "object-contain", fill: "object-fill" },
  cursor: { pointer: "cursor-pointer" },
  "border-radius": { "50%": "rounded-full" },
};

const PREFIX: Record<string, string> = {
  width: "w",
  height: "h",
  "min-width": "min-w",
  "max-width": "max-w",
  "min-height": "min-h",
  "max-height": "max-h",
  left: "left",
  right: "right",
  top: "top",
  bottom: "bottom",
  gap: "gap",
  "row-gap": "gap-y",
  "column-gap": "gap-x",
  padding: "p",
  margin: "m",
  "border-radius": "rounded",
  "background-color": "bg",
  color: "text",
  "font-size": "text",
  "font-weight": "font",
  "line-height": "leading",
  "letter-spacing": "tracking",
  opacity: "opacity",
  "box-shadow": "shadow",
  "mix-blend-mode": "mix-blend",
  "-webkit-line-clamp": "line-clamp",
};

export function tailwindClass([property, value]: Decl): string {
  const keyword = KEYWORDS[property]?.[value];
  if (keyword) return keyword;
  const token = tokenClass(property, value);
  if (token) return token;
  if (property === "margin" && value === "0") return "m-0";
  if (property === "padding" && value === "0") return "p-0";
  if ((property === "border" || property === "border-width") && value === "0") return "border-0";
  if (property === "background" && value === "none") return "bg-none";
  if (property === "font-size") return `text-[length:${value}]`;
  if (property === "color") return `text-[color:${value.replace(/\s+/g, "")}]`;
  const prefix = PREFIX[property];
  if (prefix) return `${prefix}-${arb(value)}`;
  return `[${property}:${arb(value).slice(1, -1)}]`;
}

export function tailwindClasses(decls: Decl[]): string {
  return dropCoveredSubProperties(decls.map(tailwindClass)).join(" ");
}
