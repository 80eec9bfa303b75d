/**
 * The model's analysis: the shared model job (ui/model/use-model-job.ts) with the Analyze panel's pieces
 * (analyze-request.ts). Cancel stops it at once (what streamed stays on screen, marked, and is not kept as a
 * result); failures become something the panel can explain.
 */
import { useCallback } from "preact/hooks";
import type { AnalyzeTask } from "../../ai/analyze/input.js";
import type { ExportedFrame, FetchedPrice } from "../../contract/messages.js";
import type { Settings } from "../../contract/settings.js";
import type { MainRequests } from "../channel/requests.js";
import { useModelJob } from "../model/use-model-job.js";
import type { ApiKeyVault } from "../model/api-key.js";
import type { Engine } from "../engine/engine.js";
import { analyzePieces, type AnalyzeRequestDeps } from "./analyze-request.js";

export interface AnalysisDeps extends Omit<AnalyzeRequestDeps, "live"> {
  requests: MainRequests;
  worker: Engine;
  vault: ApiKeyVault;
  live: { current: { settings: Settings; prices: Record<string, FetchedPrice> | undefined } };
}

export function useAnalysis({ vault, live, ...deps }: AnalysisDeps) {
  const job = useModelJob(analyzePieces({ ...deps, live: () => live.current }), {
    vault,
    settings: () => live.current.settings,
  });
  /** `kept`: the frames the findings came from, with their PNGs; absent, the selection is exported anew. */
  const ask = useCallback(
    (task: AnalyzeTask, question: string, kept?: ExportedFrame[]) => job.prepare({ task, question, kept }),
    [job.prepare],
  );
  return { state: job.state, ask, send: job.send, cancel: job.cancel, retry: job.retry, dismiss: job.dismiss };
}

export type AnalysisJob = ReturnType<typeof useAnalysis>;
