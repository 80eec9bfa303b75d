/**
 * The fonts a layer description asks for, loaded before the canvas changes: each run's family with the style its CSS
 * weight and italic name; a font Figma cannot load is replaced by the closest one it lists (the same family in the
 * nearest weight, else the fallback family), and the replacement named in a note.
 */
import { readStyle, styleFor } from "../../contract/font-style.js";
import type { LayerNode, TextRun } from "../../contract/layers.js";

/** The family a missing family falls back to (Figma's default text font, always available). */
export const FALLBACK_FAMILY = "Inter";

const keyOf = (font: FontName): string => `${font.family}\u0000${font.style}`;

/** Style names by weight and italic: a page asks for a handful, run after run. */
const styles = new Map<string, string>();

export function fontOfRun(run: TextRun): FontName {
  const key = `${run.weight}${run.italic ? "i" : ""}`;
  let style = styles.get(key);
  if (style === undefined) styles.set(key, (style = styleFor(run.weight, run.italic)));
  return { family: run.family, style };
}

/** Every font the description's text runs ask for, once each, in document order. */
export function fontsOf(root: LayerNode): FontName[] {
  const out = new Map<string, FontName>();
  const visit = (node: LayerNode): void => {
    for (const run of node.text?.runs ?? []) {
      const font = fontOfRun(run);
      out.set(keyOf(font), font);
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(root);
  return [...out.values()];
}

/** The available font closest to `wanted`: its family in the nearest weight (same slant first), else the fallback. */
export function closestFont(wanted: FontName, available: readonly Font[]): FontName | undefined {
  const target = readStyle(wanted.style);
  const nearest = (family: string): FontName | undefined => {
    const styles = available.filter((f) => f.fontName.family === family).map((f) => f.fontName);
    let best: FontName | undefined;
    let bestScore = Number.POSITIVE_INFINITY;
    for (const font of styles) {
      const s = readStyle(font.style);
      const score = Math.abs(s.weight - target.weight) + (s.italic === target.italic ? 0 : 1000);
      if (score < bestScore) [best, bestScore] = [font, score];
    }
    return best;
  };
  return nearest(wanted.family) ?? nearest(FALLBACK_FAMILY);
}

export interface LoadedFonts {
  /** The font each wanted one is drawn in (itself when it loaded). */
  use(font: FontName): FontName;
  /** One line per replaced font: "Fancy Sans Bold → Inter Bold". */
  notes: string[];
}

/** Loads every font `root` asks for; a font that does not load is replaced by the closest available one. */
export async function loadLayerFonts(root: LayerNode): Promise<LoadedFonts> {
  const chosen = new Map<string, FontName>();
  const notes: string[] = [];
  let available: Font[] | undefined;
  for (const font of fontsOf(root)) {
    if (await loads(font)) {
      chosen.set(keyOf(font), font);
      continue;
    }
    available ??= await figma.listAvailableFontsAsync();
    const other = closestFont(font, available);
    const replacement = other && (await loads(other)) ? other : { family: FALLBACK_FAMILY, style: "Regular" };
    if (replacement === other || (await loads(replacement))) {
      chosen.set(keyOf(font), replacement);
      notes.push(`${font.family} ${font.style} → ${replacement.family} ${replacement.style}`);
    }
  }
  return {
    use: (font) => chosen.get(keyOf(font)) ?? { family: FALLBACK_FAMILY, style: "Regular" },
    notes,
  };
}

async function loads(font: FontName): Promise<boolean> {
  try {
    await figma.loadFontAsync(font);
    return true;
  } catch {
    return false;
  }
}
