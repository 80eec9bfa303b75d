/**
 * The stored index (contract/search.ts) as the panel searches it: its documents by id at once (the listing
 * needs nothing more), and an orama index of them in the search worker (ui/search-worker/), rebuilt whole after
 * every scan (a few ms for a thousand frames). Vectors count only for the frame's current hash, and only of the
 * dimension most of them have (a changed setting leaves a mix); the worker decodes them.
 */
import type { SearchFrameDoc, SearchIndex } from "../../contract/search.js";
import type { SearchHit } from "../search-worker/index-protocol.js";
import type { SearchQuery, SearchWorkerClient } from "../search-worker/client.js";

export interface LoadedIndex {
  index: SearchIndex;
  docs: ReadonlyMap<string, SearchFrameDoc>;
  /** The length of the index's vectors; undefined when it has none (search by words only). */
  dimensions: number | undefined;
  /** Ranks these frames in the search worker (waits for the worker to start and the index to be built). */
  search(query: SearchQuery): Promise<SearchHit[]>;
}

/** The dimension most current vectors have, or undefined when there are none. */
export function vectorDimensions(index: SearchIndex): number | undefined {
  const counts = new Map<number, number>();
  for (const doc of index.docs) {
    const v = index.vectors[doc.id];
    if (v && v.hash === doc.hash) counts.set(v.dimensions, (counts.get(v.dimensions) ?? 0) + 1);
  }
  let best: number | undefined;
  for (const [dims, n] of counts) if (best === undefined || n > counts.get(best)!) best = dims;
  return best;
}

/** The stored vectors that count: the frame's current hash, `dimensions` long. */
export function currentVectors(index: SearchIndex, dimensions: number | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!dimensions) return out;
  for (const doc of index.docs) {
    const stored = index.vectors[doc.id];
    if (stored && stored.hash === doc.hash && stored.dimensions === dimensions) out[doc.id] = stored.vector;
  }
  return out;
}

/** Sends the index to the worker and returns it at once; its queries wait for the build (and fail with it). */
export function buildIndex(index: SearchIndex, worker: SearchWorkerClient): LoadedIndex {
  const dimensions = vectorDimensions(index);
  const built = worker.call("index", {
    docs: [...index.docs],
    vectors: currentVectors(index, dimensions),
    ...(dimensions ? { dimensions } : {}),
  });
  built.catch(() => undefined); // reported by the queries that wait for it
  const search = async (query: SearchQuery): Promise<SearchHit[]> => {
    await built;
    return (await worker.call("query", query)).hits;
  };
  return { index, docs: new Map(index.docs.map((d) => [d.id, d])), dimensions, search };
}
