/**
 * The rows for what is being searched: every keystroke queries orama at once (full-text takes well under a
 * millisecond); with a model and vectors in the index, the typed words are also embedded after a pause and the
 * rows replaced by the hybrid ranking when the vector arrives — unless the query moved on meanwhile.
 * "Like the selection" queries by the frame's own vector, or its words offline, and leaves the frame out.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { searchFrames } from "../../codegen/search/frame-index.js";
import { LatestOnly, SKIPPED } from "../lib/latest-only.js";
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
}

export interface ResultsInput {
  loaded: LoadedIndex | undefined;
  text: string;
  /** The frame "like the selection" asks for. */
  likeId: string | undefined;
  ai: SearchAi | undefined;
}

const EMPTY: SearchResults = { rows: [], term: "", ranking: "list" };

async function rank(loaded: LoadedIndex, text: string, likeId: string | undefined): Promise<SearchResults> {
  return { ...(await ranked(loaded, text, likeId)), term: likeId !== undefined ? `like:${likeId}` : text };
}

async function ranked(loaded: LoadedIndex, text: string, likeId: string | undefined): Promise<Omit<SearchResults, "term">> {
  const { frames, docs, index } = loaded;
  const like = likeId !== undefined ? docs.get(likeId) : undefined;
  if (like) {
    const query = likeQuery(like, index);
    const byVector = query.kind === "vector" && frames.dimensions === query.vector.length;
    const hits = await searchFrames(frames, byVector ? { vector: query.vector, limit: RESULT_LIMIT + 1 } : { term: query.kind === "text" ? query.term : "", limit: RESULT_LIMIT + 1 });
    const others = hits.filter((h) => h.id !== like.id).slice(0, RESULT_LIMIT);
    return { rows: shapeRows(others, docs, "", index.captions, byVector ? MIN_RELATIVE_BY_MEANING : 0), ranking: byVector ? "like-vector" : "like-words" };
  }
  if (!text.trim()) return { rows: listRows(index.docs, LIST_LIMIT), ranking: "list" };
  return { rows: shapeRows(await searchFrames(frames, { term: text, limit: RESULT_LIMIT }), docs, text, index.captions), ranking: "words" };
}

export function useSearchResults({ loaded, text, likeId, ai }: ResultsInput): SearchResults {
  const [results, setResults] = useState<SearchResults>(EMPTY);
  const latest = useRef(0);
  const embeds = useRef(new LatestOnly());

  useEffect(() => {
    if (!loaded) return;
    const ticket = ++latest.current;
    const t0 = performance.now();
    void rank(loaded, text, likeId).then((r) => {
      // The query and row shaping alone, for the bench (bench/search-panel.ts reads these measures).
      performance.measure("figment:search-rank", { start: t0 });
      if (ticket === latest.current) setResults(r);
    });
    const term = text.trim();
    if (!ai?.available || !loaded.frames.dimensions || likeId !== undefined || !term) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      embeds.current
        .run(() => ai.queryVector(term, controller.signal))
        .then(async (vector) => {
          if (vector === SKIPPED || ticket !== latest.current) return;
          const hits = await searchFrames(loaded.frames, { term, vector, limit: RESULT_LIMIT });
          if (ticket === latest.current) setResults({ rows: shapeRows(hits, loaded.docs, term, loaded.index.captions, MIN_RELATIVE_BY_MEANING), term: text, ranking: "hybrid" });
        })
        .catch((error: unknown) => {
          if (!controller.signal.aborted && ticket === latest.current) setResults((r) => ({ ...r, meaningError: error instanceof Error ? error.message : String(error) }));
        });
    }, EMBED_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [loaded, text, likeId, ai]);

  return results;
}
