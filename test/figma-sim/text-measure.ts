/**
 * How wide the simulator draws a line of text: with the font's own advance widths where a table of them is known
 * (Figma measures the font), else at the average of 0.55 em per character. Tables come from a loader: in Node,
 * ./font-files.ts reads the @fontsource font files the tests serve and the system's; in a browser (the plugin
 * harness) the page's canvas measures each character as Chromium draws it. The
 * registry lives on globalThis, so a sim bundled twice (the bench's page builder beside the bench) shares it.
 * Browser-safe (no Node imports). Kerning is not applied.
 */

/** A face's advance widths: per code point, in font units (undefined: the face has no such glyph). */
export interface FontAdvances {
  unitsPerEm: number;
  advances: { get(code: number): number | undefined };
  /** The face's own line height in em (hhea ascender − descender + line gap): Figma's auto line height. */
  lineHeight?: number;
}

/** What a loader answers for a family, a CSS weight and italic (undefined: not known here). */
export type FontLoader = (family: string, weight: number, italic: boolean) => FontAdvances | undefined;

interface Registry {
  loaders: FontLoader[];
  faces: Map<string, FontAdvances | null>;
}

const GLOBAL_KEY = "__figmentSimFontAdvances";
const registry = (): Registry => {
  const g = globalThis as Record<string, unknown>;
  g[GLOBAL_KEY] ??= { loaders: canvasLoader() ? [canvasLoader()!] : [], faces: new Map() } satisfies Registry;
  return g[GLOBAL_KEY] as Registry;
};

interface Canvas2d {
  font: string;
  measureText(text: string): { width: number };
}

/** In a browser: a face measured character by character on a canvas, at 1000 px (one unit a px). */
function canvasLoader(): FontLoader | undefined {
  const g = globalThis as { OffscreenCanvas?: new (w: number, h: number) => { getContext(kind: "2d"): unknown } };
  if (typeof g.OffscreenCanvas !== "function") return undefined;
  const ctx = new g.OffscreenCanvas(1, 1).getContext("2d") as Canvas2d | null;
  if (!ctx) return undefined;
  return (family, weight, italic) => {
    const font = `${italic ? "italic " : ""}${weight} 1000px "${family.replace(/["\\]/g, "")}"`;
    const cache = new Map<number, number>();
    return {
      unitsPerEm: 1000,
      advances: {
        get(code) {
          let width = cache.get(code);
          if (width === undefined) {
            ctx.font = font;
            width = ctx.measureText(String.fromCodePoint(code)).width;
            cache.set(code, width);
          }
          return width;
        },
      },
    };
  };
}

/** Adds a source of advance tables (asked in order of adding; a face's answer is kept); the answer takes it away. */
export function useFontLoader(loader: FontLoader): () => void {
  const r = registry();
  if (r.loaders.includes(loader)) return () => undefined;
  r.loaders.push(loader);
  r.faces.clear();
  return () => {
    r.loaders.splice(r.loaders.indexOf(loader), 1);
    r.faces.clear();
  };
}

/** The average width of a character when the font is not known, in em. */
export const AVERAGE_EM = 0.55;

const WEIGHTS: readonly [string, number][] = [
  ["extralight", 200],
  ["ultralight", 200],
  ["semibold", 600],
  ["demibold", 600],
  ["extrabold", 800],
  ["ultrabold", 800],
  ["thin", 100],
  ["light", 300],
  ["medium", 500],
  ["bold", 700],
  ["black", 900],
  ["heavy", 900],
];

/** A Figma style name's CSS weight and italic ("Semi Bold Italic" → 600, true). */
export function styleWeight(style: string): { weight: number; italic: boolean } {
  const flat = style.replace(/[\s_-]/g, "").toLowerCase();
  return {
    weight: WEIGHTS.find(([name]) => flat.includes(name))?.[1] ?? 400,
    italic: /italic|oblique/.test(flat),
  };
}

function face(family: string, style: string): FontAdvances | undefined {
  const r = registry();
  const key = `${family.toLowerCase()}\u0000${style}`;
  const known = r.faces.get(key);
  if (known !== undefined) return known ?? undefined;
  const { weight, italic } = styleWeight(style);
  let found: FontAdvances | undefined;
  for (const loader of r.loaders) {
    found = loader(family, weight, italic);
    if (found) break;
  }
  r.faces.set(key, found ?? null);
  return found;
}

/**
 * The auto line height of a face at `size`, in whole px (Figma's "Auto": the font's own line spacing), where the face
 * and its metrics are known; undefined otherwise (the caller keeps its average).
 */
export function autoLineHeight(font: { family: string; style: string }, size: number): number | undefined {
  const ratio = face(font.family, font.style)?.lineHeight;
  return ratio && ratio > 0 ? Math.max(1, Math.round(size * ratio)) : undefined;
}

/**
 * A line's width in px: each character's advance at `size` plus `letterSpacing` px after each; a character the
 * face lacks (or a face not known) counts the average.
 */
export function lineWidth(
  text: string,
  font: { family: string; style: string },
  size: number,
  letterSpacing = 0,
): number {
  const f = face(font.family, font.style);
  let units = 0;
  let count = 0;
  let missing = 0;
  for (const ch of text) {
    count++;
    const advance = f?.advances.get(ch.codePointAt(0)!);
    if (advance === undefined) missing++;
    else units += advance / f!.unitsPerEm;
  }
  return units * size + missing * size * AVERAGE_EM + letterSpacing * count;
}

/**
 * How many lines a paragraph (no line breaks) wraps onto in a box `width` px wide: greedily at spaces, as Figma and
 * browsers wrap; a word wider than the box breaks onto lines of its own.
 */
export function wrappedLines(
  text: string,
  font: { family: string; style: string },
  size: number,
  width: number,
  letterSpacing = 0,
): number {
  const room = Math.max(1, width);
  let lines = 1;
  let used = 0;
  for (const word of text.split(/(?<= )/)) {
    const ink = lineWidth(word.trimEnd(), font, size, letterSpacing);
    const advance = lineWidth(word, font, size, letterSpacing);
    if (used > 0 && used + ink > room + 0.01) {
      lines++;
      used = 0;
    }
    if (ink > room + 0.01) {
      lines += Math.ceil(ink / room) - 1;
      used = ink % room;
    } else used += advance;
  }
  return lines;
}
