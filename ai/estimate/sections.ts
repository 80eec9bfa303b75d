/**
 * What a split frame's requests are estimated to cost, one estimate per section (the CLI's --dry-run and the Code
 * panel's card): each section's input as it will be sent, with the sections a run at `concurrency` has answered
 * when it starts, its tiles counted as sent (the provider leaves them unscaled).
 */
import { estimatePrompt, type Estimate } from "./estimate.js";
import type { SourcedPrice } from "../client/prices.js";
import type { PromptInput } from "../code/prompt.js";
import type { SectionPlan } from "../code/sections/plan.js";

/**
 * What section `index` is estimated to be sent with: the sections a run at `concurrency` has answered when it starts
 * (those `concurrency` places or more before it), each said without props, as the rule asks.
 */
export function estimatedInput(inputs: readonly PromptInput[], index: number, concurrency: number): PromptInput {
  const input = inputs[index]!;
  const section = input.section!;
  const before = Math.max(0, index - concurrency + 1);
  const answered = section.components.slice(0, before).map((component) => ({ component, props: "" }));
  return { ...input, section: { ...section, answered } };
}

/** The estimate of each section's request (tokens of its texts and tiles; input only), in drawn order. */
export function sectionEstimates(
  inputs: readonly PromptInput[],
  plan: SectionPlan,
  options: { model: string; concurrency: number; prices?: Readonly<Record<string, SourcedPrice>> },
): Estimate[] {
  return inputs.map((_, k) => {
    const input = estimatedInput(inputs, k, options.concurrency);
    const first = plan.sections[k]!.tiles[0];
    return estimatePrompt(input, first ? { width: first.w, height: first.h } : undefined, {
      model: options.model,
      ...(options.prices ? { prices: options.prices } : {}),
    });
  });
}

/** The sections' estimates as one: their input summed, `outputTokens` for the answers, the cost of both. */
export function totalEstimate(estimates: readonly Estimate[], outputTokens: number): Estimate {
  const sum = (pick: (e: Estimate) => number): number => estimates.reduce((total, e) => total + pick(e), 0);
  const price = estimates[0]?.price;
  const costs = estimates.map((e) => e.costUsd);
  const input = costs.every((c) => c !== undefined) ? costs.reduce((a, b) => a + b, 0) : undefined;
  const costUsd = input !== undefined && price ? input + (outputTokens * price.output) / 1_000_000 : undefined;
  return {
    estimate: true,
    textTokens: sum((e) => e.textTokens),
    imageTokens: sum((e) => e.imageTokens),
    inputTokens: sum((e) => e.inputTokens),
    outputTokens,
    costUsd,
    ...(costUsd !== undefined ? { batchCostUsd: costUsd / 2 } : {}),
    price,
  };
}
