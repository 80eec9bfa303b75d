/**
 * Asset files the emitters write: each image fill's real bytes (a binary SourceFile) or, when no bytes were
 * supplied, a placeholder SVG under the same name. Vectors are inlined as SVG by the emitters; the model is
 * also offered their SVG as files (`modelAssetFiles`).
 */
import type { Asset, DesignDocument, DesignNode } from "../design/types.js";
import { escapeAttr } from "../escape.js";
import type { SourceFile } from "../types.js";

/** Where assets live: `src/assets` in a React project, `assets` next to the HTML pages. */
export function assetDir(target: "react" | "html"): string {
  return target === "react" ? "src/assets" : "assets";
}

/** File name an asset is written under: its key; an image without bytes is a placeholder SVG whatever its key says. */
export function assetFileName(key: string, asset: Asset | undefined): string {
  if (asset?.kind === "image" && !asset.bytes) return key.replace(/\.[a-z0-9]+$/i, "") + ".svg";
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

/** The files of the image assets `keys` under `dir`: real bytes where known, else placeholders; each file once. */
export function imageAssetFiles(keys: Iterable<string>, assets: Record<string, Asset>, dir: string): SourceFile[] {
  const out: SourceFile[] = [];
  const seen = new Set<string>();
  for (const key of keys) {
    const asset = assets[key] ?? { kind: "image", name: key, imageRef: "" };
    const path = `${dir}/${assetFileName(key, asset)}`;
    if (seen.has(path)) continue;
    seen.add(path);
    out.push(
      asset.kind === "image" && asset.bytes
        ? { path, content: "", bytes: asset.bytes }
        : { path, content: imagePlaceholderSvg(key) },
    );
  }
  return out;
}

/**
 * The asset files a model's code may reference, added to its answer by the pipeline: every image fill (real
 * or placeholder) and every vector drawn exactly (supplied SVG or the JSON's geometry; box approximations are
 * left out), under the target's asset folder.
 */
export function modelAssetFiles(
  doc: DesignDocument,
  target: "react" | "html" | "vue" | "svelte" | "angular" | "react-native",
): SourceFile[] {
  // Vue's, Svelte's, Angular's and React Native's files sit where React's do (src/assets).
  const dir = assetDir(target === "html" ? "html" : "react");
  const files = imageAssetFiles(imageKeysIn(doc.frames), doc.assets, dir);
  for (const [key, asset] of Object.entries(doc.assets)) {
    if (asset.kind === "svg" && asset.svg && !asset.placeholder)
      files.push({ path: `${dir}/${key}`, content: asset.svg + "\n" });
  }
  return files;
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
