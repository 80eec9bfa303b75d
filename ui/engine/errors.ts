/**
 * How a request to the engine fails, as the panels tell the cases apart: a failure reply's input fault is an
 * `input` FigmentError (`internal` otherwise), a worker that stopped is a `crashed` one, a model failure is a
 * ModelFailure (its data), a cancel is kernel/cancelled.ts's Cancelled.
 */
import { MODEL_ERROR_KIND } from "../../ai/errors/error-kinds.js";
import { FigmentError } from "../../kernel/errors.js";
import { Cancelled } from "../../kernel/cancelled.js";
import type { EngineFailure, ModelFailureData } from "./protocol/index.js";

/** A model request failed: the typed reason and next step travel as data from the worker. */
export class ModelFailure extends FigmentError {
  override name = "ModelFailure";
  constructor(
    message: string,
    readonly model: ModelFailureData,
  ) {
    super(MODEL_ERROR_KIND[model.kind], message);
  }
}

/**
 * A failure reply as the error the panels tell apart, in one place for every host of the engine: a job stopped by
 * its abort (the model client's "aborted") is the one `Cancelled`; `bad` (the input was unusable) is an input error.
 */
export function failureError(reply: EngineFailure): Error {
  if (reply.model?.kind === "aborted") return new Cancelled(reply.error);
  return reply.model
    ? new ModelFailure(reply.error, reply.model)
    : new FigmentError(reply.bad ? "input" : "internal", reply.error);
}
