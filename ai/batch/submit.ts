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
import { ModelError, toModelError } from "../errors.js";
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

/** Copies what `retrieve` (or `create`) said about the batch into the run. */
export function applyBatch(run: BatchRun, batch: Batch): void {
  run.batchId = batch.id;
  run.status = batch.status;
  if (batch.request_counts) run.counts = { total: batch.request_counts.total, completed: batch.request_counts.completed, failed: batch.request_counts.failed };
  if (batch.output_file_id) run.outputFileId = batch.output_file_id;
  if (batch.error_file_id) run.errorFileId = batch.error_file_id;
  const errors = batch.errors?.data?.map((e) => `${e.line != null ? `line ${e.line}: ` : ""}${e.message ?? e.code ?? "error"}`);
  if (errors?.length) run.errors = errors;
}

/** Builds the JSONL (BatchInputError when it cannot be built: nothing written), records, then submits. */
export async function startBatch(client: OpenAI, store: BatchStore, plan: NewBatch, options: StepOptions = {}): Promise<BatchRecord> {
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
export async function submitRun(client: OpenAI, store: BatchStore, record: BatchRecord, index: number, options: StepOptions = {}): Promise<BatchRecord> {
  const run = record.runs[index];
  if (!run) throw new RangeError(`no run ${index}`);
  const request = options.signal ? { signal: options.signal } : undefined;
  const resuming = run.inputFileId !== undefined;
  try {
    if (!run.inputFileId) {
      const text = await store.readText(run.input);
      if (text === undefined) throw new ModelError("bad-output", `the batch input ${run.input} is missing from the folder; it cannot be uploaded`);
      const file = await client.files.create({ file: await toFile(new TextEncoder().encode(text), run.input, { type: "application/jsonl" }), purpose: "batch" }, request);
      run.inputFileId = file.id;
      await store.save(record);
    }
    if (!run.batchId) {
      const inputFileId = run.inputFileId;
      const made = resuming ? (await client.batches.list({ limit: 100 }, request)).data.find((b) => b.input_file_id === inputFileId) : undefined;
      const batch = made ?? await client.batches.create(
        { input_file_id: run.inputFileId, endpoint: record.endpoint, completion_window: "24h", metadata: { figment: record.kind, ...(run.resubmitOf ? { resubmit_of: run.resubmitOf } : {}) } },
        request,
      );
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
