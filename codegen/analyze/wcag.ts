/** WCAG 2.2 colour arithmetic: CSS colours in, relative luminance, contrast ratio, alpha compositing. */

/** sRGB channels and alpha, each 0..1, not premultiplied. */
export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

export const TRANSPARENT: Rgba = { r: 0, g: 0, b: 0, a: 0 };

/** Reads `#rgb`, `#rgba`, `#rrggbb`, `#rrggbbaa`, `rgb(…)` and `rgba(…)`; undefined for anything else (gradients). */
export function parseCssColor(css: string): Rgba | undefined {
  const value = css.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/.exec(value);
  if (hex) {
    let digits = hex[1]!;
    if (digits.length <= 4) digits = [...digits].map((d) => d + d).join("");
    const byte = (i: number): number => parseInt(digits.slice(i, i + 2), 16) / 255;
    return { r: byte(0), g: byte(2), b: byte(4), a: digits.length === 8 ? byte(6) : 1 };
  }
  const fn = /^rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*(?:,\s*([\d.]+%?)\s*)?\)$/.exec(value);
  if (!fn) return undefined;
  const alpha = fn[4] === undefined ? 1 : fn[4].endsWith("%") ? Number(fn[4].slice(0, -1)) / 100 : Number(fn[4]);
  const clamp = (v: number): number => Math.min(1, Math.max(0, v));
  return {
    r: clamp(Number(fn[1]) / 255),
    g: clamp(Number(fn[2]) / 255),
    b: clamp(Number(fn[3]) / 255),
    a: clamp(alpha),
  };
}

/** `#rrggbb`, or `#rrggbbaa` when not opaque. */
export function hexColor(color: Rgba): string {
  const byte = (v: number): string =>
    Math.round(Math.min(1, Math.max(0, v)) * 255)
      .toString(16)
      .padStart(2, "0");
  return `#${byte(color.r)}${byte(color.g)}${byte(color.b)}${color.a < 1 ? byte(color.a) : ""}`;
}

/** Source-over compositing of `top` on `bottom`. */
export function over(top: Rgba, bottom: Rgba): Rgba {
  const a = top.a + bottom.a * (1 - top.a);
  if (a === 0) return TRANSPARENT;
  const mix = (t: number, b: number): number => (t * top.a + b * bottom.a * (1 - top.a)) / a;
  return { r: mix(top.r, bottom.r), g: mix(top.g, bottom.g), b: mix(top.b, bottom.b), a };
}

/** WCAG relative luminance of an (opaque) sRGB colour. */
export function luminance(color: Rgba): number {
  const linear = (c: number): number => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * linear(color.r) + 0.7152 * linear(color.g) + 0.0722 * linear(color.b);
}

/** WCAG contrast ratio, 1..21, unrounded: compare this one with the threshold, round only for display. */
export function contrastRatio(a: Rgba, b: Rgba): number {
  const la = luminance(a);
  const lb = luminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** Large text (WCAG): at least 18 pt (24 px), or 14 pt (18.66 px) and bold. */
export function isLargeText(size: number, weight: number): boolean {
  return size >= 24 || (size >= 18.66 && weight >= 700);
}

/** The ratio WCAG 2.2 AA (1.4.3) requires. */
export function requiredRatio(large: boolean): number {
  return large ? 3 : 4.5;
}
