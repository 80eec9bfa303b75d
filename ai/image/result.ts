/**
 * What an image request gives back, and what it reports while it runs: partial images, the model's text
 * (reasoning summary and message), each final image as it completes, and the usage. Images are bytes as
 * served with the format and pixel size read from them.
 */
import { ModelError } from "../errors/classify.js";
import { base64ToBytes } from "../../kernel/base64.js";
import { imageInfo } from "./bytes.js";
import type { ImageApi, ImageConversation, ServedFormat } from "./options.js";

export interface GeneratedImage {
  bytes: Uint8Array;
  format: ServedFormat;
  width: number;
  height: number;
  /** The prompt the model actually drew from, when it rewrote the user's (Responses tool, older models). */
  revisedPrompt?: string;
}

/** Token counts as one provider reported them; the details only when it gave them. */
export interface TokenCounts {
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
  inputTextTokens?: number;
  inputImageTokens?: number;
  outputImageTokens?: number;
  reasoningTokens?: number;
}

/**
 * Usage split by who spent it: the image model (Images API, the Responses tool) and the model that reasoned or chatted.
 */
export interface ImageUsage {
  image?: TokenCounts;
  model?: TokenCounts;
}

export type ImageProgress =
  /** A partial image of image `image` (0-based in the batch); each replaces the one before. */
  | { type: "partial"; image: number; index: number; bytes: Uint8Array; format: ServedFormat }
  /** Image `image` is complete. */
  | { type: "image"; image: number; result: GeneratedImage }
  /** Text as it streams: the reasoning summary, or the model's message beside the image. */
  | { type: "text"; channel: "reasoning" | "message"; delta: string }
  /** Usage as reported (per request; the result holds the sum). */
  | { type: "usage"; usage: ImageUsage };

export interface ImageResult {
  images: GeneratedImage[];
  api: ImageApi;
  model: string;
  imageModel: string;
  /** Responses API: the id a refinement builds on (`previous_response_id`). */
  responseId?: string;
  /** The first image's revised prompt, when the provider sent one. */
  revisedPrompt?: string;
  /** The reasoning summary and message text, as streamed (empty when none). */
  reasoning: string;
  message: string;
  usage?: ImageUsage;
  /** What a refinement of this result builds on (Responses: the id; chat: the kept messages). */
  conversation?: ImageConversation;
  /** How many partial images arrived. */
  partials: number;
}

/**
 * The largest side of an image any image model makes (4096 today) with room to spare; a header saying more is broken.
 */
export const MAX_SIDE = 16_384;

const possibleSize = (width: number, height: number): boolean =>
  Number.isInteger(width) &&
  Number.isInteger(height) &&
  width >= 1 &&
  height >= 1 &&
  width <= MAX_SIDE &&
  height <= MAX_SIDE;

/** An image from base64 as served; a reply that is no image the client can read is `bad-output`. */
export function decodeImage(base64: unknown, revisedPrompt?: unknown): GeneratedImage {
  if (typeof base64 !== "string" || base64 === "")
    throw new ModelError("bad-output", "The endpoint sent an image entry without data.");
  let bytes: Uint8Array;
  try {
    bytes = base64ToBytes(base64);
  } catch {
    throw new ModelError("bad-output", "The endpoint sent image data that is not valid base64.");
  }
  return imageFromBytes(bytes, revisedPrompt);
}

/** An image from its bytes, with the format and size they say; `bad-output` when they are no image. */
export function imageFromBytes(bytes: Uint8Array, revisedPrompt?: unknown): GeneratedImage {
  const info = imageInfo(bytes);
  if (!info)
    throw new ModelError(
      "bad-output",
      `The endpoint sent ${bytes.length.toLocaleString("en-US")} bytes that are not a PNG, JPEG, WebP or GIF image.`,
    );
  if (!possibleSize(info.width, info.height)) {
    throw new ModelError(
      "bad-output",
      `The endpoint sent an image of ${info.width.toLocaleString("en-US")}×${info.height.toLocaleString("en-US")} ` +
        `px, a size no image model makes (1 to ${MAX_SIDE.toLocaleString("en-US")} px a side).`,
    );
  }
  return { bytes, ...info, ...(typeof revisedPrompt === "string" && revisedPrompt.trim() ? { revisedPrompt } : {}) };
}

/**
 * A partial image's bytes and format; undefined when they are no image the panel can draw (not base64, not PNG, JPEG,
 * WebP or GIF): a partial is a preview that the final image replaces, so a broken one is skipped, never shown.
 */
export function decodePartial(base64: unknown): { bytes: Uint8Array; format: ServedFormat } | undefined {
  if (typeof base64 !== "string") return undefined;
  let bytes: Uint8Array;
  try {
    bytes = base64ToBytes(base64);
  } catch {
    return undefined;
  }
  const format = imageInfo(bytes)?.format;
  return format ? { bytes, format } : undefined;
}

const add = (a: number | undefined, b: number | undefined): number | undefined =>
  a === undefined && b === undefined ? undefined : (a ?? 0) + (b ?? 0);

export function sumCounts(a: TokenCounts | undefined, b: TokenCounts | undefined): TokenCounts | undefined {
  if (!a || !b) return a ?? b;
  const out: TokenCounts = {
    inputTokens: a.inputTokens + b.inputTokens,
    outputTokens: a.outputTokens + b.outputTokens,
    totalTokens: a.totalTokens + b.totalTokens,
  };
  for (const key of ["inputTextTokens", "inputImageTokens", "outputImageTokens", "reasoningTokens"] as const) {
    const value = add(a[key], b[key]);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** The sum of several requests' usage; undefined when none reported any. */
export function sumUsage(list: readonly (ImageUsage | undefined)[]): ImageUsage | undefined {
  let total: ImageUsage | undefined;
  for (const usage of list) {
    if (!usage) continue;
    const image = sumCounts(total?.image, usage.image);
    const model = sumCounts(total?.model, usage.model);
    total = { ...(image ? { image } : {}), ...(model ? { model } : {}) };
  }
  return total;
}
