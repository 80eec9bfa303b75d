/**
 * A class's CSS declarations (the sheet build.ts fills for every target) as a React Native style object's entries:
 * lengths in points, shorthands spelled out, flexbox with React Native's defaults made CSS's (a flex container is a
 * row unless it says otherwise), and what React Native has no style for left out (named, for a note).
 */
import type { Decl } from "../css.js";
import { fluidExpression } from "./fluid.js";
import { fluidSides } from "./fluid-sides.js";
import { clipEntries } from "./clip.js";

/** A style entry: its key and its value as TypeScript (`16`, `"row"`). */
export type RnEntry = [key: string, value: string];

export interface RnStyle {
  entries: RnEntry[];
  /** CSS properties (or values) with no React Native style, left out. */
  dropped: string[];
  /** Entries that follow the window's size (fluid.ts): their values are expressions of `vw`, `vh`, `shrink`. */
  fluid?: RnEntry[];
}

const PX = /^(-?(?:\d+\.?\d*|\.\d+))px$/;
const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)$/;

/** A length as React Native takes it: points as a number, a percentage or `auto` as a string; else undefined. */
export function rnLength(value: string): string | undefined {
  const v = value.trim();
  const px = PX.exec(v);
  if (px) return String(Number(px[1]));
  if (v === "0") return "0";
  if (/^-?[\d.]+%$/.test(v) || v === "auto") return JSON.stringify(v);
  return undefined;
}

const LENGTH_KEYS: Record<string, string> = {
  width: "width",
  height: "height",
  "min-width": "minWidth",
  "min-height": "minHeight",
  "max-width": "maxWidth",
  "max-height": "maxHeight",
  top: "top",
  left: "left",
  right: "right",
  bottom: "bottom",
  "margin-top": "marginTop",
  "margin-bottom": "marginBottom",
  "margin-left": "marginLeft",
  "margin-right": "marginRight",
  "margin-inline": "marginHorizontal",
  "margin-block": "marginVertical",
  "padding-top": "paddingTop",
  "padding-bottom": "paddingBottom",
  "padding-left": "paddingLeft",
  "padding-right": "paddingRight",
  "padding-inline": "paddingHorizontal",
  "padding-block": "paddingVertical",
  gap: "gap",
  "row-gap": "rowGap",
  "column-gap": "columnGap",
  "flex-basis": "flexBasis",
  "border-width": "borderWidth",
  "border-top-width": "borderTopWidth",
  "border-right-width": "borderRightWidth",
  "border-bottom-width": "borderBottomWidth",
  "border-left-width": "borderLeftWidth",
  "border-radius": "borderRadius",
  "border-top-left-radius": "borderTopLeftRadius",
  "border-top-right-radius": "borderTopRightRadius",
  "border-bottom-left-radius": "borderBottomLeftRadius",
  "border-bottom-right-radius": "borderBottomRightRadius",
  "outline-offset": "outlineOffset",
  "outline-width": "outlineWidth",
};

/** Properties whose keyword values React Native spells as CSS does. */
const KEYWORD_KEYS: Record<string, string> = {
  "flex-direction": "flexDirection",
  "flex-wrap": "flexWrap",
  "align-items": "alignItems",
  "align-self": "alignSelf",
  "align-content": "alignContent",
  "justify-content": "justifyContent",
  "text-align": "textAlign",
  "text-transform": "textTransform",
  "font-style": "fontStyle",
  "object-fit": "objectFit",
  "mix-blend-mode": "mixBlendMode",
  "pointer-events": "pointerEvents",
  "user-select": "userSelect",
  "border-style": "borderStyle",
  "outline-style": "outlineStyle",
  "vertical-align": "verticalAlign",
};

/** Properties whose value React Native takes as the CSS text (colours, shadows, transforms, filters). */
const TEXT_KEYS: Record<string, string> = {
  color: "color",
  "background-color": "backgroundColor",
  "border-color": "borderColor",
  "outline-color": "outlineColor",
  "box-shadow": "boxShadow",
  transform: "transform",
  "transform-origin": "transformOrigin",
  filter: "filter",
  "text-decoration-color": "textDecorationColor",
};

/** Each keyword property's values React Native takes (CSS's `start`/`end` mapped before the check). */
const KEYWORDS: Record<string, readonly string[]> = {
  flexDirection: ["row", "column", "row-reverse", "column-reverse"],
  flexWrap: ["wrap", "nowrap", "wrap-reverse"],
  alignItems: ["flex-start", "flex-end", "center", "stretch", "baseline"],
  alignSelf: ["auto", "flex-start", "flex-end", "center", "stretch", "baseline"],
  alignContent: ["flex-start", "flex-end", "center", "stretch", "space-between", "space-around", "space-evenly"],
  justifyContent: ["flex-start", "flex-end", "center", "space-between", "space-around", "space-evenly"],
  textAlign: ["auto", "left", "right", "center", "justify"],
  textTransform: ["none", "capitalize", "uppercase", "lowercase"],
  fontStyle: ["normal", "italic"],
  objectFit: ["cover", "contain", "fill", "scale-down", "none"],
  pointerEvents: ["auto", "none", "box-none", "box-only"],
  userSelect: ["auto", "text", "none", "contain", "all"],
  borderStyle: ["solid", "dotted", "dashed"],
  outlineStyle: ["solid", "dotted", "dashed"],
  verticalAlign: ["auto", "top", "bottom", "middle"],
  mixBlendMode: [
    "normal",
    "multiply",
    "screen",
    "overlay",
    "darken",
    "lighten",
    "color-dodge",
    "color-burn",
    "hard-light",
    "soft-light",
    "difference",
    "exclusion",
    "hue",
    "saturation",
    "color",
    "luminosity",
  ],
};

/** CSS's flex keywords React Native does not know, as the flex ones it does. */
const FLEX_WORDS: Record<string, string> = { start: "flex-start", end: "flex-end", left: "left", right: "right" };

/** Properties with no React Native counterpart that change nothing a reader sees in the app (left out quietly). */
const QUIET = new Set([
  "box-sizing",
  "cursor",
  "list-style",
  "appearance",
  "-webkit-appearance",
  "text-wrap",
  "white-space",
  "overflow-wrap",
  "word-break",
  "text-overflow",
  "font-synthesis",
  "-webkit-font-smoothing",
  "-moz-osx-font-smoothing",
  "text-rendering",
  "font-kerning",
  "scroll-behavior",
  "view-transition-name",
  "isolation",
  "content",
  "transition",
  "transition-property",
  "transition-duration",
  "transition-timing-function",
  "will-change",
  "contain",
  "text-decoration-skip-ink",
  "text-underline-offset",
  "text-decoration-thickness",
  "background-clip",
  "-webkit-background-clip",
  "-webkit-text-fill-color",
  "font-feature-settings",
  "font-variation-settings",
  "hanging-punctuation",
  "touch-action",
]);

function quoted(v: string): string {
  return JSON.stringify(v.replace(/\s+/g, " ").trim());
}

/** `var(--name, fallback)` as its fallback; a value without one stays as it is. */
function withoutVars(value: string): string {
  let out = value;
  for (let i = 0; i < 5 && out.includes("var("); i++)
    out = out.replace(/var\(--[\w-]+\s*,\s*([^()]*(?:\([^()]*\))?[^()]*)\)/g, "$1");
  return out;
}

/** The four sides of a `padding`/`margin`/`inset` shorthand (top, right, bottom, left). */
function sides(value: string): string[] | undefined {
  const parts = value.trim().split(/\s+/);
  const [a, b = a, c = a, d = b] = parts;
  return parts.length >= 1 && parts.length <= 4 ? [a!, b!, c!, d!] : undefined;
}

/** The first family of a font stack, unquoted. */
function firstFamily(value: string): string {
  const first = value.split(",")[0]!.trim();
  return first.replace(/^["']|["']$/g, "");
}

/** `calc(50% - 108.5px)` (a centred box's offset) as `50%` and a margin of -108.5; `calc(50% - -137px)` too. */
export function centred(value: string): [string, number] | undefined {
  const m = /^calc\((-?[\d.]+%)\s*([-+])\s*(-?[\d.]+)px\)$/.exec(value.trim());
  if (!m) return undefined;
  return [m[1]!, (m[2] === "-" ? -1 : 1) * Number(m[3])];
}

export const MARGIN_OF: Record<string, string> = {
  left: "marginLeft",
  top: "marginTop",
  right: "marginRight",
  bottom: "marginBottom",
};

/** A border shorthand (`1px solid #ccc`) as its width, style and colour entries; `prefix`: `border`, `borderTop`… */
function borderEntries(prefix: string, value: string, out: RnEntry[]): boolean {
  if (value.trim() === "none" || value.trim() === "0") {
    out.push([`${prefix}Width`, "0"]);
    return true;
  }
  const m = /^(\S+)\s+(solid|dashed|dotted)\s+(.+)$/.exec(value.trim());
  const width = m ? rnLength(m[1]!) : undefined;
  if (!m || width === undefined) return false;
  out.push([`${prefix}Width`, width]);
  if (prefix === "border" || prefix === "outline" || m[2] !== "solid")
    out.push([`${prefix === "outline" ? "outline" : "border"}Style`, JSON.stringify(m[2])]);
  out.push([`${prefix}Color`, quoted(m[3]!)]);
  return true;
}

/** A `flex` shorthand (`1 1 0`, `1`, `none`, `0 0 auto`) as grow, shrink and basis. */
function flexEntries(value: string, out: RnEntry[]): boolean {
  const v = value.trim();
  if (v === "none") {
    out.push(["flexGrow", "0"], ["flexShrink", "0"]);
    return true;
  }
  if (v === "auto") {
    out.push(["flexGrow", "1"], ["flexShrink", "1"], ["flexBasis", '"auto"']);
    return true;
  }
  const [grow, shrink, basis] = v.split(/\s+/);
  if (!grow || !NUMBER.test(grow)) return false;
  out.push(["flexGrow", grow], ["flexShrink", shrink && NUMBER.test(shrink) ? shrink : "1"]);
  const b = rnLength(basis ?? "0");
  if (b !== undefined) out.push(["flexBasis", b]);
  return true;
}

/** `line-height` in points: pixels as they are, a number or a percentage times the font size, `normal` left out. */
function lineHeight(value: string, fontSize: number | undefined): string | undefined {
  const v = value.trim();
  const px = PX.exec(v);
  if (px) return String(Number(px[1]));
  if (fontSize === undefined) return undefined;
  if (NUMBER.test(v)) return String(round(Number(v) * fontSize));
  const pct = /^([\d.]+)%$/.exec(v);
  return pct ? String(round((Number(pct[1]) / 100) * fontSize)) : undefined;
}

/** `letter-spacing` in points (em times the font size). */
function letterSpacing(value: string, fontSize: number | undefined): string | undefined {
  const v = value.trim();
  const length = rnLength(v);
  if (length !== undefined && !length.startsWith('"')) return length;
  const em = /^(-?[\d.]+)em$/.exec(v);
  return em && fontSize !== undefined ? String(round(Number(em[1]) * fontSize)) : undefined;
}

/**
 * A tighter letter spacing in ems under a fluid font size follows it (attic's `-0.21em` at up to 670 px: left out,
 * the word ran wider than its line and broke). A wider one stays out for now: React Native has no `nowrap`, and in a
 * box of the drawn width the wider word breaks where React's overflows it (zacht Timeline's "Q4" at 54 px).
 */
function fluidLetterSpacing(decls: readonly Decl[], size: string, fluid: RnEntry[], dropped: string[]): void {
  const em = /^(-[\d.]+)em$/.exec(decls.find(([p]) => p === "letter-spacing")?.[1].trim() ?? "");
  if (!em) return;
  fluid.push(["letterSpacing", `(${size}) * ${Number(em[1])}`]);
  const at = dropped.findIndex((d) => d.startsWith("letter-spacing:"));
  if (at >= 0) dropped.splice(at, 1);
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/**
 * `calc(100% - 0px - 0px)` (an image's width between insets of 0) as `100%`: left out, an SVG component kept its
 * drawn width (fitma Website Blocks' cards ran 160 px past a 390 px window).
 */
function wholeLength(value: string): string {
  return /^calc\(\s*100%(?:\s*-\s*0(?:px)?)+\s*\)$/.test(value.trim()) ? "100%" : value;
}

/**
 * A font weight as React Native takes it: a hundred from 100 to 900. A weight between (Apple's kit sets SF Pro's
 * Semibold at 590) is the hundred CSS's font matching would reach from it: upwards above 500, downwards below 400,
 * the nearest between. Dropped, "9:41" in an iOS status bar was set regular where React's is semibold.
 */
export function rnWeight(value: string): string | undefined {
  if (value === "normal") return "400";
  if (value === "bold") return "700";
  if (!/^\d+(?:\.\d+)?$/.test(value)) return undefined;
  const n = Number(value);
  if (n < 1 || n > 1000) return undefined;
  const step = n > 500 ? Math.ceil(n / 100) : n < 400 ? Math.floor(n / 100) : Math.round(n / 100);
  return String(Math.min(9, Math.max(1, step)) * 100);
}

/** The px length of `min(100%, Npx)` (either order), which React Native writes as the length and a 100% cap. */
function cappedLength(value: string): string | undefined {
  const m = /^min\(\s*(?:100%\s*,\s*(-?[\d.]+)px|(-?[\d.]+)px\s*,\s*100%)\s*\)$/.exec(value.trim());
  return m ? String(Number(m[1] ?? m[2])) : undefined;
}

/**
 * The least width of a row's item that the row's line overruns (css.ts's `min(704px, 100% + 96px)`): CSS shrinks
 * the item into the row down to it, which React Native (whose items do not shrink) is told with `flexShrink: 1`; the
 * floor, its drawn width at the design width, gives way as the window narrows (`shrink`). Undefined for other values.
 */
function overrunFloor(value: string): string | undefined {
  const m = /^min\(\s*([\d.]+)px\s*,\s*100%\s*[+-]\s*[\d.]+px\s*\)$/.exec(value.trim());
  return m ? String(Number(m[1])) : undefined;
}

/** One declaration's entries (appended to `out`); false when React Native has no style for it. */
function declEntries(
  prop: string,
  raw: string,
  fontSize: number | undefined,
  out: RnEntry[],
  fluid: RnEntry[],
): boolean {
  const value = withoutVars(raw).replace(/\s*!important$/, "");
  const lengthKey = LENGTH_KEYS[prop] ?? (prop === "font-size" ? "fontSize" : undefined);
  const fluidValue = lengthKey !== undefined ? fluidExpression(value, prop === "max-width") : undefined;
  if (lengthKey !== undefined && fluidValue !== undefined) {
    fluid.push([lengthKey, fluidValue]);
    return true;
  }
  const capped = prop === "width" || prop === "height" ? cappedLength(value) : undefined;
  if (capped !== undefined) {
    // `min(100%, 176px)`: the length, the parent's size its cap.
    out.push([lengthKey!, capped], [prop === "width" ? "maxWidth" : "maxHeight", '"100%"']);
    return true;
  }
  const least = prop === "min-width" ? cappedLength(value) : undefined;
  if (least !== undefined) {
    // `min(54px, 100%)` (build.ts: a text placed by hand, as wide as drawn, centred "9:41" in an iOS status bar):
    // the drawn width from the design's width up, giving way as the window narrows, as the parent's 100% would.
    fluid.push(["minWidth", `Math.max(0, ${least} - shrink)`]);
    return true;
  }
  const floor = prop === "min-width" ? overrunFloor(value) : undefined;
  if (floor !== undefined) {
    out.push(["flexShrink", "1"]);
    fluid.push(["minWidth", `Math.max(0, ${floor} - shrink)`]);
    return true;
  }
  if (lengthKey && prop !== "font-size") {
    const length = rnLength(wholeLength(value));
    if (length !== undefined) {
      out.push([lengthKey, length]);
      return true;
    }
    const calc = MARGIN_OF[prop] ? centred(value) : undefined;
    if (calc) {
      out.push([lengthKey, JSON.stringify(calc[0])], [MARGIN_OF[prop]!, String(calc[1])]);
      return true;
    }
    if (prop === "border-radius") {
      const corners = sides(value)?.map(rnLength);
      if (!corners || corners.some((c) => c === undefined)) return false;
      const keys = ["TopLeft", "TopRight", "BottomRight", "BottomLeft"];
      keys.forEach((k, i) => out.push([`border${k}Radius`, corners[i]!]));
      return true;
    }
    return false;
  }
  const keyword = KEYWORD_KEYS[prop];
  if (keyword) {
    const v = value.trim();
    const word = prop.startsWith("align") || prop.startsWith("justify") ? (FLEX_WORDS[v] ?? v) : v;
    const spelled = keyword === "textAlign" ? ({ start: "left", end: "right" }[word] ?? word) : word;
    if (!KEYWORDS[keyword]?.includes(spelled)) return false;
    out.push([keyword, JSON.stringify(spelled)]);
    return true;
  }
  const text = TEXT_KEYS[prop];
  if (text) {
    out.push([text, quoted(value)]);
    return true;
  }
  switch (prop) {
    case "display":
      // A box that lays its children out as its parent's (a menu's panel on a wide screen): React Native 0.77+.
      if (value === "none" || value === "contents") out.push(["display", JSON.stringify(value)]);
      return value !== "grid" && value !== "inline-grid";
    case "position":
      if (!["relative", "absolute", "static", "fixed"].includes(value)) return false;
      out.push(["position", JSON.stringify(value === "fixed" ? "absolute" : value)]);
      return true;
    case "padding":
    case "margin":
    case "inset": {
      if (prop !== "inset" && fluidSides(prop, value, rnLength, out, fluid)) return true;
      const four = sides(value)?.map(rnLength);
      if (!four || four.some((s) => s === undefined)) return false;
      const base = prop === "inset" ? "" : prop;
      const key = (side: string): string => (base ? `${base}${side}` : side.toLowerCase());
      const [t, r, b, l] = four as string[];
      if (t === b && r === l && t === r) out.push([base || "top", t!]);
      else if (base && t === b && r === l) out.push([key("Vertical"), t!], [key("Horizontal"), r!]);
      else out.push([key("Top"), t!], [key("Right"), r!], [key("Bottom"), b!], [key("Left"), l!]);
      if (!base && t === b && r === l && t === r) out.push(["left", t!], ["right", t!], ["bottom", t!]);
      return true;
    }
    case "flex":
      return flexEntries(value, out);
    case "flex-grow":
    case "flex-shrink":
    case "opacity":
    case "z-index":
      if (!NUMBER.test(value.trim())) return false;
      out.push([prop === "z-index" ? "zIndex" : prop === "opacity" ? "opacity" : camel(prop), value.trim()]);
      return true;
    case "clip-path":
      return clipEntries(value, out);
    case "overflow":
    case "overflow-x":
    case "overflow-y":
      if ((prop !== "overflow" && value !== "hidden") || !/^(hidden|visible|scroll|clip|auto)$/.test(value))
        return false;
      out.push(["overflow", JSON.stringify(value === "clip" || value === "auto" ? "hidden" : value)]);
      return true;
    case "background":
      if (/gradient\(/.test(value)) {
        out.push(["experimental_backgroundImage", quoted(value)]);
        return true;
      }
      if (/url\(|\s/.test(value.trim())) return false;
      out.push(["backgroundColor", quoted(value)]);
      return true;
    case "background-image":
      if (!/gradient\(/.test(value)) return false;
      out.push(["experimental_backgroundImage", quoted(value)]);
      return true;
    case "border":
      return borderEntries("border", value, out);
    case "border-top":
    case "border-right":
    case "border-bottom":
    case "border-left":
      return borderEntries(camel(prop), value, out);
    case "outline":
      return borderEntries("outline", value, out);
    case "font-family":
      out.push(["fontFamily", JSON.stringify(firstFamily(value))]);
      return true;
    case "font-size": {
      const size = rnLength(value);
      if (size === undefined || size.startsWith('"')) return false;
      out.push(["fontSize", size]);
      return true;
    }
    case "font-weight": {
      const weight = rnWeight(value.trim());
      if (weight === undefined) return false;
      out.push(["fontWeight", JSON.stringify(weight)]);
      return true;
    }
    case "line-height": {
      const lh = lineHeight(value, fontSize);
      if (lh !== undefined) out.push(["lineHeight", lh]);
      return lh !== undefined || value.trim() === "normal";
    }
    case "letter-spacing": {
      const ls = letterSpacing(value, fontSize);
      if (ls !== undefined) out.push(["letterSpacing", ls]);
      return ls !== undefined || value.trim() === "normal";
    }
    case "text-decoration":
    case "text-decoration-line": {
      const line = value.split(/\s+/).filter((w) => w === "underline" || w === "line-through");
      out.push(["textDecorationLine", JSON.stringify(line.length > 0 ? line.join(" ") : "none")]);
      return true;
    }
    case "aspect-ratio": {
      const m = /^([\d.]+)\s*(?:\/\s*([\d.]+))?$/.exec(value.trim());
      if (!m) return false;
      out.push(["aspectRatio", String(round(Number(m[1]) / Number(m[2] ?? 1)))]);
      return true;
    }
  }
  return false;
}

function camel(prop: string): string {
  return prop.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/**
 * A class's declarations as a React Native style. `flexRow`: CSS's `display: flex` is a row (React Native's View a
 * column), so a flex container without a direction gets `flexDirection: "row"`.
 */
export function rnStyle(decls: readonly Decl[]): RnStyle {
  const entries: RnEntry[] = [];
  const dropped: string[] = [];
  const size = decls.find(([p]) => p === "font-size")?.[1];
  const fontSize = size !== undefined ? Number(PX.exec(size.trim())?.[1] ?? Number.NaN) : undefined;
  const known = fontSize !== undefined && !Number.isNaN(fontSize) ? fontSize : undefined;
  const fluid: RnEntry[] = [];
  const flex = decls.some(([p, v]) => p === "display" && /^(inline-)?flex$/.test(v.trim()));
  if (flex && !decls.some(([p]) => p === "flex-direction")) entries.push(["flexDirection", '"row"']);
  for (const [prop, value] of decls) {
    if (QUIET.has(prop) || prop.startsWith("--")) continue;
    if (!declEntries(prop, value, known, entries, fluid)) dropped.push(`${prop}: ${value}`);
  }
  // A line height in font sizes under a fluid font size follows it.
  const fluidSize = fluid.find(([k]) => k === "fontSize")?.[1];
  const height = decls.find(([p]) => p === "line-height")?.[1].trim();
  if (fluidSize !== undefined && height !== undefined && /^[\d.]+%?$/.test(height)) {
    const times = height.endsWith("%") ? Number(height.slice(0, -1)) / 100 : Number(height);
    fluid.push(["lineHeight", `(${fluidSize}) * ${times}`]);
    const at = dropped.findIndex((d) => d.startsWith("line-height:"));
    if (at >= 0) dropped.splice(at, 1);
  }
  if (fluidSize !== undefined) fluidLetterSpacing(decls, fluidSize, fluid, dropped);
  // A later entry of a key wins, as in CSS; each key once.
  const last = new Map<string, string>();
  for (const [k, v] of entries) {
    last.delete(k);
    last.set(k, v);
  }
  // A line that never wraps (CSS's `white-space: nowrap`, which React Native has not) and a width in px: the width is
  // its least, so a font a little wider than drawn widens the box instead of breaking a word across lines.
  const width = last.get("width");
  const nowrap = decls.some(([p, v]) => p === "white-space" && v.trim() === "nowrap");
  // (A width the parent caps, `max-width: 100%`, stays one: as a least it would push past the cap.)
  if (nowrap && width && /^[\d.]+$/.test(width) && !last.has("maxWidth")) {
    last.delete("width");
    last.set("minWidth", String(Math.max(Number(width), Number(last.get("minWidth") ?? 0))));
  }
  // A text let wrap again at a width of its content (a narrower screen's `white-space: normal` with `width: auto`: a
  // text stacked below the design width) drops the least width its one-line style took from its drawn width: held to
  // it, it ran past a phone's screen. (A text that only wraps again keeps it: a one-word label stays its word's width.)
  const wraps = decls.some(([p, v]) => p === "white-space" && v.trim() === "normal");
  const sized = decls.some(([p, v]) => p === "width" && v.trim() === "auto");
  if (wraps && sized && !nowrap && !last.has("minWidth")) last.set("minWidth", "0");
  return { entries: [...last], dropped, ...(fluid.length > 0 ? { fluid } : {}) };
}
