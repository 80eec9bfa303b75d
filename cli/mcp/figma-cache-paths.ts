/**
 * The cache folder's layout, per file key:
 *   <cache>/<key>/file.json, nodes-<hash>.json   the file's reply, or a set of nodes' (each with its .meta.json)
 *   <cache>/<key>/check.json                     the last version Figma gave for the file, and when
 *   <cache>/<key>/image-urls.json                the image fills' URLs (GET /v1/files/:key/images), and when
 *   <cache>/<key>/images/<ref>                   an image fill's bytes, by its imageRef (the image's own hash)
 *   <cache>/<key>/v<version>/svg-<id>.svg        a vector rendered as SVG at that version of the file
 *   <cache>/<key>/v<version>/png-<id>@<scale>.png a frame rendered by Figma at that version
 */
import { createHash } from "node:crypto";
import { join } from "node:path";

/** A name safe as one path segment (ids hold `:` and `;`, refs are hex). */
export const segment = (text: string): string => text.replace(/[^\w.-]/g, "_");

export const fileCacheDir = (cacheDir: string, key: string): string => join(cacheDir, segment(key));

/** The cached reply's path: per file key, and per set of node ids (the whole file without). */
export function cacheEntryPath(cacheDir: string, key: string, ids: readonly string[]): string {
  const which =
    ids.length === 0
      ? "file"
      : `nodes-${createHash("sha256")
          .update([...ids].sort().join(","))
          .digest("hex")
          .slice(0, 16)}`;
  return join(fileCacheDir(cacheDir, key), `${which}.json`);
}

/** The folder of what was rendered at one version of the file. */
export const versionDir = (cacheDir: string, key: string, version: string): string =>
  join(fileCacheDir(cacheDir, key), `v${segment(version)}`);
