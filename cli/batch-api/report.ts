/** What `figment batch` prints: the status per run and line counts, what collect wrote and what failed, --json. */
import type { CollectReport } from "../../ai/batch/collect.js";
import { lineLabel, type BatchRecord } from "../../ai/batch/record.js";
import type { BatchStatus } from "../../ai/batch/status.js";
import type { ModelErrorKind } from "../../ai/errors/classify.js";
import type { Output } from "../common/design-files.js";
import { plural } from "../../kernel/plural.js";

/** Next steps in batch terms where the model command's would mislead (a 404 here is a batch or file, not a model). */
export const BATCH_STEPS: Partial<Record<ModelErrorKind, (env: string) => string>> = {
  "model-not-found": () =>
    "The provider does not know this batch or file: check --base-url, and that " +
    "batch.json is this account's (output files expire 30 days after the batch).",
  "bad-request": () =>
    "The provider refused the batch request; its message above says why " +
    "(the Batch API's limits: 50,000 requests and 200 MB per batch).",
};

export function printStatus(dir: string, record: BatchRecord, status: BatchStatus, io: Output): void {
  for (const [i, run] of status.runs.entries()) {
    const counts = run.counts
      ? `: ${run.counts.completed} of ${run.counts.total} answered, ${run.counts.failed} failed`
      : "";
    const label = i === 0 ? `batch ${run.batchId ?? "(not created)"}` : `  resubmit ${run.batchId ?? "(not created)"}`;
    io.out(`${label} (${record.kind}, ${record.endpoint}) ${run.status}${counts}`);
    for (const e of run.errors ?? []) io.out(`    ${e}`);
  }
  const l = status.lines;
  io.out(`lines: ${l.done} written, ${l.failed} failed, ${l.pending} pending (of ${l.total})`);
  if (status.finished && l.pending > 0)
    io.out(`the batch has ended: write its answers with figment batch collect ${dir}`);
  else if (l.failed > 0 && l.pending === 0) io.out(`send the failed lines again with figment batch resubmit ${dir}`);
}

export function printCollect(
  dir: string,
  record: BatchRecord,
  report: CollectReport,
  status: BatchStatus,
  io: Output,
): void {
  const byId = new Map(record.lines.map((l) => [l.customId, l]));
  for (const id of report.done) {
    const line = byId.get(id)!;
    io.out(`  ${lineLabel(line)} → ${(line.written ?? []).join(", ")}`);
    for (const problem of line.problems ?? []) io.err(`figment: ${lineLabel(line)}: error ${problem}`);
  }
  const failed = record.lines.filter((l) => l.state === "failed");
  for (const line of failed) io.err(`figment: ${lineLabel(line)} failed: ${line.error ?? "no reason given"}`);
  for (const skipped of report.skipped ?? []) io.err(`figment: ${skipped}`);
  const l = status.lines;
  io.out(
    `collected ${report.done.length} now; ${l.done} written, ${l.failed} failed, ${l.pending} ` +
      `pending (of ${l.total}); downloaded ${plural(report.downloaded.length, "file")}`,
  );
  if (l.pending > 0)
    io.out("the batch is still running: collect again later (figment batch status shows where it stands)");
  if (failed.length > 0) io.err(`figment: send the failed lines again with: figment batch resubmit ${dir}`);
}

export function summary(record: BatchRecord, status: BatchStatus, more: Record<string, unknown> = {}): string {
  const lines = record.lines.map((l) => ({
    customId: l.customId,
    ...(l.row !== undefined ? { row: l.row } : {}),
    ...(l.frame ? { frame: l.frame } : {}),
    state: l.state,
    ...(l.error ? { error: l.error } : {}),
    ...(l.written ? { written: l.written } : {}),
  }));
  return JSON.stringify(
    {
      kind: record.kind,
      endpoint: record.endpoint,
      finished: status.finished,
      runs: status.runs,
      counts: status.lines,
      ...more,
      lines,
    },
    null,
    2,
  );
}
