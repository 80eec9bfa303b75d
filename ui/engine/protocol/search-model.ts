/**
 * Search's model requests between the panel and the worker, each field defined once with its check (a section of
 * the engine's protocol, joined in index.ts): `search-captions` (describe these frames' pictures; each
 * caption comes back as a `search-caption` event as soon as it is made, so a cancel or failure keeps what
 * finished), `search-embed` (vectors of these frames' text + caption, batched, each batch as a
 * `search-vectors` event) and `search-query` (one typed query's vector). Vectors leave the worker encoded
 * (contract/vector-codec.ts), as clientStorage keeps them.
 */
import { array, bytes, number, object, record, string } from "../../../contract/fields.js";
import { MAX_SEARCH_FRAMES } from "../../../contract/limits.js";
import { frameCaptionField, frameDocField, frameVectorField } from "../../../contract/search.js";
import { modelFields, type Section } from "./common.js";

const nodeId = string({ nonEmpty: true, max: 1000 });
/** A frame to describe: its picture, exported by the main thread at CAPTION_IMAGE_SIDE. */
const captionFrame = object({ id: nodeId, hash: string({ nonEmpty: true, max: 100 }), png: bytes() });
/** A frame to embed: its index document and, when it has one, its caption. */
const embedFrame = object({ doc: frameDocField, caption: string({ max: 2000 }) });

export const searchSection = {
  requests: {
    "search-captions": { ...modelFields, frames: array(captionFrame, { max: 100 }) },
    "search-embed": { ...modelFields, frames: array(embedFrame, { max: MAX_SEARCH_FRAMES }) },
    "search-query": { ...modelFields, text: string({ nonEmpty: true, max: 8000 }) },
  },
  replies: {
    "search-captions": { captioned: number({ integer: true, min: 0 }), requests: number({ integer: true, min: 0 }) },
    "search-embed": { embedded: number({ integer: true, min: 0 }), requests: number({ integer: true, min: 0 }) },
    "search-query": {
      vector: string({ nonEmpty: true }),
      model: string(),
      dimensions: number({ integer: true, min: 1 }),
    },
  },
  events: {
    /** One frame described (made now, not from a cache). */
    "search-caption": { frameId: nodeId, caption: frameCaptionField },
    /** One request's worth of vectors, by frame id. */
    "search-vectors": { vectors: record(frameVectorField, { max: MAX_SEARCH_FRAMES }) },
  },
  streams: { "search-captions": ["search-caption"], "search-embed": ["search-vectors"] },
  estimates: [],
  codeParts: {},
} as const satisfies Section;
