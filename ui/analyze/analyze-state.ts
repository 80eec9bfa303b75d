/**
 * What the Analyze panel holds: the computed findings of the frames last analyzed, the model request's
 * card and stream, and the session's results (each answer with its task, frames, model, usage and time —
 * the shape the history will persist). Pure.
 */
import type { AnalyzeTask } from "../../ai/analyze/input.js";
import type { Estimate } from "../../ai/estimate/estimate.js";
import type { Finding } from "../../codegen/analyze/types.js";
import type { ConfirmBase, ModelJobFailure, ModelJobState } from "../model/job-state.js";

export interface FrameRef {
  id: string;
  name: string;
}

export type FindingsState =
  | { phase: "idle" }
  | { phase: "exporting"; done: number; total: number; label: string }
  | { phase: "computing" }
  | { phase: "ready"; frames: FrameRef[]; findings: Finding[]; at: number }
  | { phase: "failed"; failure: ModelJobFailure };

export interface AnalyzeConfirm extends ConfirmBase {
  task: AnalyzeTask;
  frames: FrameRef[];
  /** How many computed findings go with the request. */
  findings: number;
  estimate: Estimate;
}

/** The answer as it streams (what came before a failure or Cancel is shown, not kept as a result). */
export type AnswerStream = {
  phase: "streaming";
  task: AnalyzeTask;
  frames: FrameRef[];
  text: string;
  to: AnalyzeConfirm["to"];
  startedAt: number;
};

export type ModelState = ModelJobState<AnalyzeConfirm, AnswerStream>;

/** One answer of this session (persistence comes with the history: this is the record it would keep). */
export interface AnalysisResult {
  id: string;
  task: AnalyzeTask;
  frames: FrameRef[];
  question: string;
  markdown: string;
  model: string;
  /** The answer stopped at the output limit. */
  cut: boolean;
  usage?: { inputTokens: number; outputTokens: number };
  costUsd?: number;
  /** How many computed findings went with the request. */
  findings: number;
  startedAt: number;
  finishedAt: number;
}

export const TASK_LABEL: Readonly<Record<AnalyzeTask, string>> = {
  describe: "Describe",
  critique: "Critique",
  text: "Read text",
  compare: "Compare",
};
