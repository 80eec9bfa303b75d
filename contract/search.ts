/**
 * What the panel and the main thread say about Search (issue 12), each field defined once:
 * - a frame's document as codegen/search/frame-doc.ts makes it (name, page, texts, components, summary, content hash);
 * - what the model added to it, cached by frame id + content hash (+ model): an embedding vector, stored compactly
 *   as base64 of little-endian Float32 (a 256-d vector is 1,368 characters, not ~5 kB of JSON numbers), and a
 *   caption of the frame's picture;
 * - the index of one file as clientStorage keeps it and as a scan answers it, with what the scan changed.
 * Pure: no `figma`, no DOM.
 */
import type { FrameDoc } from "../codegen/search/frame-doc.js";
import { array, type Field, number, object, record, string, type Infer } from "./fields.js";
import { MAX_SEARCH_FRAMES, MAX_SEARCH_TEXT_CHARS } from "./limits.js";

const nodeId = string({ nonEmpty: true, max: 1000 });
const count = number({ integer: true, min: 0 });
const hash = string({ nonEmpty: true, max: 100 });
const model = string({ nonEmpty: true, max: 200 });

export const frameCountsField = object({
  buttons: count,
  inputs: count,
  images: count,
  headings: count,
  width: number({ min: 0 }),
  height: number({ min: 0 }),
});

/** One top-level frame as Search indexes it (codegen's FrameDoc plus the id of its page, for switching to it). */
export const frameDocField = object({
  id: nodeId,
  name: string({ max: 1000 }),
  page: string({ max: 1000 }),
  pageId: nodeId,
  /** Visible texts, each once, cut by the main thread to MAX_SEARCH_TEXT_CHARS in all. */
  texts: array(string({ max: MAX_SEARCH_TEXT_CHARS }), { max: 5000 }),
  components: array(string({ max: 1000 }), { max: 5000 }),
  counts: frameCountsField,
  summary: string({ max: 1000 }),
  hash,
}) satisfies Field<FrameDoc & { pageId: string }>;
export type SearchFrameDoc = Infer<typeof frameDocField>;

/** An embedding of a frame (its text, and its caption when it has one), valid while the frame's hash is unchanged. */
export const frameVectorField = object({
  hash,
  model,
  dimensions: number({ integer: true, min: 1, max: 8192 }),
  /** base64 of the vector as little-endian Float32 (contract/vector-codec.ts). */
  vector: string({ nonEmpty: true, max: 50_000 }),
});
export type FrameVector = Infer<typeof frameVectorField>;

/** The vision model's one-time description of the frame's picture, valid while the frame's hash is unchanged. */
export const frameCaptionField = object({ hash, model, text: string({ max: 2000 }) });
export type FrameCaption = Infer<typeof frameCaptionField>;

/** The index of one file: its frames, and the model's additions by frame id. */
export const searchIndexField = object({
  docs: array(frameDocField, { max: MAX_SEARCH_FRAMES }),
  vectors: record(frameVectorField, { max: MAX_SEARCH_FRAMES }),
  captions: record(frameCaptionField, { max: MAX_SEARCH_FRAMES }),
  /** When the document was last scanned (ms since epoch); 0 when it never was. */
  scannedAt: number({ min: 0 }),
});
export type SearchIndex = Infer<typeof searchIndexField>;

/** What a scan changed: frames new, changed (re-indexed, their vector and caption dropped), gone, unchanged. */
export const scanChangesField = object({
  added: array(nodeId, { max: MAX_SEARCH_FRAMES }),
  reindexed: array(nodeId, { max: MAX_SEARCH_FRAMES }),
  dropped: array(nodeId, { max: MAX_SEARCH_FRAMES }),
  unchanged: count,
});
export type ScanChanges = Infer<typeof scanChangesField>;

/** Frames a scan could not read (export failed, too large): by id, with the reason; they are left out of the index. */
export const scanSkipField = object({
  id: nodeId,
  name: string({ max: 1000 }),
  page: string({ max: 1000 }),
  reason: string({ max: 1000 }),
});
export type ScanSkip = Infer<typeof scanSkipField>;
