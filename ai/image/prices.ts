/**
 * Image model prices and image token counts for estimates, each with where it was read and when. GPT Image
 * models are priced per token (text in, image in, image out); an image's output tokens depend on its size
 * and quality. Every figure here makes an ESTIMATE ("about"), never a quote: prices change, and OpenAI
 * documents the output tokens only for a few sizes.
 */
import type { ImageQuality, SizeChoice } from "./options.js";
import { sizeRule } from "./limits.js";

/** USD per 1M tokens, with the source (a URL) and the day it was read there. */
export interface ImageTokenPrice {
  textInput: number;
  imageInput: number;
  imageOutput: number;
  source: string;
  asOf: string;
}

/**
 * gpt-image-2's list prices (standard tier) from OpenAI's pricing page, as published at its launch on
 * 2026-04-21. The docs site is not reachable from where this was written; the figures were read from
 * copies of the page that agree (xairouter.com/en/models/gpt-image-2, fal.ai/models/openai/gpt-image-2,
 * gptimage.news/guide/pricing), so check the source before relying on them.
 */
export const GPT_IMAGE_2_PRICE: ImageTokenPrice = {
  textInput: 5,
  imageInput: 8,
  imageOutput: 30,
  source: "https://platform.openai.com/docs/pricing",
  asOf: "2026-04-21",
};

/**
 * Output image tokens per image for gpt-image-2, from OpenAI's cost examples in the image generation guide
 * (1024×1024: $0.006 / $0.053 / $0.211; 1536×1024 and 1024×1536: $0.005 / $0.041 / $0.165 at $30 per 1M;
 * its calculator gives 7,024 and 5,488 tokens for high). Read from yingtu.ai's copy of the table (2026-05-06)
 * and the calculator figures quoted on community.openai.com.
 */
export const GPT_IMAGE_2_OUTPUT_TOKENS = {
  square: { low: 200, medium: 1767, high: 7024 },
  oblong: { low: 167, medium: 1367, high: 5488 },
  source: "https://developers.openai.com/api/docs/guides/image-generation#size-and-quality-options",
  asOf: "2026-05-06",
} as const;

/** Each partial image adds about 100 output image tokens (OpenAI's image generation guide). */
export const PARTIAL_IMAGE_TOKENS = 100;

/** The image price for a model: gpt-image-2 and models built on it; undefined when none is known. */
export function imagePriceFor(model: string): ImageTokenPrice | undefined {
  return sizeRule(model) === "flexible" ? GPT_IMAGE_2_PRICE : undefined;
}

/**
 * About how many output tokens one image costs: the documented figure for the nearest documented shape
 * (square below 5:4, else oblong), scaled with the square root of the pixel count, which matches the
 * calculator's larger sizes within a few percent. "auto" quality is counted as high (the most it may cost),
 * "auto" size as 1024×1024. Undefined for models whose token counts are not known.
 */
export function outputTokensPerImage(model: string, size: SizeChoice, quality: ImageQuality): number | undefined {
  if (sizeRule(model) !== "flexible") return undefined;
  const q = quality === "auto" ? "high" : quality;
  const { width, height } = size === "auto" ? { width: 1024, height: 1024 } : size;
  const square = Math.max(width, height) / Math.min(width, height) < 1.25;
  const anchor = square ? GPT_IMAGE_2_OUTPUT_TOKENS.square[q] : GPT_IMAGE_2_OUTPUT_TOKENS.oblong[q];
  const anchorPixels = square ? 1024 * 1024 : 1536 * 1024;
  return Math.round(anchor * Math.sqrt((width * height) / anchorPixels));
}
