/**
 * The panel's side of the search worker: started on the first request (the Search panel's first open), from
 * the packed script the main thread hands over, like the engine worker. Requests are matched by id
 * (contract/requests.ts); ones made while the worker starts wait and go out in order. If the worker dies, what
 * was pending fails with the reason and the next request starts a new one, fed the last index first.
 */
import { PendingRequests } from "../../contract/requests.js";
import type { SearchFrameDoc } from "../../contract/search.js";
import { decodeWorkerScript } from "../engine/source.js";
import { parseSearchReply, SearchProtocolError, type SearchHit, type SearchOkReply, type SearchRequestOf, type SearchWorkerRequest } from "./index-protocol.js";

type Body<K extends SearchWorkerRequest["kind"]> = Omit<SearchRequestOf<K>, "id" | "kind">;
export type SearchQuery = Body<"query">;
export interface IndexedSummary {
  frames: number;
  vectors: number;
  ms: number;
}

export interface SearchWorkerOptions {
  /** The worker script, gzip+base64 (the main thread's `worker-source`, part "search"). */
  source(): Promise<string>;
  createWorker?(url: string): Worker;
}

/** The measure the panel leaves for the bench: asking for the script → the worker's first answer. */
export const START_MEASURE = "figment:search-worker-start";
/** The time the worker took to build an index (its own clock), one measure per build. */
export const BUILD_MEASURE = "figment:search-index-build";

export class SearchWorkerClient {
  private worker: Promise<Worker> | undefined;
  private url: Promise<string> | undefined;
  private pending = new PendingRequests<SearchOkReply>({ prefix: "search" });
  private lastIndex: Body<"index"> | undefined;
  /** The running worker, once wired (a crash of an older one changes nothing). */
  private live: Worker | undefined;
  private answered = false;

  constructor(private readonly options: SearchWorkerOptions) {}

  /** Replaces the worker's index with these frames (`vectors`: stored base64, by id, `dimensions` long). */
  async index(docs: readonly SearchFrameDoc[], vectors: Readonly<Record<string, string>>, dimensions: number | undefined): Promise<IndexedSummary> {
    const body: Body<"index"> = { docs: [...docs], vectors: { ...vectors }, ...(dimensions ? { dimensions } : {}) };
    this.lastIndex = body;
    const reply = await this.send("index", body);
    performance.measure(BUILD_MEASURE, { start: Math.max(0, performance.now() - reply.ms), duration: reply.ms });
    return { frames: reply.frames, vectors: reply.vectors, ms: reply.ms };
  }

  async query(query: SearchQuery): Promise<SearchHit[]> {
    return (await this.send("query", query)).hits;
  }

  dispose(): void {
    void this.worker?.then((w) => w.terminate(), () => undefined);
    this.worker = undefined;
    this.live = undefined;
    this.pending.failAll(new Error("the search worker was closed"));
  }

  private async send<K extends SearchWorkerRequest["kind"]>(kind: K, body: Body<K>): Promise<Extract<SearchOkReply, { kind: K }>> {
    const fresh = this.worker === undefined;
    const worker = await this.started();
    // It died before this request went out: the request goes to the next one.
    if (worker !== this.live) return this.send(kind, body);
    // A restarted worker has no index: the last one goes first (a new index needs no replay).
    if (fresh && kind !== "index" && this.lastIndex) void this.post(worker, "index", this.lastIndex).catch(() => undefined);
    const reply = await this.post(worker, kind, body);
    if (reply.kind !== kind) throw new Error(`the search worker answered the ${kind} request with a ${reply.kind} reply`);
    return reply as Extract<SearchOkReply, { kind: K }>;
  }

  private post<K extends SearchWorkerRequest["kind"]>(worker: Worker, kind: K, body: Body<K>): Promise<SearchOkReply> {
    return this.pending.open({ send: (id) => worker.postMessage({ kind, id, ...body }) }).reply;
  }

  private started(): Promise<Worker> {
    if (this.worker !== undefined) return this.worker;
    const asked = performance.now();
    this.url ??= this.options.source().then(async (packed) => {
      if (packed.trim() === "") throw new Error("the search worker is missing from this build (empty payload); rebuild with npm run build");
      return URL.createObjectURL(new Blob([await decodeWorkerScript(packed)], { type: "text/javascript" }));
    });
    // A failed fetch is asked again on the next request.
    this.url.catch(() => (this.url = undefined));
    const worker = this.url.then((url) => this.wire(this.options.createWorker?.(url) ?? new Worker(url, { name: "figment-search" }), asked));
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
      // or an id the panel did not send) means it lost track, and what waits would wait for ever, so it is stopped.
      let answered: boolean;
      let reason: string;
      try {
        const reply = parseSearchReply(event.data);
        answered = reply.ok ? this.pending.settle(reply.id, reply) : this.pending.fail(reply.id, new Error(reply.error));
        reason = reply.ok ? "it answered a request the panel did not send" : reply.error;
      } catch (error) {
        const refused = error instanceof SearchProtocolError ? error : new SearchProtocolError(undefined, "the search worker sent a message the panel could not read");
        answered = refused.id !== undefined && this.pending.fail(refused.id, refused);
        reason = refused.message;
      }
      if (!answered) this.crash(worker, reason);
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
    this.pending.failAll(new Error(`the search worker stopped (${detail})`));
  }
}
