/**
 * Cancelling a bulk job: every run still moving is cancelled at the provider (`batches.cancel`; it goes
 * cancelling → cancelled, and what it answered before stays collectable), and a run interrupted before its
 * batch existed is marked cancelled locally so no later step creates it. The record is saved after each run.
 */
import type OpenAI from "openai";
import { toModelError } from "../errors/classify.js";
import { FINAL_STATUSES, type BatchRecord } from "./record.js";
import type { BatchStore } from "./store.js";
import { applyBatch, type StepOptions } from "./submit.js";

/** Said of a run cancelled before its batch was created. */
export const CANCELLED_BEFORE_CREATE = "cancelled before the batch was created";

/** The batch ids cancelled at the provider, and how many runs were stopped before they existed. */
export interface CancelReport {
  cancelled: string[];
  neverCreated: number;
}

export async function cancelBatch(
  client: OpenAI,
  store: BatchStore,
  record: BatchRecord,
  options: StepOptions = {},
): Promise<CancelReport> {
  const report: CancelReport = { cancelled: [], neverCreated: 0 };
  for (const run of record.runs) {
    if (run.collected || FINAL_STATUSES.has(run.status ?? "") || run.status === "cancelling") continue;
    if (!run.batchId) {
      run.status = "cancelled";
      run.errors = [CANCELLED_BEFORE_CREATE];
      report.neverCreated++;
    } else {
      try {
        applyBatch(
          run,
          await client.batches.cancel(run.batchId, options.signal ? { signal: options.signal } : undefined),
        );
      } catch (error) {
        throw toModelError(error);
      }
      report.cancelled.push(run.batchId);
    }
    await store.save(record);
  }
  return report;
}
