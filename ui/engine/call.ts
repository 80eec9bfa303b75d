/**
 * The one typed call the panels make to the engine (engine.ts has the real one, over the worker):
 * contract/requests.ts's `Caller`.
 */
import type { Caller, CallOptions as AnyCallOptions } from "../../contract/requests.js";
import type { BodyOf, EventOf, Kind, ReplyOf } from "./protocol/index.js";

/** Every engine job by kind: what it takes, answers and may stream before its answer. */
export type EngineCalls = { [K in Kind]: { body: BodyOf<K>; reply: ReplyOf<K>; event: EventOf<K> } };

/**
 * `onEvent` gets only the events `K` may stream; aborting `signal` asks the worker to stop the job (it stays warm),
 * which then rejects with `Cancelled`.
 */
export type CallOptions<K extends Kind> = AnyCallOptions<EventOf<K>>;

export type EngineCaller = Caller<EngineCalls>;
