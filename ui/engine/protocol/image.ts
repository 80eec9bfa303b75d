/**
 * The image requests between the panel and the worker, each field defined once with its check (a section of the
 * engine's protocol, joined in index.ts): `image-prepare` (the design hint, the parameter check and the
 * estimate, before anything is sent) and `generate-image` (one image request, streaming partial images,
 * reasoning text and usage as events until its reply). Pure data: the worker builds ai/ structures from these
 * fields.
 */
import type { ChatCompletionMessageParam } from "openai/resources/chat/completions";
import type { ImageEstimate } from "../../../ai/image/estimate.js";
import {
  IMAGE_BACKGROUNDS,
  IMAGE_FORMATS,
  IMAGE_QUALITIES,
  MAX_IMAGES,
  MAX_PARTIALS,
  MAX_REFERENCES,
} from "../../../ai/image/options.js";
import {
  array,
  boolean,
  bytes,
  custom,
  isDenseList,
  json,
  number,
  object,
  oneOf,
  opaque,
  optional,
  string,
  type Infer,
} from "../../../contract/fields.js";
import { MAX_MASK_SIDE } from "../../../contract/mask.js";
import { fetchedPricesField } from "../../../contract/messages.js";
import { settingsField } from "../../../contract/settings.js";
import type { Section } from "./common.js";

const count = (max: number) => number({ integer: true, min: 0, max });
const SERVED_FORMATS = [...IMAGE_FORMATS, "gif"] as const;
const IMAGE_FIELDS = [
  "prompt",
  "size",
  "quality",
  "background",
  "format",
  "count",
  "partials",
  "references",
  "refine",
  "mask",
] as const;

const sizeValue = object({ width: number({ integer: true, min: 1 }), height: number({ integer: true, min: 1 }) });
/** "auto" or a width and height in pixels. */
const sizeChoice = custom<"auto" | Infer<typeof sizeValue>>("auto or { width, height }", (v) => {
  if (v === "auto") return "auto";
  try {
    return sizeValue.check(v, "size");
  } catch {
    return undefined;
  }
});
const imageInput = object({ bytes: bytes(), name: optional(string({ max: 200 })) });
const maskShape = object({
  width: number({ integer: true, min: 1, max: MAX_MASK_SIDE }),
  height: number({ integer: true, min: 1, max: MAX_MASK_SIDE }),
  coverage: bytes({ max: MAX_MASK_SIDE * MAX_MASK_SIDE }),
});
/**
 * The mask model (ai/mask/: 255 = repaint), a byte per pixel of the image it repaints; the worker encodes it per
 * provider.
 */
export const maskField = custom<Infer<typeof maskShape>>(
  "a mask: { width, height, coverage } with a coverage byte per pixel",
  (v) => {
    try {
      const mask = maskShape.check(v, "mask");
      return mask.coverage.length === mask.width * mask.height ? mask : undefined;
    } catch {
      return undefined;
    }
  },
);
const chatMessages = custom<ChatCompletionMessageParam[]>("chat messages (an array)", (v) =>
  isDenseList(v) ? (v as ChatCompletionMessageParam[]) : undefined,
);

/** What a refinement builds on: the Responses API's id, the kept chat messages, and/or the image itself. */
const refineField = object({
  previousResponseId: optional(string({ nonEmpty: true, max: 500 })),
  messages: optional(chatMessages),
  image: optional(imageInput),
});

/** The image request, field by field (ai/image/options.ts ImageRequest, the refinement flattened). */
export const imageRequestField = object({
  prompt: string({ max: 100_000 }),
  size: sizeChoice,
  quality: oneOf(IMAGE_QUALITIES),
  background: optional(oneOf(IMAGE_BACKGROUNDS)),
  format: optional(oneOf(IMAGE_FORMATS)),
  count: number({ integer: true, min: 1, max: MAX_IMAGES }),
  partials: count(MAX_PARTIALS),
  references: array(imageInput, { max: MAX_REFERENCES }),
  designHint: optional(string()),
  refine: optional(refineField),
  /**
   * A render of a frame: the first reference is its picture, whose composition the image keeps; the prompt is the look.
   */
  keepComposition: optional(boolean()),
  /** Inpainting: what to repaint of the first image (the image to refine, else the first reference). */
  mask: optional(maskField),
});
export type ImageRequestData = Infer<typeof imageRequestField>;

/** OpenAI only: the Responses API (the model reasons, then draws) instead of the Images API. */
const route = { settings: settingsField, reasonFirst: boolean() };

const tokenCounts = object({
  inputTokens: number({ min: 0 }),
  outputTokens: number({ min: 0 }),
  totalTokens: number({ min: 0 }),
  inputTextTokens: optional(number({ min: 0 })),
  inputImageTokens: optional(number({ min: 0 })),
  outputImageTokens: optional(number({ min: 0 })),
  reasoningTokens: optional(number({ min: 0 })),
});
export const imageUsageField = object({ image: optional(tokenCounts), model: optional(tokenCounts) });
export type ImageUsageData = Infer<typeof imageUsageField>;

export const generatedImageField = object({
  bytes: bytes(),
  format: oneOf(SERVED_FORMATS),
  width: number({ min: 1 }),
  height: number({ min: 1 }),
  revisedPrompt: optional(string()),
});
export type GeneratedImageData = Infer<typeof generatedImageField>;

const problem = object({ field: oneOf(IMAGE_FIELDS), message: string() });
export type ImageProblemData = Infer<typeof problem>;
/** What a refinement of a result builds on next time (Responses: the id; chat: the kept messages). */
const conversationField = object({ previousResponseId: optional(string()), messages: optional(chatMessages) });
export type ImageConversationData = Infer<typeof conversationField>;

export const imageSection = {
  requests: {
    /** The design hint from `exports` (when given), the parameter check and the estimate; nothing is sent. */
    "image-prepare": {
      ...route,
      request: imageRequestField,
      exports: optional(array(object({ id: string({ nonEmpty: true }), json: json() }), { max: 50 })),
      prices: optional(fetchedPricesField),
    },
    /** One image request (or refinement) with the key of the settings' endpoint. */
    "generate-image": {
      ...route,
      apiKey: string({ nonEmpty: true, max: 1000 }),
      request: imageRequestField,
      timeoutMs: number({ min: 1 }),
      prices: optional(fetchedPricesField),
    },
  },
  replies: {
    "image-prepare": {
      problems: array(problem),
      notes: array(string()),
      designHint: optional(string()),
      /** Where it goes: the API, the model that answers, the model that draws, the endpoint's host. */
      api: oneOf(["images", "responses", "chat"]),
      model: string(),
      imageModel: string(),
      estimate: optional(opaque<ImageEstimate>("an image estimate")),
    },
    "generate-image": {
      images: array(generatedImageField, { max: MAX_IMAGES }),
      api: oneOf(["images", "responses", "chat"]),
      model: string(),
      imageModel: string(),
      conversation: optional(conversationField),
      revisedPrompt: optional(string()),
      reasoning: string(),
      message: string(),
      usage: optional(imageUsageField),
      /** What the reported usage costs at the known prices (computed in the worker, where the prices live). */
      costUsd: optional(number({ min: 0 })),
      partials: count(1000),
    },
  },
  events: {
    /** A partial image of image `image` (0-based in the batch); it replaces the one before. */
    "image-partial": {
      image: count(MAX_IMAGES),
      index: count(100),
      /** The partial's bytes (their buffer transferred, not copied); the panel decodes them. */
      bytes: bytes(),
      format: optional(oneOf(SERVED_FORMATS)),
      /** When the model client reported it in the worker (epoch ms), for the event → paint measure. */
      at: number({ min: 0 }),
    },
    /** Image `image` is complete (its bytes come again in the reply, in batch order). */
    "image-done": { image: count(MAX_IMAGES), result: generatedImageField },
    "image-text": { channel: oneOf(["reasoning", "message"]), delta: string() },
    "image-usage": { usage: imageUsageField },
  },
  streams: { "generate-image": ["image-partial", "image-done", "image-text", "image-usage"] },
  estimates: ["image-prepare"],
  codeParts: {},
} as const satisfies Section;
