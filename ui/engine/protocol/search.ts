/**
 * Search's model requests between the panel and the worker, each field defined once with its check (the style
 * of analyze-protocol.ts, merged into protocol.ts): `search-captions` (describe these frames' pictures; each
 * caption comes back as a `search-caption` event as soon as it is made, so a cancel or failure keeps what
 * finished), `search-embed` (vectors of these frames' text + caption, batched, each batch as a
 * `search-vectors` event) and `search-query` (one typed query's vector). Vectors leave the worker encoded
 * (contract/vector-codec.ts), as clientStorage keeps them.
 */
import { array, bytes, literal, number, object, record, string, type Shape } from "../../../contract/fields.js";
import { MAX_SEARCH_FRAMES } from "../../../contract/limits.js";
import { frameCaptionField, frameDocField, frameVectorField } from "../../../contract/search.js";
import { settingsField } from "../../../contract/settings.js";

const id = string({ nonEmpty: true, max: 200 });
const nodeId = string({ nonEmpty: true, max: 1000 });
const model = { settings: settingsField, apiKey: string({ nonEmpty: true, max: 1000 }), timeoutMs: number({ min: 1 }) };
/** A frame to describe: its picture, exported by the main thread at CAPTION_IMAGE_SIDE. */
const captionFrame = object({ id: nodeId, hash: string({ nonEmpty: true, max: 100 }), png: bytes() });
/** A frame to embed: its index document and, when it has one, its caption. */
const embedFrame = object({ doc: frameDocField, caption: string({ max: 2000 }) });

export const SEARCH_REQUESTS = {
  "search-captions": { id, ...model, frames: array(captionFrame, { max: 100 }) },
  "search-embed": { id, ...model, frames: array(embedFrame, { max: MAX_SEARCH_FRAMES }) },
  "search-query": { id, ...model, text: string({ nonEmpty: true, max: 8000 }) },
} satisfies Record<string, Shape>;

export const SEARCH_REPLIES = {
  "search-captions": { id, ok: literal(true), captioned: number({ integer: true, min: 0 }), requests: number({ integer: true, min: 0 }) },
  "search-embed": { id, ok: literal(true), embedded: number({ integer: true, min: 0 }), requests: number({ integer: true, min: 0 }) },
  "search-query": { id, ok: literal(true), vector: string({ nonEmpty: true }), model: string(), dimensions: number({ integer: true, min: 1 }) },
} satisfies Record<string, Shape>;

export const SEARCH_EVENTS = {
  /** One frame described (made now, not from a cache). */
  "search-caption": { frameId: nodeId, caption: frameCaptionField },
  /** One request's worth of vectors, by frame id. */
  "search-vectors": { vectors: record(frameVectorField, { max: MAX_SEARCH_FRAMES }) },
} satisfies Record<string, Shape>;
