/**
 * Collecting a bulk job: each final run's output and error files are downloaded once (kept in the store
 * before any line is read, so a crash while writing never costs a second download), each answer is handed
 * to the caller's writer (images: the file; code: the project pass), and each line becomes done or failed.
 * Lines already done are skipped, a run whose every line is settled is not downloaded at all: collecting
 * twice fetches nothing the second time. Lines a final run never answered fail with the batch's reason.
 */
import type OpenAI from "openai";
import { toModelError } from "../errors.js";
import { FINAL_STATUSES, type BatchLineRecord, type BatchRecord, type BatchRun } from "./record.js";
import type { BatchStore } from "./store.js";
import type { StepOptions } from "./submit.js";

/** What the writer made of one answer: the files written, or why the answer could not be used. */
export type LineWritten = { written: string[]; problems?: string[] } | { error: string };

export type LineWriter = (line: BatchLineRecord, body: unknown) => Promise<LineWritten>;

/** One line of an output or error file. */
export interface BatchOutputLine {
  id?: string;
  custom_id: string;
  response: { status_code: number; request_id?: string; body: unknown } | null;
  error: { code?: string | null; message?: string | null } | null;
}

export interface CollectReport {
  /** Lines settled by this call. */
  done: string[];
  failed: string[];
  /** Output and error files downloaded by this call. */
  downloaded: string[];
}

/** Save the record after this many lines (and at the end of each file): a crash redoes at most these. */
const SAVE_EVERY = 25;

export const downloadName = (fileId: string): string => `downloads/${fileId}.jsonl`;

/** The provider's reason a line failed. */
export function failureOf(line: BatchOutputLine): string | undefined {
  if (line.error) return `${line.error.message ?? "failed"}${line.error.code ? ` (${line.error.code})` : ""}`;
  const status = line.response?.status_code;
  if (status === undefined) return "no response";
  if (status >= 200 && status < 300) return undefined;
  const error = (line.response?.body as { error?: { message?: string; code?: string | null } } | undefined)?.error;
  return `${status}: ${error?.message ?? "failed"}${error?.code ? ` (${error.code})` : ""}`;
}

export function parseOutputLines(text: string): BatchOutputLine[] {
  return text
    .split("\n")
    .filter((row) => row.trim() !== "")
    .flatMap((row) => {
      try {
        const value = JSON.parse(row) as BatchOutputLine;
        return typeof value?.custom_id === "string" ? [value] : [];
      } catch {
        return []; // a damaged line leaves its request pending, then failed below with "no answer"
      }
    });
}

async function fileText(client: OpenAI, store: BatchStore, fileId: string, report: CollectReport, options: StepOptions): Promise<string> {
  const kept = await store.readText(downloadName(fileId));
  if (kept !== undefined) return kept;
  try {
    const response = await client.files.content(fileId, options.signal ? { signal: options.signal } : undefined);
    const text = await response.text();
    await store.writeText(downloadName(fileId), text);
    report.downloaded.push(fileId);
    return text;
  } catch (error) {
    throw toModelError(error);
  }
}

function runReason(run: BatchRun): string {
  if (run.status === "failed") return `the batch failed${run.errors?.length ? `: ${run.errors.join("; ")}` : ""}`;
  if (run.status === "expired") return "the batch expired (24 h) before this request ran";
  if (run.status === "cancelled") return run.batchId ? "the batch was cancelled before this request ran" : "the batch was cancelled before it was created";
  return "the batch's files hold no answer for this request";
}

/** Reads every final run's answers into the record through `write`. Call refreshStatus first. */
export async function collectBatch(client: OpenAI, store: BatchStore, record: BatchRecord, write: LineWriter, options: StepOptions = {}): Promise<CollectReport> {
  const report: CollectReport = { done: [], failed: [], downloaded: [] };
  for (const [index, run] of record.runs.entries()) {
    // A run without a batch is final only when it was cancelled before it was created (cancel.ts).
    if (run.collected || !FINAL_STATUSES.has(run.status ?? "") || (!run.batchId && run.status !== "cancelled")) continue;
    const waiting = new Map(record.lines.filter((l) => l.run === index && l.state === "pending").map((l) => [l.customId, l]));
    let unsaved = 0;
    for (const fileId of [run.outputFileId, run.errorFileId]) {
      if (!fileId || waiting.size === 0) continue;
      for (const answer of parseOutputLines(await fileText(client, store, fileId, report, options))) {
        const line = waiting.get(answer.custom_id);
        if (!line) continue;
        const failure = failureOf(answer);
        const result: LineWritten = failure ? { error: failure } : await write(line, answer.response?.body);
        settle(line, result, report);
        waiting.delete(line.customId);
        if (++unsaved >= SAVE_EVERY) {
          await store.save(record);
          unsaved = 0;
        }
      }
      await store.save(record);
    }
    for (const line of waiting.values()) settle(line, { error: runReason(run) }, report);
    run.collected = true;
    await store.save(record);
  }
  return report;
}

function settle(line: BatchLineRecord, result: LineWritten, report: CollectReport): void {
  if ("error" in result) {
    line.state = "failed";
    line.error = result.error;
    report.failed.push(line.customId);
    return;
  }
  line.state = "done";
  delete line.error;
  line.written = result.written;
  if (result.problems?.length) line.problems = result.problems;
  else delete line.problems;
  report.done.push(line.customId);
}
