/** How a request to the engine fails, as the panels tell the cases apart (a cancel is contract/cancelled.ts's Cancelled). */
import { Cancelled } from "../../contract/cancelled.js";
import type { EngineFailure, ModelFailureData } from "./protocol/index.js";

export class WorkerCrashError extends Error {
  override name = "WorkerCrashError";
}

/** The worker answered with an error: `bad` when the input itself was unusable (not Figma JSON, empty). */
export class CodegenError extends Error {
  override name = "CodegenError";
  constructor(
    message: string,
    readonly bad: boolean,
  ) {
    super(message);
  }
}

/** A model request failed: the typed kind and next step travel as data from the worker. */
export class ModelFailure extends Error {
  override name = "ModelFailure";
  constructor(
    message: string,
    readonly model: ModelFailureData,
  ) {
    super(message);
  }
}

/**
 * A failure reply as the error the panels tell apart, in one place for every host of the engine: a job stopped by
 * its abort (the model client's "aborted") is the one `Cancelled`.
 */
export function failureError(reply: EngineFailure): Error {
  if (reply.model?.kind === "aborted") return new Cancelled(reply.error);
  return reply.model ? new ModelFailure(reply.error, reply.model) : new CodegenError(reply.error, reply.bad);
}
