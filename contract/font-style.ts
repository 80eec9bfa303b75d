/**
 * Figma's style name for a CSS weight and slant, and back (issue 51): the plugin loads a text run's font by it and
 * `figment layers` writes it as the REST reply's `fontStyle`, so both bind the same FONT_STYLE variable.
 */

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
export function readStyle(style: string): { weight: number; italic: boolean } {
  const flat = style.replace(/[\s-]/g, "").toLowerCase();
  const italic = /italic|oblique/.test(flat);
  const word = flat.replace(/italic|oblique/, "");
  // Longest names first, so "extrabold" is not read as "bold".
  const found = [...WEIGHT_NAMES]
    .sort((a, b) => b[1].length - a[1].length)
    .find(([, n]) => word.includes(n.toLowerCase()));
  return { weight: found?.[0] ?? (word.includes("semi") || word.includes("demi") ? 600 : 400), italic };
}
