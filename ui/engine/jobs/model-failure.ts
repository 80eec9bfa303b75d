/** A model client's typed error as the worker's failure reply (the panel explains it by kind); anything else is rethrown. */
import { ModelError } from "../../../ai/errors.js";
import type { WorkerReply } from "../protocol/index.js";

export function modelFailureReply(id: string, error: unknown): WorkerReply {
  if (!(error instanceof ModelError)) throw error;
  return {
    id,
    ok: false,
    error: error.message,
    bad: false,
    model: { kind: error.kind, ...(error.status !== undefined ? { status: error.status } : {}), ...(error.retryAfterMs !== undefined ? { retryAfterMs: error.retryAfterMs } : {}) },
  };
}
