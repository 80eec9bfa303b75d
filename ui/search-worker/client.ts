/**
 * The panel's side of the search worker: started on the first request (the Search panel's first open), from
 * the packed script the main thread hands over, like the engine worker. It speaks the one request idiom,
 * `call(kind, body, { signal, timeoutMs })` (contract/requests.ts: ids, cancel, timeout); calls made while the
 * worker starts wait and go out in order. A failed reply arrives as the error the worker threw (contract/failure.ts);
 * if the worker dies, what was pending fails as `crashed` with the reason and the next call starts a new one, fed the
 * last index first.
 */
import { FigmentError } from "../../kernel/errors.js";
import { Cancelled } from "../../kernel/cancelled.js";
import { PendingRequests, type Caller, type CallOptions } from "../../contract/requests.js";
import { decodeWorkerScript } from "../engine/source.js";
import {
  parseSearchReply,
  ProtocolError,
  type SearchKind,
  type SearchOkReply,
  type SearchRequestOf,
} from "./index-protocol.js";

type Body<K extends SearchKind> = Omit<SearchRequestOf<K>, "id" | "kind">;
type ReplyBody<K extends SearchKind> = Omit<Extract<SearchOkReply, { kind: K }>, "id" | "ok" | "kind">;
/** The search worker's calls by kind: what each takes and answers (none streams). */
export type SearchCalls = { [K in SearchKind]: { body: Body<K>; reply: ReplyBody<K>; event: never } };
export type SearchQuery = Body<"query">;
export type IndexedSummary = ReplyBody<"index">;

export interface SearchWorkerOptions {
  /** The worker script, gzip+base64 (the main thread's `worker-source`, part "search"). */
  source(): Promise<string>;
  createWorker?(url: string): Worker;
}

/** The measure the panel leaves for the bench: asking for the script → the worker's first answer. */
export const START_MEASURE = "figment:search-worker-start";
/** The time the worker took to build an index (its own clock), one measure per build. */
export const BUILD_MEASURE = "figment:search-index-build";

export class SearchWorkerClient implements Caller<SearchCalls> {
  private worker: Promise<Worker> | undefined;
  private url: Promise<string> | undefined;
  /** Whether the last answer for no pending call was for one of ours that ended (a cancelled query's). */
  private late = false;
  private pending = new PendingRequests<SearchOkReply>({
    prefix: "search",
    onUnknown: (_id, _what, late) => (this.late = late),
  });
  private lastIndex: Body<"index"> | undefined;
  /** The running worker, once wired (a crash of an older one changes nothing). */
  private live: Worker | undefined;
  private answered = false;

  constructor(private readonly options: SearchWorkerOptions) {}

  /**
   * `index` replaces the worker's index with these frames (`vectors`: stored base64, by id, `dimensions` long);
   * `query` ranks them. A query's abort only drops its answer (the worker answers in order, so it still sends one).
   */
  async call<K extends SearchKind>(kind: K, body: Body<K>, options: CallOptions = {}): Promise<ReplyBody<K>> {
    if (kind === "index") this.lastIndex = body as unknown as Body<"index">;
    const fresh = this.worker === undefined;
    const worker = await this.started();
    // It died before this call went out: the call goes to the next one.
    if (worker !== this.live) return this.call(kind, body, options);
    // A restarted worker has no index: the last one goes first (a new index needs no replay).
    if (fresh && kind !== "index" && this.lastIndex)
      void this.post(worker, "index", this.lastIndex, {}).catch(() => undefined);
    const { id: _id, ok: _ok, kind: answered, ...reply } = await this.post(worker, kind, body, options);
    if (answered !== kind)
      throw new FigmentError("internal", `the search worker answered the ${kind} request with a ${answered} reply`);
    if (kind === "index") {
      const { ms } = reply as IndexedSummary;
      performance.measure(BUILD_MEASURE, { start: Math.max(0, performance.now() - ms), duration: ms });
    }
    return reply as unknown as ReplyBody<K>;
  }

  dispose(): void {
    void this.worker?.then(
      (w) => w.terminate(),
      () => undefined,
    );
    this.worker = undefined;
    this.live = undefined;
    this.pending.failAll(new Cancelled("the search worker was closed"));
  }

  private post<K extends SearchKind>(
    worker: Worker,
    kind: K,
    body: Body<K>,
    options: CallOptions,
  ): Promise<SearchOkReply> {
    return this.pending.open({ ...options, send: (id) => worker.postMessage({ kind, id, ...body }) }).reply;
  }

  private started(): Promise<Worker> {
    if (this.worker !== undefined) return this.worker;
    const asked = performance.now();
    this.url ??= this.options.source().then(async (packed) => {
      if (packed.trim() === "")
        throw new FigmentError(
          "internal",
          "the search worker is missing from this build (empty payload); rebuild with npm run build",
        );
      return URL.createObjectURL(new Blob([await decodeWorkerScript(packed)], { type: "text/javascript" }));
    });
    // A failed fetch is asked again on the next request.
    this.url.catch(() => (this.url = undefined));
    const worker = this.url.then((url) =>
      this.wire(this.options.createWorker?.(url) ?? new Worker(url, { name: "figment-search" }), asked),
    );
    worker.catch(() => this.worker === worker && (this.worker = undefined));
    this.worker = worker;
    return worker;
  }

  private wire(worker: Worker, asked: number): Worker {
    this.live = worker;
    worker.onmessage = (event: MessageEvent<unknown>) => {
      if (!this.answered) {
        this.answered = true;
        performance.measure(START_MEASURE, { start: asked });
      }
      // The worker answers every request once, in order: an answer for no request waiting (a refusal without an id,
      // or an id the panel did not send; a cancelled call's answer is fine) means it lost track, and what waits would
      // wait for ever, so it is stopped.
      let answered: boolean;
      let reason: string;
      this.late = false;
      try {
        const reply = parseSearchReply(event.data);
        answered = reply.ok ? this.pending.settle(reply.id, reply) : this.pending.failWith(reply.id, reply.failure);
        reason = reply.ok ? "it answered a request the panel did not send" : reply.failure.message;
      } catch (error) {
        const refused =
          error instanceof ProtocolError
            ? error
            : new ProtocolError(undefined, "the search worker sent a message the panel could not read");
        answered = refused.id !== undefined && this.pending.fail(refused.id, refused);
        reason = refused.message;
      }
      if (!answered && !this.late) this.crash(worker, reason);
    };
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      this.crash(worker, event.message || "it failed to start");
    };
    return worker;
  }

  private crash(worker: Worker, detail: string): void {
    worker.terminate();
    if (this.live !== worker) return;
    this.live = undefined;
    this.worker = undefined;
    this.pending.failAll(new FigmentError("crashed", `the search worker stopped (${detail})`));
  }
}
