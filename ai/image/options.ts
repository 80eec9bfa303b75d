/**
 * The words of an image request, one definition each: which API draws it, the parameters the user controls
 * (size, quality, background, format, count, partial images), references, the design hint and what a
 * refinement builds on. Pure data; the checks are in check.ts, the request bodies in request.ts.
 */
import type { ChatCompletionMessageParam } from "openai/resources/chat/completions";
import type { ImageBackground, ImageFormat, ImageQuality } from "../../contract/words.js";
import type { Mask } from "../mask/mask.js";

// One definition of each word, in the contract: the panel and the main thread speak them too.
export { IMAGE_APIS, IMAGE_BACKGROUNDS, IMAGE_FORMATS, IMAGE_QUALITIES } from "../../contract/words.js";
export type { ImageApi, ImageBackground, ImageFormat, ImageQuality } from "../../contract/words.js";

/** Formats recognised in bytes that come back (a GIF is readable too, though never asked for). */
export type ServedFormat = ImageFormat | "gif";

export const MIN_IMAGES = 1;
export const MAX_IMAGES = 4;
export const MAX_PARTIALS = 3;
/** The Images API's prompt limit for GPT image models, in characters. */
export const MAX_PROMPT_CHARS = 32_000;
/** The Images API takes up to 16 input images per edit. */
export const MAX_REFERENCES = 16;

/** What a local server (SD.Next, AUTOMATIC1111, ComfyUI) is asked to draw, in the words both clients take. */
export interface LocalDrawing {
  prompt: string;
  negativePrompt?: string;
  width: number;
  height: number;
  steps?: number;
  cfgScale?: number;
  sampler?: string;
}

export interface ImageSize {
  width: number;
  height: number;
}

/** "auto" lets the model pick the size. */
export type SizeChoice = "auto" | ImageSize;

/** An image sent to the model: a reference, or the version a refinement starts from. PNG, JPEG or WebP. */
export interface ImageInput {
  bytes: Uint8Array;
  /** A file name for multipart uploads (default `reference-<n>.<ext>`). */
  name?: string;
}

/** What a later request needs to build on a result: the Responses API's id, or the chat messages kept so far. */
export type ImageConversation =
  | { kind: "responses"; previousResponseId: string }
  | { kind: "chat"; messages: ChatCompletionMessageParam[] };

/**
 * What a refinement starts from. Responses: `previous_response_id` from the conversation; chat: the kept
 * messages plus the image again (assistant messages cannot carry images); Images API: an edit with `image`
 * as its first input.
 */
export interface ImageRefinement {
  conversation?: ImageConversation;
  image?: ImageInput;
}

export interface ImageRequest {
  /** The user's words (for a refinement: what to change). */
  prompt: string;
  size?: SizeChoice;
  quality?: ImageQuality;
  background?: ImageBackground;
  format?: ImageFormat;
  /** How many images, 1–4. */
  count?: number;
  /** Partial images to stream per image, 0–3 (Images and Responses APIs). */
  partials?: number;
  /** Reference images (the selection's PNG, files): Images API edits, Responses input_image, chat image_url. */
  references?: readonly ImageInput[];
  /** The selection's compact design hint: sent as delimited data, never as instructions. */
  designHint?: string;
  refine?: ImageRefinement;
  /**
   * Inpainting: the part of the first input image (the image to refine, else the first reference) to repaint,
   * at that image's pixel size (ai/mask/: 255 = repaint). The Images API's edits only; sent in each
   * provider's convention (OpenAI: an RGBA PNG, transparent = repaint).
   */
  mask?: Mask;
  /**
   * A render of a frame ("Render this frame"): the first reference is the frame's picture, whose composition
   * (layout, positions, proportions) the image keeps; `prompt` is then the look asked for, sent as data.
   */
  keepComposition?: boolean;
}

/** A request with every parameter filled in (defaults applied). */
export interface ResolvedImageRequest
  extends Required<Omit<ImageRequest, "designHint" | "refine" | "mask" | "keepComposition">> {
  designHint?: string;
  refine?: ImageRefinement;
  mask?: Mask;
  keepComposition?: boolean;
}

export const IMAGE_DEFAULTS = {
  size: "auto",
  quality: "auto",
  background: "auto",
  format: "png",
  count: 1,
  partials: 0,
} as const satisfies Partial<ImageRequest>;

export function resolveRequest(request: ImageRequest): ResolvedImageRequest {
  return {
    prompt: request.prompt,
    size: request.size ?? IMAGE_DEFAULTS.size,
    quality: request.quality ?? IMAGE_DEFAULTS.quality,
    background: request.background ?? IMAGE_DEFAULTS.background,
    format: request.format ?? IMAGE_DEFAULTS.format,
    count: request.count ?? IMAGE_DEFAULTS.count,
    partials: request.partials ?? IMAGE_DEFAULTS.partials,
    references: request.references ?? [],
    ...(request.designHint?.trim() ? { designHint: request.designHint } : {}),
    ...(request.refine ? { refine: request.refine } : {}),
    ...(request.mask ? { mask: request.mask } : {}),
    ...(request.keepComposition ? { keepComposition: true } : {}),
  };
}

/** "1536x1024" (also "1536×1024" or "1536 x 1024") or "auto"; undefined for anything else. */
export function parseSize(text: string): SizeChoice | undefined {
  const value = text.trim().toLowerCase();
  if (value === "auto") return "auto";
  const match = /^(\d{1,6})\s*[x×]\s*(\d{1,6})$/.exec(value);
  if (!match) return undefined;
  return { width: Number(match[1]), height: Number(match[2]) };
}

/** The size as the APIs write it: "1536x1024" or "auto". */
export function sizeText(size: SizeChoice): string {
  return size === "auto" ? "auto" : `${size.width}x${size.height}`;
}

/** Presets for common frame shapes, each valid for gpt-image-2 (sides in steps of 16, aspect ≤ 3:1). */
export const SIZE_PRESETS: readonly { name: string; size: ImageSize }[] = [
  { name: "Square", size: { width: 1024, height: 1024 } },
  { name: "Landscape 3:2", size: { width: 1536, height: 1024 } },
  { name: "Portrait 2:3", size: { width: 1024, height: 1536 } },
  { name: "Desktop 16:9", size: { width: 1920, height: 1088 } },
  { name: "Mobile 9:19.5", size: { width: 720, height: 1552 } },
  { name: "Banner 3:1", size: { width: 2304, height: 768 } },
];
