/**
 * "Fill from selection" as data: its phases, what a failure was, and how the panel says it — model failures
 * in the panels' shared words (ui/model/explain-model.ts), the rest in this feature's. Pure.
 */
import type { ErrorCode } from "../../../../contract/messages.js";
import { isCancelled } from "../../../../contract/cancelled.js";
import { MainThreadError } from "../../../channel/requests.js";
import { explainModelFailure, type Explanation } from "../../../model/explain-model.js";
import { CodegenError, ModelFailure } from "../../../engine/engine.js";
import type { ModelFailureData } from "../../../engine/protocol/index.js";

export type FillFailure =
  | { kind: "model"; message: string; model: ModelFailureData; at: number }
  /** The model answered, but its rows do not fit the table (a value outside a column's choices…). */
  | { kind: "answer"; message: string }
  /** Nothing to send: no text in the selection, no named columns. */
  | { kind: "input"; message: string }
  | { kind: "main"; code: ErrorCode; message: string }
  | { kind: "worker"; message: string };

export type FillState =
  | { phase: "idle" }
  | { phase: "reading" }
  | { phase: "asking"; texts: number }
  | { phase: "done"; notes: string; rows: number; texts: number }
  | { phase: "failed"; failure: FillFailure };

export function fillFailureOf(error: unknown): FillFailure | "cancelled" {
  if (isCancelled(error)) return "cancelled";
  if (error instanceof ModelFailure) return { kind: "model", message: error.message, model: error.model, at: Date.now() };
  if (error instanceof CodegenError && error.bad) return { kind: "answer", message: error.message };
  if (error instanceof MainThreadError) return { kind: "main", code: error.code, message: error.message };
  return { kind: "worker", message: error instanceof Error ? error.message : String(error) };
}

export function explainFill(failure: FillFailure): Explanation {
  switch (failure.kind) {
    case "model":
      return explainModelFailure(failure.message, failure.model);
    case "answer":
      return { title: "The model's rows don't fit the table", detail: failure.message, hint: "Try again, or loosen the column's allowed values; the table was left as it was.", action: "retry" };
    case "input":
      return { title: "Nothing to fill the table from", detail: failure.message };
    case "main":
      return failure.code === "empty-selection"
        ? { title: "Select a frame with text", detail: failure.message, hint: "The model reads the selected frame's texts to fill the table." }
        : { title: "Figma could not export the selection", detail: `${failure.message} (${failure.code})`, action: "retry" };
    case "worker":
      return { title: "Filling the table failed in the panel", detail: failure.message, hint: "Try again; the worker restarts if it crashed.", action: "retry" };
  }
}
