/**
 * What the Analyze panel holds: the computed findings of the frames last analyzed, the model request's
 * progress, and the session's results (each answer with its task, frames, model, usage and time — the shape
 * the history will persist). Pure.
 */
import type { AnalyzeTask } from "../../ai/analyze/input.js";
import type { Estimate } from "../../ai/estimate.js";
import type { Finding } from "../../codegen/analyze/types.js";
import type { ErrorCode } from "../../contract/messages.js";
import { RequestCancelledError } from "../../contract/requests.js";
import { MainThreadError } from "../channel/requests.js";
import { CodegenError, ModelFailure, WorkerCancelledError } from "../engine/engine.js";
import type { ModelFailureData } from "../engine/protocol/index.js";

export interface FrameRef {
  id: string;
  name: string;
}

export type AnalyzeFailure =
  | { kind: "model"; message: string; model: ModelFailureData; at: number }
  | { kind: "main"; code: ErrorCode; message: string }
  /** The input itself was unusable (Compare with one frame, not Figma JSON): nothing was sent. */
  | { kind: "check"; message: string }
  | { kind: "worker"; message: string };

export type FindingsState =
  | { phase: "idle" }
  | { phase: "exporting"; done: number; total: number; label: string }
  | { phase: "computing" }
  | { phase: "ready"; frames: FrameRef[]; findings: Finding[]; at: number }
  | { phase: "failed"; failure: AnalyzeFailure };

/** Where the request goes, as the estimate card and the answer say it. */
export interface Destination {
  model: string;
  host: string;
}

export type ModelState =
  | { phase: "idle" }
  | { phase: "exporting"; done: number; total: number; label: string }
  | { phase: "preparing" }
  | { phase: "confirm"; task: AnalyzeTask; frames: FrameRef[]; findings: number; estimate: Estimate; to: Destination }
  | { phase: "streaming"; task: AnalyzeTask; frames: FrameRef[]; text: string; to: Destination; startedAt: number }
  /** `partial`: what had streamed before it failed or was stopped (shown, not kept as a result). */
  | { phase: "failed"; failure: AnalyzeFailure; partial: string }
  | { phase: "cancelled"; partial: string };

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

export const TASK_LABEL: Readonly<Record<AnalyzeTask, string>> = { describe: "Describe", critique: "Critique", text: "Read text", compare: "Compare" };

export const isBusy = (state: ModelState): boolean => state.phase === "exporting" || state.phase === "preparing" || state.phase === "streaming";

export const hostOf = (url: string): string => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

export function failureOf(error: unknown): AnalyzeFailure | "cancelled" {
  if (error instanceof RequestCancelledError || error instanceof WorkerCancelledError) return "cancelled";
  if (error instanceof ModelFailure) return error.model.kind === "aborted" ? "cancelled" : { kind: "model", message: error.message, model: error.model, at: Date.now() };
  if (error instanceof MainThreadError) return error.code === "cancelled" ? "cancelled" : { kind: "main", code: error.code, message: error.message };
  if (error instanceof CodegenError && error.bad) return { kind: "check", message: error.message };
  return { kind: "worker", message: error instanceof Error ? error.message : String(error) };
}
