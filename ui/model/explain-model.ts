/**
 * The panels' words for a failed model request: a title by kind, the provider's message, what to do next and
 * one button. ai/ only says what happened; each panel may say the next step in its own terms (the image
 * panel speaks of prompts and sizes, the code panel of frames and files). The CLI has its own sentences.
 */
import type { ModelFailureData } from "../engine/protocol/index.js";

export interface Explanation {
  title: string;
  /** The message from the main thread, the worker or the provider, as it came. */
  detail?: string;
  /** What to do about it. */
  hint?: string;
  /** The button to offer: run it again, export again, or open Settings. */
  action?: "retry" | "export-again" | "settings";
}

export type ModelFailureKind = ModelFailureData["kind"];
export type FailureWords = Readonly<Record<ModelFailureKind, { title: string; next: string }>>;

export const MODEL_FAILURE_TEXT: FailureWords = {
  "missing-key": { title: "No API key yet", next: "Add an API key for this provider in Settings." },
  unauthorized: {
    title: "The API key was not accepted",
    next: "Check the API key in Settings: the provider did not accept it.",
  },
  forbidden: {
    title: "This key cannot use this model",
    next: "Your key has no access to this model or endpoint; check the account's permissions or pick another model.",
  },
  "model-not-found": {
    title: "The model was not found",
    next: "Check the model name and base URL in Settings; the endpoint does not know this model.",
  },
  "rate-limited": {
    title: "Rate limited by the provider",
    next: "Wait a moment and try again, or check your plan's rate limits and credit.",
  },
  "bad-request": {
    title: "The provider rejected the request",
    next: "The endpoint rejected the request; check the model supports images and structured output.",
  },
  moderation: {
    title: "Refused by the provider's safety system",
    next: "The provider's safety system refused this request; reword your instructions and try again.",
  },
  server: { title: "The provider had a server error", next: "The provider had a server error; try again in a minute." },
  timeout: {
    title: "The model took too long",
    next: "The model took too long; try again, use a smaller frame, or raise the timeout.",
  },
  offline: {
    title: "Could not reach the model",
    next: "Could not reach the endpoint; check your connection and the base URL in Settings.",
  },
  refusal: {
    title: "The model declined",
    next: "The model declined this request; rephrase your instructions or try another model.",
  },
  truncated: {
    title: "The answer was cut off",
    next: "The output was cut off; try a smaller frame or ask for fewer files.",
  },
  "bad-output": {
    title: "The model's answer could not be read",
    next: "The model's reply could not be read; try again or use another model.",
  },
  unknown: {
    title: "The model request failed",
    next: "Try again; if it keeps failing, check the settings and the provider's status page.",
  },
};

/** Kinds the user fixes in Settings (key, model, base URL). */
export const SETTINGS_KINDS: ReadonlySet<ModelFailureKind> = new Set([
  "missing-key",
  "unauthorized",
  "forbidden",
  "model-not-found",
  "bad-request",
]);

/** A failed model request explained with `words` (a panel's own, or the shared ones). */
export function explainModelFailure(
  message: string,
  model: ModelFailureData,
  words: FailureWords = MODEL_FAILURE_TEXT,
): Explanation {
  return {
    title: words[model.kind].title,
    detail:
      model.status !== undefined && !message.includes(String(model.status))
        ? `${message} (HTTP ${model.status})`
        : message,
    hint: words[model.kind].next,
    action: SETTINGS_KINDS.has(model.kind) ? "settings" : "retry",
  };
}
