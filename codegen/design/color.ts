/** Colors from REST JSON to CSS. Tolerates odd keys from tools that re-save Figma JSON. */
import { isRecord } from "../rest/reply.js";

export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

function channel(raw: Record<string, unknown>, keys: string[]): number | undefined {
  for (const key of keys) {
    const value = raw[key];
    const num = typeof value === "string" ? Number(value) : value;
    if (typeof num === "number" && Number.isFinite(num)) return num;
  }
  return undefined;
}

/** Reads `{r,g,b,a}` (0..1), also `{red,green,blue,alpha}`, upper-case keys and 0..255 channels. */
export function readColor(raw: unknown): Rgba | undefined {
  if (!isRecord(raw)) return undefined;
  const r = channel(raw, ["r", "R", "red", "Red"]);
  const g = channel(raw, ["g", "G", "green", "Green"]);
  const b = channel(raw, ["b", "B", "blue", "Blue"]);
  if (r === undefined || g === undefined || b === undefined) return undefined;
  const a = channel(raw, ["a", "A", "alpha", "Alpha"]) ?? 1;
  const scale = r > 1 || g > 1 || b > 1 ? 255 : 1;
  const clamp = (v: number): number => Math.min(1, Math.max(0, v));
  return { r: clamp(r / scale), g: clamp(g / scale), b: clamp(b / scale), a: clamp(a > 1 ? a / 255 : a) };
}

/**
 * A contrast ratio that failed its threshold, cut (never rounded up) to two decimals, so that it reads below what it
 * failed: 4.496 is 4.49, never "4.50:1 (needs 4.5:1)".
 */
export function failedContrast(ratio: number): number {
  return Math.floor(ratio * 100) / 100;
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  const out = Math.round(value * f) / f;
  return Object.is(out, -0) ? 0 : out;
}

/** Two hex digits of 0–255 (a table: every layer's colours are printed), any other number as toString(16) would. */
const HEX2 = Array.from({ length: 256 }, (_, v) => v.toString(16).padStart(2, "0"));
const hex2 = (v: number): string => HEX2[v] ?? v.toString(16).padStart(2, "0");

/** `#rrggbb` when opaque, else `rgba(r, g, b, a)`. `opacity` multiplies the alpha. */
export function cssColor(color: Rgba, opacity = 1): string {
  const to255 = (v: number): number => Math.round(v * 255);
  const alpha = round(color.a * opacity, 3);
  if (alpha >= 1) return `#${hex2(to255(color.r))}${hex2(to255(color.g))}${hex2(to255(color.b))}`;
  return `rgba(${to255(color.r)}, ${to255(color.g)}, ${to255(color.b)}, ${alpha})`;
}

export function isTransparent(css: string): boolean {
  return /^rgba\(.*,\s*0\)$/.test(css);
}

const BLEND: Record<string, string> = {
  MULTIPLY: "multiply",
  SCREEN: "screen",
  OVERLAY: "overlay",
  DARKEN: "darken",
  LIGHTEN: "lighten",
  COLOR_DODGE: "color-dodge",
  LINEAR_DODGE: "color-dodge",
  COLOR_BURN: "color-burn",
  LINEAR_BURN: "color-burn",
  HARD_LIGHT: "hard-light",
  SOFT_LIGHT: "soft-light",
  DIFFERENCE: "difference",
  EXCLUSION: "exclusion",
  HUE: "hue",
  SATURATION: "saturation",
  COLOR: "color",
  LUMINOSITY: "luminosity",
};

/** CSS mix-blend-mode for a Figma blend mode; undefined for NORMAL / PASS_THROUGH / unknown. */
export function cssBlend(raw: unknown): string | undefined {
  return typeof raw === "string" ? BLEND[raw] : undefined;
}
