/**
 * Figma's images on disk for the tools: the image fills (by imageRef) and their URLs, the vectors' SVGs and the
 * frames Figma renders (per version of the file), so a second get_code or get_screenshot on a file fetches no image
 * again. Layout: figma-cache-paths.ts.
 */
import { readFile, stat, utimes } from "node:fs/promises";
import { join } from "node:path";
import { sniffImage } from "../../codegen/design/image-bytes.js";
import { FigmaClient } from "../figma-rest/client.js";
import { FigmaRestError } from "../figma-rest/errors.js";
import { type AssetStore, idsParam, rendersMap, type UrlMap } from "../figma-rest/fetch-extras.js";
import { DEFAULT_RETRY_POLICY, realSleep } from "../figma-rest/retry.js";
import { FIGMA_TIMEOUT_SEC } from "../figma-rest/token.js";
import { fileCacheDir, segment, versionDir } from "./figma-cache-paths.js";
import { type FigmaOrigin, type FigmaSource, hasFigmaToken, writeWhole } from "./figma-file.js";
import { plural } from "../../kernel/plural.js";

/** How long the image fills' URLs are used: Figma's expire after at most 14 days; a day keeps well inside that. */
const IMAGE_URLS_MS = 24 * 60 * 60 * 1000;

const readOrNothing = (path: string): Promise<Buffer | undefined> => readFile(path).catch(() => undefined);

/** What a store gave from the cache folder: how many files, and when the oldest and newest were downloaded (ms). */
export interface Served {
  count: number;
  oldest: number;
  newest: number;
}

/** The store's reads, counted with their files' times (the result's note says what came from the cache, when). */
export type CountedStore = AssetStore & { served(): Served };

/**
 * A cache that cannot be written (a full disk, a read-only folder) costs a fetch next time, not this call. The file's
 * time is when it was downloaded by the server's clock (FigmaSource.now), which the notes say.
 */
async function keep(path: string, data: string | Uint8Array, at: number): Promise<void> {
  try {
    await writeWhole(path, data);
    await utimes(path, at / 1000, at / 1000);
  } catch {
    // not kept: fetched again next time
  }
}

/** The cache folder's images of file `key` (SVGs only with the `version` the design was fetched at). */
export function diskAssets(source: FigmaSource, key: string, version: string | undefined): CountedStore {
  const dir = fileCacheDir(source.cacheDir, key);
  const svgDir = version !== undefined ? versionDir(source.cacheDir, key, version) : undefined;
  const now = source.now ?? Date.now;
  const served: Served = { count: 0, oldest: Infinity, newest: -Infinity };
  const counted = async (path: string): Promise<Buffer | undefined> => {
    const bytes = await readOrNothing(path);
    const at = bytes ? (await stat(path).catch(() => undefined))?.mtimeMs : undefined;
    if (at !== undefined) {
      served.count++;
      served.oldest = Math.min(served.oldest, at);
      served.newest = Math.max(served.newest, at);
    }
    return bytes;
  };
  return {
    ...(version !== undefined ? { version } : {}),
    served: () => ({ ...served }),
    image: async (ref) => {
      const bytes = await counted(join(dir, "images", segment(ref)));
      return bytes ? new Uint8Array(bytes) : undefined;
    },
    saveImage: (ref, bytes) => keep(join(dir, "images", segment(ref)), bytes, now()),
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
    saveImageUrls: (urls) => keep(join(dir, "image-urls.json"), JSON.stringify({ fetchedAt: now(), urls }), now()),
    svg: async (id) =>
      svgDir === undefined ? undefined : (await counted(join(svgDir, `svg-${segment(id)}.svg`)))?.toString(),
    saveSvg: async (id, svg) => {
      if (svgDir !== undefined) await keep(join(svgDir, `svg-${segment(id)}.svg`), svg, now());
    },
  };
}

export interface FigmaRender {
  png: Uint8Array;
  /** From the cache folder (no request). */
  fromCache: boolean;
  /** From the cache folder: when it was downloaded (ms). */
  downloadedAt?: number;
}

/**
 * Figma's own PNG of a frame (`GET /v1/images/:key?ids=…&format=png&scale=…`, then its URL), at the version the
 * design was fetched at, kept per version. A 429 is not waited for: the caller draws its own render instead. Without
 * a token, only a kept render: undefined when there is none.
 */
export async function figmaRender(
  source: FigmaSource,
  at: { key: string; version: string | undefined; id: string; scale: number; token: string | undefined },
  signal?: AbortSignal,
): Promise<FigmaRender | undefined> {
  const path =
    at.version !== undefined
      ? join(versionDir(source.cacheDir, at.key, at.version), `png-${segment(at.id)}@${at.scale}.png`)
      : undefined;
  const kept = path !== undefined ? await readOrNothing(path) : undefined;
  if (kept && sniffImage(kept)) {
    const downloadedAt = (await stat(path!).catch(() => undefined))?.mtimeMs;
    return { png: new Uint8Array(kept), fromCache: true, ...(downloadedAt !== undefined ? { downloadedAt } : {}) };
  }
  if (at.token === undefined) return undefined;
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
  if (path !== undefined) await keep(path, png, (source.now ?? Date.now)());
  return { png, fromCache: false };
}

const at = (ms: number): string => new Date(ms).toISOString();

/** What a store served, as a note's words: "3 images and SVGs from the cache folder, downloaded at …". */
export function servedWords(served: Served): string | undefined {
  if (served.count === 0) return undefined;
  const when =
    served.oldest === served.newest
      ? `downloaded at ${at(served.oldest)}`
      : `downloaded between ${at(served.oldest)} and ${at(served.newest)}`;
  return `${plural(served.count, "image or SVG", "images and SVGs")} from the cache folder, ${when}`;
}

/** Figma's render from the cache folder, as a note's words. */
export const renderWords = (id: string, scale: number, render: FigmaRender): string =>
  `Figma's render of frame ${id} (scale ${scale}) from the cache folder` +
  (render.downloadedAt !== undefined ? `, downloaded at ${at(render.downloadedAt)}` : "");

/**
 * Without FIGMA_TOKEN, the result's `figma.note` also says what else came from the cache folder, and when (`said`);
 * with a token, what is cached is what Figma confirmed, and the note stays as it was.
 */
export function noteFromCache(
  env: Readonly<Record<string, string | undefined>>,
  origin: FigmaOrigin | undefined,
  said: string | undefined,
): FigmaOrigin | undefined {
  if (origin === undefined || said === undefined || hasFigmaToken(env)) return origin;
  const note = origin.note ? `${origin.note}; ${said}` : `no FIGMA_TOKEN in the server's environment: ${said}`;
  return { ...origin, note };
}
