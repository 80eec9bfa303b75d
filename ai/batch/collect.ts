/**
 * Collecting a bulk job: each final run's output and error files are downloaded once (kept in the store
 * before any line is read, so a crash while writing never costs a second download), each answer is handed
 * to the caller's writer (images: the file; code: the project pass), and each line becomes done or failed.
 * Lines already done are skipped, a run whose every line is settled is not downloaded at all: collecting
 * twice fetches nothing the second time. Lines a final run never answered fail with the batch's reason.
 */
import type OpenAI from "openai";
import { isRecord, textOf } from "../answer/answer-shape.js";
import { ModelError, toModelError } from "../errors/classify.js";
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
  /**
   * Lines of the files that answer no request of the batch (damaged beyond naming one, or naming another), each in a
   * sentence.
   */
  skipped?: string[];
}

/** Save the record after this many lines (and at the end of each file): a crash redoes at most these. */
const SAVE_EVERY = 25;

export const downloadName = (fileId: string): string => `downloads/${fileId}.jsonl`;

/** A provider's text field as one short line (a code or a message of another type says nothing). */
const said = (value: unknown): string => textOf(value).replace(/\s+/g, " ").trim().slice(0, 300);

/** The provider's reason a line failed; undefined when it succeeded. */
export function failureOf(line: BatchOutputLine): string | undefined {
  const error: unknown = line.error;
  if (error !== null && error !== undefined) {
    const code = isRecord(error) ? said(error["code"]) : "";
    return `${(isRecord(error) ? said(error["message"]) : said(error)) || "failed"}${code ? ` (${code})` : ""}`;
  }
  const response: unknown = line.response;
  if (!isRecord(response)) return "no response";
  const status = response["status_code"];
  if (typeof status !== "number" || !Number.isFinite(status)) return "its answer has no status code";
  if (status >= 200 && status < 300) return undefined;
  const body = response["body"];
  const failure: unknown = isRecord(body) ? body["error"] : undefined;
  const message = isRecord(failure) ? said(failure["message"]) : "";
  const code = isRecord(failure) ? said(failure["code"]) : "";
  return `${status}: ${message || "failed"}${code ? ` (${code})` : ""}`;
}

/**
 * One row of an output or error file: its answer, or why it cannot be read (with the request it names, when it names
 * one).
 */
export type OutputRow = { row: number; answer: BatchOutputLine } | { row: number; damaged: string; customId?: string };

/** The custom id a damaged row still names (a row cut after its id, a field of the wrong type). */
function namedId(text: string): string | undefined {
  const match = /"custom_id"\s*:\s*("(?:[^"\\]|\\.)*")/.exec(text);
  if (!match?.[1]) return undefined;
  try {
    const id: unknown = JSON.parse(match[1]);
    return typeof id === "string" && id !== "" ? id : undefined;
  } catch {
    return undefined;
  }
}

/** Every non-blank row of a file, numbered from 1 as an editor counts them. */
export function readOutputRows(text: string): OutputRow[] {
  const rows: OutputRow[] = [];
  for (const [index, row] of text.split("\n").entries()) {
    if (row.trim() === "") continue;
    let value: unknown;
    try {
      value = JSON.parse(row);
    } catch {
      const customId = namedId(row);
      rows.push({ row: index + 1, damaged: "it is cut or not JSON", ...(customId ? { customId } : {}) });
      continue;
    }
    const customId = isRecord(value) ? value["custom_id"] : undefined;
    if (typeof customId === "string" && customId !== "")
      rows.push({ row: index + 1, answer: value as unknown as BatchOutputLine });
    else
      rows.push({
        row: index + 1,
        damaged: isRecord(value) ? "it names no request (no custom_id)" : "it is JSON but not an answer object",
        ...(namedId(row) ? { customId: namedId(row)! } : {}),
      });
  }
  return rows;
}

/** The answers of a file whose rows can be read (damaged rows left out). */
export function parseOutputLines(text: string): BatchOutputLine[] {
  return readOutputRows(text).flatMap((row) => ("answer" in row ? [row.answer] : []));
}

async function fileText(
  client: OpenAI,
  store: BatchStore,
  fileId: string,
  report: CollectReport,
  options: StepOptions,
): Promise<string> {
  const kept = await store.readText(downloadName(fileId));
  if (kept !== undefined) return kept;
  try {
    const response: Response | null = await client.files.content(
      fileId,
      options.signal ? { signal: options.signal } : undefined,
    );
    const text = response ? await response.text() : "";
    // A file with no answer to read is not kept: collecting again downloads it again, rather than failing every line.
    if (!readOutputRows(text).some((row) => "answer" in row || row.customId !== undefined))
      throw new ModelError(
        "bad-output",
        `The Files API sent file ${fileId} ` +
          `${text.trim() ? "without one answer line Figment can read" : "empty"}; nothing was collected from it.`,
      );
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
  if (run.status === "cancelled")
    return run.batchId
      ? "the batch was cancelled before this request ran"
      : "the batch was cancelled before it was created";
  return "the batch's files hold no answer for this request";
}

/** An id as a report quotes it: at most 60 characters. */
const quoted = (id: string): string => JSON.stringify(id.length > 60 ? `${id.slice(0, 59)}…` : id);

/**
 * Reads every final run's answers into the record through `write`. Call refreshStatus first. A row that cannot be
 * read fails the line it names with the reason (a later row answering that line whole still counts); a row naming
 * no line of the batch is skipped and said in `skipped`. What was settled is saved whatever stops the collect.
 */
export async function collectBatch(
  client: OpenAI,
  store: BatchStore,
  record: BatchRecord,
  write: LineWriter,
  options: StepOptions = {},
): Promise<CollectReport> {
  const report: CollectReport = { done: [], failed: [], downloaded: [] };
  const skipped: string[] = [];
  const known = new Set(record.lines.map((l) => l.customId));
  /** Lines settled by this call, in the order they were; a line failed by its answer may still be answered whole. */
  const settled = new Map<string, BatchLineRecord>();
  let unsaved = 0;
  try {
    for (const [index, run] of record.runs.entries()) {
      // A run without a batch is final only when it was cancelled before it was created (cancel.ts).
      if (run.collected || !FINAL_STATUSES.has(run.status ?? "") || (!run.batchId && run.status !== "cancelled"))
        continue;
      const waiting = new Map(
        record.lines.filter((l) => l.run === index && l.state === "pending").map((l) => [l.customId, l]),
      );
      const retry = new Map<string, BatchLineRecord>();
      for (const [which, fileId] of [
        ["output", run.outputFileId],
        ["error", run.errorFileId],
      ] as const) {
        if (!fileId || (waiting.size === 0 && retry.size === 0)) continue;
        for (const row of readOutputRows(await fileText(client, store, fileId, report, options))) {
          const customId = "answer" in row ? row.answer.custom_id : row.customId;
          if (customId === undefined) {
            const why = "damaged" in row ? row.damaged : "it names no request";
            skipped.push(
              `Line ${row.row} of the ${which} file was skipped: ` +
                `${why}${why.includes("names no request") ? "" : ", and no request can be told from it"}.`,
            );
            continue;
          }
          const line = waiting.get(customId) ?? retry.get(customId);
          if (!line) {
            if (!known.has(customId))
              skipped.push(
                `Line ${row.row} of the ${which} file was skipped: it answers ` +
                  `${quoted(customId)}, a request this batch never sent.`,
              );
            continue;
          }
          let result: LineWritten;
          if ("damaged" in row)
            result = { error: `its answer in the batch's ${which} file is damaged (line ${row.row}: ${row.damaged})` };
          else {
            const failure = failureOf(row.answer);
            result = failure !== undefined ? { error: failure } : await write(line, row.answer.response?.body);
          }
          // A second answer for a line already failed by this call counts only when it is whole.
          if ("error" in result && retry.has(customId)) continue;
          settle(line, result);
          settled.set(customId, line);
          waiting.delete(customId);
          if ("error" in result) retry.set(customId, line);
          else retry.delete(customId);
          if (++unsaved >= SAVE_EVERY) {
            await store.save(record);
            unsaved = 0;
          }
        }
        await store.save(record);
        unsaved = 0;
      }
      for (const line of waiting.values()) {
        settle(line, { error: runReason(run) });
        settled.set(line.customId, line);
      }
      run.collected = true;
      await store.save(record);
      unsaved = 0;
    }
  } finally {
    // A writer that stopped (a full disk) or a download that failed: what was settled is kept.
    if (unsaved > 0) await store.save(record);
  }
  for (const line of settled.values()) (line.state === "done" ? report.done : report.failed).push(line.customId);
  if (skipped.length > 0) report.skipped = skipped;
  return report;
}

function settle(line: BatchLineRecord, result: LineWritten): void {
  if ("error" in result) {
    line.state = "failed";
    line.error = result.error;
    return;
  }
  line.state = "done";
  delete line.error;
  line.written = result.written;
  if (result.problems?.length) line.problems = result.problems;
  else delete line.problems;
}
