/**
 * The estimate of the clarify request (issue 74, ai/code/clarify/request.ts): its instructions, texts, picture labels
 * and schema, counted as estimatePrompt counts a generation request, and its pictures (the same as the generation
 * request's first ones). For `--dry-run --clarify` and the panel's estimate.
 */
import { firstImages, hasImage, type PromptInput } from "../code/prompt.js";
import { clarifyInstructions, clarifyTexts } from "../code/clarify/request.js";
import { CLARIFY_SCHEMA } from "../code/clarify/questions.js";
import { estimate, type Estimate } from "./estimate.js";
import type { SourcedPrice } from "../client/prices.js";

export function estimateClarify(
  prompt: PromptInput,
  image: { width: number; height: number } | undefined,
  options: { model: string; prices?: Readonly<Record<string, SourcedPrice>> },
): Estimate {
  const detail = prompt.detail ?? "high";
  return estimate({
    model: options.model,
    texts: [
      clarifyInstructions(prompt),
      ...clarifyTexts(prompt),
      ...firstImages(prompt).flatMap((i) => (i.label ? [i.label] : [])),
      JSON.stringify(CLARIFY_SCHEMA),
    ],
    ...(hasImage(prompt) && image ? { image: { ...image, detail } } : {}),
    ...(options.prices ? { prices: options.prices } : {}),
  });
}

/** The code request(s)' estimate with the clarify request's added (sent first, so counted in the total). */
export function withClarify(code: Estimate, clarify: Estimate): Estimate {
  const add = (a: number | undefined, b: number | undefined): number | undefined =>
    a !== undefined && b !== undefined ? a + b : undefined;
  const costUsd = add(code.costUsd, clarify.costUsd);
  const { batchCostUsd: _batch, ...rest } = code;
  return {
    ...rest,
    textTokens: code.textTokens + clarify.textTokens,
    imageTokens: code.imageTokens + clarify.imageTokens,
    inputTokens: code.inputTokens + clarify.inputTokens,
    outputTokens: code.outputTokens + clarify.outputTokens,
    costUsd,
    ...(costUsd !== undefined ? { batchCostUsd: costUsd / 2 } : {}),
  };
}
