/**
 * An image fill's `background: url(…) X% Y% / W% H% no-repeat` (or `center / cover`) as React Native has no CSS
 * background: the box clips (overflow hidden) and its first child is the image, absolutely placed where CSS would
 * draw it. A `W%`-wide image at `X%` sits at `(100% − W%) × X%` of the box, so the crop stays in percentages.
 */
import type { RnEntry } from "./style.js";

export interface RnBackground {
  /** The asset path as the CSS writes it (`../assets/photo.png`). */
  url: string;
  /** The image's own style (absolute box) and how it scales into it. */
  entries: RnEntry[];
  resizeMode: "stretch" | "cover" | "contain";
  /** Gradient layers drawn over the image (`linear-gradient(…), url(…) …`), as one background image's text. */
  overlay?: string;
  /** A solid layer under the image (`…, linear-gradient(#c4c4c4, #c4c4c4)`): the box's background color. */
  color?: string;
}

/** A one-color gradient's color (how a solid fill under an image is written). */
const SOLID = /^linear-gradient\(\s*(#[\da-f]+|rgba?\([^()]*\))\s*,\s*\1\s*\)$/i;

/** A `background` value's layers (split at its top-level commas). */
export function layers(value: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    if (value[i] === "(") depth++;
    else if (value[i] === ")") depth--;
    else if (value[i] === "," && depth === 0) {
      out.push(value.slice(start, i).trim());
      start = i + 1;
    }
  }
  return [...out, value.slice(start).trim()];
}

const PLACED = /^url\(["']?([^"')]+)["']?\)\s+(-?[\d.]+)%?\s+(-?[\d.]+)%?\s*\/\s*([\d.]+)%\s+([\d.]+)%\s+no-repeat$/;
const SCALED = /^url\(["']?([^"')]+)["']?\)\s+(?:center|50% 50%)\s*\/\s*(cover|contain|100% 100%)\s+no-repeat$/;

const pct = (n: number): string => JSON.stringify(`${Number(n.toFixed(3))}%`);

/** The image fill a `background` value draws, when React Native can draw it (an image, placed or scaled). */
export function rnBackground(value: string): RnBackground | undefined {
  const all = layers(value.trim());
  const solid = all.length > 1 ? SOLID.exec(all[all.length - 1]!) : null;
  if (solid) {
    const image = rnBackground(all.slice(0, -1).join(", "));
    return image ? { ...image, color: solid[1]! } : undefined;
  }
  const over = all.slice(0, -1);
  if (over.length > 0) {
    // Gradients over one image: the image, and the gradients on a box over it.
    if (!over.every((l) => /^(?:repeating-)?(?:linear|radial|conic)-gradient\(.*\)$/.test(l))) return undefined;
    const image = rnBackground(all[all.length - 1]!);
    return image ? { ...image, overlay: over.join(", ") } : undefined;
  }
  const v = value.trim();
  const placed = PLACED.exec(v);
  if (placed) {
    const [x, y, w, h] = placed.slice(2).map(Number) as [number, number, number, number];
    const entries: RnEntry[] = [
      ["position", '"absolute"'],
      ["left", pct((100 - w) * (x / 100))],
      ["top", pct((100 - h) * (y / 100))],
      ["width", pct(w)],
      ["height", pct(h)],
    ];
    return { url: placed[1]!, entries, resizeMode: "stretch" };
  }
  const scaled = SCALED.exec(v);
  if (scaled) {
    const entries: RnEntry[] = [
      ["position", '"absolute"'],
      ["left", "0"],
      ["top", "0"],
      ["width", '"100%"'],
      ["height", '"100%"'],
    ];
    const fit = scaled[2] === "100% 100%" ? "stretch" : (scaled[2] as "cover" | "contain");
    return { url: scaled[1]!, entries, resizeMode: fit };
  }
  return undefined;
}

/**
 * Every image fill a `background` value draws, bottom first (a layer of several pictures: an instance's picture over
 * its component's), each with the gradients drawn over it; a solid layer under them all is the bottom one's colour.
 * Undefined when React Native cannot draw one of them.
 */
export function rnBackgroundLayers(value: string): RnBackground[] | undefined {
  const all = layers(value.trim());
  const solid = all.length > 1 ? SOLID.exec(all[all.length - 1]!) : null;
  const rest = solid ? all.slice(0, -1) : all;
  // Top first: each picture with the gradients listed above it, down to the picture above those.
  const groups: string[][] = [];
  let group: string[] = [];
  for (const layer of rest) {
    group.push(layer);
    if (/^url\(/.test(layer)) {
      groups.push(group);
      group = [];
    }
  }
  if (group.length > 0 || groups.length === 0) return undefined;
  const out = groups.reverse().map((g) => rnBackground(g.join(", ")));
  if (!out.every((b): b is RnBackground => b !== undefined)) return undefined;
  return solid ? [{ ...out[0]!, color: solid[1]! }, ...out.slice(1)] : out;
}
