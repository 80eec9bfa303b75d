/**
 * The model client's error, apart from the classifier (classify.ts) so code that only throws or tells it apart
 * (the engine's failure replies, the body guard, the SD client) does not load the SDK's error classes.
 * Pure: no DOM, no Node. Never carries the API key.
 */
import { FigmentError } from "../../kernel/errors.js";
import { MODEL_ERROR_KIND, type ModelErrorKind } from "./error-kinds.js";

export interface ModelErrorOptions {
  status?: number;
  retryAfterMs?: number;
  requestId?: string;
  cause?: unknown;
}

/** A failed model request: its `kind` is one of Figment's few, derived from `reason`, the model client's own. */
export class ModelError extends FigmentError {
  override readonly name = "ModelError";
  override readonly reason: ModelErrorKind;
  /** HTTP status, when the error came from a response. */
  readonly status: number | undefined;
  /** For `rate-limited`: how long the provider asked us to wait, when it said so. */
  readonly retryAfterMs: number | undefined;
  readonly requestId: string | undefined;

  constructor(reason: ModelErrorKind, message: string, options: ModelErrorOptions = {}) {
    super(MODEL_ERROR_KIND[reason], message, options.cause === undefined ? {} : { cause: options.cause });
    this.reason = reason;
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
    this.requestId = options.requestId;
  }
}
