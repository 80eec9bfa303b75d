/**
 * CSS declarations → Tailwind v4 classes. A value on the theme's scale becomes its scale class (`w-64`,
 * `rounded-lg`, `text-sm`, `shadow-md`; see tailwind-scale.ts); anything else keeps its exact value as an
 * arbitrary `[…]` value or property, so nothing is lost.
 */
import type { Decl } from "./css.js";
import { tailwindRuleClasses } from "./tailwind-rule.js";
import { arb, blurStep, FONT_WEIGHTS, pxValue, radiusStep, shadowStep, spacingClass } from "./tailwind-scale.js";
import { dropCoveredSubProperties, tokenClass } from "./tailwind-tokens.js";
import { firstFamily, themeFontSlug } from "../fonts/output.js";
import { cssWords } from "../design/css-words.js";

export { arb, spacingClass };

/** White and black are the theme's own colours (`text-white`, `bg-black`); other palette colours are oklch. */
function namedColor(value: string): "white" | "black" | undefined {
  const v = value.toLowerCase().replace(/\s+/g, "");
  if (v === "#fff" || v === "#ffffff" || v === "#ffffffff" || v === "rgb(255,255,255)" || v === "white") return "white";
  if (v === "#000" || v === "#000000" || v === "#000000ff" || v === "rgb(0,0,0)" || v === "black") return "black";
  return undefined;
}

/** A colour utility (`text-…`, `bg-…`, `outline-…`): colours keep the value the design gave, bracketed. */
export function colorClass(prefix: string, value: string): string {
  if (value === "inherit" || value === "transparent" || value === "currentColor")
    return `${prefix}-${value === "currentColor" ? "current" : value}`;
  const named = namedColor(value);
  if (named) return `${prefix}-${named}`;
  return `${prefix}-[${prefix === "text" ? "color:" : ""}${value.replace(/\s+/g, "")}]`;
}

const KEYWORDS: Record<string, Record<string, string>> = {
  display: { flex: "flex", block: "block", grid: "grid", none: "hidden", "-webkit-box": "[display:-webkit-box]" },
  position: { relative: "relative", absolute: "absolute" },
  "flex-direction": { column: "flex-col", row: "flex-row" },
  "flex-wrap": { wrap: "flex-wrap", nowrap: "flex-nowrap" },
  "justify-content": {
    "flex-start": "justify-start",
    start: "justify-start",
    center: "justify-center",
    "flex-end": "justify-end",
    "space-between": "justify-between",
  },
  "align-items": {
    "flex-start": "items-start",
    center: "items-center",
    "flex-end": "items-end",
    baseline: "items-baseline",
    stretch: "items-stretch",
  },
  "align-self": { stretch: "self-stretch", start: "self-start", center: "self-center", end: "self-end" },
  "justify-self": { start: "justify-self-start", center: "justify-self-center", end: "justify-self-end" },
  "align-content": { start: "content-start", center: "content-center", end: "content-end" },
  "flex-shrink": { "0": "shrink-0" },
  "max-width": { none: "max-w-none" },
  "margin-inline": { auto: "mx-auto" },
  flex: { "1 1 0": "flex-1" },
  overflow: { hidden: "overflow-hidden" },
  "overflow-wrap": { "break-word": "break-words" },
  "white-space": {
    normal: "whitespace-normal",
    nowrap: "whitespace-nowrap",
    pre: "whitespace-pre",
    "pre-wrap": "whitespace-pre-wrap",
    "pre-line": "whitespace-pre-line",
  },
  "text-align": { center: "text-center", right: "text-right", justify: "text-justify", left: "text-left" },
  "text-transform": { uppercase: "uppercase", lowercase: "lowercase", capitalize: "capitalize" },
  "text-decoration": { underline: "underline", "line-through": "line-through" },
  "font-style": { italic: "italic", normal: "not-italic" },
  "text-overflow": { ellipsis: "text-ellipsis" },
  "object-fit": { cover: "object-cover", contain: "object-contain", fill: "object-fill" },
  cursor: { pointer: "cursor-pointer" },
  "border-style": { solid: "border-solid", dashed: "border-dashed" },
  border: { "0": "border-0", none: "border-none" },
  "border-width": { "0": "border-0" },
  background: { none: "bg-none", transparent: "bg-transparent" },
  appearance: { none: "appearance-none" },
};

/** Properties on the spacing scale (`w-64`, `gap-2`, `-left-4`); negatives only where Tailwind has them. */
const SPACING: Record<string, string> = {
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
  "padding-top": "pt",
  "padding-right": "pr",
  "padding-bottom": "pb",
  "padding-left": "pl",
  margin: "m",
};

/** Other utilities with a bracketed value. */
const PREFIX: Record<string, string> = {
  "border-radius": "rounded",
  "background-color": "bg",
  "line-height": "leading",
  "letter-spacing": "tracking",
  opacity: "opacity",
  "box-shadow": "shadow",
  "-webkit-line-clamp": "line-clamp",
};

function radiusClass(corner: string, value: string): string {
  const n = pxValue(value);
  const step = n === undefined ? undefined : radiusStep(n);
  const prefix = corner ? `rounded-${corner}` : "rounded";
  return step !== undefined ? `${prefix}-${step}` : `${prefix}-${arb(value)}`;
}

/** `rounded-lg`, per-side `rounded-t-lg rounded-b-none`, or per corner. */
export function borderRadiusClasses(value: string): string[] {
  const parts = cssWords(value);
  if (parts.length === 1) return [radiusClass("", value)];
  const [tl, tr = tl, br = tl, bl = tr] = parts as [string, string?, string?, string?];
  if (tl === tr && br === bl) return [radiusClass("t", tl), radiusClass("b", br)];
  if (tl === bl && tr === br) return [radiusClass("l", tl), radiusClass("r", tr)];
  return [radiusClass("tl", tl), radiusClass("tr", tr!), radiusClass("br", br!), radiusClass("bl", bl!)];
}

/** `border` (1px), `border-2`, `border-[1.5px]`. */
function borderWidthClass(side: string, value: string): string {
  const prefix = side ? `border-${side}` : "border";
  const n = pxValue(value);
  if (n === 1) return prefix;
  return n !== undefined && Number.isInteger(n) && n >= 0 ? `${prefix}-${n}` : `${prefix}-${arb(value)}`;
}

/** Four CSS sides (1–4 values) → classes per side, pairing equal sides: `px-4 py-2`. */
export function sideClasses(value: string, one: (side: string, v: string) => string): string[] {
  const parts = cssWords(value);
  const [t, r = t, b = t, l = r] = parts as [string, string?, string?, string?];
  if (t === r && r === b && b === l) return [one("", t)];
  if (t === b && r === l) return [one("x", r!), one("y", t)];
  return [one("t", t), one("r", r!), one("b", b!), one("l", l!)];
}

function blurClass(prefix: string, value: string): string | undefined {
  const m = /^blur\((\S+)\)$/.exec(value);
  if (!m) return undefined;
  const n = pxValue(m[1]!);
  const step = n === undefined ? undefined : blurStep(n);
  return step !== undefined ? `${prefix}-${step}` : `${prefix}-${arb(m[1]!)}`;
}

/** `outline: 1px solid #000` → `outline outline-[#000]` (`outline` = 1px solid, `outline-2`, `outline-dashed`). */
function outlineClasses(value: string): string[] | undefined {
  const m = /^(\S+) (solid|dashed) (.+)$/.exec(value);
  const n = m ? pxValue(m[1]!) : undefined;
  if (!m || n === undefined || !Number.isInteger(n) || n <= 0) return undefined;
  return [
    n === 1 ? "outline" : `outline-${n}`,
    ...(m[2] === "dashed" ? ["outline-dashed"] : []),
    colorClass("outline", m[3]!),
  ];
}

/** Classes for one declaration (no context: see tailwindClasses for rules that read several). */
export function tailwindClassList([property, value]: Decl): string[] {
  const keyword = KEYWORDS[property]?.[value];
  if (keyword) return [keyword];
  // A design token's own class (`bg-surface`, `text-text-primary`), never a bracketed var().
  const token = tokenClass(property, value);
  if (token) return [token];
  const spacing = SPACING[property];
  if (spacing) return [spacingClass(spacing, value)];
  if ((property === "background-color" || property === "border-color") && namedColor(value))
    return [colorClass(property === "background-color" ? "bg" : "border", value)];
  switch (property) {
    case "padding":
      return sideClasses(value, (side, v) => spacingClass(`p${side}`, v));
    case "border-width":
      return sideClasses(value, borderWidthClass);
    case "border-radius":
      return borderRadiusClasses(value);
    case "font-size":
      return [`text-${arb(value)}`];
    case "color":
      return [colorClass("text", value)];
    case "font-weight":
      return [`font-${FONT_WEIGHTS[value] ?? arb(value)}`];
    case "font-family":
      // The React output defines every family its texts use as a theme font (codegen/fonts: src/fonts.css).
      if (!value.includes("var(")) return [`font-${themeFontSlug(firstFamily(value))}`];
      break;
    case "order":
    case "z-index":
      // Tailwind's own order-3 and z-12 (any whole number; a negative one is -order-1, -z-1).
      if (/^-?\d+$/.test(value))
        return [`${value.startsWith("-") ? "-" : ""}${property === "order" ? "order" : "z"}-${value.replace("-", "")}`];
      break;
    case "opacity": {
      const percent = Number(value) * 100;
      return [
        Number.isInteger(Math.round(percent * 1000) / 1000)
          ? `opacity-${Math.round(percent)}`
          : `opacity-${arb(value)}`,
      ];
    }
    case "box-shadow": {
      const step = shadowStep(value);
      if (step) return [`shadow-${step}`];
      break;
    }
    case "filter":
    case "backdrop-filter": {
      const blur = blurClass(property === "filter" ? "blur" : "backdrop-blur", value);
      if (blur) return [blur];
      break;
    }
    case "outline": {
      const outline = outlineClasses(value);
      if (outline) return outline;
      break;
    }
    case "outline-offset": {
      const n = pxValue(value);
      if (n !== undefined && Number.isInteger(n)) return [n < 0 ? `-outline-offset-${-n}` : `outline-offset-${n}`];
      break;
    }
    case "transform": {
      const m = /^rotate\((-?\d+)deg\)$/.exec(value);
      if (m) return [Number(m[1]) < 0 ? `-rotate-${-Number(m[1])}` : `rotate-${m[1]}`];
      break;
    }
    case "grid-template-columns":
    case "grid-template-rows":
      return [templateClass(property === "grid-template-columns" ? "grid-cols" : "grid-rows", value)];
    case "grid-column":
    case "grid-row": {
      const lines = gridLineClasses(property === "grid-column" ? "col" : "row", value);
      if (lines) return lines;
      break;
    }
    case "mix-blend-mode":
      return [/^[a-z-]+$/.test(value) ? `mix-blend-${value}` : `mix-blend-${arb(value)}`];
    case "transition":
      // A prototype's state eases in (variant-states.ts); a reader who asks for less motion gets none.
      return [`[transition:${arb(value).slice(1, -1)}]`, "motion-reduce:transition-none"];
    case "-webkit-line-clamp":
      if (/^\d+$/.test(value)) return [`line-clamp-${value}`];
      break;
  }
  const prefix = PREFIX[property];
  if (prefix) return [`${prefix}-${arb(value)}`];
  return [`[${property}:${arb(value).slice(1, -1)}]`];
}

/** `grid-cols-4` for four equal columns, `grid-cols-none`, else the template as an arbitrary value. */
function templateClass(prefix: string, value: string): string {
  const equal = /^repeat\((\d+), minmax\(0, 1fr\)\)$/.exec(value);
  if (equal) return `${prefix}-${equal[1]}`;
  if (value === "none") return `${prefix}-none`;
  return `${prefix}-${arb(value)}`;
}

/**
 * A grid item's lines: `3` → `col-start-3`, `3 / span 2` → `col-start-3 col-span-2` (Tailwind writes the span's
 * shorthand before the start), `span 2` → `col-span-2`, `auto` → `col-auto`; undefined for another value.
 */
function gridLineClasses(prefix: "col" | "row", value: string): string[] | undefined {
  if (value === "auto") return [`${prefix}-auto`];
  const m = /^(?:(\d+)|(\d+) \/ span (\d+)|span (\d+))$/.exec(value);
  if (!m) return undefined;
  if (m[1] !== undefined) return [`${prefix}-start-${m[1]}`];
  if (m[2] !== undefined) return [`${prefix}-start-${m[2]}`, `${prefix}-span-${m[3]}`];
  return [`${prefix}-span-${m[4]}`];
}

export function tailwindClass(decl: Decl): string {
  return tailwindClassList(decl).join(" ");
}

/** The longhands each shorthand the emitters write sets (a later shorthand overrides them all). */
const SHORTHANDS: Record<string, RegExp> = {
  border: /^border-(?:(?:top|right|bottom|left)(?:-(?:width|style|color))?|width|style|color)$/,
  "border-width": /^border-(?:top|right|bottom|left)-width$/,
  "border-style": /^border-(?:top|right|bottom|left)-style$/,
  "border-color": /^border-(?:top|right|bottom|left)-color$/,
  font: /^(?:font-(?:family|size|weight|style|variant|stretch)|line-height)$/,
  background: /^background-/,
  padding: /^padding-/,
  margin: /^margin-/,
  outline: /^outline-(?:width|style|color)$/,
  overflow: /^overflow-[xy]$/,
  gap: /^(?:row|column)-gap$/,
  "text-decoration": /^text-decoration-/,
  flex: /^flex-(?:grow|shrink|basis)$/,
};

/**
 * The declarations that still apply after the cascade within one rule: a later declaration of a property, or of a
 * shorthand of it, overrides it. A CSS module leaves that to the browser; Tailwind's classes apply in Tailwind's
 * order, not the list's, so the overridden ones must not be written (`border-b-2` then `border-none`).
 */
export function cascaded(decls: Decl[]): Decl[] {
  return decls.filter(
    ([property], i) => !decls.slice(i + 1).some(([later]) => later === property || SHORTHANDS[later]?.test(property)),
  );
}

/** A layer's look while another element (of class X) is in a state: `:is(.X:hover *)`. */
const GROUP_STATE =
  /^:is\(\.([\w-]+)(:hover|:active|:focus-within|\[aria-pressed="true"\]|:has\(> input:checked\)) \*\)$/;

/**
 * A pseudo-class or pseudo-element's variant: `hover`, `placeholder`; a layer's look while the element of class X is
 * hovered, pressed, toggled on or focused within (`:is(.X:hover *)`, variant-states.ts) is the variant of X's named
 * group, `group-hover/X`, `group-aria-pressed/X`, `group-focus-within/X`.
 */
function pseudoVariant(pseudo: string): string {
  const group = GROUP_STATE.exec(pseudo);
  if (group) return `group-${stateVariant(group[2]!)}/${group[1]}`;
  return /^(?:\[aria-pressed="true"\]|:has\(> input:[\w-]+\))$/.test(pseudo)
    ? stateVariant(pseudo)
    : pseudo.replace(/^:+/, "");
}

/**
 * A state's Tailwind variant: `hover`, `active`; a toggle's (variant-states.ts's TOGGLE_SELECTOR): React's and Vue's
 * `aria-pressed`, HTML's checkbox `has-[>input:checked]` (and its focus ring's `has-[>input:focus-visible]`).
 */
function stateVariant(state: string): string {
  if (state === '[aria-pressed="true"]') return "aria-pressed";
  const has = /^:has\(> (input:[\w-]+)\)$/.exec(state);
  return has ? `has-[>${has[1]}]` : state.slice(1);
}

/** Each shorthand's longhands, for a revert of a shorthand that a rule sets part of (see screenClasses). */
const LONGHANDS: Record<string, string[]> = {
  padding: ["padding-top", "padding-right", "padding-bottom", "padding-left"],
  margin: ["margin-top", "margin-right", "margin-bottom", "margin-left"],
  inset: ["top", "right", "bottom", "left"],
  gap: ["row-gap", "column-gap"],
  overflow: ["overflow-x", "overflow-y"],
  flex: ["flex-grow", "flex-shrink", "flex-basis"],
  "border-radius": [
    "border-top-left-radius",
    "border-top-right-radius",
    "border-bottom-right-radius",
    "border-bottom-left-radius",
  ],
  "border-width": ["border-top-width", "border-right-width", "border-bottom-width", "border-left-width"],
  "border-style": ["border-top-style", "border-right-style", "border-bottom-style", "border-left-style"],
  "border-color": ["border-top-color", "border-right-color", "border-bottom-color", "border-left-color"],
  border: ["border-width", "border-style", "border-color"],
  font: ["font-family", "font-size", "font-weight", "font-style", "font-variant", "font-stretch", "line-height"],
  background: [
    "background-color",
    "background-image",
    "background-position",
    "background-size",
    "background-repeat",
    "background-attachment",
    "background-origin",
    "background-clip",
  ],
  outline: ["outline-width", "outline-style", "outline-color"],
};

/** Whether `shorthand` sets `prop` (one of its longhands, or theirs). */
function sets(shorthand: string, prop: string): boolean {
  if (SHORTHANDS[shorthand]?.test(prop)) return true;
  return (LONGHANDS[shorthand] ?? []).some((longhand) => longhand === prop || sets(longhand, prop));
}

/**
 * A wider screen's rule (a page drawn at several widths, drawings/page.ts) as classes after `variant`. Its `revert`s
 * undo what a narrower drawing's rule set: in Tailwind's utilities layer that is `revert-layer` (back to preflight,
 * as the drawing's own page has it), an arbitrary property. Tailwind orders its classes by property, not as the
 * rule lists them: a shorthand reverted where the rule sets one of its longhands is reverted longhand by longhand
 * (those it does not set), and a longhand reverted under a shorthand the rule sets is left to the shorthand.
 */
function screenClasses(variant: string, decls: Decl[], one: (decl: Decl) => string[]): string[] {
  const set = decls.filter(([, v]) => v !== "revert").map(([p]) => p);
  const reverted: string[] = [];
  const revert = (prop: string): void => {
    if (set.some((p) => p === prop || sets(p, prop))) return;
    const parts = LONGHANDS[prop];
    if (parts && set.some((p) => sets(prop, p))) for (const part of parts) revert(part);
    else if (!reverted.includes(prop)) reverted.push(prop);
  };
  for (const [p, v] of decls) if (v === "revert") revert(p);
  const kept = cascaded(decls.filter(([, v]) => v !== "revert"));
  return [...reverted.map((p) => `[${p}:revert-layer]`), ...tailwindRuleClasses(kept, one)].map(
    (c) => `${variant}${c}`,
  );
}

/**
 * A rule's classes, then its pseudo-element rules' with their variant (`placeholder:text-[color:#999]`), its
 * narrower screens' (`max-[1440px]:flex-wrap`) and its wider screens' (`min-[768px]:flex-row`).
 */
export function tailwindClasses(
  decls: Decl[],
  pseudo: [string, Decl[]][] = [],
  below: [number, Decl[], string?][] = [],
  above: [number, Decl[], string?, number?][] = [],
): string {
  // `rotate-180` sets the `rotate` property, which a `transform` of another rule of the element (a narrower screen's
  // `transform: none`) neither undoes nor combines with as the CSS does: where several of its rules set a transform,
  // each is written as the transform it is.
  const transforms = [
    decls,
    ...pseudo.map(([, d]) => d),
    ...below.filter(([, , p]) => p === undefined).map(([, d]) => d),
    ...above.map(([, d]) => d),
  ].filter((d) => d.some(([p]) => p === "transform")).length;
  const one =
    transforms > 1
      ? (decl: Decl): string[] =>
          decl[0] === "transform" ? [`[transform:${arb(decl[1]).slice(1, -1)}]`] : tailwindClassList(decl)
      : tailwindClassList;
  const variants = [
    ...pseudo.flatMap(([p, d]) => tailwindRuleClasses(cascaded(d), one).map((c) => `${pseudoVariant(p)}:${c}`)),
    // Narrower screens: Tailwind's `max-[…]` variant is `@media (width < …)`.
    // (A narrower screen's rule with a pseudo-class of its own is HTML's: React states it with a class.)
    ...below
      .filter(([, , p]) => p === undefined)
      .flatMap(([w, d]) => tailwindRuleClasses(cascaded(d), one).map((c) => `max-[${w}px]:${c}`)),
    // Wider screens, the mirror: `min-[…]` is `@media (width >= …)`, which Tailwind orders narrowest first, as the
    // drawings' rules must be.
    ...above.flatMap(([min, d, p, max]) =>
      screenClasses(
        (min > 0 ? `min-[${min}px]:` : "") +
          (max === undefined ? "" : `max-[${max}px]:`) +
          (p ? `${pseudoVariant(p)}:` : ""),
        d,
        one,
      ),
    ),
  ];
  return dropCoveredSubProperties([...tailwindRuleClasses(cascaded(decls), one), ...variants]).join(" ");
}
