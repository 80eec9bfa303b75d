/**
 * The fonts a layer description asks for, loaded before the canvas changes: each run's family with the style its CSS
 * weight and italic name; a font Figma cannot load is replaced by the closest one it lists (the same family in the
 * nearest weight, else the fallback family), and the replacement named in a note.
 */
import type { LayerNode, TextRun } from "../../contract/layers.js";

/** The family a missing family falls back to (Figma's default text font, always available). */
export const FALLBACK_FAMILY = "Inter";

const WEIGHT_NAMES: readonly [number, string][] = [
  [100, "Thin"],
  [200, "ExtraLight"],
  [300, "Light"],
  [400, "Regular"],
  [500, "Medium"],
  [600, "SemiBold"],
  [700, "Bold"],
  [800, "ExtraBold"],
  [900, "Black"],
];

/** Figma's style name for a CSS weight and italic: 700 italic → "Bold Italic", 400 italic → "Italic". */
export function styleFor(weight: number, italic: boolean): string {
  const nearest = WEIGHT_NAMES.reduce((best, w) => (Math.abs(w[0] - weight) < Math.abs(best[0] - weight) ? w : best));
  if (!italic) return nearest[1];
  return nearest[0] === 400 ? "Italic" : `${nearest[1]} Italic`;
}

/** A style name's weight and italic ("Semi Bold Italic" → 600, true); unknown words weigh 400. */
function readStyle(style: string): { weight: number; italic: boolean } {
  const flat = style.replace(/[\s-]/g, "").toLowerCase();
  const italic = /italic|oblique/.test(flat);
  const word = flat.replace(/italic|oblique/, "");
  // Longest names first, so "extrabold" is not read as "bold".
  const found = [...WEIGHT_NAMES]
    .sort((a, b) => b[1].length - a[1].length)
    .find(([, n]) => word.includes(n.toLowerCase()));
  return { weight: found?.[0] ?? (word.includes("semi") || word.includes("demi") ? 600 : 400), italic };
}

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
