/**
 * The estimate before an analysis is sent: text tokens of the instructions and data blocks (o200k_base),
 * image tokens per picture by OpenAI's tile rule, and the cost at the known price, with a typical answer
 * length per task for the output side. An ESTIMATE, as everywhere (ai/estimate/estimate.ts).
 */
import { countTextTokens, imageTokens, type Estimate } from "../estimate/estimate.js";
import { priceFor, type SourcedPrice } from "../client/prices.js";
import type { AnalyzeInput, AnalyzeTask } from "./input.js";
import { analyzeInstructions, analyzeTexts } from "./prompt.js";

/** About how long each task's answer runs, in tokens. */
export const ANSWER_TOKENS: Readonly<Record<AnalyzeTask, number>> = {
  describe: 500,
  critique: 1200,
  text: 700,
  compare: 900,
};

const PER_MESSAGE_TOKENS = 4;

/** `loadTokenizer()` must have finished. */
export function estimateAnalyze(
  input: AnalyzeInput,
  options: { model: string; prices?: Readonly<Record<string, SourcedPrice>> },
): Estimate {
  const images = input.frames.flatMap((f) => (f.image ? [f.image] : []));
  const texts = [analyzeInstructions(input.task, images.length), ...analyzeTexts(input)];
  const textTokens = texts.reduce((sum, text) => sum + countTextTokens(text) + PER_MESSAGE_TOKENS, 0);
  const pictures = images.reduce(
    (sum, image) => sum + imageTokens(image.width, image.height, input.detail ?? "high"),
    0,
  );
  const inputTokens = textTokens + pictures;
  const outputTokens = ANSWER_TOKENS[input.task];
  const price = priceFor(options.model, options.prices);
  const costUsd = price ? (inputTokens * price.input + outputTokens * price.output) / 1_000_000 : undefined;
  return { estimate: true, textTokens, imageTokens: pictures, inputTokens, outputTokens, costUsd, price };
}
