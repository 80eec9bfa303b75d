/**
 * Runs the codegen worker for the UI. The worker is created lazily, on the first request, so the panel
 * opens instantly. Requests are matched to replies by id. A crash rejects every pending request with a
 * WorkerCrashError and the next request starts a fresh worker; `cancel` terminates it the same way.
 */
import type { CodeOptions } from "../../codegen/load.js";
import type { FileSet } from "../../codegen/types.js";
import type { ModelCodeResult } from "../../ai/pipeline.js";
import type { Estimate } from "../../ai/estimate.js";
import type { PromptInput } from "../../ai/prompt.js";
import { PendingRequests, RequestTimeoutError } from "../../contract/requests.js";
import type { ExportExtras, FetchedPrice } from "../../contract/messages.js";
import { parseWorkerMessage, ProtocolError, type AiEvent, type AiGenerateRequest, type AiPrepareRequest, type BulkEvent, type GenerateImageRequest, type ImageEvent, type ImagePrepareRequest, type ModelFailureData, type OkReply, type RequestOf, type SearchEvent, type TestConnectionRequest, type WorkerEventBody, type WorkerRequest } from "./protocol/index.js";
import type { MainRequests } from "../channel/requests.js";
import { bootstrapUrl, startBootstrapped } from "./boot.js";
import { unpackWorker } from "./source.js";

export interface WorkerLike {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror: ((event: MessageEvent<unknown>) => void) | null;
  postMessage(message: WorkerRequest): void;
  terminate(): void;
}

export interface WorkerHostDeps {
  /** Produces the worker script's URL, or a bootstrap's that unpacks it (called once; a failure is retried on the next request). */
  unpack(): Promise<{ url: string; decodeMs: number }>;
  createWorker(url: string): WorkerLike;
  now(): number;
  /** The tokenizer script's URL, for estimates (called once, on the first ai-prepare). */
  unpackTokenizer?(): Promise<string>;
}

export type WorkerStatus = "idle" | "starting" | "ready" | "crashed";

export interface WorkerStats {
  /** Workers started so far (restarts after a crash or cancel included). */
  starts: number;
  /** First start: unpacking plus booting until the worker answered, in ms. */
  coldStartMs?: number;
  /** Unpacking the inlined script (base64 + gunzip), in ms. */
  decodeMs?: number;
  /** Last start: `new Worker` until the worker answered, in ms. */
  bootMs?: number;
}

export class WorkerCrashError extends Error {
  override name = "WorkerCrashError";
}

export class WorkerCancelledError extends Error {
  override name = "WorkerCancelledError";
  constructor() {
    super("Cancelled");
  }
}

/** The worker answered with an error: `bad` when the input itself was unusable (not Figma JSON, empty). */
export class CodegenError extends Error {
  override name = "CodegenError";
  constructor(
    message: string,
    readonly bad: boolean,
  ) {
    super(message);
  }
}

/** A model request failed: the typed kind and next step travel as data from the worker. */
export class ModelFailure extends Error {
  override name = "ModelFailure";
  constructor(
    message: string,
    readonly model: ModelFailureData,
  ) {
    super(message);
  }
}

/** The Batch API steps (ui/worker/bulk-protocol.ts). */
export type BulkKind = "batch-submit" | "batch-refresh" | "batch-collect" | "batch-resubmit" | "batch-cancel";

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** How long a started worker may take to answer its first ping before it counts as crashed. */
const BOOT_TIMEOUT_MS = 30_000;

export class WorkerHost {
  private worker: WorkerLike | undefined;
  private ready: Promise<WorkerLike> | undefined;
  private unpacked: Promise<{ url: string; decodeMs: number }> | undefined;
  /** Replies of the current worker; replaced with it, so answers from an old worker cannot settle new requests. */
  private pending = this.tracker();
  private tokenizerUrl: Promise<string> | undefined;
  /** The worker generation the tokenizer was loaded into. */
  private tokenizerIn = -1;
  /** Bumped whenever the worker is replaced, so events from an old one are ignored. */
  private generation = 0;
  private status: WorkerStatus = "idle";
  private readonly listeners = new Set<(status: WorkerStatus) => void>();
  readonly stats: WorkerStats = { starts: 0 };

  constructor(private readonly deps: WorkerHostDeps) {}

  get currentStatus(): WorkerStatus {
    return this.status;
  }

  onStatus(listener: (status: WorkerStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async generate(exports: { id: string; json: unknown }[], options: CodeOptions, extras?: ExportExtras): Promise<{ result: FileSet; ms: number }> {
    const reply = await this.request({ kind: "generate", exports, options, ...(extras ? { extras } : {}) });
    if (reply.kind !== "generate") throw new CodegenError(`the code generator answered "${reply.kind}" to generate`, false);
    return { result: reply.result, ms: reply.ms };
  }

  async hint(exports: { id: string; json: unknown }[], extras?: ExportExtras): Promise<string> {
    const reply = await this.request({ kind: "hint", exports, ...(extras ? { extras } : {}) });
    if (reply.kind !== "hint") throw new CodegenError(`the code generator answered "${reply.kind}" to hint`, false);
    return reply.hint;
  }

  /** The model prompt for one frame, with its token and cost estimate (the tokenizer lives in the worker). */
  async aiPrepare(body: Omit<AiPrepareRequest, "id" | "kind">): Promise<{ input: PromptInput; estimate: Estimate; image: { width: number; height: number } | undefined }> {
    await this.loadTokenizer();
    const reply = await this.request({ kind: "ai-prepare", ...body });
    if (reply.kind !== "ai-prepare") throw new CodegenError(`the code generator answered "${reply.kind}" to ai-prepare`, false);
    return { input: reply.input, estimate: reply.estimate, image: reply.image };
  }

  /**
   * One model generation in the worker. `onEvent` gets streamed progress; aborting `signal` asks the worker
   * to stop the request, which then rejects with a ModelFailure of kind "aborted" (the worker stays warm).
   */
  async aiGenerate(body: Omit<AiGenerateRequest, "id" | "kind">, onEvent: (event: AiEvent) => void, signal?: AbortSignal): Promise<ModelCodeResult> {
    const done = await this.stream({ kind: "ai-generate", ...body }, (event) => event.type === "progress" || event.type === "stage" ? onEvent(event) : undefined, signal);
    if (done.kind !== "ai-generate") throw new CodegenError(`the code generator answered "${done.kind}" to ai-generate`, false);
    return done.result;
  }

  /** The design hint, the parameter check and the estimate of an image request (nothing is sent). */
  async imagePrepare(body: Omit<ImagePrepareRequest, "id" | "kind">): Promise<Extract<OkReply, { kind: "image-prepare" }>> {
    await this.loadTokenizer();
    const reply = await this.request({ kind: "image-prepare", ...body });
    if (reply.kind !== "image-prepare") throw new CodegenError(`the code generator answered "${reply.kind}" to image-prepare`, false);
    return reply;
  }

  /**
   * One image request in the worker: partial images, text and usage reach `onEvent` as they stream; aborting
   * `signal` stops it (a ModelFailure of kind "aborted"), as for aiGenerate.
   */
  async generateImage(body: Omit<GenerateImageRequest, "id" | "kind">, onEvent: (event: ImageEvent) => void, signal?: AbortSignal): Promise<Extract<OkReply, { kind: "generate-image" }>> {
    const done = await this.stream({ kind: "generate-image", ...body }, (event) => (event.type === "progress" || event.type === "stage" || event.type === "analyze-text" || event.type === "search-caption" || event.type === "search-vectors" || event.type === "batch-saved" ? undefined : onEvent(event)), signal);
    if (done.kind !== "generate-image") throw new CodegenError(`the code generator answered "${done.kind}" to generate-image`, false);
    return done;
  }

  /** The deterministic findings of the exported frames (computed in the worker, beside the design tree). */
  async analyzeFindings(exports: RequestOf<"analyze-findings">["exports"]): Promise<Extract<OkReply, { kind: "analyze-findings" }>> {
    const reply = await this.request({ kind: "analyze-findings", exports });
    if (reply.kind !== "analyze-findings") throw new CodegenError(`the code generator answered "${reply.kind}" to analyze-findings`, false);
    return reply;
  }

  /** The model's input for an analysis and its estimate (nothing is sent). */
  async analyzePrepare(body: Omit<RequestOf<"analyze-prepare">, "id" | "kind">): Promise<Extract<OkReply, { kind: "analyze-prepare" }>> {
    await this.loadTokenizer();
    const reply = await this.request({ kind: "analyze-prepare", ...body });
    if (reply.kind !== "analyze-prepare") throw new CodegenError(`the code generator answered "${reply.kind}" to analyze-prepare`, false);
    return reply;
  }

  /** One analysis in the worker: the answer's text reaches `onText` as it streams; aborting `signal` stops it, as for aiGenerate. */
  async analyzeModel(body: Omit<RequestOf<"analyze-model">, "id" | "kind">, onText: (delta: string) => void, signal?: AbortSignal): Promise<Extract<OkReply, { kind: "analyze-model" }>> {
    const done = await this.stream({ kind: "analyze-model", ...body }, (event) => (event.type === "analyze-text" ? onText(event.delta) : undefined), signal);
    if (done.kind !== "analyze-model") throw new CodegenError(`the code generator answered "${done.kind}" to analyze-model`, false);
    return done;
  }

  /**
   * Search's model work in the worker: captions of these frames' pictures, vectors of these frames, or a
   * query's vector. Each caption and batch of vectors reaches `onEvent` as soon as it is made (kept even if
   * the request then fails); aborting `signal` stops it, as for aiGenerate.
   */
  async search<K extends "search-captions" | "search-embed" | "search-query">(body: Omit<RequestOf<K>, "id">, onEvent: (event: SearchEvent) => void, signal?: AbortSignal): Promise<Extract<OkReply, { kind: K }>> {
    const done = await this.stream(body as DistributiveOmit<RequestOf<K>, "id">, (event) => (event.type === "search-caption" || event.type === "search-vectors" ? onEvent(event) : undefined), signal);
    if (done.kind !== body.kind) throw new CodegenError(`the code generator answered "${done.kind}" to ${body.kind}`, false);
    return done as Extract<OkReply, { kind: K }>;
  }

  /**
   * A Batch API step in the worker (ui/worker/bulk-job.ts): every save of the record reaches `onSaved` at once
   * (store it: a crash between upload and create then loses nothing); a failure rejects with a ModelFailure,
   * or a CodegenError with `bad` when it was refused before anything was sent.
   */
  async batch<K extends BulkKind>(body: DistributiveOmit<RequestOf<K>, "id">, onSaved: (saved: Extract<BulkEvent, { type: "batch-saved" }>) => void, signal?: AbortSignal): Promise<Extract<OkReply, { kind: K }>> {
    const done = await this.stream(body as DistributiveOmit<RequestOf<BulkKind>, "id">, (event) => (event.type === "batch-saved" ? onSaved(event) : undefined), signal);
    if (done.kind !== body.kind) throw new CodegenError(`the code generator answered "${done.kind}" to ${body.kind}`, false);
    return done as Extract<OkReply, { kind: K }>;
  }

  /**
   * Rows for the parameters from the model's reading of a frame's texts (ai/params inferRows in the worker).
   * A failed call rejects with a ModelFailure, an answer that does not fit the parameters with a CodegenError
   * (`bad`); aborting `signal` stops it, as for aiGenerate.
   */
  async inferRows(body: Omit<RequestOf<"infer-rows">, "id" | "kind">, signal?: AbortSignal): Promise<Extract<OkReply, { kind: "infer-rows" }>> {
    const done = await this.stream({ kind: "infer-rows", ...body }, () => undefined, signal);
    if (done.kind !== "infer-rows") throw new CodegenError(`the code generator answered "${done.kind}" to infer-rows`, false);
    return done;
  }

  /** The batch draft's computed prompts, notes and errors by part (ai/params in the worker). */
  async draftPrompts(body: Omit<RequestOf<"draft-prompts">, "id" | "kind">): Promise<Extract<OkReply, { kind: "draft-prompts" }>> {
    const reply = await this.request({ kind: "draft-prompts", ...body });
    if (reply.kind !== "draft-prompts") throw new CodegenError(`the code generator answered "${reply.kind}" to draft-prompts`, false);
    return reply;
  }

  /** Pasted CSV or JSONL as a table, or why it is not (read in the worker). */
  async readRows(text: string): Promise<Extract<OkReply, { kind: "read-rows" }>> {
    const reply = await this.request({ kind: "read-rows", text });
    if (reply.kind !== "read-rows") throw new CodegenError(`the code generator answered "${reply.kind}" to read-rows`, false);
    return reply;
  }

  /** A request that streams events until its reply, stopped in the worker when `signal` aborts. */
  private async stream(body: DistributiveOmit<AiGenerateRequest | GenerateImageRequest | RequestOf<"analyze-model"> | RequestOf<"infer-rows"> | RequestOf<"search-captions"> | RequestOf<"search-embed"> | RequestOf<"search-query"> | RequestOf<BulkKind>, "id">, onEvent: (event: WorkerEventBody) => void, signal?: AbortSignal): Promise<OkReply> {
    const worker = await this.start();
    if (signal?.aborted) throw new ModelFailure("Cancelled.", { kind: "aborted" });
    const { id, reply } = this.open(worker, body, { onProgress: onEvent });
    // The worker stops the request and then answers it as "aborted"; a worker that cannot be told is replaced.
    const stop = (): void => void this.post(worker, { kind: "abort", target: id }).catch(() => this.cancel());
    signal?.addEventListener("abort", stop, { once: true });
    try {
      return await reply;
    } finally {
      signal?.removeEventListener("abort", stop);
    }
  }

  /**
   * "Test connection" with the generation client, in the worker: the model count, and the prices when the
   * listing had them. A failure rejects with a ModelFailure (its kind says what happened).
   */
  async testConnection(body: Omit<TestConnectionRequest, "id" | "kind">): Promise<{ models: number; prices: Record<string, FetchedPrice> | undefined }> {
    const reply = await this.request({ kind: "test-connection", ...body });
    if (reply.kind !== "test-connection") throw new CodegenError(`the code generator answered "${reply.kind}" to test-connection`, false);
    return { models: reply.models, prices: reply.prices };
  }

  /** Loads the tokenizer script into the current worker, once per worker. */
  private async loadTokenizer(): Promise<void> {
    const unpack = this.deps.unpackTokenizer;
    if (!unpack) return;
    const worker = await this.start();
    const generation = this.generation;
    if (this.tokenizerIn === generation) return;
    this.tokenizerUrl ??= unpack().catch((error: unknown) => {
      this.tokenizerUrl = undefined;
      throw new CodegenError(`The tokenizer for the estimate could not be loaded: ${error instanceof Error ? error.message : String(error)}`, false);
    });
    const url = await this.tokenizerUrl;
    const reply = await this.post(worker, { kind: "load-script", url });
    if (reply.kind !== "loaded") throw new CodegenError(`the code generator answered "${reply.kind}" to load-script`, false);
    if (generation === this.generation) this.tokenizerIn = generation;
  }

  /** A scripted preview page for React files (built here, run only in a sandboxed iframe). */
  async reactPreview(files: FileSet["files"]): Promise<{ html: string; problems: FileSet["problems"] }> {
    const reply = await this.request({ kind: "react-preview", files });
    if (reply.kind !== "react-preview") throw new CodegenError(`the code generator answered "${reply.kind}" to react-preview`, false);
    return { html: reply.html, problems: reply.problems };
  }

  /** Starts the worker ahead of the first request. */
  async warmUp(): Promise<void> {
    await this.start();
  }

  /** Stops whatever the worker is doing: pending requests reject with WorkerCancelledError. */
  cancel(): void {
    this.replace(new WorkerCancelledError(), "idle");
  }

  dispose(): void {
    this.cancel();
    void this.unpacked?.then(({ url }) => URL.revokeObjectURL(url)).catch(() => undefined);
    this.unpacked = undefined;
  }

  private setStatus(status: WorkerStatus): void {
    if (status === this.status) return;
    this.status = status;
    for (const listener of this.listeners) listener(status);
  }

  private async request(body: DistributiveOmit<WorkerRequest, "id">): Promise<OkReply> {
    const worker = await this.start();
    return this.post(worker, body);
  }

  private post(worker: WorkerLike, body: DistributiveOmit<WorkerRequest, "id">, timeoutMs?: number): Promise<OkReply> {
    return this.open(worker, body, timeoutMs !== undefined ? { timeoutMs } : {}).reply;
  }

  private open(worker: WorkerLike, body: DistributiveOmit<WorkerRequest, "id">, options: { onProgress?: (event: WorkerEventBody) => void; timeoutMs?: number }): { id: string; reply: Promise<OkReply> } {
    return this.pending.open({
      send: (id) => {
        try {
          worker.postMessage({ ...body, id } as WorkerRequest);
        } catch (error) {
          throw new CodegenError(`could not send the design to the code generator: ${error instanceof Error ? error.message : String(error)}`, false);
        }
      },
      ...options,
    });
  }

  private tracker(): PendingRequests<OkReply, WorkerEventBody> {
    return new PendingRequests<OkReply, WorkerEventBody>({
      prefix: "w",
      onUnknown: (id, what, late) => (late ? console.info(`Figment UI: ignored a late ${what} from the code generator for ${id}`) : console.warn(`Figment UI: a ${what} from the code generator for unknown request ${id}`)),
    });
  }

  private start(): Promise<WorkerLike> {
    if (this.ready) return this.ready;
    const generation = this.generation;
    const started = this.deps.now();
    this.setStatus("starting");
    const ready = (async () => {
      const first = this.unpacked === undefined;
      this.unpacked ??= this.deps.unpack();
      let unpacked: { url: string; decodeMs: number };
      try {
        unpacked = await this.unpacked;
      } catch (error) {
        this.unpacked = undefined;
        throw new WorkerCrashError(`The code generator could not be loaded: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (generation !== this.generation) throw new WorkerCancelledError();
      const bootStarted = this.deps.now();
      const worker = this.deps.createWorker(unpacked.url);
      this.worker = worker;
      this.stats.starts++;
      worker.onmessage = (event) => this.receive(generation, event.data);
      worker.onerror = (event) => {
        event.preventDefault();
        this.crash(generation, event.message || "the worker reported an error");
      };
      worker.onmessageerror = () => this.crash(generation, "a reply could not be read");
      const pong = await this.post(worker, { kind: "ping" }, BOOT_TIMEOUT_MS).catch((error: unknown) => {
        if (error instanceof RequestTimeoutError) this.crash(generation, "it did not start within 30 s");
        throw error;
      });
      const now = this.deps.now();
      // A bootstrapped worker unpacks its script itself (ui/engine/boot.ts) and says how long that took.
      const unpackedInWorker = pong.kind === "pong" ? pong.decodeMs : undefined;
      this.stats.bootMs = now - bootStarted - (unpackedInWorker ?? 0);
      if (first) {
        this.stats.decodeMs = unpacked.decodeMs + (unpackedInWorker ?? 0);
        this.stats.coldStartMs = now - started;
      }
      if (generation === this.generation) this.setStatus("ready");
      return worker;
    })();
    this.ready = ready;
    ready.catch(() => {
      if (this.ready === ready) this.ready = undefined;
      if (generation === this.generation && this.status === "starting") this.setStatus("crashed");
    });
    return ready;
  }

  private receive(generation: number, data: unknown): void {
    if (generation !== this.generation) return;
    let message: ReturnType<typeof parseWorkerMessage>;
    try {
      message = parseWorkerMessage(data);
    } catch (error) {
      // A reply that fails its check fails its request (when it names one), loudly.
      console.error(`Figment UI: ${error instanceof Error ? error.message : String(error)}`);
      if (error instanceof ProtocolError && error.id !== undefined) this.pending.fail(error.id, new CodegenError(error.message, false));
      return;
    }
    if ("event" in message) {
      this.pending.progress(message.event.id, message.event.event);
      return;
    }
    const reply = message.reply;
    if (reply.ok) this.pending.settle(reply.id, reply);
    else if (reply.model) this.pending.fail(reply.id, new ModelFailure(reply.error, reply.model));
    else this.pending.fail(reply.id, new CodegenError(reply.error, reply.bad));
  }

  private crash(generation: number, detail: string): void {
    if (generation !== this.generation) return;
    console.error(`Figment UI: the code generator crashed — ${detail}`);
    this.replace(new WorkerCrashError(`The code generator stopped unexpectedly (${detail}).`), "crashed");
  }

  /** Terminates the current worker, rejects what was pending with `error`; the next request starts anew. */
  private replace(error: Error, status: WorkerStatus): void {
    this.generation++;
    const worker = this.worker;
    this.worker = undefined;
    this.ready = undefined;
    worker?.terminate();
    const pending = this.pending;
    this.pending = this.tracker();
    pending.failAll(error);
    this.setStatus(status);
  }
}

/** How long to wait for the main thread to hand over the worker script. */
const WORKER_SOURCE_TIMEOUT_MS = 30_000;

/** Asks the main thread for the packed worker script (it is too big to ship in ui.html). */
export async function requestWorkerSource(requests: MainRequests, timeoutMs = WORKER_SOURCE_TIMEOUT_MS, part: "codegen" | "tokenizer" = "codegen"): Promise<string> {
  const reply = await requests.request("get-worker-source", part === "codegen" ? {} : { part }, {
    timeoutMs,
    timeoutMessage: "the main thread did not send the code generator in time; close and reopen the plugin",
  });
  return reply.data;
}

/**
 * The host for the real page: the worker script comes from the main thread on first use (the idle warm-up or
 * the first request), and the worker unpacks it itself (ui/engine/boot.ts), so the panel's thread stays free.
 */
export function createWorkerHost(requests: MainRequests): WorkerHost {
  /** The packed script, kept for a restart after a crash or cancel (`unpack` runs once). */
  let packed = "";
  return new WorkerHost({
    unpack: async () => {
      packed = await requestWorkerSource(requests);
      if (packed.trim() === "") throw new Error("the code generator is missing from this build (empty worker payload)");
      return { url: bootstrapUrl(), decodeMs: 0 };
    },
    createWorker: (url) => startBootstrapped(url, packed, (script) => new Worker(script, { name: "figment-codegen" })),
    now: () => performance.now(),
    unpackTokenizer: async () => (await unpackWorker(await requestWorkerSource(requests, WORKER_SOURCE_TIMEOUT_MS, "tokenizer"))).url,
  });
}
