/**
 * The page's own images for the layer description (contract/layers-images.ts): a source on Figment's fake origin
 * is the file at that path under the page's folder, read from disk; anything else (another origin, a path out of
 * the folder, a missing file) gives nothing, so the network is never asked.
 */
import { readFile } from "node:fs/promises";
import { resolve, sep } from "node:path";
import type { ImageSource } from "../../contract/layers-images.js";
import { FIGMENT_ORIGIN } from "../measure/browser.js";

export function localImageLoader(root: string): (src: string) => Promise<ImageSource | undefined> {
  return async (src) => {
    let url: URL;
    try {
      url = new URL(src, `${FIGMENT_ORIGIN}/`);
    } catch {
      return undefined;
    }
    if (url.origin !== FIGMENT_ORIGIN) return undefined;
    const file = resolve(root, decodeURIComponent(url.pathname.slice(1)));
    if (file !== root && !file.startsWith(root + sep)) return undefined;
    const bytes = await readFile(file).catch(() => undefined);
    if (!bytes) return undefined;
    const head = bytes.subarray(0, 1024).toString("utf8").trimStart();
    if (/\.svgz?$/i.test(file) || head.startsWith("<svg") || (head.startsWith("<?xml") && head.includes("<svg")))
      return { kind: "svg", markup: bytes.toString("utf8") };
    return { kind: "raster", bytes: new Uint8Array(bytes) };
  };
}
