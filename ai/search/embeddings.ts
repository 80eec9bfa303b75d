/**
 * Embeddings for Search: one vector per top-level frame (from its index document) and one per query, through
 * the SDK's `embeddings.create` on any endpoint that serves `/embeddings` (OpenAI, OpenRouter, custom). Many
 * frames go in one request (≤ MAX_INPUTS_PER_REQUEST), and a vector is cached by frame id + content hash (+
 * model and dimensions), so an unchanged frame is never embedded again. Failures are ModelErrors (ai/errors/).
 * Pure: fetch-based SDK only, runs in the UI iframe and in Node.
 */
import type { FrameDoc } from "../../codegen/search/frame-doc.js";
import { frameEmbeddingText } from "./embedding-text.js";
import { ModelError, toModelError } from "../errors/classify.js";

export { frameEmbeddingText, searchEmbeddingText } from "./embedding-text.js";
import { createClient, type ProviderConfig } from "../client/providers.js";

export const DEFAULT_EMBEDDING_MODEL = "text-embedding-3-small";
/** OpenAI accepts up to 2048 inputs per request; smaller batches keep each request well under its token cap. */
export const MAX_INPUTS_PER_REQUEST = 256;

export interface CachedEmbedding {
  hash: string;
  model: string;
  /** The requested `dimensions` (absent: the model's own length). */
  dimensions?: number;
  vector: number[];
}

/** Embeddings by frame id. Plain JSON: the CLI keeps it in a file, the panel in clientStorage. */
export type EmbeddingCache = Record<string, CachedEmbedding>;

export interface EmbeddingOptions {
  model?: string;
  dimensions?: number;
  batchSize?: number;
  timeoutMs?: number;
  signal?: AbortSignal;
  fetch?: typeof fetch;
  /**
   * What each frame's vector is made from (default `frameEmbeddingText`; the CLI adds captions with
   * `searchEmbeddingText`).
   */
  textOf?: (doc: FrameDoc) => string;
}

export interface FrameEmbeddings {
  vectors: Map<string, number[]>;
  /** The cache for the current frames only: deleted frames drop out. */
  cache: EmbeddingCache;
  /** Ids of the frames embedded by this call (not taken from the cache). */
  embedded: string[];
  requests: number;
}

function fresh(
  entry: CachedEmbedding | undefined,
  doc: FrameDoc,
  model: string,
  dimensions: number | undefined,
): entry is CachedEmbedding {
  return entry !== undefined && entry.hash === doc.hash && entry.model === model && entry.dimensions === dimensions;
}

/** Vectors for many texts, in order, `batchSize` per request. */
export async function embedTexts(
  config: Pick<ProviderConfig, "apiKey" | "baseURL" | "headers">,
  texts: string[],
  options: EmbeddingOptions = {},
): Promise<{ vectors: number[][]; requests: number }> {
  const model = options.model ?? DEFAULT_EMBEDDING_MODEL;
  const size = Math.max(1, Math.min(options.batchSize ?? MAX_INPUTS_PER_REQUEST, 2048));
  const client = createClient(config, {
    timeoutMs: options.timeoutMs ?? 60_000,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const vectors: number[][] = [];
  let requests = 0;
  for (let start = 0; start < texts.length; start += size) {
    const input = texts.slice(start, start + size).map((t) => t || " ");
    let reply: unknown;
    try {
      requests++;
      reply = await client.embeddings.create(
        { model, input, encoding_format: "float", ...(options.dimensions ? { dimensions: options.dimensions } : {}) },
        options.signal ? { signal: options.signal } : undefined,
      );
    } catch (error) {
      throw toModelError(error);
    }
    vectors.push(...readVectors((reply as { data?: unknown } | null)?.data, input.length));
  }
  const length = vectors[0]?.length;
  if (vectors.some((v) => v.length !== length))
    throw new ModelError("bad-output", "The endpoint answered with embeddings of different lengths.");
  if (options.dimensions && length !== undefined && length !== options.dimensions)
    throw new ModelError(
      "bad-output",
      `The endpoint answered with embeddings of ${length} numbers, not the ${options.dimensions} asked for.`,
    );
  return { vectors, requests };
}

/**
 * The reply's vectors in input order, each `{ index, embedding }` checked as the endpoint may have sent it: every
 * index from 0 to count - 1 once, every embedding a non-empty list of finite numbers. Anything else is refused in a
 * sentence: a search ranked by a wrong or broken vector would look like a working one.
 */
function readVectors(data: unknown, count: number): number[][] {
  const rows = Array.isArray(data) ? (data as unknown[]) : [];
  if (rows.length !== count)
    throw new ModelError("bad-output", `The endpoint answered with ${rows.length} embeddings for ${count} inputs.`);
  const byIndex: (number[] | undefined)[] = new Array<number[] | undefined>(count).fill(undefined);
  for (const row of rows) {
    const { index, embedding } = (typeof row === "object" && row !== null ? row : {}) as {
      index?: unknown;
      embedding?: unknown;
    };
    if (
      typeof index !== "number" ||
      !Number.isInteger(index) ||
      index < 0 ||
      index >= count ||
      byIndex[index] !== undefined
    )
      throw new ModelError(
        "bad-output",
        `The endpoint's embeddings are not numbered 0 to ${count - 1}, one for each input.`,
      );
    if (
      !Array.isArray(embedding) ||
      embedding.length === 0 ||
      !embedding.every((x) => typeof x === "number" && Number.isFinite(x))
    )
      throw new ModelError("bad-output", `The endpoint's embedding ${index} is not a list of numbers.`);
    byIndex[index] = embedding as number[];
  }
  return byIndex as number[][];
}

/** Each frame's vector: from the cache when its content hash, model and dimensions match, else embedded (batched). */
export async function embedFrames(
  config: Pick<ProviderConfig, "apiKey" | "baseURL" | "headers">,
  docs: readonly FrameDoc[],
  cache: EmbeddingCache = {},
  options: EmbeddingOptions = {},
): Promise<FrameEmbeddings> {
  const model = options.model ?? DEFAULT_EMBEDDING_MODEL;
  const stale = docs.filter((doc) => !fresh(cache[doc.id], doc, model, options.dimensions));
  const { vectors, requests } =
    stale.length > 0
      ? await embedTexts(config, stale.map(options.textOf ?? frameEmbeddingText), options)
      : { vectors: [], requests: 0 };
  const next: EmbeddingCache = {};
  const result = new Map<string, number[]>();
  const staleAt = new Map(stale.map((doc, i) => [doc, i]));
  for (const doc of docs) {
    const i = staleAt.get(doc) ?? -1;
    const entry: CachedEmbedding =
      i >= 0
        ? {
            hash: doc.hash,
            model,
            ...(options.dimensions ? { dimensions: options.dimensions } : {}),
            vector: vectors[i]!,
          }
        : cache[doc.id]!;
    next[doc.id] = entry;
    result.set(doc.id, entry.vector);
  }
  const lengths = new Set([...result.values()].map((v) => v.length));
  if (lengths.size > 1)
    throw new ModelError("bad-output", "Cached and new embeddings differ in length; embed again without the cache.");
  return { vectors: result, cache: next, embedded: stale.map((d) => d.id), requests };
}

/** A query's vector (typed words). "Like the selection" uses the selected frame's own vector instead. */
export async function embedQuery(
  config: Pick<ProviderConfig, "apiKey" | "baseURL" | "headers">,
  text: string,
  options: EmbeddingOptions = {},
): Promise<number[]> {
  const { vectors } = await embedTexts(config, [text], options);
  return vectors[0]!;
}
