/**
 * A batch run live: one image request per item, a few at a time, each item's progress, a failed item retried
 * alone, Cancel keeping what finished, the first image accepted as the style's reference, and every result
 * placed in the batch's grid frame.
 */
import type { BatchSessionDeps } from "../deps.js";
import type { BatchPlan } from "../plan.js";

export interface BatchRun {
  /** A run is under way or its results are on show. */
  active: boolean;
  start(plan: BatchPlan): void;
}

export function useBatchRun(_deps: BatchSessionDeps): BatchRun {
  return { active: false, start: () => undefined };
}
