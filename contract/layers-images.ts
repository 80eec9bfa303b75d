/**
 * The images of a layer description made self-contained (issue 51): every image source the page referred to by
 * URL is loaded once by the caller's `load` — the CLI reads files beside the page (never the network), the panel
 * reads data: and same-document blob: URLs — and written back as a data: URL, the one source the plugin's main
 * thread can turn into an image (figma.createImage). An `<img>` of an SVG becomes a vector layer (its markup, as
 * inline SVG is), since Figma makes vectors, not images, of SVG. A source `load` cannot give stays as it was (the
 * builder places a grey placeholder and notes it); one too large for the description is noted here.
 */
import { bytesToBase64 } from "../kernel/base64.js";
import { readRasterHeader } from "../kernel/image-header.js";
import type { LayerDocument, LayerNode, LayerNote, LayerPaint } from "./layers.js";
import { MAX_IMAGE_SRC_CHARS } from "./layers.js";
import { MAX_SVG_CHARS } from "./limits.js";

/**
 * The note for an image that could not be placed, in one wording wherever it is made: the builder (a source it
 * cannot make an image of) and the CLI (the sources a description still refers to by URL, imageNotes). Identical
 * notes for one source are one note.
 */
export function imageNote(src: string, why?: string): string {
  const shown = src.length > 80 ? `${src.slice(0, 77)}…` : src;
  return why === undefined
    ? `The image ${shown} did not load; a grey placeholder stands in for it.`
    : `The image ${shown} could not be placed (${why}); a grey placeholder stands in for it.`;
}

/** One note per image source a description still refers to by URL (no builder can place it), in document order. */
export function imageNotes(root: LayerNode): LayerNote[] {
  const seen = new Set<string>();
  const visit = (node: LayerNode): void => {
    for (const src of [
      ...(node.image ? [node.image.src] : []),
      ...(node.fills ?? []).flatMap((p) => (p.type === "IMAGE" ? [p.src] : [])),
    ])
      if (!/^data:/i.test(src)) seen.add(src);
    for (const child of node.children ?? []) visit(child);
  };
  visit(root);
  return [...seen].map((src) => ({ kind: "image", message: imageNote(src) }));
}

/** What `load` found at a source: raster bytes (PNG, JPEG, GIF, WebP) or SVG markup; undefined: nothing. */
export type ImageSource = { kind: "raster"; bytes: Uint8Array } | { kind: "svg"; markup: string };

/** A data: URL the builder takes as it is (an SVG one is loaded: its markup makes a vector). */
const RASTER_DATA = /^data:image\/(png|jpeg|gif|webp)[;,]/i;

const MIME = { png: "image/png", jpeg: "image/jpeg", gif: "image/gif", webp: "image/webp" } as const;

export interface InlinedImages {
  document: LayerDocument;
  /** Sources made data: URLs, and `<img>` SVGs made vectors. */
  inlined: number;
  vectors: number;
}

/** A copy of `doc` with its image sources loaded through `load` (once per source). */
export async function inlineLayerImages(
  doc: LayerDocument,
  load: (src: string) => Promise<ImageSource | undefined>,
): Promise<InlinedImages> {
  const found = new Map<string, ImageSource | undefined>();
  const sources = (node: LayerNode): string[] => [
    ...(node.image ? [node.image.src] : []),
    ...(node.fills ?? []).flatMap((p) => (p.type === "IMAGE" ? [p.src] : [])),
    ...(node.children ?? []).flatMap(sources),
  ];
  for (const src of sources(doc.root))
    if (!found.has(src) && !RASTER_DATA.test(src)) found.set(src, await load(src).catch(() => undefined));
  const notes: LayerNote[] = [...doc.notes];
  const dataUrls = new Map<string, string>();
  for (const [src, source] of found) {
    if (source?.kind !== "raster") continue;
    const format = readRasterHeader(source.bytes)?.format;
    if (!format) continue;
    const url = `data:${MIME[format]};base64,${bytesToBase64(source.bytes)}`;
    if (url.length <= MAX_IMAGE_SRC_CHARS) dataUrls.set(src, url);
    else
      notes.push({
        kind: "image",
        message: `"${src.slice(0, 200)}" is ${source.bytes.length} bytes, more than a layer description carries`,
      });
  }
  const counts = { inlined: 0, vectors: 0 };
  const paint = (p: LayerPaint): LayerPaint => {
    const url = p.type === "IMAGE" ? dataUrls.get(p.src) : undefined;
    if (p.type !== "IMAGE" || url === undefined) return p;
    counts.inlined++;
    return { ...p, src: url };
  };
  const copy = (node: LayerNode): LayerNode => {
    const out: LayerNode = { ...node };
    const svg = node.kind === "image" && node.image ? found.get(node.image.src) : undefined;
    if (svg?.kind === "svg" && svg.markup.length <= MAX_SVG_CHARS) {
      const { image: _image, fills, ...rest } = out;
      const kept = (fills ?? []).filter((p) => p.type !== "IMAGE");
      counts.vectors++;
      return { ...rest, kind: "vector", svg: svg.markup, ...(kept.length > 0 ? { fills: kept } : {}) };
    }
    if (node.fills) out.fills = node.fills.map(paint);
    if (node.image) {
      const url = dataUrls.get(node.image.src);
      if (url !== undefined) out.image = { ...node.image, src: url };
    }
    if (node.children) out.children = node.children.map(copy);
    return out;
  };
  const root = copy(doc.root);
  return { document: { ...doc, root, notes }, ...counts };
}

/** What the panel's loader needs of `fetch` (the project compiles without the DOM lib). */
export type FetchLike = (url: string) => Promise<{
  ok: boolean;
  headers: { get(name: string): string | null };
  arrayBuffer(): Promise<ArrayBuffer>;
  text(): Promise<string>;
}>;

/**
 * The panel's loader: data: URLs and the preview document's own blob: URLs, read with the iframe's `fetch`. Any
 * other source (http: and the like) is one the plugin's manifest does not let the panel reach: it gives nothing,
 * and the builder places a placeholder with a note.
 */
export function panelImageLoader(fetch: FetchLike): (src: string) => Promise<ImageSource | undefined> {
  return async (src) => {
    if (!/^(data|blob):/i.test(src)) return undefined;
    const reply = await fetch(src);
    if (!reply.ok) return undefined;
    const type = reply.headers.get("content-type") ?? /^data:([^;,]*)/i.exec(src)?.[1] ?? "";
    if (/svg/i.test(type)) return { kind: "svg", markup: await reply.text() };
    return { kind: "raster", bytes: new Uint8Array(await reply.arrayBuffer()) };
  };
}
