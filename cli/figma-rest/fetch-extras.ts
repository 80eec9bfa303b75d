/**
 * The design's image fills and vector SVGs from Figma's REST API, as the `DesignExtras` the codegen takes
 * beside the JSON (the same shape `--images DIR` and the plugin produce):
 *   GET /v1/files/:key/images            → imageRef → URL, then each URL's bytes;
 *   GET /v1/images/:key?ids=…&format=svg → node id → URL (≤ IDS_PER_RENDER ids a call), then each SVG.
 * A missing image or SVG (not in the map, a null URL, a failed download) is a listed problem; the API
 * refusing (403, 404), failing (5xx, timeout) or rate-limiting beyond the retries throws a FigmaRestError.
 */
import type { GetImageFillsResponse, GetImagesResponse } from "@figma/rest-api-spec";
import type { DesignDocument, Problem } from "../../codegen/index.js";
import type { DesignExtras } from "../../codegen/design/extras.js";
import { sniffImage } from "../../codegen/design/image-bytes.js";
import { layerName, layerNamesById } from "../../codegen/design/layer-label.js";
import { cleanSuppliedSvg } from "../../codegen/design/supplied-svg.js";
import { FigmaClient, type FigmaClientOptions } from "./client.js";
import { batches, IDS_PER_RENDER, mapLimit, selectAssets } from "./selection.js";
import { plural } from "../../kernel/plural.js";
import { FigmaRestError } from "./errors.js";
import { FigmentError } from "../../kernel/errors.js";

export interface FetchExtrasOptions extends FigmaClientOptions {
  fileKey: string;
  /** Node ids per render request (default IDS_PER_RENDER). */
  idsPerRender?: number;
  /** Downloads at once (default 6). */
  concurrency?: number;
  /** imageRefs already supplied (by --images DIR): not fetched. */
  skipImageRefs?: ReadonlySet<string>;
  /** One line of progress (stderr in the CLI). */
  progress?: (line: string) => void;
  /** What earlier runs fetched (the MCP server's cache): used instead of asking again, and given what is fetched. */
  store?: AssetStore;
  /** No token to ask Figma with: the store's images and SVGs only, and one it lacks is an input error. */
  storeOnly?: boolean;
}

/**
 * Images and SVGs kept between runs. An image fill is kept by its imageRef (the image's own hash, so never stale);
 * the fills' URLs while they are valid; an SVG is a render of one version of the file, asked at that `version`.
 */
export interface AssetStore {
  version?: string;
  image(ref: string): Promise<Uint8Array | undefined>;
  saveImage(ref: string, bytes: Uint8Array): Promise<void>;
  imageUrls(): Promise<UrlMap | undefined>;
  saveImageUrls(urls: UrlMap): Promise<void>;
  svg(id: string): Promise<string | undefined>;
  saveSvg(id: string, svg: string): Promise<void>;
}

export interface FetchedExtras {
  extras: DesignExtras;
  problems: Problem[];
}

export type UrlMap = Record<string, string | null | undefined>;

function isUrlMap(value: unknown): value is UrlMap {
  return (
    typeof value === "object" &&
    value !== null &&
    Object.values(value).every((v) => v === null || typeof v === "string")
  );
}

function fillsMap(body: unknown, what: string): UrlMap {
  const images = (body as Partial<GetImageFillsResponse> | null)?.meta?.images;
  if (!isUrlMap(images)) throw new FigmaRestError("service", `Figma's answer for ${what} has no meta.images map`);
  return images;
}

export function rendersMap(body: unknown, what: string): UrlMap {
  const reply = body as Partial<GetImagesResponse> | null;
  if (typeof reply?.err === "string" && reply.err)
    throw new FigmaRestError("service", `Figma could not render ${what}: ${reply.err}`);
  if (!isUrlMap(reply?.images)) throw new FigmaRestError("service", `Figma's answer for ${what} has no images map`);
  return reply.images;
}

/** A query value with `:` and `,` left readable (node ids, as Figma's docs write them); the rest encoded. */
export function idsParam(ids: string[]): string {
  return encodeURIComponent(ids.join(",")).replace(/%3A/gi, ":").replace(/%2C/gi, ",");
}

export async function fetchDesignExtras(document: DesignDocument, options: FetchExtrasOptions): Promise<FetchedExtras> {
  const client = new FigmaClient(options);
  const key = encodeURIComponent(options.fileKey);
  const progress = options.progress ?? (() => {});
  const selected = selectAssets(document);
  const imageRefs = selected.imageRefs.filter((ref) => !options.skipImageRefs?.has(ref));
  const { vectorIds } = selected;
  // Layers named as the layers panel names them; the id is the problem's nodeId, printed after the message.
  const names = layerNamesById(document);
  const layer = (id: string): string => layerName(names.get(id), id);
  const problems: Problem[] = [];
  const extras: DesignExtras = {};
  if (imageRefs.length === 0 && vectorIds.length === 0) {
    progress("figma: the selected frames have no image fills or vectors; nothing to fetch");
    return { extras, problems };
  }
  const { store } = options;
  const kept = await storedAssets(store, imageRefs, vectorIds);
  const images: Record<string, Uint8Array> = { ...kept.images };
  const svgs: Record<string, string> = { ...kept.svgs };
  const refsToFetch = imageRefs.filter((ref) => images[ref] === undefined);
  const idsToFetch = vectorIds.filter((id) => svgs[id] === undefined);
  const fromStore = imageRefs.length - refsToFetch.length + vectorIds.length - idsToFetch.length;
  if (fromStore > 0) progress(`figma: ${plural(fromStore, "image or SVG", "images and SVGs")} from the cache`);
  const missing = refsToFetch.length + idsToFetch.length;
  if (options.storeOnly && missing > 0)
    throw new FigmentError(
      "input",
      `${plural(missing, "image or SVG", "images and SVGs")} of the selected frames ${missing === 1 ? "is" : "are"} ` +
        "not in the cache folder (fetched by an earlier call with a token) and there is no Figma token to fetch " +
        "them: set FIGMA_TOKEN (or --figma-token)",
    );

  // 1. URLs: the image fills' map (one call for the whole file, or the one kept), then the renders in batches.
  const imageUrls: UrlMap = {};
  if (refsToFetch.length > 0) {
    const known = await store?.imageUrls();
    if (known && refsToFetch.every((ref) => typeof known[ref] === "string")) Object.assign(imageUrls, known);
    else {
      progress(`figma: asking for the URLs of ${plural(refsToFetch.length, "image fill")}`);
      const what = `the image fills of file ${options.fileKey}`;
      Object.assign(imageUrls, fillsMap(await client.getJson(`/v1/files/${key}/images`, what), what));
      await store?.saveImageUrls(imageUrls);
    }
  }
  const svgUrls: UrlMap = {};
  const atVersion = store?.version ? `&version=${encodeURIComponent(store.version)}` : "";
  const runs = batches(idsToFetch, options.idsPerRender ?? IDS_PER_RENDER);
  if (runs.length > 0)
    progress(`figma: rendering ${plural(idsToFetch.length, "vector")} as SVG (${plural(runs.length, "request")})`);
  // One render at a time: renders are Figma's most expensive calls and share one rate limit.
  await mapLimit(runs, 1, async (ids, i) => {
    const what =
      `${plural(ids.length, "layer")} as ` + `SVG${runs.length > 1 ? ` (request ${i + 1} of ${runs.length})` : ""}`;
    Object.assign(
      svgUrls,
      rendersMap(await client.getJson(`/v1/images/${key}?ids=${idsParam(ids)}&format=svg${atVersion}`, what), what),
    );
  });

  // 2. The bytes, a few at once; each failure is the one layer's problem.
  type Job = { kind: "image" | "svg"; id: string; url: string };
  const jobs: Job[] = [];
  for (const ref of refsToFetch) {
    const url = imageUrls[ref];
    if (url) jobs.push({ kind: "image", id: ref, url });
    else
      problems.push({
        severity: "warning",
        code: "figma-image-missing",
        message:
          `Figma has no URL for image fill ${ref.slice(0, 12)} ` +
          `(${url === null ? "null" : "not in the file's image fills"}); a placeholder is used`,
      });
  }
  for (const id of idsToFetch) {
    const url = svgUrls[id];
    if (url) jobs.push({ kind: "svg", id, url });
    else
      problems.push({
        severity: "warning",
        code: "figma-svg-missing",
        message:
          `Figma rendered no SVG for ${layer(id)} ` +
          `(${url === null ? "the render failed or the layer is invisible" : "not in the answer"}` +
          `); it is drawn from the JSON`,
        nodeId: id,
      });
  }
  if (jobs.length > 0) progress(`figma: downloading ${plural(jobs.length, "file")}`);
  const failures = await mapLimit(jobs, options.concurrency ?? 6, async (job): Promise<Problem | undefined> => {
    const what = job.kind === "image" ? `image fill ${job.id.slice(0, 12)}` : `the SVG of ${layer(job.id)}`;
    try {
      const bytes = await client.download(job.url, what);
      if (job.kind === "image") {
        if (!sniffImage(bytes)) throw new FigmaRestError("service", `${what} is not an image (${bytes.length} bytes)`);
        images[job.id] = bytes;
        await store?.saveImage(job.id, bytes);
      } else {
        const text = new TextDecoder().decode(bytes);
        // Kept as served (the codegen cleans it); refused here only when it is no SVG at all.
        if (cleanSuppliedSvg(text) === undefined) throw new FigmaRestError("service", `${what} is not SVG markup`);
        svgs[job.id] = text;
        await store?.saveSvg(job.id, text);
      }
      return undefined;
    } catch (error) {
      if (!(error instanceof FigmaRestError)) throw error;
      const code = job.kind === "image" ? "figma-image-missing" : "figma-svg-missing";
      return {
        severity: "warning",
        code,
        message: `${error.message}; ${job.kind === "image" ? "a placeholder is used" : "it is drawn from the JSON"}`,
        ...(job.kind === "svg" ? { nodeId: job.id } : {}),
      };
    }
  });
  for (const failure of failures) if (failure) problems.push(failure);
  const gotImages = Object.keys(images).length;
  const gotSvgs = Object.keys(svgs).length;
  if (gotImages > 0) extras.images = images;
  if (gotSvgs > 0) extras.svgs = svgs;
  progress(
    `figma: got ${gotImages} of ${plural(imageRefs.length, "image")} ` +
      `and ${gotSvgs} of ${plural(vectorIds.length, "SVG")}`,
  );
  return { extras, problems };
}

/** What the store holds of these images and SVGs. */
async function storedAssets(
  store: AssetStore | undefined,
  refs: readonly string[],
  ids: readonly string[],
): Promise<{ images: Record<string, Uint8Array>; svgs: Record<string, string> }> {
  const images: Record<string, Uint8Array> = {};
  const svgs: Record<string, string> = {};
  if (!store) return { images, svgs };
  for (const ref of refs) {
    const bytes = await store.image(ref);
    if (bytes && sniffImage(bytes)) images[ref] = bytes;
  }
  for (const id of ids) {
    const svg = await store.svg(id);
    if (svg !== undefined) svgs[id] = svg;
  }
  return { images, svgs };
}
