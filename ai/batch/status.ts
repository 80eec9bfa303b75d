/**
 * Where a bulk job stands: `retrieve` for every run not yet final, saved into the record, and the counts
 * per line state. Runs already collected are not asked again.
 */
import type OpenAI from "openai";
import { toModelError } from "../errors/classify.js";
import { FINAL_STATUSES, lineCounts, type BatchRecord, type LineCounts } from "./record.js";
import type { BatchStore } from "./store.js";
import { applyBatch, type StepOptions } from "./submit.js";

export interface RunStatus {
  batchId: string | undefined;
  status: string;
  counts?: { total: number; completed: number; failed: number };
  resubmitOf?: string;
  errors?: string[];
}

export interface BatchStatus {
  runs: RunStatus[];
  lines: LineCounts;
  /** Every run is final: collect can read every answer. */
  finished: boolean;
}

/** Retrieves the runs still moving and saves what changed. */
export async function refreshStatus(
  client: OpenAI,
  store: BatchStore,
  record: BatchRecord,
  options: StepOptions = {},
): Promise<BatchStatus> {
  let changed = false;
  try {
    for (const run of record.runs) {
      if (!run.batchId || run.collected || FINAL_STATUSES.has(run.status ?? "")) continue;
      applyBatch(
        run,
        await client.batches.retrieve(run.batchId, options.signal ? { signal: options.signal } : undefined),
      );
      changed = true;
    }
  } catch (error) {
    throw toModelError(error);
  } finally {
    if (changed) await store.save(record);
  }
  return statusOf(record);
}

/** The status as last recorded (no request). */
export function statusOf(record: BatchRecord): BatchStatus {
  const runs = record.runs.map((run) => ({
    batchId: run.batchId,
    status:
      run.batchId || run.status === "cancelled"
        ? (run.status ?? "unknown")
        : run.inputFileId
          ? "uploaded, batch not created"
          : "not uploaded",
    ...(run.counts ? { counts: run.counts } : {}),
    ...(run.resubmitOf ? { resubmitOf: run.resubmitOf } : {}),
    ...(run.errors ? { errors: run.errors } : {}),
  }));
  return {
    runs,
    lines: lineCounts(record),
    finished: record.runs.every(
      (run) => (run.batchId !== undefined || run.status === "cancelled") && FINAL_STATUSES.has(run.status ?? ""),
    ),
  };
}
