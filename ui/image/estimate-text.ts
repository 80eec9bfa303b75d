/** The image estimate and the usage after, in the panel's words. Pure. */
import type { ImageEstimate } from "../../ai/image/estimate.js";
import { approxCost, formatCost, int, perMillion, sourceHost, tokenPriceText } from "../model/cost.js";
import type { ImageUsageData } from "../engine/protocol/image.js";

/** "≈ 1,020 input tokens (765 for the reference) · ≈ 1,367 image tokens × 2 · ≈ $0.09". */
export function imageEstimateText(estimate: ImageEstimate, imageModel: string): string {
  const refs = estimate.imageTokens > 0 ? ` (${int(estimate.imageTokens)} for the images sent)` : "";
  const per = estimate.outputTokensPerImage;
  const output =
    per === undefined
      ? ` · output tokens unknown for ${imageModel}`
      : ` · ≈ ${int(per)} image tokens${estimate.images > 1 ? ` × ${estimate.images}` : ""}`;
  const cost = estimate.costUsd === undefined ? " · no price known" : ` · ${approxCost(estimate.costUsd)}`;
  return `≈ ${int(estimate.inputTokens)} input tokens${refs}${output}${cost}`;
}

/** Where the prices come from: the image model's per-token prices and, when another model reads, its own. */
export function imagePriceLines(
  estimate: ImageEstimate,
  model: string,
  imageModel: string,
): { text: string; title: string }[] {
  const lines: { text: string; title: string }[] = [];
  const image = estimate.imagePrice;
  if (image)
    lines.push({
      text:
        `${imageModel}: ${perMillion(image.textInput)} text in · ${perMillion(image.imageInput)} image in · ` +
        `${perMillion(image.imageOutput)} image out per 1M tokens, from ${sourceHost(image.source)}, ${image.asOf}`,
      title: image.source,
    });
  if (estimate.modelPrice)
    lines.push({ text: tokenPriceText(estimate.modelPrice, model), title: estimate.modelPrice.source });
  return lines;
}

/** "Used 1,234 input · 4,160 output tokens · $0.13" from the usage the provider reported. */
export function usageText(usage: ImageUsageData | undefined, costUsd: number | undefined): string | undefined {
  if (!usage) return undefined;
  const input = (usage.image?.inputTokens ?? 0) + (usage.model?.inputTokens ?? 0);
  const output = (usage.image?.outputTokens ?? 0) + (usage.model?.outputTokens ?? 0);
  return (
    `Used ${int(input)} input · ${int(output)} output ` +
    `tokens${costUsd !== undefined ? ` · ${formatCost(costUsd)}` : ""}`
  );
}
