/** How a request to the engine fails, as the panels tell the cases apart. */
import type { ModelFailureData } from "./protocol/index.js";

export class WorkerCrashError extends Error {
  override name = "WorkerCrashError";
}

export class WorkerCancelledError extends Error {
  override name = "WorkerCancelledError";
  constructor() {
    super("Cancelled");
  }
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
