/**
 * The panel's model side of Search (SearchAi, ui/search/search-ai.ts): whether a key is there, what enriching
 * an index would make and cost, the run itself (enrich-run.ts), and typed queries' vectors, cached by text,
 * model and dimensions for the session. All model calls run in the worker with the key of the settings'
 * endpoint (the vault); the key never leaves the panel otherwise.
 */
import { useMemo, useRef } from "preact/hooks";
import { searchModelsFor } from "../../ai/client/models.js";
import type { FetchedPrice } from "../../contract/messages.js";
import type { SearchIndex } from "../../contract/search.js";
import type { Settings } from "../../contract/settings.js";
import { decodeVector } from "../../contract/vector-codec.js";
import type { MainRequests } from "../channel/requests.js";
import type { ApiKeyVault } from "../model/api-key.js";
import type { Engine } from "../engine/engine.js";
import { planEnrich } from "./enrich-plan.js";
import { runEnrich, type EnrichOutcome } from "./enrich-run.js";
import type { EnrichProgress, SearchAi } from "./search-ai.js";
import { missingKeyError } from "../model/job-state.js";

export interface SearchAiDeps {
  requests: MainRequests;
  worker: Pick<Engine, "call">;
  vault: ApiKeyVault;
  settings: Settings;
  prices: Record<string, FetchedPrice> | undefined;
}

/** SearchAi, and the run with what it made (the enrich bar says it; a stopped run says why in `stoppedBy`). */
export interface SearchAiSession extends SearchAi {
  run(
    index: SearchIndex,
    options: { signal: AbortSignal; onProgress(progress: EnrichProgress): void },
  ): Promise<EnrichOutcome>;
}

/** Queries kept per session; older ones are dropped first. */
const MAX_CACHED_QUERIES = 200;

export function useSearchAi({ requests, worker, vault, settings, prices }: SearchAiDeps): SearchAiSession {
  const queries = useRef(new Map<string, number[]>());
  return useMemo(() => {
    const key = (): string => {
      const apiKey = vault.revealFor(settings);
      if (!apiKey) throw missingKeyError(settings.provider);
      return apiKey;
    };
    const run: SearchAiSession["run"] = (index, options) =>
      runEnrich({ requests, worker, settings, apiKey: key() }, index, options);
    return {
      available: vault.hasKeyFor(settings),
      plan: (index) => {
        const { captions, vectors, estimate } = planEnrich(index, settings, prices);
        return { captions, vectors, ...(estimate ? { estimate } : {}) };
      },
      run,
      enrich: async (index, options) => {
        const outcome = await run(index, options);
        if (outcome.stoppedBy !== undefined) throw outcome.stoppedBy;
        return outcome.index;
      },
      queryVector: async (text, signal) => {
        const id = `${searchModelsFor(settings).embedding}\n${settings.embeddingDimensions}\n${text}`;
        const cached = queries.current.get(id);
        if (cached) return cached;
        const reply = await worker.call(
          "search-query",
          { settings, apiKey: key(), timeoutMs: settings.timeoutSec * 1000, text },
          { signal },
        );
        const vector = decodeVector(reply.vector);
        if (queries.current.size >= MAX_CACHED_QUERIES) queries.current.delete(queries.current.keys().next().value!);
        queries.current.set(id, vector);
        return vector;
      },
    };
  }, [requests, worker, vault, settings, prices]);
}
