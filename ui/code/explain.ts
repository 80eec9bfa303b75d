/** What to tell the designer about a failed job, and what they can do next. Pure. */
import type { AiFailure } from "./ai-job.js";
import type { JobFailure } from "./code-job.js";
import type { ModelFailureData } from "../worker/protocol.js";

export const EMPTY_SELECTION_TEXT = "Select a frame, component or group to generate code";

export interface Explanation {
  title: string;
  /** The message from the main thread or the worker, as it came. */
  detail?: string;
  /** What to do about it. */
  hint?: string;
  /** The button to offer: run the worker again, export again, or open Settings. */
  action?: "retry" | "export-again" | "settings";
}

export function explainFailure(failure: JobFailure): Explanation {
  switch (failure.kind) {
    case "worker-crash":
      return {
        title: "The code generator crashed",
        detail: failure.message,
        hint: "Retry starts a fresh code generator with the same export.",
        action: "retry",
      };
    case "codegen":
      return failure.bad
        ? { title: "This design could not be turned into code", detail: failure.message, hint: "Select a frame with visible layers and generate again.", action: "export-again" }
        : { title: "Code generation failed", detail: failure.message, action: "retry" };
    case "main":
      switch (failure.code) {
        case "empty-selection":
          return { title: EMPTY_SELECTION_TEXT, detail: failure.message };
        case "unsupported-node":
          return { title: "This selection can't be turned into code", detail: failure.message, hint: "Select a frame, component or group instead." };
        case "too-large":
          return {
            title: "The selection is too large",
            detail: failure.message,
            hint: "Select a smaller frame, one of its sections, or fewer frames. A lower “Max image size” in Settings makes the exported image smaller.",
            action: "settings",
          };
        case "export-failed":
          return { title: "Figma could not export the selection", detail: failure.message, hint: "Try again. If it keeps failing, reselect the frame or duplicate it and try the copy.", action: "export-again" };
        case "cancelled":
          return { title: "Cancelled" };
        default:
          return { title: "Something went wrong in the plugin", detail: `${failure.message} (${failure.code})`, action: "export-again" };
      }
  }
}

const MODEL_TITLES: Record<ModelFailureData["kind"], string> = {
  "missing-key": "No API key yet",
  unauthorized: "The API key was not accepted",
  forbidden: "This key cannot use this model",
  "model-not-found": "The model was not found",
  "rate-limited": "Rate limited by the provider",
  "bad-request": "The provider rejected the request",
  server: "The provider had a server error",
  timeout: "The model took too long",
  offline: "Could not reach the model",
  aborted: "Cancelled",
  refusal: "The model declined",
  truncated: "The answer was cut off",
  "bad-output": "The model's answer could not be read",
  unknown: "The model request failed",
};

/** Kinds the user fixes in Settings (key, model, base URL). */
const SETTINGS_KINDS = new Set<ModelFailureData["kind"]>(["missing-key", "unauthorized", "forbidden", "model-not-found", "bad-request"]);

/** What to say about a failed AI job: the title by kind, the provider's message, the next step, one button. */
export function explainAiFailure(failure: AiFailure): Explanation {
  switch (failure.kind) {
    case "model":
      return {
        title: MODEL_TITLES[failure.model.kind],
        detail: failure.model.status !== undefined && !failure.message.includes(String(failure.model.status)) ? `${failure.message} (HTTP ${failure.model.status})` : failure.message,
        hint: failure.model.nextStep,
        action: SETTINGS_KINDS.has(failure.model.kind) ? "settings" : "retry",
      };
    case "worker":
      return { title: "The code generator failed", detail: failure.message, hint: "Try again; the code generator restarts if it crashed.", action: "retry" };
    case "main":
      return explainFailure({ kind: "main", code: failure.code, message: failure.message });
  }
}
