/**
 * `figment search --ai --cache FILE`: the frames' vectors by frame id + content hash (ai/search/embeddings.ts), and the
 * queries' vectors by query text + model + dimensions + endpoint, so an identical second run sends nothing.
 * One JSON file, written beside and renamed over so that an interrupted write never leaves half a cache.
 */
import { rename, writeFile } from "node:fs/promises";
import type { EmbeddingCache } from "../../ai/search/embeddings.js";
import { readJson } from "../common/io.js";
import { FigmentError, isFigmentError } from "../../kernel/errors.js";

const CACHE_VERSION = 1;
/** The most recently used queries kept; older ones drop out (a vector of 1,536 numbers is ~30 kB of JSON). */
export const MAX_CACHED_QUERIES = 50;

export interface SearchCache {
  embeddings: EmbeddingCache;
  /** Query vectors by queryKey(), least recently used first. */
  queries: Record<string, number[]>;
}

const isVector = (value: unknown): value is number[] =>
  Array.isArray(value) && value.length > 0 && value.every((x) => typeof x === "number");

export async function readSearchCache(path: string): Promise<SearchCache> {
  let json: unknown;
  try {
    json = await readJson(path);
  } catch (error) {
    if (isFigmentError(error, "input") && error.message.startsWith("no such file"))
      return { embeddings: {}, queries: {} };
    throw new FigmentError(
      "input",
      `--cache ${path} is not a Figment search cache: ${(error as Error).message}; delete it or pick another file`,
    );
  }
  const record = json as { version?: unknown; embeddings?: unknown; queries?: unknown };
  const isObject = (value: unknown): value is object => typeof value === "object" && value !== null;
  if (
    !isObject(json) ||
    record.version !== CACHE_VERSION ||
    !isObject(record.embeddings) ||
    (record.queries !== undefined && !isObject(record.queries))
  ) {
    throw new FigmentError(
      "input",
      `--cache ${path} is not a Figment search cache (version ${CACHE_VERSION}); delete it or pick another file`,
    );
  }
  // A cache written before queries were kept has none; an entry that is no vector is dropped, not trusted.
  const queries = Object.fromEntries(
    Object.entries(record.queries ?? {}).filter(([, vector]) => isVector(vector)),
  ) as Record<string, number[]>;
  return { embeddings: record.embeddings as EmbeddingCache, queries };
}

export async function writeSearchCache(path: string, cache: SearchCache): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(
    temp,
    JSON.stringify({ version: CACHE_VERSION, embeddings: cache.embeddings, queries: cache.queries }),
  );
  await rename(temp, path);
}

/** What makes a query's vector the same: its text, the model, the requested dimensions and the endpoint. */
export function queryKey(query: string, model: string, dimensions: number | undefined, endpoint: string): string {
  return JSON.stringify([query, model, dimensions ?? null, endpoint]);
}

/** The queries with `key` as the most recently used, the least recently used dropped beyond MAX_CACHED_QUERIES. */
export function rememberQuery(
  queries: Readonly<Record<string, number[]>>,
  key: string,
  vector: number[],
): Record<string, number[]> {
  const entries = Object.entries(queries).filter(([k]) => k !== key);
  entries.push([key, vector]);
  return Object.fromEntries(entries.slice(-MAX_CACHED_QUERIES));
}
