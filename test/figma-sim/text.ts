/**
 * The simulator's text layers, as far as the plugin makes them: `figma.loadFontAsync` then `createText`, with
 * Figma's refusal to set `characters` (or `fontName`) before that font is loaded, `fontSize`, and
 * `textAutoResize`: "WIDTH_AND_HEIGHT" sizes the layer to its one line, "HEIGHT" keeps the width and grows
 * the height with the lines the text wraps onto. Glyph widths are estimated (0.55 em), not measured: tests
 * read the characters and the layer's box, never the pixels.
 */
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
  load(font: unknown): Promise<void> {
    const f = font as Partial<SimFont> | null;
    if (typeof f?.family !== "string" || typeof f.style !== "string")
      return Promise.reject(new Error("loadFontAsync: expected { family, style }"));
    this.loaded.add(key({ family: f.family, style: f.style }));
    return Promise.resolve();
  }
  has(font: SimFont): boolean {
    return this.loaded.has(key(font));
  }
}

/** Adds the text properties to a TEXT node. */
export function defineTextProps(node: TextHost, fonts: SimFonts): void {
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
    const lineHeight = Math.ceil(fontSize * 1.2);
    const lineWidth = (text: string): number => Math.ceil(text.length * fontSize * 0.55);
    const lines = characters.split("\n");
    if (autoResize === "WIDTH_AND_HEIGHT") node.resize(Math.max(1, ...lines.map(lineWidth)), lineHeight * lines.length);
    else if (autoResize === "HEIGHT")
      node.resize(
        node.width,
        lineHeight *
          lines.reduce((n, line) => n + Math.max(1, Math.ceil(lineWidth(line) / Math.max(1, node.width))), 0),
      );
  };
  Object.defineProperties(node, {
    characters: {
      enumerable: true,
      get: () => characters,
      set: (value: unknown) => {
        if (typeof value !== "string") throw new Error("characters: expected a string");
        requireFont(fontName, "characters");
        characters = value;
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
