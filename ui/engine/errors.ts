/**
 * How a request to the engine fails, as the panels tell the cases apart: a failure reply (contract/failure.ts's one
 * shape) arrives as a FigmentError of the kind the job threw, a model failure as a ModelFailure (its reason and data),
 * a stop as kernel/cancelled.ts's Cancelled; a worker that stopped is a `crashed` FigmentError.
 */
import { MODEL_ERROR_KIND } from "../../ai/errors/error-kinds.js";
import { FigmentError } from "../../kernel/errors.js";
import { fromFailure, type Failure } from "../../contract/failure.js";
import { isModelReason, type ModelFailureData } from "./protocol/common.js";

/** A model request failed: the typed reason and next step travel as data from the worker. */
export class ModelFailure extends FigmentError {
  override name = "ModelFailure";
  constructor(
    message: string,
    readonly model: ModelFailureData,
  ) {
    super(MODEL_ERROR_KIND[model.kind], message, { reason: model.kind });
  }
}

/**
 * The engine's own reading of a failure, for every host of it: one with a model reason and its data is a
 * ModelFailure; the rest (and a stop: the model client's Cancelled, kind `cancelled`) the request idiom reads.
 */
export function decodeFailure(failure: Failure<unknown>): FigmentError | undefined {
  if (failure.data === undefined || !isModelReason(failure.reason)) return undefined;
  return new ModelFailure(failure.message, {
    kind: failure.reason,
    ...(failure.data as Omit<ModelFailureData, "kind">),
  });
}

/** A failure reply as the error the engine's host rejects with (for a host without the request idiom: a test's). */
export const failureError = (failure: Failure<unknown>): FigmentError => fromFailure(failure, decodeFailure);
