/**
 * `infer-rows` inside the worker (ai/params `inferRows`): the model reads the frame's texts and proposes
 * rows for the parameters. A model failure comes back as data the panel explains by kind; an answer that
 * does not fit the parameters (a value outside its choices, a missing one) is a `bad` failure saying which.
 * Loaded on the first such request only, like model-job.ts (the openai SDK's start-up).
 */
import { ParamsError } from "../../../ai/params/errors.js";
import { inferRows } from "../../../ai/params/infer.js";
import { providerConfig } from "../../../ai/providers.js";
import { modelFailureReply } from "./model-failure.js";
import type { RequestOf, WorkerReply } from "../protocol/index.js";

export async function runInferJob(request: RequestOf<"infer-rows">, signal: AbortSignal): Promise<WorkerReply> {
  try {
    const config = providerConfig(request.settings, request.apiKey);
    const { table, notes } = await inferRows(config, request.input, { signal, timeoutMs: request.timeoutMs });
    return { id: request.id, ok: true, kind: "infer-rows", columns: [...table.columns], rows: table.rows.map((r) => ({ ...r.values })), notes };
  } catch (error) {
    if (error instanceof ParamsError) return { id: request.id, ok: false, error: error.message, bad: true };
    return modelFailureReply(request.id, error);
  }
}
