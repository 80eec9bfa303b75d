/**
 * Batch API batches inside the worker (ai/batch over the openai SDK): submit a plan's items, refresh (resuming
 * a run whose upload answered but whose batch was never created), collect the answers' image bytes,
 * resubmit failed lines, cancel. The record lives in a store held for this one request: every save is
 * sent to the panel as a `batch-saved` event (the panel keeps it in clientStorage), input files come with
 * the request and go back with the reply, downloads are kept for this request only. Loaded on first use
 * (the openai SDK's start-up), like image-job.ts.
 */
import type OpenAI from "openai";
import { cancelBatch } from "../../../ai/batch/cancel.js";
import { collectBatch, type LineWriter } from "../../../ai/batch/collect.js";
import { imageBatchBodies, rowCustomId } from "../../../ai/batch/image-bodies.js";
import type { BatchRecord } from "../../../ai/batch/record.js";
import { resubmitFailed } from "../../../ai/batch/resubmit.js";
import { refreshStatus } from "../../../ai/batch/status.js";
import type { BatchStore } from "../../../ai/batch/store.js";
import { startBatch, submitRun, unsubmittedRuns } from "../../../ai/batch/submit.js";
import { ModelError, toModelError } from "../../../ai/errors/classify.js";
import { imagesOfAnswer } from "../../../ai/batch/image-answer.js";
import { imageConfig } from "../../../ai/image/config.js";
import { createClient, providerConfig } from "../../../ai/client/providers.js";
import type { BatchEvent, ReplyOf, RequestOf } from "../protocol/index.js";
import type { JobContext } from "./job.js";
import { FigmentError, isFigmentError } from "../../../kernel/errors.js";

type BatchKind = "batch-submit" | "batch-refresh" | "batch-collect" | "batch-resubmit" | "batch-cancel";
type StepKind = Exclude<BatchKind, "batch-submit">;
type Inputs = Record<string, string>;
type Emit = (event: BatchEvent) => void;

/** Batch steps are short calls; the SDK retries a 429 or 5xx this many times (honouring retry-after). */
const RETRIES = 2;

/** A store for one request: saves go to the panel at once; `inputs` are the input files (downloads stay here). */
function panelStore(inputs: Inputs, send: Emit): BatchStore & { inputs(): Inputs } {
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
function clientFor(request: RequestOf<BatchKind>, baseURL?: string): OpenAI {
  if (request.settings.provider !== "openai")
    throw new FigmentError(
      "input",
      `Batches run on OpenAI's Batch API; the provider in Settings is ` +
        `${request.settings.provider}. Choose OpenAI to send batches.`,
    );
  const config = providerConfig(baseURL ? { ...request.settings, baseUrl: baseURL } : request.settings, request.apiKey);
  return createClient(config, { timeoutMs: request.timeoutMs, maxRetries: RETRIES });
}

async function submit(
  request: RequestOf<"batch-submit">,
  { signal, emit }: JobContext<"batch-submit">,
): Promise<ReplyOf<"batch-submit">> {
  const client = clientFor(request);
  const config = imageConfig(request.settings, request.apiKey, { api: "images" });
  const [width, height] = request.size === "auto" ? [] : request.size.split("x").map(Number);
  const size = width && height ? { width, height } : ("auto" as const);
  const rows = request.items.map((item) => ({
    row: item.row,
    stem: item.stem,
    request: { prompt: item.prompt, size, quality: request.quality, count: 1, partials: 0, references: [] },
  }));
  const lines = imageBatchBodies(config, rows).map((b) => ({
    customId: rowCustomId(b.row),
    url: "/v1/images/generations" as const,
    body: b.body,
    row: b.row,
    fileStem: b.fileStem,
  }));
  const store = panelStore({}, emit);
  const record = await startBatch(
    client,
    store,
    { kind: "images", endpoint: "/v1/images/generations", baseURL: config.baseURL, model: config.model, lines },
    { signal },
  );
  return { record, inputs: store.inputs() };
}

/** Each answered line's image, kept for the reply (the record says nothing was written: the panel places it). */
function imageCollector(
  results: Map<string, { bytes: Uint8Array; format: "png" | "jpeg" | "webp" | "gif"; width: number; height: number }>,
): LineWriter {
  return async (line, body) => {
    const answer = imagesOfAnswer(body);
    if ("error" in answer) return answer;
    const { bytes, format, width, height } = answer.images[0]!;
    results.set(line.customId, { bytes, format, width, height });
    return { written: [] };
  };
}

/** A step's working copy: the steps change the record as they go; the request's copy stays as the panel sent it. */
function opened(request: RequestOf<StepKind>, { signal, emit }: { signal: AbortSignal; emit: Emit }) {
  const record = structuredClone(request.record) as BatchRecord;
  return {
    record,
    client: clientFor(request, record.baseURL),
    store: panelStore(request.inputs, emit),
    options: { signal },
  };
}

async function refresh(
  request: RequestOf<"batch-refresh">,
  ctx: JobContext<"batch-refresh">,
): Promise<ReplyOf<"batch-refresh">> {
  const { record, client, store, options } = opened(request, ctx);
  for (const index of unsubmittedRuns(record)) await submitRun(client, store, record, index, options);
  const status = await refreshStatus(client, store, record, options);
  return { record, inputs: store.inputs(), status };
}

async function collect(
  request: RequestOf<"batch-collect">,
  ctx: JobContext<"batch-collect">,
): Promise<ReplyOf<"batch-collect">> {
  const { record, client, store, options } = opened(request, ctx);
  const images = new Map<
    string,
    { bytes: Uint8Array; format: "png" | "jpeg" | "webp" | "gif"; width: number; height: number }
  >();
  const report = await collectBatch(client, store, record, imageCollector(images), options);
  const errors = new Map(record.lines.map((l) => [l.customId, l.error]));
  const results = [
    ...report.done.map((customId) => ({ customId, image: images.get(customId)! })),
    ...report.failed.map((customId) => ({ customId, error: errors.get(customId) ?? "failed" })),
  ];
  return { record, inputs: store.inputs(), results, downloaded: report.downloaded };
}

async function resubmit(
  request: RequestOf<"batch-resubmit">,
  ctx: JobContext<"batch-resubmit">,
): Promise<ReplyOf<"batch-resubmit">> {
  const { record, client, store, options } = opened(request, ctx);
  const done = await resubmitFailed(client, store, record, options);
  return { record: done?.record ?? record, inputs: store.inputs(), lines: done?.lines ?? 0 };
}

async function cancel(
  request: RequestOf<"batch-cancel">,
  ctx: JobContext<"batch-cancel">,
): Promise<ReplyOf<"batch-cancel">> {
  const { record, client, store, options } = opened(request, ctx);
  await cancelBatch(client, store, record, options);
  return { record, inputs: store.inputs() };
}

/**
 * A step whose every failure is the model client's (the steps are all requests), unless it was refused
 * before anything was sent (a provider without a Batch API, a plan that cannot be batched: an input error).
 */
const asModelFailures =
  <K extends BatchKind>(run: (request: RequestOf<K>, ctx: JobContext<K>) => Promise<ReplyOf<K>>) =>
  async (request: RequestOf<K>, ctx: JobContext<K>): Promise<ReplyOf<K>> => {
    try {
      return await run(request, ctx);
    } catch (error) {
      throw isFigmentError(error, "input") || error instanceof ModelError ? error : toModelError(error);
    }
  };

export const batchSubmit = asModelFailures(submit);
export const batchRefresh = asModelFailures(refresh);
export const batchCollect = asModelFailures(collect);
export const batchResubmit = asModelFailures(resubmit);
export const batchCancel = asModelFailures(cancel);
