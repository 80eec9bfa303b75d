/**
 * `infer-rows` inside the worker (ai/params `inferRows`): the model reads the frame's texts and proposes
 * rows for the parameters. A model failure comes back as data the panel explains by kind; an answer that
 * does not fit the parameters (a value outside its choices, a missing one) is a ParamsError, a `bad` failure
 * saying which. Loaded on the first such request only, like model-job.ts (the openai SDK's start-up).
 */
import { inferRows } from "../../../ai/params/infer.js";
import { providerConfig } from "../../../ai/client/providers.js";
import type { ReplyOf, RequestOf } from "../protocol/index.js";
import type { JobContext } from "./job.js";

export async function runInferJob(
  request: RequestOf<"infer-rows">,
  { signal }: JobContext<"infer-rows">,
): Promise<ReplyOf<"infer-rows">> {
  const config = providerConfig(request.settings, request.apiKey);
  const { table, notes } = await inferRows(config, request.input, { signal, timeoutMs: request.timeoutMs });
  return { columns: [...table.columns], rows: table.rows.map((r) => ({ ...r.values })), notes };
}
