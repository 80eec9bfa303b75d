/**
 * The engine's one worker at a time: created lazily (on the first request or the idle warm-up, so the panel
 * opens instantly), booted with a ping, its requests matched to replies by id (contract/requests.ts). A crash
 * rejects every pending request with a `crashed` FigmentError and the next request starts a fresh worker; `cancel`
 * terminates it the same way (what was pending rejects with `Cancelled`). Messages from a replaced worker are ignored.
 */
import { Cancelled } from "../../kernel/cancelled.js";
import { isRequestTimeout, PendingRequests, type OpenOptions } from "../../contract/requests.js";
import { decodeFailure } from "./errors.js";
import {
  parseEngineMessage,
  ProtocolError,
  type EngineEvent,
  type EngineRequest,
  type OkReply,
} from "./protocol/index.js";
import { FigmentError } from "../../kernel/errors.js";

export interface WorkerLike {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror: ((event: MessageEvent<unknown>) => void) | null;
  postMessage(message: EngineRequest): void;
  terminate(): void;
}

export interface WorkerSlotDeps {
  /**
   * Produces the worker script's URL, or a bootstrap's that unpacks it (called once; a failure is retried on the next
   * request).
   */
  unpack(): Promise<{ url: string; decodeMs: number }>;
  createWorker(url: string): WorkerLike;
  now(): number;
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

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** A request as sent, before the slot gives it its id. */
export type Unsent = DistributiveOmit<EngineRequest, "id">;

/** How long a started worker may take to answer its first ping before it counts as crashed. */
export const BOOT_TIMEOUT_MS = 30_000;

type Pending = PendingRequests<OkReply, EngineEvent>;

/** Requests matched to replies by id (contract/requests.ts); late and unknown answers are said, not applied. */
function tracker(): Pending {
  return new PendingRequests<OkReply, EngineEvent>({
    prefix: "w",
    decode: decodeFailure,
    onUnknown: (id, what, late) =>
      late
        ? console.info(`Figment UI: ignored a late ${what} from the code generator for ${id}`)
        : console.warn(`Figment UI: a ${what} from the code generator for unknown request ${id}`),
  });
}

/** A worker message to its request: an event, a reply, or a failure as the error the job threw (errors.ts). */
function deliver(pending: Pending, data: unknown): void {
  let message: ReturnType<typeof parseEngineMessage>;
  try {
    message = parseEngineMessage(data);
  } catch (error) {
    // A reply that fails its check fails its request (when it names one), loudly.
    console.error(`Figment UI: ${error instanceof Error ? error.message : String(error)}`);
    if (error instanceof ProtocolError && error.id !== undefined)
      pending.fail(error.id, new FigmentError("internal", error.message));
    return;
  }
  if ("event" in message) {
    pending.event(message.event.id, message.event.event);
    return;
  }
  const reply = message.reply;
  if (reply.ok) pending.settle(reply.id, reply);
  else pending.failWith(reply.id, reply.failure);
}

export class WorkerSlot {
  private worker: WorkerLike | undefined;
  private ready: Promise<WorkerLike> | undefined;
  private unpacked: Promise<{ url: string; decodeMs: number }> | undefined;
  /** Replies of the current worker; replaced with it, so answers from an old worker cannot settle new requests. */
  private pending = tracker();
  /** Bumped whenever the worker is replaced, so events from an old one are ignored. */
  private current = 0;
  private state: WorkerStatus = "idle";
  private readonly listeners = new Set<(status: WorkerStatus) => void>();
  readonly stats: WorkerStats = { starts: 0 };

  constructor(private readonly deps: WorkerSlotDeps) {}

  get status(): WorkerStatus {
    return this.state;
  }

  /** Which worker this is (a new number after each crash or cancel). */
  get generation(): number {
    return this.current;
  }

  onStatus(listener: (status: WorkerStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Sends `body` to `worker` with a fresh id (contract/requests.ts: events, cancel, timeout). */
  open(
    worker: WorkerLike,
    body: Unsent,
    options: Omit<OpenOptions<EngineEvent>, "send"> = {},
  ): { id: string; reply: Promise<OkReply> } {
    return this.pending.open({
      send: (id) => {
        try {
          worker.postMessage({ ...body, id } as EngineRequest);
        } catch (error) {
          throw new FigmentError(
            "internal",
            `could not send the design to the code generator: ` +
              `${error instanceof Error ? error.message : String(error)}`,
          );
        }
      },
      ...options,
    });
  }

  post(worker: WorkerLike, body: Unsent, timeoutMs?: number): Promise<OkReply> {
    return this.open(worker, body, timeoutMs !== undefined ? { timeoutMs } : {}).reply;
  }

  /** The running worker, started (and answering) first when there is none. */
  start(): Promise<WorkerLike> {
    if (this.ready !== undefined) return this.ready;
    const generation = this.current;
    this.setStatus("starting");
    const ready = this.boot(generation, this.deps.now());
    this.ready = ready;
    ready.catch(() => {
      if (this.ready === ready) this.ready = undefined;
      if (generation === this.current && this.state === "starting") this.setStatus("crashed");
    });
    return ready;
  }

  /** Stops whatever the worker is doing: pending requests reject with Cancelled. */
  cancel(): void {
    this.replace(new Cancelled(), "idle");
  }

  dispose(): void {
    this.cancel();
    void this.unpacked?.then(({ url }) => URL.revokeObjectURL(url)).catch(() => undefined);
    this.unpacked = undefined;
  }

  private async boot(generation: number, started: number): Promise<WorkerLike> {
    const first = this.unpacked === undefined;
    this.unpacked ??= this.deps.unpack();
    let unpacked: { url: string; decodeMs: number };
    try {
      unpacked = await this.unpacked;
    } catch (error) {
      this.unpacked = undefined;
      throw new FigmentError(
        "crashed",
        `The code generator could not be loaded: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    if (generation !== this.current) throw new Cancelled();
    const bootStarted = this.deps.now();
    const worker = this.deps.createWorker(unpacked.url);
    this.worker = worker;
    this.stats.starts++;
    worker.onmessage = (event) => generation === this.current && deliver(this.pending, event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      this.crash(generation, event.message || "the worker reported an error");
    };
    worker.onmessageerror = () => this.crash(generation, "a reply could not be read");
    const pong = await this.post(worker, { kind: "ping" }, BOOT_TIMEOUT_MS).catch((error: unknown) => {
      if (isRequestTimeout(error)) this.crash(generation, "it did not start within 30 s");
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
    if (generation === this.current) this.setStatus("ready");
    return worker;
  }

  private setStatus(status: WorkerStatus): void {
    if (status === this.state) return;
    this.state = status;
    for (const listener of this.listeners) listener(status);
  }

  private crash(generation: number, detail: string): void {
    if (generation !== this.current) return;
    console.error(`Figment UI: the code generator crashed — ${detail}`);
    this.replace(new FigmentError("crashed", `The code generator stopped unexpectedly (${detail}).`), "crashed");
  }

  /** Terminates the current worker, rejects what was pending with `error`; the next request starts anew. */
  private replace(error: Error, status: WorkerStatus): void {
    this.current++;
    const worker = this.worker;
    this.worker = undefined;
    this.ready = undefined;
    worker?.terminate();
    const pending = this.pending;
    this.pending = tracker();
    pending.failAll(error);
    this.setStatus(status);
  }
}
