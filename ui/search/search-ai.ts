/**
 * What the Search panel (ui/search/search-panel.tsx) needs from the model, kept apart so the panel works the
 * same without a key: `enrich` makes the missing captions and vectors of the index (only for frames whose hash
 * has none yet), keeps them in clientStorage (`save-search-extras`) and answers the index with them;
 * `queryVector` embeds a typed query (cached by text, model and dimensions). Both run the model in the worker
 * and honour the signal. Implemented in ui/search/use-search-ai.ts.
 */
import type { SearchIndex } from "../../contract/search.js";

export interface EnrichProgress {
  done: number;
  total: number;
  /** e.g. "Describing frames 12 / 80" or "Embedding 80 frames". */
  label: string;
}

export interface EnrichPlan {
  /** Frames that need a caption (no caption for their current hash and model). */
  captions: number;
  /** Frames that need a vector. */
  vectors: number;
  /** The estimate in words ("about $0.04 for 80 captions and 80 embeddings"), or undefined without prices. */
  estimate?: string;
}

export interface SearchAi {
  /** False without a key for the chosen endpoint (the panel says what to do); everything then stays offline. */
  readonly available: boolean;
  /** What `enrich` would do for this index, before anything is sent. */
  plan(index: SearchIndex): EnrichPlan;
  enrich(
    index: SearchIndex,
    options: { signal: AbortSignal; onProgress(progress: EnrichProgress): void },
  ): Promise<SearchIndex>;
  queryVector(text: string, signal: AbortSignal): Promise<number[]>;
}
