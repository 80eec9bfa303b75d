/**
 * The Batch API steps as fuzz targets (issue 38): submit (upload, create), status (retrieve), collect (the output
 * and error files' JSON lines, through the CLI's image writer), resubmit, cancel, and a resumed submit that reads
 * the batch list. Each step's answers are recorded once from the OpenAI-wire test server; a case replays them
 * with one answer mutated, on a fresh copy of the record in a store held in memory. A step ends in a result, a
 * ModelError or the batch's own refusal (an input FigmentError); whatever it ends in, the record it saved must read
 * back (readRecord) — a record that cannot be read again loses every answer it held.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type OpenAI from "openai";
import { cancelBatch } from "../../ai/batch/cancel.js";
import { collectBatch, type CollectReport } from "../../ai/batch/collect.js";
import { readRecord, type BatchRecord } from "../../ai/batch/record.js";
import { resubmitFailed } from "../../ai/batch/resubmit.js";
import { refreshStatus, statusOf } from "../../ai/batch/status.js";
import type { BatchStore } from "../../ai/batch/store.js";
import { startBatch, submitRun, type PlannedLine } from "../../ai/batch/submit.js";
import { ModelError } from "../../ai/errors/classify.js";
import { createClient } from "../../ai/client/providers.js";
import { imageWriter } from "../../cli/batch-api/images.js";
import type { OpenAiTestServer } from "../openai-server/server.js";
import { erased, type AnyFuzzTarget } from "./targets-image.js";
import { recordAnswers, type Endpoint } from "./wire.js";
import { isFigmentError } from "../../kernel/errors.js";

const NOWHERE = "http://fuzz.invalid/v1";
const NOW = (): Date => new Date("2026-01-01T00:00:00.000Z");

/** A store in memory: the record as JSON (what a folder or clientStorage keeps), the kept texts by name. */
export function memoryStore(initial?: {
  record?: BatchRecord;
  texts?: Record<string, string>;
}): BatchStore & { texts: Map<string, string> } {
  let saved = initial?.record ? JSON.stringify(initial.record) : undefined;
  const texts = new Map(Object.entries(initial?.texts ?? {}));
  return {
    texts,
    load: async () => (saved === undefined ? undefined : readRecord(JSON.parse(saved))),
    save: async (record) => {
      saved = JSON.stringify(record);
    },
    readText: async (name) => texts.get(name),
    writeText: async (name, text) => void texts.set(name, text),
  };
}

const client = (baseURL: string, fetchFn: typeof fetch, timeoutMs = 30): OpenAI =>
  createClient({ apiKey: "sk-fuzz", baseURL, headers: {} }, { timeoutMs, maxRetries: 0, fetch: fetchFn });

/** Five rows of 16×16 images; rows 4 and 5 fail (the error file has two lines too). */
const ROWS: PlannedLine[] = Array.from({ length: 5 }, (_, i) => ({
  customId: `row-${i + 1}`,
  url: "/v1/images/generations",
  body: { model: "gpt-image-1", prompt: `A hero image, variant ${i + 1}`, size: "1024x1024", quality: "low", n: 1 },
  row: i + 1,
  fileStem: `${i + 1}-hero`,
}));
const PLAN = { kind: "images" as const, endpoint: "/v1/images/generations" as const, baseURL: NOWHERE, lines: ROWS };
const script = (server: OpenAiTestServer): void =>
  server.batches.script({
    fail: (id) => id === "row-4" || id === "row-5",
    answer: () => ({ kind: "image", options: { size: { width: 16, height: 16 } } }),
  });

/** What a step shows: the runs' status and errors, each line's reason and problems. */
function shownOf(record: BatchRecord): string[] {
  const status = statusOf(record);
  return [
    ...status.runs.flatMap((run) => [run.status, ...(run.errors ?? [])]),
    ...record.lines.flatMap((line) => [line.error ?? "", ...(line.problems ?? [])]),
  ];
}

/** The record as the next step reads it again: a step that saved an unreadable record lost its answers. */
async function reread(store: BatchStore): Promise<BatchRecord> {
  const record = await store.load();
  if (!record) throw new Error("the step saved no record");
  return record;
}

/**
 * Nothing collected is lost: each answer row of the output file that arrived whole wrote its line, and every line
 * that was not written says why. Throws (a defect) otherwise.
 */
function keptWhole(record: BatchRecord, downloaded: string | undefined, originals: ReadonlySet<string>): void {
  for (const row of downloaded?.split("\n") ?? []) {
    if (!originals.has(row)) continue;
    const id = (JSON.parse(row) as { custom_id: string }).custom_id;
    const line = record.lines.find((l) => l.customId === id);
    if (line?.state !== "done")
      throw new Error(`line ${id} arrived whole but ended ${line?.state ?? "missing"}: ${line?.error ?? ""}`);
  }
  const silent = record.lines.find((l) => l.state === "failed" && !l.error?.trim());
  if (silent) throw new Error(`line ${silent.customId} failed without a reason`);
}

/** A batch's steps recorded: submitted, retrieved to completion, collected. */
async function lifecycle(
  endpoint: Endpoint,
  fetchFn: typeof fetch,
  dir: string,
): Promise<{ record: BatchRecord; texts: Record<string, string>; report: CollectReport }> {
  const c = client(endpoint.baseURL, fetchFn, 10_000);
  const store = memoryStore();
  let record = await startBatch(c, store, { ...PLAN, baseURL: endpoint.baseURL }, { now: NOW });
  for (let i = 0; i < 3; i++) await refreshStatus(c, store, record);
  record = await reread(store);
  const report = await collectBatch(c, store, record, imageWriter(dir));
  return { record: await reread(store), texts: Object.fromEntries(store.texts), report };
}

const refusal = (error: unknown): string | undefined =>
  error instanceof ModelError || isFigmentError(error, "input") ? error.message : undefined;

/** The batch targets: each recorded once against the test server, its success checked. */
export async function batchTargets(): Promise<AnyFuzzTarget[]> {
  const dir = mkdtempSync(join(tmpdir(), "figment-fuzz-batch-"));
  const targets: AnyFuzzTarget[] = [];

  // The whole life of a batch: upload, create, three retrieves, the output and error files.
  const whole = await recordAnswers(
    [],
    (endpoint, fetchFn) => lifecycle(endpoint, fetchFn, join(dir, "recorded")),
    script,
  );
  if (whole.result.report.done.length !== 3 || whole.result.report.failed.length !== 2)
    throw new Error(`recording the batch's life gave ${JSON.stringify(whole.result.report)}`);
  let cases = 0;
  targets.push(
    erased<BatchRecord>({
      name: "batch-life",
      answers: whole.answers,
      refusal,
      run: async (fetchFn) => {
        const c = client(NOWHERE, fetchFn);
        const store = memoryStore();
        try {
          const record = await startBatch(c, store, PLAN, { now: NOW });
          for (let i = 0; i < 3; i++) await refreshStatus(c, store, record);
          await collectBatch(c, store, await reread(store), imageWriter(join(dir, `life-${++cases}`)));
        } finally {
          await store.load().catch((error: unknown) => {
            throw new Error(`the saved record cannot be read again: ${String(error)}`);
          });
        }
        return reread(store);
      },
      shown: shownOf,
    }),
  );

  // Collect alone, from a completed batch: the mutations fall on the two files' lines.
  const completed = structuredClone(whole.result.record);
  for (const line of completed.lines) {
    line.state = "pending";
    delete line.error;
    delete line.written;
  }
  delete completed.runs[0]!.collected;
  const collectAnswers = whole.answers.slice(-2);
  const [outputFile] = collectAnswers;
  const originalOutput = new Set(new TextDecoder().decode(outputFile?.body).split("\n").filter(Boolean));
  targets.push(
    erased<BatchRecord>({
      name: "batch-collect",
      answers: collectAnswers,
      refusal,
      run: async (fetchFn) => {
        const store = memoryStore({ record: completed });
        await collectBatch(
          client(NOWHERE, fetchFn),
          store,
          await reread(store),
          imageWriter(join(dir, `collect-${++cases}`)),
        );
        const record = await reread(store);
        keptWhole(record, store.texts.get(`downloads/${completed.runs[0]!.outputFileId}.jsonl`), originalOutput);
        return record;
      },
      shown: shownOf,
    }),
  );

  // Resubmit the two failed rows: an upload and a create.
  const collected = whole.result.record;
  const again = await recordAnswers([], async (endpoint, fetchFn) => {
    const store = memoryStore({ record: collected, texts: whole.result.texts });
    return resubmitFailed(client(endpoint.baseURL, fetchFn, 10_000), store, await reread(store), { now: NOW });
  });
  if (again.result?.lines !== 2) throw new Error("recording the resubmit sent no lines");
  targets.push(
    erased<BatchRecord>({
      name: "batch-resubmit",
      answers: again.answers,
      refusal,
      run: async (fetchFn) => {
        const store = memoryStore({ record: collected, texts: whole.result.texts });
        await resubmitFailed(client(NOWHERE, fetchFn), store, await reread(store), { now: NOW });
        return reread(store);
      },
      shown: shownOf,
    }),
  );

  // Cancel a batch in progress, and resume a submit whose batch was made but never recorded (the batch list).
  const moving = await recordAnswers([], async (endpoint, fetchFn) => {
    const c = client(endpoint.baseURL, globalThis.fetch, 10_000);
    const store = memoryStore();
    const record = await startBatch(c, store, { ...PLAN, baseURL: endpoint.baseURL }, { now: NOW });
    const unrecorded = structuredClone(record);
    delete unrecorded.runs[0]!.batchId;
    delete unrecorded.runs[0]!.status;
    const resumed = await submitRun(
      client(endpoint.baseURL, fetchFn, 10_000),
      memoryStore({ record: unrecorded }),
      structuredClone(unrecorded),
      0,
    );
    const cancelled = await cancelBatch(
      client(endpoint.baseURL, fetchFn, 10_000),
      memoryStore({ record }),
      structuredClone(record),
    );
    return { record, unrecorded, resumed, cancelled };
  });
  const [listAnswer, cancelAnswer] = moving.answers;
  if (!listAnswer || !cancelAnswer || moving.result.resumed.runs[0]?.batchId !== moving.result.record.runs[0]?.batchId)
    throw new Error("recording the resume and the cancel failed");
  const { record: inProgress, unrecorded } = moving.result;
  targets.push(
    erased<BatchRecord>({
      name: "batch-resume-list",
      answers: [listAnswer, ...whole.answers.slice(1, 2)],
      refusal,
      run: async (fetchFn) => {
        const store = memoryStore({ record: unrecorded });
        await submitRun(client(NOWHERE, fetchFn), store, await reread(store), 0);
        return reread(store);
      },
      shown: shownOf,
    }),
    erased<BatchRecord>({
      name: "batch-cancel",
      answers: [cancelAnswer],
      refusal,
      run: async (fetchFn) => {
        const store = memoryStore({ record: inProgress });
        await cancelBatch(client(NOWHERE, fetchFn), store, await reread(store));
        return reread(store);
      },
      shown: shownOf,
    }),
  );
  return targets;
}
