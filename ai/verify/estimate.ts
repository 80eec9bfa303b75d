/**
 * The cost of one verify round before it is sent. A refinement is billed for the whole conversation again — the
 * Responses API counts the turns behind `previous_response_id` as input, chat completions send the kept messages —
 * so the input is the first request (instructions, design hint, schema, the design's picture), every answer so far,
 * the earlier rounds, and this round's measurement and pictures. The answer rewrites every file: the last answer's
 * length stands in for it. An ESTIMATE, as everywhere (ai/estimate/estimate.ts): prices from ai/client/prices.ts.
 */
import { base64ToBytes } from "../../kernel/base64.js";
import { countTextTokens, imageTokens, pngSize, type Estimate } from "../estimate/estimate.js";
import { priceFor, type SourcedPrice } from "../client/prices.js";
import { hasImage, systemInstructions, userTexts, type ImageDetail, type PromptInput } from "../code/prompt.js";
import { FILES_SCHEMA } from "../code/schema.js";
import type { RoundRequest } from "./request.js";

const PER_MESSAGE_TOKENS = 4;

/** An answer's text as the model wrote it (its kept attempt's): what the next turn of its conversation resends. */
export const answerText = (result: { attempts: readonly { text: string }[]; kept: number }): string =>
  result.attempts[result.kept]?.text ?? "";

/** Width and height of a PNG data URL, from its header alone (the first 32 base64 characters hold the IHDR size). */
export function pngDataUrlSize(url: string): { width: number; height: number } | undefined {
  const match = /^data:image\/png;base64,([A-Za-z0-9+/]{32})/.exec(url);
  return match ? pngSize(base64ToBytes(match[1]!)) : undefined;
}

export interface RoundEstimateInput {
  model: string;
  /** The conversation's first request. */
  prompt: PromptInput;
  /** The model's answers so far in this conversation, as it wrote them (the last one sizes the round's answer). */
  answers: readonly string[];
  /** The rounds already sent in this conversation. */
  earlier?: readonly RoundRequest[];
  round: RoundRequest;
  /** Prices that win over the built-in table (the endpoint's listing). */
  prices?: Readonly<Record<string, SourcedPrice>>;
}

/** `loadTokenizer()` must have finished. */
export function estimateRound(input: RoundEstimateInput): Estimate {
  const withImage = hasImage(input.prompt);
  const rounds = [...(input.earlier ?? []), input.round];
  const texts = [
    systemInstructions(input.prompt, withImage),
    ...userTexts(input.prompt),
    JSON.stringify(FILES_SCHEMA),
    ...input.answers,
    ...rounds.flatMap((r) => [r.instructions, ...r.images.map((i) => i.label)]),
  ];
  const pictures: { url: string; detail: ImageDetail }[] = [
    ...(withImage && input.prompt.imageDataUrl
      ? [{ url: input.prompt.imageDataUrl, detail: input.prompt.detail ?? "high" }]
      : []),
    ...rounds.flatMap((r) => r.images.map((i) => ({ url: i.url, detail: i.detail ?? "high" }))),
  ];
  const textTokens = texts.reduce((sum, text) => sum + countTextTokens(text) + PER_MESSAGE_TOKENS, 0);
  const pictureTokens = pictures.reduce((sum, p) => {
    const size = pngDataUrlSize(p.url);
    return sum + (size ? imageTokens(size.width, size.height, p.detail) : 0);
  }, 0);
  const inputTokens = textTokens + pictureTokens;
  const last = input.answers.at(-1);
  const outputTokens = last ? countTextTokens(last) : 0;
  const price = priceFor(input.model, input.prices);
  const costUsd = price ? (inputTokens * price.input + outputTokens * price.output) / 1_000_000 : undefined;
  return { estimate: true, textTokens, imageTokens: pictureTokens, inputTokens, outputTokens, costUsd, price };
}
