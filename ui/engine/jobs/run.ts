/** One request through its section's handler: the reply with its id, or the failure reply (failure.ts). */
import type { EngineReply, Kind, RequestOf } from "../protocol/index.js";
import { failureOf } from "./failure.js";
import type { Handler, JobContext, Jobs } from "./job.js";

export async function runJob<K extends Kind>(
  jobs: Jobs<K>,
  request: RequestOf<K>,
  ctx: JobContext<K>,
): Promise<EngineReply> {
  try {
    // RequestOf<K> distributes over K, so TypeScript cannot see that its kind indexes `jobs` with K.
    const handler = jobs[request.kind as K] as Handler<K>;
    const reply = await handler(request, ctx);
    return { id: request.id, ok: true, kind: request.kind, ...reply } as EngineReply;
  } catch (error) {
    return await failureOf(request.id, error);
  }
}
