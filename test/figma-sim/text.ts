/**
 * The simulator's text layers, as far as the plugin makes them: `figma.loadFontAsync` then `createText`, with
 * Figma's refusal to set `characters` (or `fontName`) before that font is loaded, `fontSize`, and
 * `textAutoResize`: "WIDTH_AND_HEIGHT" sizes the layer to its one line, "HEIGHT" keeps the width and grows
 * the height with the lines the text wraps onto. Lines are as wide as the font's advances make them where the
 * font is known (./text-measure.ts), else 0.55 em a character: tests read the characters and the layer's box,
 * never the pixels.
 */
import { autoLineHeight, lineWidth as measureLine, wrappedLines } from "./text-measure.js";

export interface SimFont {
  family: string;
  style: string;
}

/** What a text layer needs from its node: its size, set without a recorded resize, and a relayout. */
export interface TextHost {
  width: number;
  height: number;
  resize(width: number, height: number): void;
}

const key = (font: SimFont): string => `${font.family}\u0000${font.style}`;
export const DEFAULT_FONT: SimFont = { family: "Inter", style: "Regular" };

export class SimFonts {
  private readonly loaded = new Set<string>();
  /** The fonts the editor has (listAvailableFontsAsync); undefined: every font loads. */
  constructor(readonly available?: readonly SimFont[]) {}
  load(font: unknown): Promise<void> {
    const f = font as Partial<SimFont> | null;
    if (typeof f?.family !== "string" || typeof f.style !== "string")
      return Promise.reject(new Error("loadFontAsync: expected { family, style }"));
    const wanted = { family: f.family, style: f.style };
    if (this.available && !this.available.some((a) => key(a) === key(wanted)))
      return Promise.reject(new Error(`The font "${f.family} ${f.style}" could not be loaded`));
    this.loaded.add(key(wanted));
    return Promise.resolve();
  }
  /** Figma's Font list: `{ fontName }` per font. */
  list(): Promise<{ fontName: SimFont }[]> {
    return Promise.resolve((this.available ?? [DEFAULT_FONT]).map((f) => ({ fontName: { ...f } })));
  }
  has(font: SimFont): boolean {
    return this.loaded.has(key(font));
  }
}

/** The per-character properties setRange* writes (fontName also by the `fontName` setter, as in Figma). */
const RANGE_PROPS = [
  "fontName",
  "fontSize",
  "fills",
  "letterSpacing",
  "lineHeight",
  "textDecoration",
  "textCase",
  "hyperlink",
] as const;
type RangeProp = (typeof RANGE_PROPS)[number];
const RANGE_DEFAULTS: Record<RangeProp, unknown> = {
  fontName: DEFAULT_FONT,
  fontSize: 12,
  fills: [{ type: "SOLID", color: { r: 0, g: 0, b: 0 }, opacity: 1 }],
  letterSpacing: { unit: "PERCENT", value: 0 },
  lineHeight: { unit: "AUTO" },
  textDecoration: "NONE",
  textCase: "ORIGINAL",
  hyperlink: null,
};
const capital = (p: string): string => p[0]!.toUpperCase() + p.slice(1);

/** Adds the text properties to a TEXT node; `mixed` is figma.mixed (a range holding several values). */
export function defineTextProps(node: TextHost, fonts: SimFonts, mixed: symbol = Symbol("mixed")): void {
  /** Per character, the values setRange* gave (the layer's own value where none did). */
  let styles: Partial<Record<RangeProp, unknown>>[] = [];
  let characters = "";
  let fontName: SimFont = DEFAULT_FONT;
  let fontSize = 12;
  let autoResize: "NONE" | "WIDTH_AND_HEIGHT" | "HEIGHT" = "WIDTH_AND_HEIGHT";
  const requireFont = (font: SimFont, what: string): void => {
    if (!fonts.has(font))
      throw new Error(
        `in set_${what}: Cannot write to node with unloaded font "${font.family} ` +
          `${font.style}". Please call figma.loadFontAsync({ family: "${font.family}", ` +
          `style: "${font.style}" }) and await the returned promise first.`,
      );
  };
  const fitToText = (): void => {
    // The first character's size and line height (a line height in pixels is kept, as Figma keeps it).
    const first = styles[0] ?? {};
    const size = typeof first.fontSize === "number" ? first.fontSize : fontSize;
    const lh = first.lineHeight as { unit?: string; value?: number } | undefined;
    const ls = first.letterSpacing as { unit?: string; value?: number } | undefined;
    const spacing = typeof ls?.value === "number" ? (ls.unit === "PERCENT" ? (ls.value / 100) * size : ls.value) : 0;
    const font = (first.fontName as SimFont | undefined) ?? fontName;
    // Auto: the face's own line spacing where its metrics are known (Figma's), else 1.2 em.
    const lineHeight =
      lh?.unit === "PIXELS" && typeof lh.value === "number"
        ? Math.max(1, lh.value)
        : (autoLineHeight(font, size) ?? Math.ceil(size * 1.2));
    const lineWidth = (text: string): number => Math.ceil(measureLine(text, font, size, spacing));
    // The characters as drawn: a layer's textCase changes the glyphs (an upper-cased line is measured in capitals).
    const lines = shown().split("\n");
    if (autoResize === "WIDTH_AND_HEIGHT") node.resize(Math.max(1, ...lines.map(lineWidth)), lineHeight * lines.length);
    else if (autoResize === "HEIGHT")
      node.resize(
        node.width,
        lineHeight * lines.reduce((n, line) => n + wrappedLines(line, font, size, node.width, spacing), 0),
      );
  };
  /** The characters as Figma draws them: each character in its range's textCase (TITLE: a word's first letter). */
  const shown = (): string =>
    characters
      .split("")
      .map((c, i) => {
        const textCase = styles[i]?.textCase;
        if (textCase === "UPPER" || textCase === "SMALL_CAPS" || textCase === "SMALL_CAPS_FORCED")
          return c.toUpperCase();
        if (textCase === "LOWER") return c.toLowerCase();
        if (textCase === "TITLE" && (i === 0 || /\s/.test(characters[i - 1]!))) return c.toUpperCase();
        return c;
      })
      .join("");
  const own = (p: RangeProp): unknown =>
    p === "fontName" ? fontName : p === "fontSize" ? fontSize : RANGE_DEFAULTS[p];
  const range = (start: unknown, end: unknown, what: string): [number, number] => {
    if (!Number.isInteger(start) || !Number.isInteger(end) || (start as number) < 0)
      throw new Error(`${what}: expected integer start and end`);
    const [s, e] = [start as number, end as number];
    if (e > characters.length || s >= e) throw new Error(`${what}: range ${s}…${e} outside 0…${characters.length}`);
    return [s, e];
  };
  for (const prop of RANGE_PROPS) {
    const setter = `setRange${capital(prop)}`;
    Object.defineProperty(node, setter, {
      value: (start: unknown, end: unknown, value: unknown): void => {
        const [s, e] = range(start, end, setter);
        // Every character's font must be loaded to change its text, and the new font too.
        for (let i = s; i < e; i++) requireFont((styles[i]!.fontName as SimFont | undefined) ?? fontName, setter);
        if (prop === "fontName") {
          const f = value as Partial<SimFont> | null;
          if (typeof f?.family !== "string" || typeof f.style !== "string")
            throw new Error(`${setter}: expected { family, style }`);
          requireFont({ family: f.family, style: f.style }, setter);
        }
        if (prop === "fontSize" && !(typeof value === "number" && value >= 1))
          throw new Error(`${setter}: expected a number of at least 1`);
        for (let i = s; i < e; i++) styles[i]![prop] = structuredClone(value);
        if (prop === "fontSize" || prop === "lineHeight" || prop === "textCase") fitToText();
      },
    });
    Object.defineProperty(node, `getRange${capital(prop)}`, {
      value: (start: unknown, end: unknown): unknown => {
        const [s, e] = range(start, end, `getRange${capital(prop)}`);
        const values = styles.slice(s, e).map((st) => JSON.stringify(st[prop] ?? own(prop)));
        return values.every((v) => v === values[0]) ? JSON.parse(values[0]!) : mixed;
      },
    });
  }
  Object.defineProperty(node, "restText", {
    value: (paint: (p: unknown) => unknown): Json =>
      restText(characters, styles, (p) => own(p), node as unknown as Json, paint),
  });
  for (const [prop, allowed] of [
    ["textAlignHorizontal", ["LEFT", "CENTER", "RIGHT", "JUSTIFIED"]],
    ["textAlignVertical", ["TOP", "CENTER", "BOTTOM"]],
  ] as const) {
    let value: string = allowed[0];
    Object.defineProperty(node, prop, {
      enumerable: true,
      get: () => value,
      set: (v: unknown) => {
        if (!allowed.includes(v as never)) throw new Error(`${prop}: one of ${allowed.join(", ")}`);
        value = v as string;
      },
    });
  }
  Object.defineProperties(node, {
    characters: {
      enumerable: true,
      get: () => characters,
      set: (value: unknown) => {
        if (typeof value !== "string") throw new Error("characters: expected a string");
        requireFont(fontName, "characters");
        characters = value;
        styles = Array.from({ length: value.length }, () => ({}));
        fitToText();
      },
    },
    fontName: {
      enumerable: true,
      get: () => ({ ...fontName }),
      set: (value: unknown) => {
        const f = value as Partial<SimFont> | null;
        if (typeof f?.family !== "string" || typeof f.style !== "string")
          throw new Error("fontName: expected { family, style }");
        requireFont({ family: f.family, style: f.style }, "fontName");
        fontName = { family: f.family, style: f.style };
        for (const s of styles) delete s.fontName;
        fitToText();
      },
    },
    fontSize: {
      enumerable: true,
      get: () => fontSize,
      set: (value: unknown) => {
        if (typeof value !== "number" || !(value >= 1)) throw new Error("fontSize: expected a number of at least 1");
        requireFont(fontName, "fontSize");
        fontSize = value;
        for (const s of styles) delete s.fontSize;
        fitToText();
      },
    },
    textAutoResize: {
      enumerable: true,
      get: () => autoResize,
      set: (value: unknown) => {
        if (value !== "NONE" && value !== "WIDTH_AND_HEIGHT" && value !== "HEIGHT")
          throw new Error("textAutoResize: one of NONE, WIDTH_AND_HEIGHT, HEIGHT");
        autoResize = value;
        fitToText();
      },
    },
  });
}

type Json = Record<string, unknown>;

const WEIGHTS: [RegExp, number][] = [
  [/thin|hairline/i, 100],
  [/extra ?light|ultra ?light/i, 200],
  [/light/i, 300],
  [/medium/i, 500],
  [/semi ?bold|demi ?bold/i, 600],
  [/extra ?bold|ultra ?bold/i, 800],
  [/black|heavy/i, 900],
  [/bold/i, 700],
];

/** REST's TypeStyle of one character's values (Figma's names: fontWeight from the style name, px spacing). */
function typeStyle(v: (p: RangeProp) => unknown): Json {
  const font = v("fontName") as SimFont;
  const size = v("fontSize") as number;
  const spacing = v("letterSpacing") as { unit?: string; value?: number };
  const lh = v("lineHeight") as { unit?: string; value?: number };
  const textCase = v("textCase");
  const decoration = v("textDecoration");
  return {
    fontFamily: font.family,
    fontStyle: font.style,
    fontWeight: WEIGHTS.find(([re]) => re.test(font.style))?.[1] ?? 400,
    ...(/italic|oblique/i.test(font.style) ? { italic: true } : {}),
    fontSize: size,
    letterSpacing: spacing?.unit === "PERCENT" ? ((spacing.value ?? 0) * size) / 100 : (spacing?.value ?? 0),
    ...(lh?.unit === "PIXELS"
      ? { lineHeightPx: lh.value, lineHeightUnit: "PIXELS" }
      : lh?.unit === "PERCENT"
        ? { lineHeightPx: ((lh.value ?? 100) * size) / 100, lineHeightUnit: "FONT_SIZE_%" }
        : { lineHeightUnit: "INTRINSIC_%" }),
    ...(textCase === "ORIGINAL" ? {} : { textCase }),
    ...(decoration === "NONE" ? {} : { textDecoration: decoration }),
  };
}

/**
 * A text layer as REST gives it: the first character's style as the layer's `style` (with its alignment and
 * resizing), every character whose values differ an entry of `characterStyleOverrides` (one per code point, as
 * Figma counts them) naming a `styleOverrideTable` entry with its style and fills.
 */
function restText(
  characters: string,
  styles: Partial<Record<RangeProp, unknown>>[],
  own: (p: RangeProp) => unknown,
  node: Json,
  paint: (p: unknown) => unknown,
): Json {
  const at = (i: number) => (p: RangeProp) => styles[i]?.[p] ?? own(p);
  const entry = (i: number): Json => ({ ...typeStyle(at(i)), fills: (at(i)("fills") as unknown[]).map(paint) });
  const base = entry(0);
  const keyOf = (e: Json): string => JSON.stringify(e);
  const table: Record<string, Json> = {};
  const ids = new Map<string, number>([[keyOf(base), 0]]);
  const overrides: number[] = [];
  for (let i = 0; i < characters.length; i++) {
    // A surrogate pair's second half is not a character of its own.
    const code = characters.charCodeAt(i);
    if (code >= 0xdc00 && code <= 0xdfff && i > 0) continue;
    const e = entry(i);
    let id = ids.get(keyOf(e));
    if (id === undefined) {
      id = ids.size;
      ids.set(keyOf(e), id);
      table[String(id)] = e;
    }
    overrides.push(id);
  }
  while (overrides.length > 0 && overrides[overrides.length - 1] === 0) overrides.pop();
  const { fills, ...style } = base;
  return {
    style: {
      ...style,
      textAlignHorizontal: node["textAlignHorizontal"],
      textAlignVertical: node["textAlignVertical"],
      textAutoResize: node["textAutoResize"],
    },
    fills,
    characterStyleOverrides: overrides,
    styleOverrideTable: table,
  };
}
