/**
 * Every error of a job becomes its failure reply here, in one place, in the one failure shape (contract/failure.ts):
 * a FigmentError keeps its kind, reason and message (an input the job could not use — not Figma JSON, an empty
 * design, image options or a plan that cannot be sent — is kind `input`); a model client's error also its status,
 * retry-after and an SD server's problem as `data` (the panel explains it by reason); a JavaScript error of the
 * engine's own is one sentence. Errors do not survive postMessage with their class, so they go as data.
 */
import { ModelError } from "../../../ai/errors/model-error.js";
import { SdError } from "../../../ai/sdnext/errors.js";
import { isBuiltInError } from "../../../kernel/errors.js";
import { toFailure } from "../../../contract/failure.js";
import type { EngineFailure } from "../protocol/index.js";

/** What the user reads for an internal error; the error itself goes to the console, where a bug report finds it. */
export const INTERNAL_FAILURE =
  "Figment hit an internal error and stopped this job; nothing was changed. The details are in the browser console.";

/** A non-Figment error's sentence: JavaScript's own ("x.trim is not a function") means nothing to a user. */
function internal(error: unknown): string {
  if (!isBuiltInError(error)) return error instanceof Error ? error.message : String(error);
  console.error("Figment engine: internal error", error);
  return INTERNAL_FAILURE;
}

export function failureOf(id: string, error: unknown): EngineFailure {
  const failure = toFailure(error, internal);
  if (!(error instanceof ModelError)) return { id, ok: false, failure };
  const { status, retryAfterMs } = error;
  const data = {
    ...(status !== undefined ? { status } : {}),
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    ...(error instanceof SdError ? { sd: error.problem } : {}),
  };
  return { id, ok: false, failure: { ...failure, data } };
}
