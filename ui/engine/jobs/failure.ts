/**
 * Every error of a job becomes its failure reply here, in one place: a model client's typed error keeps its
 * reason, status and retry-after (the panel explains it by reason); an input the job could not use (an input
 * FigmentError: not Figma JSON, an empty design, an analysis without its frames, image options or a plan that
 * cannot be sent, a model's rows that do not fit the parameters) is `bad`; anything else is a plain failure.
 * Errors do not survive postMessage with their class, so they go as data.
 */
import { ModelError } from "../../../ai/errors/model-error.js";
import { SdError } from "../../../ai/sdnext/errors.js";
import { isBuiltInError, kindOf } from "../../../kernel/errors.js";
import type { EngineFailure } from "../protocol/index.js";

/** What the user reads for an internal error; the error itself goes to the console, where a bug report finds it. */
export const INTERNAL_FAILURE =
  "Figment hit an internal error and stopped this job; nothing was changed. The details are in the browser console.";

export function failureOf(id: string, error: unknown): EngineFailure {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof ModelError) {
    const { reason, status, retryAfterMs } = error;
    const sd = error instanceof SdError ? { sd: error.problem } : {};
    return {
      id,
      ok: false,
      error: message,
      bad: false,
      model: {
        kind: reason,
        ...(status !== undefined ? { status } : {}),
        ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
        ...sd,
      },
    };
  }
  if (kindOf(error) === "input") return { id, ok: false, error: message, bad: true };
  // JavaScript's own errors are a fault of the engine's, whose message ("x.trim is not a function") means nothing to a
  // user.
  if (isBuiltInError(error)) {
    console.error("Figment engine: internal error", error);
    return { id, ok: false, error: INTERNAL_FAILURE, bad: false };
  }
  return { id, ok: false, error: message, bad: false };
}
