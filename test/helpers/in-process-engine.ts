/**
 * The engine's `call` with the worker's jobs run in this process (no Worker): each request, event and reply
 * goes through the protocol's checks as it would across the boundary, and a failure rejects with the error
 * the real host gives (failureError: ModelFailure, a FigmentError of its kind, Cancelled). For tests of the panels'
 * model paths
 * against the OpenAI-wire test server.
 */
import type { CallOptions, EngineCaller } from "../../ui/engine/call.js";
import { Cancelled } from "../../kernel/cancelled.js";
import { failureError } from "../../ui/engine/errors.js";
import type { Jobs } from "../../ui/engine/jobs/job.js";
import { runJob } from "../../ui/engine/jobs/run.js";
import {
  parseEngineMessage,
  parseEngineRequest,
  streams,
  type BodyOf,
  type EngineEvent,
  type Kind,
  type ReplyOf,
  type RequestOf,
} from "../../ui/engine/protocol/index.js";

export function inProcessEngine(jobs: Partial<Jobs>): EngineCaller {
  let next = 0;
  async function call<K extends Kind>(kind: K, body: BodyOf<K>, options: CallOptions<K> = {}): Promise<ReplyOf<K>> {
    const id = `p${++next}`;
    const request = parseEngineRequest({ ...body, kind, id }) as RequestOf<K>;
    const emit = (event: EngineEvent): void => {
      const parsed = parseEngineMessage({ id, event });
      if ("event" in parsed && streams(kind, parsed.event.event)) options.onEvent?.(parsed.event.event);
    };
    // The job gets a real AbortSignal, as in the worker, aborted with the caller's.
    if (options.signal?.aborted) throw new Cancelled();
    const controller = new AbortController();
    const abort = (): void => controller.abort();
    options.signal?.addEventListener("abort", abort, { once: true });
    const ran = await runJob(jobs as Jobs<K>, request, { signal: controller.signal, emit }).finally(() =>
      options.signal?.removeEventListener("abort", abort),
    );
    const message = parseEngineMessage(ran);
    if (!("reply" in message)) throw new Error(`${kind} answered with an event`);
    const reply = message.reply;
    if (!reply.ok) throw failureError(reply.failure);
    const { id: _id, ok: _ok, kind: _kind, ...fields } = reply;
    return fields as ReplyOf<K>;
  }
  return { call };
}
