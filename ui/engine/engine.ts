/**
 * The engine, as the panels see it: one typed `call(kind, body, { onEvent, signal })` for every job the
 * engine worker runs (the code generator, every model request), its reply checked and its kind matched
 * here once. The worker itself — lazy start, boot, crash, cancel, ids — is the WorkerSlot's.
 */
import type { MainRequests } from "../channel/requests.js";
import { bootstrapUrl, startBootstrapped } from "./boot.js";
import type { CallOptions, EngineCaller } from "./call.js";
import {
  codePartsFor,
  estimates,
  laterCodePartsFor,
  streams,
  type BodyOf,
  type Kind,
  type OkReply,
  type ReplyOf,
} from "./protocol/index.js";
import { unpackWorker } from "./source.js";
import {
  WorkerSlot,
  type Unsent,
  type WorkerLike,
  type WorkerSlotDeps,
  type WorkerStats,
  type WorkerStatus,
} from "./worker-slot.js";
import type { CodePart, WorkerPart } from "../../contract/messages.js";
import { FigmentError } from "../../kernel/errors.js";

export type { CallOptions, EngineCaller } from "./call.js";
export { ModelFailure } from "./errors.js";
export type { WorkerLike, WorkerStats, WorkerStatus } from "./worker-slot.js";

export interface EngineDeps extends WorkerSlotDeps {
  /** The tokenizer script's URL, for estimates (called once, on the first kind that estimates). */
  unpackTokenizer?(): Promise<string>;
  /**
   * A code part, gzip+base64 (ui/engine/code-parts/), for the kinds the protocol lists it for: called once per
   * part, and unpacked in the worker. Without it the worker is taken to hold the parts itself (a test's worker).
   */
  codePartSource?(part: CodePart): Promise<string>;
}

export interface EngineStats extends WorkerStats {
  /**
   * Per code part: the engine's first start (the panel's idle warm-up, or the first request) until the part was
   * loaded in the first worker, in ms. Ready for an offline Code job when "code-format" is (bench/plugin.ts).
   */
  codePartsReadyMs?: Partial<Record<CodePart, number>>;
  /**
   * The engine's first start until the first worker answered its first code job (a kind that needs a code part): the
   * cold start, then whatever the panel did before asking (the Code panel's layout check) and the job itself.
   */
  firstCodeReplyMs?: number;
}

/** A code part's packed text (fetched once) and its load into a worker generation, under way or done. */
interface CodePartLoad {
  packed?: Promise<string>;
  loadedIn?: { generation: number; loaded: Promise<void> };
}

/** What a part is, in an error (a target's preview part by its name: code-vue, code-svelte). */
const PART_WHAT: Partial<Record<CodePart, string>> = {
  "code-preview": "The React preview",
  "code-format": "The code formatter",
  "code-check": "The code checker",
};

/** The reply's fields without the id, `ok` and kind the message carried. */
function bodyOf<K extends Kind>(reply: OkReply): ReplyOf<K> {
  const { id: _id, ok: _ok, kind: _kind, ...body } = reply;
  return body as ReplyOf<K>;
}

export class Engine implements EngineCaller {
  private readonly slot: WorkerSlot;
  private tokenizerUrl: Promise<string> | undefined;
  /** The worker generation the tokenizer was loaded into. */
  private tokenizerIn = -1;
  private readonly codeParts = new Map<CodePart, CodePartLoad>();
  /** When the engine was first asked to start (warm-up or request), for `codePartsReadyMs`. */
  private firstStartAt: number | undefined;
  private readonly codePartsReadyMs: Partial<Record<CodePart, number>> = {};
  private firstCodeReplyMs: number | undefined;

  constructor(private readonly deps: EngineDeps) {
    this.slot = new WorkerSlot(deps);
  }

  get currentStatus(): WorkerStatus {
    return this.slot.status;
  }

  get stats(): EngineStats {
    return {
      ...this.slot.stats,
      ...(Object.keys(this.codePartsReadyMs).length > 0 ? { codePartsReadyMs: { ...this.codePartsReadyMs } } : {}),
      ...(this.firstCodeReplyMs !== undefined ? { firstCodeReplyMs: this.firstCodeReplyMs } : {}),
    };
  }

  onStatus(listener: (status: WorkerStatus) => void): () => void {
    return this.slot.onStatus(listener);
  }

  /**
   * Runs `kind` in the worker. A failure rejects with a FigmentError (`input` when the input itself was
   * unusable), a ModelFailure (a model request failed: its kind, status, retry-after), a `crashed` FigmentError or
   * `Cancelled`. Aborting `signal` tells the worker to stop the job, whose events keep coming until it answers
   * (so a cancel keeps what was made); a worker that cannot be told is replaced.
   */
  async call<K extends Kind>(kind: K, body: BodyOf<K>, options: CallOptions<K> = {}): Promise<ReplyOf<K>> {
    if (estimates(kind)) await this.loadTokenizer();
    const parts = codePartsFor(kind, body);
    await this.loadCodeParts(parts);
    const worker = await this.start();
    const { reply } = this.slot.open(worker, { ...body, kind } as Unsent, {
      ...options,
      onEvent: (event) => (options.onEvent && streams(kind, event) ? options.onEvent(event) : undefined),
      // An abort (or a timeout) asks the worker to stop the job; its answer then settles the call.
      abortSettles: "answer",
      onCancel: (target) => void this.slot.post(worker, { kind: "abort", target }).catch(() => this.cancel()),
    });
    // After the job: it is answered without them unless it calls into one, which waits in the worker until it has run.
    this.sendLaterParts(laterCodePartsFor(kind));
    const done = await reply;
    if (done.kind !== kind) throw new FigmentError("internal", `the code generator answered "${done.kind}" to ${kind}`);
    if (parts.length > 0 && this.slot.stats.starts === 1 && this.firstStartAt !== undefined)
      this.firstCodeReplyMs ??= this.deps.now() - this.firstStartAt;
    return bodyOf<K>(done);
  }

  /**
   * Starts the worker ahead of the first request; `for`: with the code parts that kind needs in it (the Code panel's
   * `generate`).
   */
  async warmUp(options: { for?: Kind } = {}): Promise<void> {
    await Promise.all([this.start(), options.for ? this.loadCodeParts(codePartsFor(options.for)) : undefined]);
    // Then the parts its jobs may call into later. Their text is asked of the main thread only now, so a job whose
    // parts this warm-up was loading is posted before them.
    if (options.for) this.sendLaterParts(laterCodePartsFor(options.for));
  }

  /** Stops whatever the worker is doing: pending requests reject with Cancelled. */
  cancel(): void {
    this.slot.cancel();
  }

  dispose(): void {
    this.slot.dispose();
  }

  private start(): Promise<WorkerLike> {
    this.firstStartAt ??= this.deps.now();
    return this.slot.start();
  }

  /**
   * Loads `parts` into the current worker without waiting for them; one that cannot be loaded is said to the worker
   * (`part-failed`), so a job waiting on it fails instead of waiting for ever. Tried again by the next call.
   */
  private sendLaterParts(parts: readonly CodePart[]): void {
    for (const part of parts)
      this.loadCodePart(part)
        .catch(async (error: Error) =>
          this.slot.post(await this.start(), { kind: "part-failed", part, message: error.message }),
        )
        .catch(() => undefined);
  }

  /** Loads `parts` into the current worker in order (the first part is not slowed by the next one's unpacking). */
  private async loadCodeParts(parts: readonly CodePart[]): Promise<void> {
    for (const part of parts) await this.loadCodePart(part);
  }

  /** Loads a code part into the current worker, once per worker (calls at the same time share the load). */
  private async loadCodePart(part: CodePart): Promise<void> {
    const source = this.deps.codePartSource;
    if (!source) return;
    const load = this.codeParts.get(part) ?? {};
    this.codeParts.set(part, load);
    // Asked of the main thread while the worker boots (a failure is said when the part is sent).
    const packed = this.packedPart(part, load, source);
    packed.catch(() => undefined);
    const worker = await this.start();
    const generation = this.slot.generation;
    if (load.loadedIn?.generation !== generation) {
      const loaded = this.sendCodePart(worker, part, packed);
      load.loadedIn = { generation, loaded };
      // A failed load is tried again by the next call.
      loaded.then(
        () => {
          if (this.slot.stats.starts === 1 && this.firstStartAt !== undefined)
            this.codePartsReadyMs[part] ??= this.deps.now() - this.firstStartAt;
        },
        () => {
          if (load.loadedIn?.loaded === loaded) load.loadedIn = undefined;
        },
      );
    }
    await load.loadedIn!.loaded;
  }

  /** The part's packed text, asked of the main thread once (again after a failure). */
  private packedPart(part: CodePart, load: CodePartLoad, source: (part: CodePart) => Promise<string>): Promise<string> {
    load.packed ??= source(part).catch((error: unknown) => {
      load.packed = undefined;
      throw new FigmentError(
        "internal",
        `${PART_WHAT[part] ?? part} could not be loaded: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
    return load.packed;
  }

  private async sendCodePart(worker: WorkerLike, part: CodePart, packedPart: Promise<string>): Promise<void> {
    const packed = await packedPart;
    const reply = await this.slot.post(worker, { kind: "load-packed", packed });
    if (reply.kind !== "loaded")
      throw new FigmentError("internal", `the code generator answered "${reply.kind}" to load-packed (${part})`);
  }

  /** Loads the tokenizer script into the current worker, once per worker. */
  private async loadTokenizer(): Promise<void> {
    const unpack = this.deps.unpackTokenizer;
    if (!unpack) return;
    const worker = await this.start();
    const generation = this.slot.generation;
    if (this.tokenizerIn === generation) return;
    this.tokenizerUrl ??= unpack().catch((error: unknown) => {
      this.tokenizerUrl = undefined;
      throw new FigmentError(
        "internal",
        `The tokenizer for the estimate could not be loaded: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
    const url = await this.tokenizerUrl;
    const reply = await this.slot.post(worker, { kind: "load-script", url });
    if (reply.kind !== "loaded")
      throw new FigmentError("internal", `the code generator answered "${reply.kind}" to load-script`);
    if (generation === this.slot.generation) this.tokenizerIn = generation;
  }
}

/** How long to wait for the main thread to hand over the worker script. */
const WORKER_SOURCE_TIMEOUT_MS = 30_000;

/** Asks the main thread for the packed worker script (it is too big to ship in ui.html). */
export async function requestWorkerSource(
  requests: MainRequests,
  timeoutMs = WORKER_SOURCE_TIMEOUT_MS,
  part: WorkerPart = "engine",
): Promise<string> {
  const reply = await requests.call("get-worker-source", part === "engine" ? {} : { part }, {
    timeoutMs,
    timeoutMessage: "the main thread did not send the code generator in time; close and reopen the plugin",
  });
  return reply.data;
}

/**
 * The engine for the real page: the worker script comes from the main thread on first use (the idle warm-up
 * or the first request), and the worker unpacks it itself (ui/engine/boot.ts), so the panel's thread stays free.
 */
export function createEngine(requests: MainRequests): Engine {
  /** The packed script, kept for a restart after a crash or cancel (`unpack` runs once). */
  let packed = "";
  return new Engine({
    unpack: async () => {
      packed = await requestWorkerSource(requests);
      if (packed.trim() === "") throw new Error("the code generator is missing from this build (empty worker payload)");
      return { url: bootstrapUrl(), decodeMs: 0 };
    },
    createWorker: (url) => startBootstrapped(url, packed, (script) => new Worker(script, { name: "figment-engine" })),
    now: () => performance.now(),
    unpackTokenizer: async () =>
      (await unpackWorker(await requestWorkerSource(requests, WORKER_SOURCE_TIMEOUT_MS, "tokenizer"))).url,
    codePartSource: async (part) => {
      const packed = await requestWorkerSource(requests, WORKER_SOURCE_TIMEOUT_MS, part);
      if (packed.trim() === "") throw new Error(`the "${part}" part is missing from this build (empty payload)`);
      return packed;
    },
  });
}
