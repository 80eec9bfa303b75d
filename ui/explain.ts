/** What to tell the designer about a failed job, and what they can do next. Pure. */
import type { JobFailure } from "./code-job.js";

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
