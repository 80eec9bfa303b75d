/**
 * Everything the Analyze panel keeps at the app level, so it survives switching panels: the computed
 * findings, the model request, the chosen task and question, and the session's answers (newest first; the
 * history issue will persist these records).
 */
import { useCallback, useRef, useState } from "preact/hooks";
import type { AnalyzeTask } from "../../ai/analyze/input.js";
import type { FetchedPrice } from "../../contract/messages.js";
import type { Settings } from "../../contract/settings.js";
import type { MainRequests } from "../channel/requests.js";
import type { ApiKeyVault } from "../model/api-key.js";
import type { Engine } from "../engine/engine.js";
import type { AnalysisResult } from "./analyze-state.js";
import { useAnalysis, type AnalysisJob } from "./use-analysis.js";
import { useFindings, type FindingsJob } from "./use-findings.js";

export interface AnalyzeSession {
  findings: FindingsJob;
  model: AnalysisJob;
  results: AnalysisResult[];
  /** The result on show (its id), by default the newest. */
  shown: AnalysisResult | undefined;
  show(id: string): void;
  task: AnalyzeTask;
  setTask(task: AnalyzeTask): void;
  question: string;
  setQuestion(question: string): void;
}

export interface AnalyzeSessionDeps {
  requests: MainRequests;
  worker: Engine;
  vault: ApiKeyVault;
  settings: Settings;
  prices: Record<string, FetchedPrice> | undefined;
}

export function useAnalyzeSession({ requests, worker, vault, settings, prices }: AnalyzeSessionDeps): AnalyzeSession {
  const live = useRef({ settings, prices });
  live.current = { settings, prices };
  const findings = useFindings(requests, worker);
  const [results, setResults] = useState<AnalysisResult[]>([]);
  const [shownId, setShownId] = useState<string | undefined>(undefined);
  const onResult = useCallback((result: AnalysisResult) => {
    setResults((all) => [result, ...all]);
    setShownId(result.id);
  }, []);
  const model = useAnalysis({ requests, worker, vault, live, onFindings: findings.set, onResult });
  const [task, setTask] = useState<AnalyzeTask>("critique");
  const [question, setQuestion] = useState("");
  const shown = results.find((r) => r.id === shownId) ?? results[0];
  return { findings, model, results, shown, show: setShownId, task, setTask, question, setQuestion };
}
