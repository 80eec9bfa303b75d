/**
 * How the panel folds a collect into the stored record. The worker's collect marks every answered line done,
 * but the panel keeps a line pending until its image is placed (results are not kept in clientStorage: too
 * big), so a line not yet placed is fetched again next time; a placed line is done and never fetched or
 * placed twice; a run whose lines are all settled is marked collected and never downloaded again. Pure.
 */
import { FINAL_STATUSES, type BatchRecord, type BatchRun } from "../../../../ai/batch/record.js";

const clone = (record: BatchRecord): BatchRecord => structuredClone(record);

/** A run is collected once final and none of its lines waits. */
function settleRuns(record: BatchRecord): BatchRecord {
  record.runs.forEach((run: BatchRun, index) => {
    const waiting = record.lines.some((l) => l.run === index && l.state === "pending");
    if (run.batchId && FINAL_STATUSES.has(run.status ?? "") && !waiting) run.collected = true;
    else delete run.collected;
  });
  return record;
}

/**
 * The stored record after a collect: the runs' status as the worker saw it, the failed lines failed with
 * their reason; answered lines stay pending until placed (markPlaced), and a run stays uncollected until then.
 */
export function afterCollect(stored: BatchRecord, collected: BatchRecord): BatchRecord {
  const next = clone(stored);
  next.runs = collected.runs.map((run) => ({ ...run }));
  const byId = new Map(collected.lines.map((l) => [l.customId, l]));
  next.lines = next.lines.map((line) => {
    const seen = byId.get(line.customId);
    if (line.state !== "pending" || seen?.state !== "failed") return line;
    return { ...line, state: "failed", error: seen.error ?? "failed" };
  });
  return settleRuns(next);
}

/** The line `customId` placed as these layers: done, for good. */
export function markPlaced(record: BatchRecord, customId: string, layerIds: readonly string[]): BatchRecord {
  const next = clone(record);
  next.lines = next.lines.map((line) =>
    line.customId === customId ? { ...line, state: "done", written: [...layerIds] } : line,
  );
  return settleRuns(next);
}

/** Lines answered but not placed yet (the worker said done; the stored record still waits for them). */
export function awaitingPlacement(record: BatchRecord): string[] {
  return record.lines
    .filter(
      (l) =>
        l.state === "pending" && record.runs[l.run]?.batchId && FINAL_STATUSES.has(record.runs[l.run]?.status ?? ""),
    )
    .map((l) => l.customId);
}
