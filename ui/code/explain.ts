/** What to tell the designer about a failed job, and what they can do next. Pure. */
import type { CodeJobFailure } from "./code-job.js";
import { explainModelFailure, type Explanation } from "../model/explain-model.js";
import type { ModelJobFailure } from "../model/job-state.js";

export { MODEL_FAILURE_TEXT, type Explanation } from "../model/explain-model.js";

export const EMPTY_SELECTION_TEXT = "Select a frame, component or group to generate code";

export function explainFailure(failure: CodeJobFailure): Explanation {
  switch (failure.kind) {
    case "worker":
      return failure.crashed
        ? {
            title: "The code generator crashed",
            detail: failure.message,
            hint: "Retry starts a fresh code generator with the same export.",
            action: "retry",
          }
        : { title: "Code generation failed", detail: failure.message, action: "retry" };
    case "check":
      return {
        title: "This design could not be turned into code",
        detail: failure.message,
        hint: "Select a frame with visible layers and generate again.",
        action: "export-again",
      };
    case "model":
      return explainModelFailure(failure.message, failure.model);
    case "main":
      switch (failure.code) {
        case "empty-selection":
          return { title: EMPTY_SELECTION_TEXT, detail: failure.message };
        case "unsupported-node":
          return {
            title: "This selection can't be turned into code",
            detail: failure.message,
            hint: "Select a frame, component or group instead.",
          };
        case "too-large":
          // Too many layers, too long a side or too many frames: only a smaller selection helps (the image
          // is scaled to fit on its own).
          return {
            title: "The selection is too large to export",
            detail: failure.message,
            hint: "Select a smaller frame, one of the frames inside it, or fewer frames.",
          };
        case "export-failed":
          return {
            title: "Figma could not export the selection",
            detail: failure.message,
            hint: "Try again. If it keeps failing, reselect the frame or duplicate it and try the copy.",
            action: "export-again",
          };
        case "cancelled":
          return { title: "Cancelled" };
        default:
          return {
            title: "Something went wrong in the plugin",
            detail: `${failure.message} (${failure.code})`,
            action: "export-again",
          };
      }
  }
}

/** What to say about a failed AI job: the title by kind, the provider's message, the next step, one button. */
export function explainAiFailure(failure: ModelJobFailure): Explanation {
  switch (failure.kind) {
    case "model":
      return explainModelFailure(failure.message, failure.model);
    // The worker refused the frame before anything was sent: said as the worker's failures are.
    case "check":
    case "worker":
      return {
        title: "The code generator failed",
        detail: failure.message,
        hint: "Try again; the code generator restarts if it crashed.",
        action: "retry",
      };
    case "main":
      return explainFailure({ kind: "main", code: failure.code, message: failure.message });
  }
}
