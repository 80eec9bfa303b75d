/** What to tell the designer about a failed analysis, in this panel's terms (frames, tasks). Pure. */
import {
  explainModelFailure,
  MODEL_FAILURE_TEXT,
  type Explanation,
  type FailureWords,
} from "../model/explain-model.js";
import type { ModelJobFailure } from "../model/job-state.js";

export const ANALYZE_FAILURE_TEXT: FailureWords = {
  ...MODEL_FAILURE_TEXT,
  "bad-request": { title: "The provider rejected the request", next: "Check in Settings that the model takes images." },
  moderation: {
    title: "Refused by the provider's safety system",
    next: "The provider's safety system refused this frame or question; change the question and try again.",
  },
  timeout: {
    title: "The model took too long",
    next: "Try again, analyze one frame at a time, or raise the timeout in Settings.",
  },
  refusal: { title: "The model declined", next: "Rephrase the question, or try another task or model." },
  truncated: {
    title: "The answer was cut off",
    next: "The connection dropped before the answer was complete; try again.",
  },
  "bad-output": { title: "The model gave no answer", next: "The reply held no text; try again or use another model." },
};

export function explainAnalyzeFailure(failure: ModelJobFailure): Explanation {
  switch (failure.kind) {
    case "model":
      return explainModelFailure(failure.message, failure.model, ANALYZE_FAILURE_TEXT);
    case "check":
      return {
        title: "This can't be analyzed as it is",
        detail: failure.message,
        hint: "Change the selection or the task; nothing was sent.",
      };
    case "worker":
      return {
        title: "The analysis failed in the panel",
        detail: failure.message,
        hint: "Try again; the worker restarts if it crashed.",
        action: "retry",
      };
    case "main":
      if (failure.code === "empty-selection") return { title: "Select a frame to analyze", detail: failure.message };
      if (failure.code === "unsupported-node")
        return {
          title: "This selection can't be analyzed",
          detail: failure.message,
          hint: "Select a frame, component or group instead.",
        };
      if (failure.code === "too-large")
        return {
          title: "The selection is too large to export",
          detail: failure.message,
          hint: "Select a smaller frame, or one of the frames inside it.",
        };
      return {
        title: "Figma could not export the selection",
        detail: `${failure.message} (${failure.code})`,
        hint: "Try again; if it keeps failing, reselect the frame.",
        action: "retry",
      };
  }
}
