/**
 * A pending batch in the list's words: where it stands ("in progress 3 of 8", "failed: the reason"), when it
 * was sent ("2 h ago", ui/lib/time-ago.ts), what waits for the canvas, and why a plan cannot go to the Batch API. Pure.
 */
import { FINAL_STATUSES, lineCounts, type BatchRecord } from "../../../../ai/batch/record.js";
import type { PendingBatch } from "../../../../contract/pending-batch.js";
import type { Settings } from "../../../../contract/settings.js";
import type { RowsPlan } from "../plan.js";
import { awaitingPlacement } from "./record-merge.js";

export type StatusTone = "waiting" | "done" | "failed";

/** Every run is final: nothing more will change at the provider. */
export const finished = (record: BatchRecord): boolean =>
  record.runs.every((r) => r.batchId !== undefined && FINAL_STATUSES.has(r.status ?? ""));

/** The status of the batch's latest run, with its counts. */
export function statusText(batch: PendingBatch): { text: string; tone: StatusTone } {
  const record = batch.record as BatchRecord;
  const run = record.runs.at(-1)!;
  const lines = lineCounts(record);
  if (!run.batchId)
    return { text: run.inputFileId ? "uploaded, not started — Check now resumes it" : "sending…", tone: "waiting" };
  switch (run.status) {
    case "validating":
      return { text: "validating", tone: "waiting" };
    case "in_progress": {
      const c = run.counts;
      return {
        text: c && c.total > 0 ? `in progress ${c.completed + c.failed} of ${c.total}` : "in progress",
        tone: "waiting",
      };
    }
    case "finalizing":
      return { text: "finalizing", tone: "waiting" };
    case "failed":
      return { text: `failed: ${run.errors?.[0] ?? "the batch was refused"}`, tone: "failed" };
    case "expired":
      return { text: `expired (24 h)${lines.failed > 0 ? ` · ${lines.failed} not made` : ""}`, tone: "failed" };
    case "cancelling":
    case "cancelled":
      return { text: run.status, tone: "failed" };
    case "completed": {
      const waiting = awaitingPlacement(record).length;
      if (waiting > 0) return { text: `completed · ${waiting} to insert`, tone: "waiting" };
      return {
        text: lines.failed > 0 ? `completed · ${lines.failed} failed` : "completed",
        tone: lines.failed > 0 ? "failed" : "done",
      };
    }
    default:
      return { text: run.status ?? "unknown", tone: "waiting" };
  }
}

/** Why this plan cannot go to the Batch API with these settings; undefined when it can. Nothing is sent before. */
export function batchRefusal(plan: RowsPlan, settings: Pick<Settings, "provider">): string | undefined {
  if (settings.provider !== "openai")
    return (
      `The Batch API is OpenAI's: the provider in Settings is ` +
      `${settings.provider === "openrouter" ? "OpenRouter" : "a custom endpoint"}` +
      `. Choose OpenAI in Settings, or generate the images live.`
    );
  if (plan.items.length === 0) return "The batch has no rows.";
  if (plan.style.references.length > 0)
    return (
      "Reference images need an image edit, which the Batch API does " +
      "not run: remove the references, or generate the images live."
    );
  if (plan.acceptFirst)
    return (
      "“Accept the first image” needs the first image before the others are sent; a " +
      "Batch API batch sends every row at once. Turn it off, or generate the images live."
    );
  if (plan.reasonFirst)
    return "The Batch API here sends Images API requests: turn off “Reason first”, or generate the images live.";
  return undefined;
}

/** Lines that failed, with their reasons (row and prompt for the list). */
export function failedLines(batch: PendingBatch): { row: number | undefined; prompt: string; error: string }[] {
  const prompts = new Map(batch.items.map((i) => [i.row, i.prompt]));
  return batch.record.lines
    .filter((l) => l.state === "failed")
    .map((l) => ({
      row: l.row,
      prompt: (l.row !== undefined ? prompts.get(l.row) : undefined) ?? l.customId,
      error: l.error ?? "failed",
    }));
}
