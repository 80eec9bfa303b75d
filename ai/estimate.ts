/**
 * Estimated input tokens and cost before sending. Text with gpt-tokenizer (o200k_base); the image from its
 * pixel size by OpenAI's tile rule; cost from a small, overridable price table. Everything here is an
 * ESTIMATE: providers count a little differently (message framing, newer models' image patching) and prices
 * change — show it as "about", never as a quote.
 */
import { hasImage, systemInstructions, userTexts, type ImageDetail, type PromptInput } from "./prompt.js";
import { FILES_SCHEMA } from "./schema.js";

/** USD per 1M tokens. */
export interface ModelPrice {
  input: number;
  output: number;
}

/**
 * Example list prices (USD per 1M tokens, standard tier) used for the estimate only. Not authoritative:
 * callers pass their own table to override. Unknown models get no cost.
 */
export const ESTIMATE_PRICES: Readonly<Record<string, ModelPrice>> = {
  "gpt-4o": { input: 2.5, output: 10 },
  "gpt-4o-mini": { input: 0.15, output: 0.6 },
  "gpt-4.1": { input: 2, output: 8 },
  "gpt-4.1-mini": { input: 0.4, output: 1.6 },
  "gpt-5": { input: 1.25, output: 10 },
  "gpt-5-mini": { input: 0.25, output: 2 },
};

/** Image tokens for a `width`×`height` image: 85 for low; 85 + 170 per 512px tile after scaling for high. */
export function imageTokens(width: number, height: number, detail: ImageDetail = "high"): number {
  if (detail === "low") return 85;
  return 85 + 170 * imageTiles(width, height);
}

/** 512px tiles after fitting within 2048×2048 and then scaling the shortest side down to 768. */
export function imageTiles(width: number, height: number): number {
  if (!(width > 0 && height > 0)) return 0;
  let w = width;
  let h = height;
  const fit = Math.min(1, 2048 / Math.max(w, h));
  w *= fit;
  h *= fit;
  const shortest = Math.min(w, h);
  if (shortest > 768) {
    const scale = 768 / shortest;
    w *= scale;
    h *= scale;
  }
  return Math.ceil(Math.floor(w) / 512) * Math.ceil(Math.floor(h) / 512);
}

/** Width and height from a PNG's IHDR chunk; undefined if the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

let counter: ((text: string) => number) | undefined;

/**
 * Loads the o200k_base tokenizer (once). It is imported on demand because its 200k-entry rank table costs
 * about a second to evaluate: in the panel's worker, a static import would charge that to every start, even
 * for offline code. Call before `estimate`, `estimatePrompt` or `countTextTokens`.
 */
export async function loadTokenizer(): Promise<void> {
  if (counter) return;
  const { countTokens } = await import("gpt-tokenizer/encoding/o200k_base");
  counter = countTokens;
}

/** Tokens of `text` with o200k_base; `loadTokenizer()` must have finished. */
export function countTextTokens(text: string): number {
  if (!counter) throw new Error("the tokenizer is not loaded yet: await loadTokenizer() first");
  return counter(text);
}

/** A few tokens of framing per message (role, separators), as in OpenAI's counting guide. */
const PER_MESSAGE_TOKENS = 4;

export interface EstimateInput {
  model: string;
  texts: readonly string[];
  image?: { width: number; height: number; detail?: ImageDetail };
  /** Expected output tokens, for the output side of the cost (default 0). */
  outputTokens?: number;
  prices?: Readonly<Record<string, ModelPrice>>;
}

export interface Estimate {
  /** Always true: label it as an estimate in the UI. */
  estimate: true;
  textTokens: number;
  imageTokens: number;
  inputTokens: number;
  outputTokens: number;
  /** USD; undefined when the model has no price in the table. */
  costUsd: number | undefined;
  price: ModelPrice | undefined;
}

/** Looks up a price by exact model name, then without a provider prefix (`openai/gpt-4o` → `gpt-4o`). */
export function priceFor(
  model: string,
  prices: Readonly<Record<string, ModelPrice>> = ESTIMATE_PRICES,
): ModelPrice | undefined {
  if (Object.hasOwn(prices, model)) return prices[model];
  const bare = model.slice(model.lastIndexOf("/") + 1);
  return Object.hasOwn(prices, bare) ? prices[bare] : undefined;
}

export function estimate(input: EstimateInput): Estimate {
  const textTokens = input.texts.reduce((sum, text) => sum + countTextTokens(text) + PER_MESSAGE_TOKENS, 0);
  const image = input.image ? imageTokens(input.image.width, input.image.height, input.image.detail ?? "high") : 0;
  const inputTokens = textTokens + image;
  const outputTokens = input.outputTokens ?? 0;
  const price = priceFor(input.model, input.prices);
  const costUsd = price ? (inputTokens * price.input + outputTokens * price.output) / 1_000_000 : undefined;
  return { estimate: true, textTokens, imageTokens: image, inputTokens, outputTokens, costUsd, price };
}

/**
 * The estimate for a first code-generation request built from `prompt` (instructions, texts, schema, image).
 * Without `imageDataUrl` only the structure is sent: 0 image tokens (also when `image`, its size, is unknown).
 */
export function estimatePrompt(
  prompt: PromptInput,
  image: { width: number; height: number } | undefined,
  options: { model: string; outputTokens?: number; prices?: Readonly<Record<string, ModelPrice>> },
): Estimate {
  const withImage = hasImage(prompt);
  return estimate({
    model: options.model,
    texts: [systemInstructions(prompt, withImage), ...userTexts(prompt), JSON.stringify(FILES_SCHEMA)],
    ...(withImage && image ? { image: { ...image, detail: prompt.detail ?? "high" } } : {}),
    ...(options.outputTokens !== undefined ? { outputTokens: options.outputTokens } : {}),
    ...(options.prices ? { prices: options.prices } : {}),
  });
}
