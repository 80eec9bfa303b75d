/**
 * A panel's model job as a Preact hook: the steps live in ModelJob (model-job.ts), the state on screen here.
 * The pieces may change every render (they close over the panel's latest values); the job's functions stay
 * the same for its whole life.
 */
import { useMemo, useState } from "preact/hooks";
import type { ConfirmBase, ModelJobState, StreamBase } from "./job-state.js";
import { ModelJob, type ModelJobContext, type ModelJobPieces } from "./model-job.js";

export interface ModelJobHandle<A, R, C extends ConfirmBase, S extends StreamBase> {
  state: ModelJobState<C, S>;
  prepare(args: A): void;
  send(): void;
  sendNow(request: R): void;
  cancel(): void;
  retry(): void;
  dismiss(): void;
}

export function useModelJob<A, R, C extends ConfirmBase, S extends StreamBase, E, T>(
  pieces: ModelJobPieces<A, R, C, S, E, T>,
  context: ModelJobContext,
): ModelJobHandle<A, R, C, S> {
  const [state, setState] = useState<ModelJobState<C, S>>({ phase: "idle" });
  const job = useMemo(() => new ModelJob(setState, pieces, context), []);
  job.pieces = pieces;
  job.context = context;
  return useMemo(
    () => ({
      state,
      prepare: job.prepare,
      send: job.send,
      sendNow: job.sendNow,
      cancel: job.cancel,
      retry: job.retry,
      dismiss: job.dismiss,
    }),
    [state, job],
  );
}
