/**
 * Figma's images on disk for the tools: the image fills (by imageRef) and their URLs, the vectors' SVGs and the
 * frames Figma renders (per version of the file), so a second get_code or get_screenshot on a file fetches no image
 * again. Layout: figma-cache-paths.ts.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { sniffImage } from "../../codegen/design/image-bytes.js";
import { FigmaClient } from "../figma-rest/client.js";
import { FigmaRestError } from "../figma-rest/errors.js";
import { type AssetStore, idsParam, rendersMap, type UrlMap } from "../figma-rest/fetch-extras.js";
import { DEFAULT_RETRY_POLICY, realSleep } from "../figma-rest/retry.js";
import { FIGMA_TIMEOUT_SEC } from "../code/figma-extras.js";
import { fileCacheDir, segment, versionDir } from "./figma-cache-paths.js";
import { type FigmaSource, writeWhole } from "./figma-file.js";

/** How long the image fills' URLs are used: Figma's expire after at most 14 days; a day keeps well inside that. */
const IMAGE_URLS_MS = 24 * 60 * 60 * 1000;

const readOrNothing = (path: string): Promise<Buffer | undefined> => readFile(path).catch(() => undefined);

/** A cache that cannot be written (a full disk, a read-only folder) costs a fetch next time, not this call. */
const keep = (path: string, data: string | Uint8Array): Promise<void> => writeWhole(path, data).catch(() => undefined);

/** The cache folder's images of file `key` (SVGs only with the `version` the design was fetched at). */
export function diskAssets(source: FigmaSource, key: string, version: string | undefined): AssetStore {
  const dir = fileCacheDir(source.cacheDir, key);
  const svgDir = version !== undefined ? versionDir(source.cacheDir, key, version) : undefined;
  const now = source.now ?? Date.now;
  return {
    ...(version !== undefined ? { version } : {}),
    image: async (ref) => {
      const bytes = await readOrNothing(join(dir, "images", segment(ref)));
      return bytes ? new Uint8Array(bytes) : undefined;
    },
    saveImage: (ref, bytes) => keep(join(dir, "images", segment(ref)), bytes),
    imageUrls: async () => {
      const kept = await readOrNothing(join(dir, "image-urls.json"));
      if (!kept) return undefined;
      try {
        const { fetchedAt, urls } = JSON.parse(kept.toString("utf8")) as { fetchedAt: number; urls: UrlMap };
        return now() - fetchedAt < IMAGE_URLS_MS ? urls : undefined;
      } catch {
        return undefined; // not JSON (edited by hand?): the URLs are asked again
      }
    },
    saveImageUrls: (urls) => keep(join(dir, "image-urls.json"), JSON.stringify({ fetchedAt: now(), urls })),
    svg: async (id) =>
      svgDir === undefined ? undefined : (await readOrNothing(join(svgDir, `svg-${segment(id)}.svg`)))?.toString(),
    saveSvg: async (id, svg) => {
      if (svgDir !== undefined) await keep(join(svgDir, `svg-${segment(id)}.svg`), svg);
    },
  };
}

export interface FigmaRender {
  png: Uint8Array;
  /** From the cache folder (no request). */
  fromCache: boolean;
}

/**
 * Figma's own PNG of a frame (`GET /v1/images/:key?ids=…&format=png&scale=…`, then its URL), at the version the
 * design was fetched at, kept per version. A 429 is not waited for: the caller draws its own render instead.
 */
export async function figmaRender(
  source: FigmaSource,
  at: { key: string; version: string | undefined; id: string; scale: number; token: string },
  signal?: AbortSignal,
): Promise<FigmaRender> {
  const path =
    at.version !== undefined
      ? join(versionDir(source.cacheDir, at.key, at.version), `png-${segment(at.id)}@${at.scale}.png`)
      : undefined;
  const kept = path !== undefined ? await readOrNothing(path) : undefined;
  if (kept && sniffImage(kept)) return { png: new Uint8Array(kept), fromCache: true };
  const client = new FigmaClient({
    token: at.token,
    baseUrl: source.baseUrl,
    timeoutMs: FIGMA_TIMEOUT_SEC * 1000,
    policy: { ...DEFAULT_RETRY_POLICY, rateLimitRetries: 0 },
    sleep: source.sleep ?? realSleep,
    ...(signal ? { signal } : {}),
  });
  const what = `the render of frame ${at.id}`;
  const version = at.version !== undefined ? `&version=${encodeURIComponent(at.version)}` : "";
  const query = `ids=${idsParam([at.id])}&format=png&scale=${at.scale}${version}`;
  const urls = rendersMap(await client.getJson(`/v1/images/${encodeURIComponent(at.key)}?${query}`, what), what);
  const url = urls[at.id];
  if (!url) throw new FigmaRestError("service", `Figma rendered no image for frame ${at.id}`);
  const png = await client.download(url, what);
  if (!sniffImage(png)) throw new FigmaRestError("service", `${what} is not an image (${png.length} bytes)`);
  if (path !== undefined) await keep(path, png);
  return { png, fromCache: false };
}
