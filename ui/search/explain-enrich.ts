/**
 * What to tell the designer about a stopped "search by meaning" run, in Search's terms (captions, embeddings). Pure.
 */
import {
  explainModelFailure,
  MODEL_FAILURE_TEXT,
  type Explanation,
  type FailureWords,
} from "../model/explain-model.js";
import type { EnrichFailure } from "./use-enrich.js";

export const ENRICH_FAILURE_TEXT: FailureWords = {
  ...MODEL_FAILURE_TEXT,
  "model-not-found": {
    title: "A Search model was not found",
    next: "Check the caption and embedding models in Settings → Search; the endpoint must know both.",
  },
  "bad-request": {
    title: "The provider rejected the request",
    next: "Check in Settings → Search that the caption model takes images and that the endpoint serves /embeddings.",
  },
  moderation: {
    title: "Refused by the provider's safety system",
    next:
      "The provider refused a frame's picture; the frames described " +
      "so far are kept. Try again, or use another caption model.",
  },
  timeout: {
    title: "The model took too long",
    next: "Try again (what was made is kept), or raise the timeout in Settings.",
  },
  refusal: { title: "The model declined", next: "The model declined to describe a frame; try another caption model." },
  truncated: { title: "An answer was cut off", next: "The connection dropped; try again — what was made is kept." },
  "bad-output": {
    title: "The model's answer could not be used",
    next: "Try again, or pick another caption or embedding model in Settings → Search.",
  },
};

export function explainEnrichFailure(failure: EnrichFailure): Explanation {
  if (failure.kind === "model") return explainModelFailure(failure.message, failure.model, ENRICH_FAILURE_TEXT);
  return {
    title: "Search by meaning stopped",
    detail: failure.message,
    hint: "Try again; what was made is kept.",
    action: "retry",
  };
}
