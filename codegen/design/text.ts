/** TEXT nodes: base style, mixed-style runs, alignment and auto-resize. */
import { isRecord } from "../rest/reply.js";
import { finite, str } from "../rest/values.js";
import { cssColor, readColor, round } from "./color.js";
import type { TextContent, TextRun, TextStyle } from "./types.js";

type Raw = Record<string, unknown>;

/** Text color from a fills array: first visible solid (with paint opacity), or a gradient's first stop. */
function textColor(fills: unknown): string | undefined {
  if (!Array.isArray(fills)) return undefined;
  for (const paint of fills) {
    if (!isRecord(paint) || paint["visible"] === false) continue;
    const opacity = finite(paint["opacity"]) ?? 1;
    if (paint["type"] === "SOLID") {
      const color = readColor(paint["color"]);
      if (color) return cssColor(color, opacity);
    }
    const stops = paint["gradientStops"];
    if (Array.isArray(stops) && isRecord(stops[0])) {
      const color = readColor(stops[0]["color"]);
      if (color) return cssColor(color, opacity);
    }
  }
  return undefined;
}

const CASE: Record<string, TextStyle["case"]> = {
  UPPER: "upper",
  LOWER: "lower",
  TITLE: "title",
  SMALL_CAPS: "small-caps",
  SMALL_CAPS_FORCED: "small-caps",
};
const DECORATION: Record<string, TextStyle["decoration"]> = { UNDERLINE: "underline", STRIKETHROUGH: "line-through" };

/** The parts of a REST TypeStyle (plus fills) that are set, as a partial TextStyle. */
/** A box `height` px tall holds a whole number of `line`-px lines, to within Figma's rounding of its height. */
function holdsLines(height: number | undefined, line: number): boolean {
  if (height === undefined || line <= 0) return false;
  const lines = Math.round(height / line);
  return lines >= 1 && Math.abs(height - lines * line) < 1;
}

/** A font style name that is slanted ("Italic", "Bold Italic", "Oblique"). */
const ITALIC_STYLE = /italic|oblique/i;

function partialStyle(style: Raw, fills: unknown, box?: number): Partial<TextStyle> {
  const out: Partial<TextStyle> = {};
  const family = str(style["fontFamily"]);
  if (family) out.family = family;
  const size = finite(style["fontSize"]);
  if (size !== undefined) out.size = round(size);
  const weight = finite(style["fontWeight"]);
  if (weight !== undefined) out.weight = weight;
  if (typeof style["italic"] === "boolean") out.italic = style["italic"];
  else if (ITALIC_STYLE.test(str(style["fontStyle"]) ?? "")) out.italic = true;
  const unit = str(style["lineHeightUnit"]);
  const lineHeight = finite(style["lineHeightPx"]);
  // "Auto" (INTRINSIC_% at 100 %) is the font's own line height; a percentage of it other than 100 (older files: 120 %
  // of auto) is the px Figma computed from the font's metrics. Auto's px is Figma's too where the box is drawn a whole
  // number of those lines tall (to within its rounding): the browser's `normal` rounds the ascent and the descent each
  // to whole pixels (Inter Bold at 40 px: 49 against Figma's 48.41 in a 48-px box), so the lines would come out up to
  // a pixel taller each. Older files give auto a px their boxes do not hold (Poppins 24: 28.1 in a 39-px box).
  const ofAuto = finite(style["lineHeightPercent"]) ?? 100;
  const auto = unit === "INTRINSIC_%" && Math.abs(ofAuto - 100) <= 0.01;
  if (lineHeight !== undefined && (!auto || holdsLines(box, lineHeight))) out.lineHeight = round(lineHeight);
  const spacing = finite(style["letterSpacing"]);
  if (spacing !== undefined && spacing !== 0) out.letterSpacing = round(spacing);
  const textCase = CASE[String(style["textCase"])];
  if (textCase) out.case = textCase;
  const decoration = DECORATION[String(style["textDecoration"])];
  if (decoration) out.decoration = decoration;
  const color = textColor(fills);
  if (color) out.color = color;
  return out;
}

const RESIZE: Record<string, TextContent["resize"]> = {
  NONE: "none",
  HEIGHT: "height",
  WIDTH_AND_HEIGHT: "width",
  TRUNCATE: "truncate",
};
const ALIGN_H: Record<string, TextContent["alignH"]> = {
  LEFT: "left",
  CENTER: "center",
  RIGHT: "right",
  JUSTIFIED: "justify",
};
const ALIGN_V: Record<string, TextContent["alignV"]> = { TOP: "top", CENTER: "center", BOTTOM: "bottom" };

export function readText(node: Raw, styleName: string | undefined): TextContent {
  const chars = str(node["characters"]) ?? "";
  const style = isRecord(node["style"]) ? node["style"] : {};
  const base: TextStyle = { family: "sans-serif", size: 12, weight: 400, ...partialStyle(style, node["fills"]) };
  const runs = readRuns(node, chars, base);
  // Auto lines of one size and family are measured by a box Figma sizes to them (auto height or width; a fixed box
  // may hold anything, and a turned box's bounds are not its height).
  const bounds = isRecord(node["absoluteBoundingBox"]) ? finite(node["absoluteBoundingBox"]["height"]) : undefined;
  const turned = Math.abs(finite(node["rotation"]) ?? 0) > 0.001;
  const sized = style["textAutoResize"] === "HEIGHT" || style["textAutoResize"] === "WIDTH_AND_HEIGHT";
  const oneFont = !runs.some((r) => r.style.size !== undefined || r.style.family);
  if (base.lineHeight === undefined && sized && !turned && oneFont)
    Object.assign(base, partialStyle(style, node["fills"], bounds));
  const maxLines = finite(style["maxLines"]);
  const truncated = style["textTruncation"] === "ENDING";
  const paragraphSpacing = finite(style["paragraphSpacing"]);
  return {
    chars,
    style: base,
    ...(runs.length ? { runs } : {}),
    resize: truncated ? "truncate" : (RESIZE[String(style["textAutoResize"])] ?? "none"),
    alignH: ALIGN_H[String(style["textAlignHorizontal"])] ?? "left",
    alignV: ALIGN_V[String(style["textAlignVertical"])] ?? "top",
    ...(maxLines !== undefined && maxLines > 0 ? { maxLines } : {}),
    ...(paragraphSpacing ? { paragraphSpacing: round(paragraphSpacing) } : {}),
    ...(style["leadingTrim"] === "CAP_HEIGHT" ? { trim: "cap" as const } : {}),
    ...(styleName ? { styleName } : {}),
  };
}

/**
 * Groups `characterStyleOverrides` into runs whose style differs from the base. Figma counts its entries by code
 * point (an emoji outside the BMP is one entry, two UTF-16 units of `chars`; a ZWJ sequence one entry per code point),
 * as its .fig documents do: the runs' offsets are converted to `chars`' UTF-16 units.
 */
function readRuns(node: Raw, chars: string, base: TextStyle): TextRun[] {
  const overrides = node["characterStyleOverrides"];
  const table = isRecord(node["styleOverrideTable"]) ? node["styleOverrideTable"] : {};
  if (!Array.isArray(overrides) || overrides.length === 0) return [];
  const units = codePointStarts(chars);
  const runs: TextRun[] = [];
  let start = 0;
  // Figma leaves trailing zeros out; entries past the last character are ignored.
  const limit = Math.min(overrides.length, units.length - 1);
  while (start < limit) {
    const key = overrides[start];
    let end = start + 1;
    while (end < limit && overrides[end] === key) end++;
    const entry = table[String(key)];
    if (key !== 0 && isRecord(entry)) {
      const partial = partialStyle(entry, entry["fills"]);
      // An override that names its font style without `italic` (tools other than Figma write only what they set):
      // upright where the style's name is, over an italic base.
      const fontStyle = str(entry["fontStyle"]);
      if (partial.italic === undefined && base.italic && fontStyle !== undefined && !ITALIC_STYLE.test(fontStyle))
        partial.italic = false;
      const diff: Partial<TextStyle> = {};
      for (const [k, v] of Object.entries(partial) as [keyof TextStyle, TextStyle[keyof TextStyle]][]) {
        if (base[k] !== v) Object.assign(diff, { [k]: v });
      }
      if (Object.keys(diff).length > 0) {
        const [from, to] = [units[start]!, units[end]!];
        const last = runs[runs.length - 1];
        if (last && last.end === from && JSON.stringify(last.style) === JSON.stringify(diff)) last.end = to;
        else runs.push({ start: from, end: to, style: diff });
      }
    }
    start = end;
  }
  return runs;
}

/**
 * The UTF-16 offset in `chars` of each code point, and its length last: code point i is `chars.slice(at[i], at[i +
 * 1])`.
 */
function codePointStarts(chars: string): number[] {
  const at: number[] = [];
  // As the string's iterator steps (a surrogate pair is one code point, a lone surrogate one of its own), without
  // making a string of each.
  let unit = 0;
  while (unit < chars.length) {
    at.push(unit);
    const c = chars.charCodeAt(unit);
    const next = chars.charCodeAt(unit + 1);
    unit += c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
  }
  at.push(unit);
  return at;
}

/** Below this share of its lines' height, a text that sizes itself to its lines is drawn scaled. */
const SCALED_BELOW = 0.8;

/**
 * The scale a text is drawn at when Figma scaled it with its instance (the scale tool, K) and the reply kept the
 * component's type: a text that sizes itself to its lines drawn shorter than those lines (Fitma's thumbnail: a 14-px
 * label with 17.5-px lines in a 7-px box, its glyphs 5.8 px tall, everything in it at 0.4). Its lines: one per line
 * break of a text as wide as its lines, one for a text that wraps (less than one line tall). Undefined when not scaled.
 */
export function drawnTextScale(node: Raw, text: TextContent, h: number): number | undefined {
  const style = isRecord(node["style"]) ? node["style"] : {};
  const lineHeight = finite(style["lineHeightPx"]);
  if (text.trim || (text.resize !== "width" && text.resize !== "height") || !lineHeight || lineHeight <= 0 || h <= 0)
    return undefined;
  const lines = text.resize === "width" ? text.chars.split("\n").length : 1;
  const drawn = lines * lineHeight + (lines - 1) * (text.paragraphSpacing ?? 0);
  if (text.resize === "height" && h >= lineHeight * SCALED_BELOW) return undefined;
  const scale = h / drawn;
  return scale < SCALED_BELOW && scale > 0.05 ? round(scale, 3) : undefined;
}

/** A text's type at `scale`: sizes, line heights, letter and paragraph spacing (`lineHeight`: its lines' px). */
export function scaledText(text: TextContent, scale: number, lineHeight: number | undefined): TextContent {
  const by = (v: number | undefined): number | undefined => (v === undefined ? undefined : round(v * scale));
  const style = (s: Partial<TextStyle>, own?: number): Partial<TextStyle> => {
    const out: Partial<TextStyle> = { ...s };
    if (s.size !== undefined) out.size = by(s.size)!;
    const lh = s.lineHeight ?? own;
    if (lh !== undefined) out.lineHeight = by(lh)!;
    if (s.letterSpacing !== undefined) out.letterSpacing = by(s.letterSpacing)!;
    return out;
  };
  return {
    ...text,
    style: style(text.style, lineHeight) as TextStyle,
    ...(text.runs ? { runs: text.runs.map((r) => ({ ...r, style: style(r.style) })) } : {}),
    ...(text.paragraphSpacing ? { paragraphSpacing: by(text.paragraphSpacing)! } : {}),
  };
}
