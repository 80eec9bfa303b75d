/**
 * One analysis request inside the worker (ai/analyze `analyzeWithModel`): the Markdown answer goes to the
 * panel piece by piece as `analyze-text` events; the whole answer, usage and its cost come in the reply.
 * Loaded on the first analysis only, like model-job.ts (the openai SDK's start-up).
 */
import { analyzeWithModel } from "../../../ai/analyze/run.js";
import { priceFor } from "../../../ai/client/prices.js";
import { providerConfig } from "../../../ai/client/providers.js";
import type { ReplyOf, RequestOf } from "../protocol/index.js";
import type { JobContext } from "./job.js";

export async function runAnalyzeJob(
  request: RequestOf<"analyze-model">,
  { signal, emit }: JobContext<"analyze-model">,
): Promise<ReplyOf<"analyze-model">> {
  const config = providerConfig(request.settings, request.apiKey);
  const result = await analyzeWithModel(config, request.input, {
    signal,
    timeoutMs: request.timeoutMs,
    onText: (delta) => emit({ type: "analyze-text", delta }),
  });
  const price = priceFor(config.model, request.prices);
  const costUsd =
    result.usage && price
      ? (result.usage.inputTokens * price.input + result.usage.outputTokens * price.output) / 1_000_000
      : undefined;
  return {
    markdown: result.markdown,
    model: result.model,
    cut: result.cut,
    ...(result.usage ? { usage: result.usage } : {}),
    ...(costUsd !== undefined ? { costUsd } : {}),
  };
}
