/**
 * `ai-round-estimate` in the worker: what a correction round of the Code panel's "Fix differences" will cost
 * (ai/verify/estimate.ts, the CLI's `--verify` estimate): the whole conversation again, the measurement and its two
 * pictures, an answer as long as the last. Nothing is sent; no SDK here.
 */
import { loadTokenizer } from "../../../ai/estimate/estimate.js";
import { estimateRound } from "../../../ai/verify/estimate.js";
import type { ReplyOf, RequestOf } from "../protocol/index.js";

export async function estimateCorrectionRound(
  request: RequestOf<"ai-round-estimate">,
): Promise<ReplyOf<"ai-round-estimate">> {
  await loadTokenizer();
  const estimate = estimateRound({
    model: request.model,
    prompt: request.input,
    answers: request.answers,
    earlier: request.earlier,
    round: request.round,
    ...(request.prices ? { prices: request.prices } : {}),
  });
  return { estimate };
}
