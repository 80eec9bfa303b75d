/**
 * Requests and replies between the Search panel and its search worker (search.worker.ts), matched by id, each
 * field defined once with its runtime check (contract/fields.ts), in the style of ui/engine/protocol/:
 * `index` builds (or replaces) the worker's orama index from the frames' documents and their stored vectors;
 * `query` ranks them by words, by a vector, or both. Both ends refuse a malformed message with a ProtocolError
 * (contract/protocol.ts).
 */
import {
  array,
  custom,
  isRecord,
  literal,
  number,
  object,
  optional,
  parseTagged,
  record,
  string,
  type Infer,
  type ObjectOf,
  type Shape,
} from "../../contract/fields.js";
import { MAX_SEARCH_FRAMES } from "../../contract/limits.js";
import { FAILURE_FIELDS } from "../../contract/failure.js";
import { readChecked } from "../../contract/protocol.js";
import { requestIdField as id } from "../../contract/request-id.js";
import { frameDocField } from "../../contract/search.js";

export { ProtocolError } from "../../contract/protocol.js";
const nodeId = string({ nonEmpty: true, max: 1000 });
const dimensions = number({ integer: true, min: 1, max: 8192 });

const REQUESTS = {
  /**
   * Replaces the whole index. `vectors`: by frame id, the stored base64 Float32 vectors (contract/vector-codec.ts)
   * the panel chose (current hash, `dimensions` long); the worker decodes them, so the panel's thread does not.
   */
  index: {
    id,
    docs: array(frameDocField, { max: MAX_SEARCH_FRAMES }),
    vectors: record(string({ nonEmpty: true, max: 50_000 }), { max: MAX_SEARCH_FRAMES }),
    dimensions: optional(dimensions),
  },
  /**
   * Full-text with `term` alone, by meaning with `vector` alone, hybrid with both; `exclude`d frames never come back.
   */
  query: {
    id,
    term: optional(string({ max: 10_000 })),
    vector: optional(array(number(), { max: 8192 })),
    limit: number({ integer: true, min: 1, max: MAX_SEARCH_FRAMES }),
    exclude: optional(array(nodeId, { max: 100 })),
  },
} satisfies Record<string, Shape>;

const hit = object({ id: nodeId, score: number() });

const REPLIES = {
  /** `vectors`: how many frames carry a vector in the index (undecodable or mis-sized ones are left out). */
  index: { id, ok: literal(true), frames: number({ min: 0 }), vectors: number({ min: 0 }), ms: number({ min: 0 }) },
  query: { id, ok: literal(true), hits: array(hit) },
} satisfies Record<string, Shape>;

/** What a failed reply says: one sentence the panel shows as it is (the worker never sends a stack or a dump). */
const sentence = custom<string>("one line of at most 1,000 characters", (v) =>
  typeof v === "string" && v.length <= 1000 && !/[\r\n]/.test(v) ? v : undefined,
);

/**
 * A failed request: its failure in the one shape (contract/failure.ts), its message one sentence. `id` is empty when
 * the
 * worker refused a request without an id it could echo (the panel then fails all it waits for).
 */
const FAILURE = {
  id: string({ max: 200 }),
  ok: literal(false),
  failure: object({ ...FAILURE_FIELDS, message: sentence }),
};

type Tagged<M extends Record<string, Shape>> = { [K in keyof M]: { kind: K } & ObjectOf<M[K]> }[keyof M];

export type SearchWorkerRequest = Tagged<typeof REQUESTS>;
export type SearchKind = SearchWorkerRequest["kind"];
export type SearchRequestOf<K extends SearchKind> = Extract<SearchWorkerRequest, { kind: K }>;
export type SearchWorkerFailure = ObjectOf<typeof FAILURE>;
export type SearchOkReply = Tagged<typeof REPLIES>;
export type SearchWorkerReply = SearchOkReply | SearchWorkerFailure;
export type SearchHit = Infer<typeof hit>;

/** Checks a request arriving in the search worker. Throws ProtocolError. */
export function parseSearchRequest(data: unknown): SearchWorkerRequest {
  return readChecked(data, "the search worker got a request it does not understand", () =>
    parseTagged<SearchWorkerRequest>(REQUESTS, data, "kind"),
  );
}

/** Checks a reply (ok or failed) from the search worker. Throws ProtocolError. */
export function parseSearchReply(data: unknown): SearchWorkerReply {
  return readChecked(data, "the search worker sent a message the panel does not understand", () => {
    if (isRecord(data) && data["ok"] === false) return object(FAILURE).check(data, "") as SearchWorkerFailure;
    return parseTagged<SearchOkReply>(REPLIES, data, "kind");
  });
}
