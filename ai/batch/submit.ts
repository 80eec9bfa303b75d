/**
 * Submitting a bulk job: write the input JSONL and the record, upload the file (`purpose: "batch"`), create
 * the batch (completion window 24h). The record is saved before and after each step; `submitRun` on a record
 * whose upload answered but whose batch was never created creates the batch from that file (no second
 * upload), and does nothing for a run that already has its batch. A process killed after the provider
 * created the batch but before the record said so is covered too: on resume, the batch already made from
 * the input file is adopted (listed), not created twice. Failures are ModelErrors (toModelError).
 */
import type OpenAI from "openai";
import { toFile } from "openai";
import type { Batch } from "openai/resources/batches";
import { countOf, isRecord, textOf } from "../answer/answer-shape.js";
import { isCancelled } from "../../kernel/cancelled.js";
import { ModelError, toModelError } from "../errors/classify.js";
import { batchJsonl, type BatchEndpoint, type BatchRequest } from "./lines.js";
import type { BatchLineRecord, BatchRecord, BatchRun } from "./record.js";
import type { BatchStore } from "./store.js";

export interface StepOptions {
  signal?: AbortSignal;
  /** The clock for `created` (tests fix it). */
  now?: () => Date;
}

/** A request with what it stands for locally. */
export interface PlannedLine extends BatchRequest {
  row?: number;
  frame?: { id: string; name: string };
  fileStem: string;
}

export interface NewBatch {
  kind: BatchRecord["kind"];
  endpoint: BatchEndpoint;
  baseURL: string;
  model?: string;
  code?: BatchRecord["code"];
  lines: readonly PlannedLine[];
}

/** The input file name of run `index` (0-based) in the store. */
export const inputName = (index: number): string => `input-${index + 1}.jsonl`;

/** A batch status as the Batch API words them (validating, in_progress, …): short, lower case. */
const STATUS = /^[a-z][a-z_]{0,39}$/;

/** The batch-level errors of an answer, each "line N: message" (an entry of another shape says "error"). */
function batchErrors(errors: unknown): string[] {
  const data = isRecord(errors) ? errors["data"] : undefined;
  if (!Array.isArray(data)) return [];
  return data.map((e: unknown) => {
    const line = isRecord(e) ? countOf(e["line"]) : undefined;
    const message = isRecord(e)
      ? textOf(e["message"]).trim().slice(0, 300) || textOf(e["code"]).trim().slice(0, 60)
      : "";
    return `${line !== undefined ? `line ${line}: ` : ""}${message || "error"}`;
  });
}

/**
 * Copies what `retrieve`, `create` or `cancel` said about the batch into the run; an answer that names no batch, or
 * another batch than the run's, or gives no status, is refused (`bad-output`) and the run is left as it was.
 */
export function applyBatch(run: BatchRun, batch: Batch): void {
  const answer: unknown = batch;
  if (!isRecord(answer) || typeof answer["id"] !== "string" || answer["id"] === "" || answer["id"].length > 200)
    throw new ModelError("bad-output", "The Batch API's answer names no batch (it has no id).");
  const id = answer["id"];
  if (run.batchId && id !== run.batchId)
    throw new ModelError("bad-output", `The Batch API answered about another batch than ${run.batchId}.`);
  const status = answer["status"];
  if (typeof status !== "string" || !STATUS.test(status))
    throw new ModelError("bad-output", `The Batch API's answer gives batch ${id} no status Figment can read.`);
  run.batchId = id;
  run.status = status;
  const counts: unknown = answer["request_counts"];
  if (isRecord(counts)) {
    const [total, completed, failed] = [
      countOf(counts["total"]),
      countOf(counts["completed"]),
      countOf(counts["failed"]),
    ];
    if (total !== undefined && completed !== undefined && failed !== undefined)
      run.counts = { total, completed, failed };
  }
  const fileId = (value: unknown): string | undefined =>
    typeof value === "string" && value !== "" && value.length <= 200 ? value : undefined;
  const output = fileId(answer["output_file_id"]);
  const error = fileId(answer["error_file_id"]);
  if (output) run.outputFileId = output;
  if (error) run.errorFileId = error;
  const errors = batchErrors(answer["errors"]);
  if (errors.length) run.errors = errors;
}

/** The first page of the account's batches (the SDK reads the page itself: a page of another shape is said so). */
async function listedBatches(client: OpenAI, request: { signal: AbortSignal } | undefined): Promise<unknown> {
  try {
    return (await client.batches.list({ limit: 100 }, request)).data;
  } catch (error) {
    const mapped = toModelError(error);
    throw !isCancelled(mapped) && mapped.reason === "bad-output"
      ? new ModelError(
          "bad-output",
          "The Batch API's list of batches is not in the shape it " +
            "documents; the unrecorded batch could not be looked for.",
          { cause: error },
        )
      : mapped;
  }
}

/** Builds the JSONL (an input error when it cannot be built: nothing written), records, then submits. */
export async function startBatch(
  client: OpenAI,
  store: BatchStore,
  plan: NewBatch,
  options: StepOptions = {},
): Promise<BatchRecord> {
  const text = batchJsonl(plan.lines);
  const created = (options.now?.() ?? new Date()).toISOString();
  const lines: BatchLineRecord[] = plan.lines.map((l) => ({
    customId: l.customId,
    ...(l.row !== undefined ? { row: l.row } : {}),
    ...(l.frame ? { frame: l.frame } : {}),
    fileStem: l.fileStem,
    run: 0,
    state: "pending",
  }));
  const record: BatchRecord = {
    version: 1,
    kind: plan.kind,
    endpoint: plan.endpoint,
    baseURL: plan.baseURL,
    ...(plan.model ? { model: plan.model } : {}),
    created,
    runs: [{ input: inputName(0), created }],
    lines,
    ...(plan.code ? { code: plan.code } : {}),
  };
  await store.writeText(inputName(0), text);
  await store.save(record);
  return submitRun(client, store, record, 0, options);
}

/** Uploads and creates what run `index` still lacks; saves after each step. */
export async function submitRun(
  client: OpenAI,
  store: BatchStore,
  record: BatchRecord,
  index: number,
  options: StepOptions = {},
): Promise<BatchRecord> {
  const run = record.runs[index];
  if (!run) throw new RangeError(`no run ${index}`);
  const request = options.signal ? { signal: options.signal } : undefined;
  const resuming = run.inputFileId !== undefined;
  try {
    if (!run.inputFileId) {
      const text = await store.readText(run.input);
      if (text === undefined)
        throw new ModelError(
          "bad-output",
          `the batch input ${run.input} is missing from the folder; it cannot be uploaded`,
        );
      const file = await client.files.create(
        {
          file: await toFile(new TextEncoder().encode(text), run.input, { type: "application/jsonl" }),
          purpose: "batch",
        },
        request,
      );
      const fileId: unknown = isRecord(file) ? file["id"] : undefined;
      if (typeof fileId !== "string" || fileId === "" || fileId.length > 200)
        throw new ModelError("bad-output", "The Files API's answer to the upload names no file (it has no id).");
      run.inputFileId = fileId;
      await store.save(record);
    }
    if (!run.batchId) {
      const inputFileId = run.inputFileId;
      const listed: unknown = resuming ? await listedBatches(client, request) : undefined;
      const made = Array.isArray(listed)
        ? (listed as unknown[]).find((b): b is Batch => isRecord(b) && b["input_file_id"] === inputFileId)
        : undefined;
      const batch =
        made ??
        (await client.batches.create(
          {
            input_file_id: run.inputFileId,
            endpoint: record.endpoint,
            completion_window: "24h",
            metadata: { figment: record.kind, ...(run.resubmitOf ? { resubmit_of: run.resubmitOf } : {}) },
          },
          request,
        ));
      applyBatch(run, batch);
      await store.save(record);
    }
  } catch (error) {
    throw toModelError(error);
  }
  return record;
}

/** Runs that were interrupted before their batch existed (resume them with submitRun); not those cancelled since. */
export function unsubmittedRuns(record: BatchRecord): number[] {
  return record.runs.flatMap((run, i) => (run.batchId || run.status === "cancelled" ? [] : [i]));
}
