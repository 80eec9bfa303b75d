/** What a job of the engine worker is: a handler per kind, given its checked request and a context. */
import type { EventOf, Kind, ReplyOf, RequestOf } from "../protocol/index.js";

export interface JobContext<K extends Kind> {
  /** Aborted when the panel sends `abort` naming this request. */
  signal: AbortSignal;
  /** Posts an event of this request, one its kind may stream (its buffers transferred when given). */
  emit(event: EventOf<K>, transfer?: ArrayBuffer[]): void;
}

/** Runs one request; a failure is thrown (failure.ts turns it into the failure reply). */
export type Handler<K extends Kind> = (request: RequestOf<K>, ctx: JobContext<K>) => Promise<ReplyOf<K>>;

/** A section's handlers, one per kind of `K`. */
export type Jobs<K extends Kind = Kind> = { [P in K]: Handler<P> };

/**
 * A handler whose module is imported on first use: the openai SDK's module setup costs about 0.7 s of worker
 * start in Chromium, which offline code should not pay (esbuild keeps a dynamic import's module uninitialised
 * until the import runs). `load` must be a literal `() => import("./x.js")` for that.
 */
export function lazy<K extends Kind, M>(load: () => Promise<M>, pick: (module: M) => Handler<K>): Handler<K> {
  return async (request, ctx) => pick(await load())(request, ctx);
}
