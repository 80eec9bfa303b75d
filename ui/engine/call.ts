/** The one typed call the panels make to the engine (engine.ts has the real one, over the worker). */
import type { BodyOf, EventOf, Kind, ReplyOf } from "./protocol/index.js";

export interface CallOptions<K extends Kind> {
  /** What the running job reports before its reply (only the events its kind may stream). */
  onEvent?: (event: EventOf<K>) => void;
  /** Asks the worker to stop the job, which then rejects with a ModelFailure of kind "aborted" (the worker stays warm). */
  signal?: AbortSignal;
}

export interface EngineCaller {
  call<K extends Kind>(kind: K, body: BodyOf<K>, options?: CallOptions<K>): Promise<ReplyOf<K>>;
}
