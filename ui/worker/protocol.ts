/** Requests and replies between the UI and the codegen worker, matched by id (as the prettier playground does). */
import type { Conversation } from "../../ai/generate.js";
import type { Estimate } from "../../ai/estimate.js";
import type { ModelErrorKind } from "../../ai/errors.js";
import type { ModelCodeResult } from "../../ai/pipeline.js";
import type { ProgressEvent } from "../../ai/progress.js";
import type { PromptInput } from "../../ai/prompt.js";
import type { CodeOptions, FileSet, Problem, SourceFile } from "../../codegen/index.js";
import type { Settings } from "../../contract/settings.js";

export interface GenerateRequest {
  id: string;
  kind: "generate";
  /** One entry per selected frame: what `exportAsync({ format: "JSON_REST_V1" })` returned. */
  exports: { id: string; json: unknown }[];
  options: CodeOptions;
}

export interface HintRequest {
  id: string;
  kind: "hint";
  exports: { id: string; json: unknown }[];
}

/** Answered as soon as the worker's script has run: the host measures cold start with it. */
export interface PingRequest {
  id: string;
  kind: "ping";
}

/** Builds the model prompt for one frame (hint, image, optional offline draft) and its estimate. */
export interface AiPrepareRequest {
  id: string;
  kind: "ai-prepare";
  exports: { id: string; json: unknown }[];
  /** The frame's PNG, as exported. */
  png: Uint8Array;
  options: CodeOptions;
  model: string;
  /** Send the offline output as a draft to improve. */
  draft: boolean;
  instructions: string;
}

/** One model generation (or refinement) through the project pass and the repair round. */
export interface AiGenerateRequest {
  id: string;
  kind: "ai-generate";
  /** Provider, base URL and model; the client is built in the worker so the SDK stays out of the panel. */
  settings: Settings;
  apiKey: string;
  input: PromptInput;
  refine?: { conversation: Conversation; instructions: string };
  timeoutMs: number;
}

/** Stops the request `target` (an ai-generate); it then fails as "aborted". */
export interface AbortRequest {
  id: string;
  kind: "abort";
  target: string;
}

/** The model's React files as a scripted preview page (run only in a sandboxed iframe, never here). */
export interface ReactPreviewRequest {
  id: string;
  kind: "react-preview";
  files: SourceFile[];
}

/** Runs a script inside the worker (importScripts): the tokenizer, which comes only when an estimate needs it. */
export interface LoadScriptRequest {
  id: string;
  kind: "load-script";
  url: string;
}

export type WorkerRequest = GenerateRequest | HintRequest | PingRequest | AiPrepareRequest | AiGenerateRequest | AbortRequest | ReactPreviewRequest | LoadScriptRequest;

/** A failed model request, as data (errors do not survive postMessage with their class). */
export interface ModelFailureData {
  kind: ModelErrorKind;
  status?: number;
  retryAfterMs?: number;
}

export type WorkerReply =
  | { id: string; ok: true; kind: "generate"; result: FileSet; ms: number }
  | { id: string; ok: true; kind: "hint"; hint: string }
  | { id: string; ok: true; kind: "pong" }
  | { id: string; ok: true; kind: "ai-prepare"; input: PromptInput; estimate: Estimate; image: { width: number; height: number } | undefined }
  | { id: string; ok: true; kind: "ai-generate"; result: ModelCodeResult }
  | { id: string; ok: true; kind: "aborted" }
  | { id: string; ok: true; kind: "loaded" }
  | { id: string; ok: true; kind: "react-preview"; html: string; problems: Problem[] }
  | { id: string; ok: false; error: string; bad: boolean; model?: ModelFailureData };

/** What a running ai-generate reports before its reply (same id). */
export type AiEvent = { type: "progress"; event: ProgressEvent } | { type: "stage"; stage: "checking" | "repairing" };

export interface WorkerEvent {
  id: string;
  event: AiEvent;
}

/** A nodes-style reply holding every export, so one loadDesign call sees all frames and their components. */
export function asNodesReply(exports: { id: string; json: unknown }[]): { nodes: Record<string, unknown> } {
  const nodes: Record<string, unknown> = {};
  for (const entry of exports) nodes[entry.id] = entry.json;
  return { nodes };
}
