/** Asset files the emitters write: placeholders for images whose bytes the JSON does not carry. */
import type { Asset, DesignNode } from "../design/types.js";
import { escapeAttr } from "../escape.js";

/** File name an asset is written under (placeholders are SVG whatever the original format). */
export function assetFileName(key: string, asset: Asset | undefined): string {
  if (asset?.kind === "image") return key.replace(/\.[a-z0-9]+$/i, "") + ".svg";
  return key;
}

/** A neutral placeholder that says what belongs there, so a missing image is obvious, not broken. */
export function imagePlaceholderSvg(name: string): string {
  const label = escapeAttr(name.replace(/\.[a-z0-9]+$/i, ""));
  // No text: the placeholder is scaled to any box, and a scaled label would dominate the page.
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 300" preserveAspectRatio="none">`,
    `  <title>Placeholder for image ${label}</title>`,
    `  <rect width="400" height="300" fill="#d9d9d9"/>`,
    `  <path d="M0 0L400 300M400 0L0 300" stroke="#bdbdbd" stroke-width="2" vector-effect="non-scaling-stroke"/>`,
    `</svg>`,
    ``,
  ].join("\n");
}

/** The image assets a set of frames uses (vectors are inlined as SVG and need no file). */
export function usedImageAssets(keys: Iterable<string>, assets: Record<string, Asset>): { key: string; file: string; content: string }[] {
  const out: { key: string; file: string; content: string }[] = [];
  const seen = new Set<string>();
  for (const key of keys) {
    if (seen.has(key)) continue;
    seen.add(key);
    const asset = assets[key];
    out.push({ key, file: assetFileName(key, asset ?? { kind: "image", name: key, imageRef: "" }), content: imagePlaceholderSvg(key) });
  }
  return out;
}

/** Keys of every image fill in the frames (rendered as <img> or as a CSS background). */
export function imageKeysIn(frames: DesignNode[]): Set<string> {
  const keys = new Set<string>();
  const visit = (node: DesignNode): void => {
    for (const fill of node.fills ?? []) if (fill.kind === "image") keys.add(fill.asset);
    node.children?.forEach(visit);
  };
  frames.forEach(visit);
  return keys;
}
