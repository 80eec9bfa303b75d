/**
 * The rows for what is being searched: every keystroke queries the search worker's orama index (full-text takes
 * well under a millisecond there; the round trip about as much); with a model and vectors in the index, the typed
 * words are also embedded after a pause and the rows replaced by the hybrid ranking when the vector arrives —
 * unless the query moved on meanwhile. Queries go one at a time and only the newest waiting one runs (so keys
 * typed while the worker starts cost one query), and an answer for a text since changed is never shown.
 * "Like the selection" queries by the frame's own vector, or its words offline, and leaves the frame out.
 * The listing without a query needs no worker.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { LatestOnly, LatestRun, SKIPPED } from "../lib/latest-only.js";
import type { LoadedIndex } from "./build-index.js";
import { likeQuery } from "./like-selection.js";
import type { SearchAi } from "./search-ai.js";
import { listRows, shapeRows, type SearchRow } from "./search-rows.js";

/** Rows for a query; the listing without one shows this many frames at most (type to narrow). */
export const RESULT_LIMIT = 50;
export const LIST_LIMIT = 300;
/** The pause before a typed query is embedded (each embedding is a request to the model). */
export const EMBED_DELAY_MS = 300;
/** By meaning, frames under this share of the best score are left out (every frame has some similarity). */
export const MIN_RELATIVE_BY_MEANING = 0.1;

export type Ranking = "list" | "words" | "hybrid" | "like-words" | "like-vector";

export interface SearchResults {
  rows: SearchRow[];
  /** What the rows answer: the typed text, or "like:<id>" (the bench waits for it). */
  term: string;
  ranking: Ranking;
  /** Why the ranking by meaning failed for this query (the rows stay ranked by words). */
  meaningError?: string;
  /** Why the query itself failed (the search worker could not start or answer). */
  error?: string;
}

export interface ResultsInput {
  loaded: LoadedIndex | undefined;
  text: string;
  /** The frame "like the selection" asks for. */
  likeId: string | undefined;
  ai: SearchAi | undefined;
}

const EMPTY: SearchResults = { rows: [], term: "", ranking: "list" };

const termOf = (text: string, likeId: string | undefined) => (likeId !== undefined ? `like:${likeId}` : text);

/** Without a query and "like", every frame in the scan's order: at once, from the documents. */
function listing(loaded: LoadedIndex, text: string, likeId: string | undefined): SearchResults | undefined {
  if (text.trim() || (likeId !== undefined && loaded.docs.has(likeId))) return undefined;
  return { rows: listRows(loaded.index.docs, LIST_LIMIT), term: termOf(text, likeId), ranking: "list" };
}

async function ranked(loaded: LoadedIndex, text: string, likeId: string | undefined): Promise<SearchResults> {
  const { docs, index } = loaded;
  const like = likeId !== undefined ? docs.get(likeId) : undefined;
  if (like) {
    const query = likeQuery(like, index);
    const byVector = query.kind === "vector" && loaded.dimensions === query.vector.length;
    const hits = await loaded.search({
      ...(byVector ? { vector: query.vector } : { term: query.kind === "text" ? query.term : "" }),
      limit: RESULT_LIMIT,
      exclude: [like.id],
    });
    return {
      rows: shapeRows(hits, docs, "", index.captions, byVector ? MIN_RELATIVE_BY_MEANING : 0),
      term: termOf(text, likeId),
      ranking: byVector ? "like-vector" : "like-words",
    };
  }
  return {
    rows: shapeRows(await loaded.search({ term: text, limit: RESULT_LIMIT }), docs, text, index.captions),
    term: text,
    ranking: "words",
  };
}

export function useSearchResults({ loaded, text, likeId, ai }: ResultsInput): SearchResults {
  const [results, setResults] = useState<SearchResults>(EMPTY);
  const runs = useRef(new LatestRun());
  const queries = useRef(new LatestOnly());
  const embeds = useRef(new LatestOnly());

  useEffect(() => {
    if (!loaded) return;
    const { current } = runs.current.start();
    const listed = listing(loaded, text, likeId);
    if (listed) setResults(listed);
    else {
      const t0 = performance.now();
      queries.current
        .run(() => ranked(loaded, text, likeId))
        .then((r) => {
          // The query (worker round trip included) and row shaping, for the bench (bench/search-panel.ts).
          if (r !== SKIPPED) performance.measure("figment:search-rank", { start: t0 });
          if (r !== SKIPPED && current()) setResults(r);
        })
        .catch((error: unknown) => {
          if (current())
            setResults({
              rows: [],
              term: termOf(text, likeId),
              ranking: likeId !== undefined ? "like-words" : "words",
              error: error instanceof Error ? error.message : String(error),
            });
        });
    }
    const term = text.trim();
    if (!ai?.available || !loaded.dimensions || likeId !== undefined || !term) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      embeds.current
        .run(() => ai.queryVector(term, controller.signal))
        .then(async (vector) => {
          if (vector === SKIPPED || !current()) return;
          const hits = await loaded.search({ term, vector, limit: RESULT_LIMIT });
          if (current())
            setResults({
              rows: shapeRows(hits, loaded.docs, term, loaded.index.captions, MIN_RELATIVE_BY_MEANING),
              term: text,
              ranking: "hybrid",
            });
        })
        .catch((error: unknown) => {
          if (!controller.signal.aborted && current())
            setResults((r) => ({ ...r, meaningError: error instanceof Error ? error.message : String(error) }));
        });
    }, EMBED_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [loaded, text, likeId, ai]);

  return results;
}
