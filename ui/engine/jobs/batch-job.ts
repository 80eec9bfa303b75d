/**
 * Batch API jobs inside the worker (ai/batch over the openai SDK): submit a plan's items, refresh (resuming
 * a run whose upload answered but whose batch was never created), collect the answers' image bytes,
 * resubmit failed lines, cancel. The record lives in a store held for this one request: every save is
 * sent to the panel as a `batch-saved` event (the panel keeps it in clientStorage), input files come with
 * the request and go back with the reply, downloads are kept for this request only. Loaded on first use
 * (the openai SDK's start-up), like image-job.ts.
 */
import type OpenAI from "openai";
import type { ImagesResponse } from "openai/resources/images";
import { cancelBatch } from "../../../ai/batch/cancel.js";
import { collectBatch, type LineWriter } from "../../../ai/batch/collect.js";
import { imageBatchBodies, rowCustomId } from "../../../ai/batch/image-bodies.js";
import { BatchInputError } from "../../../ai/batch/lines.js";
import type { BatchRecord } from "../../../ai/batch/record.js";
import { resubmitFailed } from "../../../ai/batch/resubmit.js";
import { refreshStatus } from "../../../ai/batch/status.js";
import type { BatchStore } from "../../../ai/batch/store.js";
import { startBatch, submitRun, unsubmittedRuns } from "../../../ai/batch/submit.js";
import { ModelError, toModelError } from "../../../ai/errors.js";
import { base64ToBytes, imageInfo } from "../../../ai/image/bytes.js";
import { imageConfig } from "../../../ai/image/config.js";
import { createClient, providerConfig } from "../../../ai/providers.js";
import { modelFailureReply } from "./model-failure.js";
import type { BulkEvent, RequestOf, WorkerReply } from "../protocol/index.js";

type BulkRequest = RequestOf<"batch-submit" | "batch-refresh" | "batch-collect" | "batch-resubmit" | "batch-cancel">;
type JobRequest = Exclude<BulkRequest, { kind: "batch-submit" }>;
type Inputs = Record<string, string>;

/** Batch steps are short calls; the SDK retries a 429 or 5xx this many times (honouring retry-after). */
const RETRIES = 2;

/** A store for one request: saves go to the panel at once; `inputs` are the input files (downloads stay here). */
function panelStore(inputs: Inputs, send: (event: BulkEvent) => void): BatchStore & { inputs(): Inputs } {
  const texts = new Map(Object.entries(inputs));
  let saved: BatchRecord | undefined;
  const kept = (): Inputs => Object.fromEntries([...texts].filter(([name]) => !name.startsWith("downloads/")));
  return {
    load: async () => saved,
    save: async (record) => {
      saved = record;
      send({ type: "batch-saved", record: structuredClone(record), inputs: kept() });
    },
    readText: async (name) => texts.get(name),
    writeText: async (name, text) => void texts.set(name, text),
    inputs: kept,
  };
}

/** The client for the record's endpoint (the batch lives where it was sent, whatever the settings say now). */
function clientFor(request: BulkRequest, baseURL?: string): OpenAI {
  if (request.settings.provider !== "openai") throw new BatchInputError(`Batches run on OpenAI's Batch API; the provider in Settings is ${request.settings.provider}. Choose OpenAI to send batches.`);
  const config = providerConfig(baseURL ? { ...request.settings, baseUrl: baseURL } : request.settings, request.apiKey);
  return createClient(config, { timeoutMs: request.timeoutMs, maxRetries: RETRIES });
}

async function submit(request: RequestOf<"batch-submit">, signal: AbortSignal, send: (event: BulkEvent) => void): Promise<WorkerReply> {
  const client = clientFor(request);
  const config = imageConfig(request.settings, request.apiKey, { api: "images" });
  const [width, height] = request.size === "auto" ? [] : request.size.split("x").map(Number);
  const size = width && height ? { width, height } : ("auto" as const);
  const rows = request.items.map((item) => ({ row: item.row, stem: item.stem, request: { prompt: item.prompt, size, quality: request.quality, count: 1, partials: 0, references: [] } }));
  const lines = imageBatchBodies(config, rows).map((b) => ({ customId: rowCustomId(b.row), url: "/v1/images/generations" as const, body: b.body, row: b.row, fileStem: b.fileStem }));
  const store = panelStore({}, send);
  const record = await startBatch(client, store, { kind: "images", endpoint: "/v1/images/generations", baseURL: config.baseURL, model: config.model, lines }, { signal });
  return { id: request.id, ok: true, kind: "batch-submit", record, inputs: store.inputs() };
}

/** Each answered line's image, kept for the reply (the record says nothing was written: the panel places it). */
function imageCollector(results: Map<string, { bytes: Uint8Array; format: "png" | "jpeg" | "webp" | "gif"; width: number; height: number }>): LineWriter {
  return async (line, body) => {
    const b64 = (body as Partial<ImagesResponse> | undefined)?.data?.find((d) => d.b64_json)?.b64_json;
    if (!b64) return { error: "the answer holds no image" };
    const bytes = base64ToBytes(b64);
    const info = imageInfo(bytes);
    if (!info) return { error: "the answer's image is not a PNG, JPEG, WebP or GIF" };
    results.set(line.customId, { bytes, ...info });
    return { written: [] };
  };
}

async function step(request: JobRequest, signal: AbortSignal, send: (event: BulkEvent) => void): Promise<WorkerReply> {
  // The steps change the record as they go; the request's copy stays as the panel sent it.
  const record = structuredClone(request.record) as BatchRecord;
  const client = clientFor(request, record.baseURL);
  const store = panelStore(request.inputs, send);
  const options = { signal };
  const base = { id: request.id, ok: true as const };
  switch (request.kind) {
    case "batch-refresh": {
      for (const index of unsubmittedRuns(record)) await submitRun(client, store, record, index, options);
      const status = await refreshStatus(client, store, record, options);
      return { ...base, kind: "batch-refresh", record, inputs: store.inputs(), status };
    }
    case "batch-collect": {
      const images = new Map<string, { bytes: Uint8Array; format: "png" | "jpeg" | "webp" | "gif"; width: number; height: number }>();
      const report = await collectBatch(client, store, record, imageCollector(images), options);
      const errors = new Map(record.lines.map((l) => [l.customId, l.error]));
      const results = [...report.done.map((customId) => ({ customId, image: images.get(customId)! })), ...report.failed.map((customId) => ({ customId, error: errors.get(customId) ?? "failed" }))];
      return { ...base, kind: "batch-collect", record, inputs: store.inputs(), results, downloaded: report.downloaded };
    }
    case "batch-resubmit": {
      const done = await resubmitFailed(client, store, record, options);
      return { ...base, kind: "batch-resubmit", record: done?.record ?? record, inputs: store.inputs(), lines: done?.lines ?? 0 };
    }
    case "batch-cancel":
      await cancelBatch(client, store, record, options);
      return { ...base, kind: "batch-cancel", record, inputs: store.inputs() };
  }
}

export async function runBulkJob(request: BulkRequest, signal: AbortSignal, send: (event: BulkEvent) => void): Promise<WorkerReply> {
  try {
    return request.kind === "batch-submit" ? await submit(request, signal, send) : await step(request, signal, send);
  } catch (error) {
    // Refused before anything was sent (a provider without a Batch API, a plan that cannot be batched).
    if (error instanceof BatchInputError) return { id: request.id, ok: false, error: error.message, bad: true };
    return modelFailureReply(request.id, error instanceof ModelError ? error : toModelError(error));
  }
}
