/**
 * Every error of a job becomes its failure reply here, in one place: a model client's typed error keeps its
 * kind, status and retry-after (the panel explains it by kind); an input the job could not use is `bad`;
 * anything else is a plain failure. Errors do not survive postMessage with their class, so they go as data.
 */
import { AnalyzeInputError } from "../../../ai/analyze/input.js";
import { BatchInputError } from "../../../ai/batch/lines.js";
import { ImageOptionsError } from "../../../ai/image/check.js";
import { ParamsError } from "../../../ai/params/errors.js";
import { EmptyDesignError, UnknownNodeError } from "../../../codegen/load.js";
import { NotFigmaJsonError } from "../../../codegen/rest/reply.js";
import type { EngineFailure } from "../protocol/index.js";

/**
 * The request itself was unusable: not Figma JSON, an empty design, an analysis without its frames, image
 * options or a plan that cannot be sent, a model's rows that do not fit the parameters.
 */
const BAD_INPUT = [NotFigmaJsonError, EmptyDesignError, UnknownNodeError, AnalyzeInputError, ImageOptionsError, BatchInputError, ParamsError];

/** JavaScript's own errors: a fault of the engine's, whose message ("x.trim is not a function") means nothing to a user. */
const INTERNAL = [TypeError, RangeError, ReferenceError, SyntaxError, EvalError, URIError];

/** What the user reads for an internal error; the error itself goes to the console, where a bug report finds it. */
export const INTERNAL_FAILURE = "Figment hit an internal error and stopped this job; nothing was changed. The details are in the browser console.";

export async function failureOf(id: string, error: unknown): Promise<EngineFailure> {
  const message = error instanceof Error ? error.message : String(error);
  if (BAD_INPUT.some((type) => error instanceof type)) return { id, ok: false, error: message, bad: true };
  if (INTERNAL.some((type) => error instanceof type)) {
    console.error("Figment engine: internal error", error);
    return { id, ok: false, error: INTERNAL_FAILURE, bad: false };
  }
  // ai/errors.ts holds the openai SDK's error classes: imported once something failed, so offline code never loads them.
  const { ModelError } = await import("../../../ai/errors.js");
  if (!(error instanceof ModelError)) return { id, ok: false, error: message, bad: false };
  const { kind, status, retryAfterMs } = error;
  const { SdError } = await import("../../../ai/sdnext/errors.js");
  const sd = error instanceof SdError ? { sd: error.problem } : {};
  return { id, ok: false, error: message, bad: false, model: { kind, ...(status !== undefined ? { status } : {}), ...(retryAfterMs !== undefined ? { retryAfterMs } : {}), ...sd } };
}
