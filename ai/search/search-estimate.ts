/**
 * The estimate before Search's model work is sent: captions are vision calls (the instructions, one picture at
 * low detail — a flat 85 tokens — and a ~60-word answer), embeddings are priced per input token. Text tokens
 * are counted as characters / 4 (the panel must estimate at once, without the worker's tokenizer); an
 * ESTIMATE, as everywhere (ai/estimate/estimate.ts). Pure: no SDK, no tokenizer.
 */
import { CAPTION_IMAGE_TOKENS, CAPTION_INSTRUCTIONS, CAPTION_OUTPUT_TOKENS } from "./caption-prompt.js";
import { priceFor, type SourcedPrice } from "../client/prices.js";

/** About 4 characters a token for English text with o200k_base / cl100k_base. */
export const approxTokens = (text: string): number => Math.ceil(text.length / 4);

const PER_MESSAGE_TOKENS = 4;
/** Tokens of one caption request's input: the instructions (two messages' framing) and the picture. */
export const CAPTION_INPUT_TOKENS = approxTokens(CAPTION_INSTRUCTIONS) + 2 * PER_MESSAGE_TOKENS + CAPTION_IMAGE_TOKENS;

export interface EnrichEstimateInput {
  /** Frames to describe. */
  captions: number;
  /** Characters of each text to embed (without a caption still to be made: that is added per new caption). */
  embeddingChars: readonly number[];
  /** How many of the texts to embed will carry a caption made by this run. */
  withNewCaption: number;
  captionModel: string;
  embeddingModel: string;
  prices?: Readonly<Record<string, SourcedPrice>>;
}

export interface EnrichEstimate {
  captionInputTokens: number;
  captionOutputTokens: number;
  embeddingTokens: number;
  /** USD; undefined when a model with work to do has no known price. */
  costUsd: number | undefined;
  captionPrice: SourcedPrice | undefined;
  embeddingPrice: SourcedPrice | undefined;
}

export function estimateEnrich(input: EnrichEstimateInput): EnrichEstimate {
  const captionInputTokens = input.captions * CAPTION_INPUT_TOKENS;
  const captionOutputTokens = input.captions * CAPTION_OUTPUT_TOKENS;
  const embeddingTokens =
    input.embeddingChars.reduce((sum, chars) => sum + Math.ceil(chars / 4), 0) +
    input.withNewCaption * CAPTION_OUTPUT_TOKENS;
  const captionPrice = input.captions > 0 ? priceFor(input.captionModel, input.prices) : undefined;
  const embeddingPrice = input.embeddingChars.length > 0 ? priceFor(input.embeddingModel, input.prices) : undefined;
  const known =
    (input.captions === 0 || captionPrice !== undefined) &&
    (input.embeddingChars.length === 0 || embeddingPrice !== undefined);
  const costUsd = known
    ? ((captionPrice ? captionInputTokens * captionPrice.input + captionOutputTokens * captionPrice.output : 0) +
        (embeddingPrice ? embeddingTokens * embeddingPrice.input : 0)) /
      1_000_000
    : undefined;
  return { captionInputTokens, captionOutputTokens, embeddingTokens, costUsd, captionPrice, embeddingPrice };
}
