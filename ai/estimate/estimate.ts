/**
 * Estimated input tokens and cost before sending. Text with gpt-tokenizer (o200k_base); the image from its
 * pixel size by OpenAI's tile rule; cost from the prices in client/prices.ts (or fetched ones). Everything here is an
 * ESTIMATE: providers count a little differently (message framing, newer models' image patching) and prices
 * change — show it as "about", never as a quote.
 */
import { readRasterSize } from "../../kernel/image-header.js";
import { batchCost, priceFor, type SourcedPrice } from "../client/prices.js";
import { base64ToBytes } from "../../kernel/base64.js";
import {
  firstImages,
  hasImage,
  systemInstructions,
  userTexts,
  type ImageDetail,
  type PromptInput,
} from "../code/prompt.js";
import { FILES_SCHEMA } from "../code/schema.js";

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
  const header = readRasterSize(bytes);
  return header?.format === "png" ? { width: header.width, height: header.height } : undefined;
}

let counter: ((text: string) => number) | undefined;

/**
 * Longest run of one kind (spaces, or anything else) handed to the tokenizer as one piece. gpt-tokenizer merges a
 * piece's pairs in time quadratic in its length: one run of a million characters without a space ("x" × 1,000,001
 * as a round's instructions) did not finish in 10 minutes. Real text breaks far sooner; a run cut here costs a token
 * or so at each cut, within the estimate's error.
 */
const MAX_RUN = 256;

const isSpace = (code: number): boolean =>
  code === 32 || (code >= 9 && code <= 13) || (code > 127 && /\s/.test(String.fromCharCode(code)));

/**
 * Loads the o200k_base tokenizer (once). It is imported on demand because its 200k-entry rank table costs
 * about a second to evaluate: in the panel's worker, a static import would charge that to every start, even
 * for offline code. Call before `estimate`, `estimatePrompt` or `countTextTokens`.
 */
export async function loadTokenizer(): Promise<void> {
  if (counter) return;
  const { countTokens } = await import("gpt-tokenizer/encoding/o200k_base");
  // A design's text may hold "<|endoftext|>": counted as the text it is (the API reads it so), not thrown on.
  counter = (text) => countTokens(text, NO_SPECIAL_TOKENS);
}

/** No special token is read from the text (the library's default throws on one). */
const NO_SPECIAL_TOKENS = { disallowedSpecial: new Set<string>() };

/**
 * Tokens of `text` with o200k_base, in time linear in its length (runs longer than MAX_RUN are counted in pieces);
 * `loadTokenizer()` must have finished.
 */
export function countTextTokens(text: string): number {
  const count = counter;
  if (!count) throw new Error("the tokenizer is not loaded yet: await loadTokenizer() first");
  let total = 0;
  let start = 0;
  let runStart = 0;
  let runSpace = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const space = isSpace(code);
    if (space !== runSpace) {
      runSpace = space;
      runStart = i;
    } else if (i - runStart >= MAX_RUN && !(code >= 0xdc00 && code <= 0xdfff)) {
      // Cut before `i` (never between a surrogate pair's halves).
      total += count(text.slice(start, i));
      start = i;
      runStart = i;
    }
  }
  return total + count(text.slice(start));
}

/** A few tokens of framing per message (role, separators), as in OpenAI's counting guide. */
const PER_MESSAGE_TOKENS = 4;

export interface EstimateInput {
  model: string;
  texts: readonly string[];
  image?: { width: number; height: number; detail?: ImageDetail };
  /** More images (a page's other drawings), each counted as `image` is. */
  moreImages?: readonly { width: number; height: number; detail?: ImageDetail }[];
  /** Expected output tokens, for the output side of the cost (default 0). */
  outputTokens?: number;
  /** Prices that win over the built-in table (e.g. from the endpoint's models listing). */
  prices?: Readonly<Record<string, SourcedPrice>>;
}

export interface Estimate {
  /** Always true: label it as an estimate in the UI. */
  estimate: true;
  textTokens: number;
  imageTokens: number;
  inputTokens: number;
  outputTokens: number;
  /** USD; undefined when the model has no known price. */
  costUsd: number | undefined;
  /** USD on OpenAI's Batch API (half of costUsd); undefined when costUsd is. */
  batchCostUsd?: number | undefined;
  /** The price used, with its source and date. */
  price: SourcedPrice | undefined;
}

export function estimate(input: EstimateInput): Estimate {
  const textTokens = input.texts.reduce((sum, text) => sum + countTextTokens(text) + PER_MESSAGE_TOKENS, 0);
  const image = [...(input.image ? [input.image] : []), ...(input.moreImages ?? [])].reduce(
    (sum, i) => sum + imageTokens(i.width, i.height, i.detail ?? "high"),
    0,
  );
  const inputTokens = textTokens + image;
  const outputTokens = input.outputTokens ?? 0;
  const price = priceFor(input.model, input.prices);
  const costUsd = price ? (inputTokens * price.input + outputTokens * price.output) / 1_000_000 : undefined;
  return {
    estimate: true,
    textTokens,
    imageTokens: image,
    inputTokens,
    outputTokens,
    costUsd,
    batchCostUsd: batchCost(costUsd),
    price,
  };
}

/**
 * The estimate for a first code-generation request built from `prompt` (instructions, texts, schema, image).
 * Without `imageDataUrl` only the structure is sent: 0 image tokens (also when `image`, its size, is unknown).
 */
export function estimatePrompt(
  prompt: PromptInput,
  image: { width: number; height: number } | undefined,
  options: { model: string; outputTokens?: number; prices?: Readonly<Record<string, SourcedPrice>> },
): Estimate {
  const withImage = hasImage(prompt);
  const detail = prompt.detail ?? "high";
  // A page's other drawings: each picture's size from its PNG header (the first is `image`).
  // Only the first picture is `image`: two pictures alike (a blank band's tiles) are both sent, so both counted.
  let first = withImage;
  const more = firstImages(prompt)
    .filter((i) => {
      if (!first || i.url !== prompt.imageDataUrl) return true;
      first = false;
      return false;
    })
    .flatMap((i) => {
      const header = /^data:image\/png;base64,([A-Za-z0-9+/]{32})/.exec(i.url);
      const size = header ? pngSize(base64ToBytes(header[1]!)) : undefined;
      return size ? [{ ...size, detail }] : [];
    });
  return estimate({
    model: options.model,
    texts: [
      systemInstructions(prompt, withImage),
      ...userTexts(prompt),
      ...firstImages(prompt).flatMap((i) => (i.label ? [i.label] : [])),
      JSON.stringify(FILES_SCHEMA),
    ],
    ...(withImage && image ? { image: { ...image, detail } } : {}),
    ...(more.length > 0 ? { moreImages: more } : {}),
    ...(options.outputTokens !== undefined ? { outputTokens: options.outputTokens } : {}),
    ...(options.prices ? { prices: options.prices } : {}),
  });
}
