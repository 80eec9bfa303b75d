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
          // Too many layers, too long a side or too many frames: only a smaller selection helps (the image
          // is scaled to fit on its own).
          return { title: "The selection is too large to export", detail: failure.message, hint: "Select a smaller frame, one of the frames inside it, or fewer frames." };
        case "export-failed":
          return { title: "Figma could not export the selection", detail: failure.message, hint: "Try again. If it keeps failing, reselect the frame or duplicate it and try the copy.", action: "export-again" };
        case "cancelled":
          return { title: "Cancelled" };
        default:
          return { title: "Something went wrong in the plugin", detail: `${failure.message} (${failure.code})`, action: "export-again" };
      }
  }
}

/**
 * The panel's words for each kind of model failure: a title and what to do next, in the panel's terms
 * (Settings, the frame). ai/ only says what happened; the CLI (cli/model-errors.ts) has its own sentences.
 */
export const MODEL_FAILURE_TEXT: Readonly<Record<ModelFailureData["kind"], { title: string; next: string }>> = {
  "missing-key": { title: "No API key yet", next: "Add an API key for this provider in Settings." },
  unauthorized: { title: "The API key was not accepted", next: "Check the API key in Settings: the provider did not accept it." },
  forbidden: {
    title: "This key cannot use this model",
    next: "Your key has no access to this model or endpoint; check the account's permissions or pick another model.",
  },
  "model-not-found": { title: "The model was not found", next: "Check the model name and base URL in Settings; the endpoint does not know this model." },
  "rate-limited": { title: "Rate limited by the provider", next: "Wait a moment and try again, or check your plan's rate limits and credit." },
  "bad-request": { title: "The provider rejected the request", next: "The endpoint rejected the request; check the model supports images and structured output." },
  server: { title: "The provider had a server error", next: "The provider had a server error; try again in a minute." },
  timeout: { title: "The model took too long", next: "The model took too long; try again, use a smaller frame, or raise the timeout." },
  offline: { title: "Could not reach the model", next: "Could not reach the endpoint; check your connection and the base URL in Settings." },
  aborted: { title: "Cancelled", next: "Generation was cancelled; start it again when ready." },
  refusal: { title: "The model declined", next: "The model declined this request; rephrase your instructions or try another model." },
  truncated: { title: "The answer was cut off", next: "The output was cut off; try a smaller frame or ask for fewer files." },
  "bad-output": { title: "The model's answer could not be read", next: "The model's reply could not be read; try again or use another model." },
  unknown: { title: "The model request failed", next: "Try again; if it keeps failing, check the settings and the provider's status page." },
};

/** Kinds the user fixes in Settings (key, model, base URL). */
const SETTINGS_KINDS = new Set<ModelFailureData["kind"]>(["missing-key", "unauthorized", "forbidden", "model-not-found", "bad-request"]);

/** What to say about a failed AI job: the title by kind, the provider's message, the next step, one button. */
export function explainAiFailure(failure: AiFailure): Explanation {
  switch (failure.kind) {
    case "model":
      return {
        title: MODEL_FAILURE_TEXT[failure.model.kind].title,
        detail: failure.model.status !== undefined && !failure.message.includes(String(failure.model.status)) ? `${failure.message} (HTTP ${failure.model.status})` : failure.message,
        hint: MODEL_FAILURE_TEXT[failure.model.kind].next,
        action: SETTINGS_KINDS.has(failure.model.kind) ? "settings" : "retry",
      };
    case "worker":
      return { title: "The code generator failed", detail: failure.message, hint: "Try again; the code generator restarts if it crashed.", action: "retry" };
    case "main":
      return explainFailure({ kind: "main", code: failure.code, message: failure.message });
  }
}
