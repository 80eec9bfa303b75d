/** What to tell the designer about a failed image request, in the image panel's terms (prompt, size, quality). Pure. */
import {
  explainModelFailure,
  MODEL_FAILURE_TEXT,
  type Explanation,
  type FailureWords,
} from "../model/explain-model.js";
import type { ModelJobFailure } from "../model/job-state.js";
import { explainSdProblem } from "../model/explain-sd.js";

export const IMAGE_FAILURE_TEXT: FailureWords = {
  ...MODEL_FAILURE_TEXT,
  "bad-request": {
    title: "The provider rejected the request",
    next: "Check in Settings that the model draws images, and that it takes this size and quality.",
  },
  moderation: {
    title: "Refused by the provider's safety system",
    next:
      "The provider's safety system refused this prompt (or the reference image). Describe the image differently " +
      "— leave out what it flagged — and try again; sending the same words again will be refused again.",
  },
  timeout: {
    title: "The image took too long",
    next:
      "Large, high-quality images can take minutes: try again, pick a " +
      "lower quality or a smaller size, or raise the timeout in Settings.",
  },
  refusal: { title: "The model declined to draw this", next: "Rephrase the prompt, or try without the reference." },
  truncated: { title: "The answer was cut off", next: "The reply ended before the image was complete; try again." },
  "bad-output": {
    title: "No image came back",
    next:
      "The endpoint's reply held no image the panel could read; " +
      "try again, or check in Settings that the model draws images.",
  },
};

export function explainImageFailure(failure: ModelJobFailure): Explanation {
  switch (failure.kind) {
    case "model": {
      // A local SD server's own fact (its CORS flag, the field it refused): the title and next step name it.
      // The server's own words only where they add to the title (the CUDA message, an unexplained status).
      if (failure.model.sd)
        return {
          ...explainSdProblem(failure.model.sd),
          ...(failure.model.sd.type === "out-of-memory" || failure.model.sd.type === "server-error"
            ? { detail: failure.message }
            : {}),
        };
      const explanation = explainModelFailure(failure.message, failure.model, IMAGE_FAILURE_TEXT);
      // The same words would be refused again: the way on is a new prompt, not Try again.
      if (failure.model.kind === "moderation") delete explanation.action;
      return explanation;
    }
    case "check":
      return {
        title: "This request can't be sent as it is",
        detail: failure.message,
        hint: "Change what the message names; nothing was sent.",
      };
    case "worker":
      return {
        title: "The image request failed in the panel",
        detail: failure.message,
        hint: "Try again; the worker restarts if it crashed.",
        action: "retry",
      };
    case "main":
      return explainExport(failure.code, failure.message);
  }
}

/** The selection's export (for "Use selection as reference") failed. */
function explainExport(code: Extract<ModelJobFailure, { kind: "main" }>["code"], message: string): Explanation {
  switch (code) {
    case "empty-selection":
      return {
        title: "Select a frame to use it as the reference",
        detail: message,
        hint: "Or untick “Use selection as reference”.",
      };
    case "unsupported-node":
      return {
        title: "This selection can't be exported as a reference",
        detail: message,
        hint: "Select a frame, component or group instead.",
      };
    case "too-large":
      return {
        title: "The selection is too large to export",
        detail: message,
        hint: "Select a smaller frame, or one of the frames inside it.",
      };
    case "export-failed":
      return {
        title: "Figma could not export the selection",
        detail: message,
        hint: "Try again; if it keeps failing, reselect the frame.",
        action: "retry",
      };
    case "cancelled":
      return { title: "Cancelled" };
    default:
      return { title: "Something went wrong in the plugin", detail: `${message} (${code})`, action: "retry" };
  }
}
