/**
 * Request bodies for the three image paths, pure data in and SDK params out (no network), so estimates, the
 * bench and tests see exactly what would be sent. A request for several images becomes several requests
 * where one cannot carry them: partial images are streamed per image (the Images API's stream events carry
 * no image index), and chat endpoints and the Responses API draw one image per reply.
 */
import type {
  ChatCompletionContentPart,
  ChatCompletionCreateParamsBase,
  ChatCompletionMessageParam,
} from "openai/resources/chat/completions";
import type { ImageEditParams, ImageGenerateParams } from "openai/resources/images";
import type { ResponseCreateParamsStreaming, ResponseInputContent } from "openai/resources/responses/responses";
import { openAiMaskPng } from "../mask/convert.js";
import { imageInfo, MIME, toDataUrl } from "./bytes.js";
import type { ImageConfig } from "./config.js";
import { designBlock, imageInstructions, imagesPrompt, requestText } from "./prompt.js";
import { resolveRequest, sizeText, type ImageInput, type ImageRequest, type ResolvedImageRequest } from "./options.js";

/** Chat completions with image output: OpenRouter's `modalities` (and `image_config`), not in OpenAI's chat types. */
export interface ChatImageParams extends Omit<ChatCompletionCreateParamsBase, "modalities" | "stream"> {
  modalities: ["image", "text"];
  image_config?: { aspect_ratio: string };
  stream: true;
  stream_options: { include_usage: true };
}

export type ImagePlan =
  | { api: "images"; operation: "generate"; params: ImageGenerateParams }
  | { api: "images"; operation: "edit"; params: ImageEditParams }
  | { api: "responses"; params: ResponseCreateParamsStreaming }
  | { api: "chat"; params: ChatImageParams };

export interface PlanOptions {
  /** Responses: ask for a reasoning summary to stream (default true; turn off for models without reasoning). */
  reasoningSummary?: boolean;
}

/** The inputs of a request: the image being refined first, then the references. */
export function inputsOf(request: ResolvedImageRequest): ImageInput[] {
  return [...(request.refine?.image ? [request.refine.image] : []), ...request.references];
}

function file(input: ImageInput, index: number): File {
  const format = imageInfo(input.bytes)?.format ?? "png";
  const name = input.name ?? `reference-${index + 1}.${format === "jpeg" ? "jpg" : format}`;
  // A copy keeps the File independent of the caller's buffer (which may be a view of a larger one).
  return new File([input.bytes.slice()], name, { type: MIME[format] });
}

function imagesPlan(config: ImageConfig, r: ResolvedImageRequest, n: number): ImagePlan {
  const stream = r.partials > 0;
  const common = {
    model: config.model,
    prompt: imagesPrompt(r).prompt,
    n,
    ...(r.size !== "auto" ? { size: sizeText(r.size) } : {}),
    ...(r.quality !== "auto" ? { quality: r.quality } : {}),
    ...(r.background !== "auto" ? { background: r.background } : {}),
    output_format: r.format,
    ...(stream ? { stream: true as const, partial_images: r.partials } : {}),
  };
  const inputs = inputsOf(r);
  if (inputs.length === 0) return { api: "images", operation: "generate", params: common };
  const files = inputs.map(file);
  // The mask applies to the first image: transparent where it is repainted (check.ts has matched their sizes).
  const mask = r.mask ? { mask: new File([openAiMaskPng(r.mask).slice()], "mask.png", { type: "image/png" }) } : {};
  return {
    api: "images",
    operation: "edit",
    params: { ...common, image: files.length === 1 ? files[0]! : files, ...mask },
  };
}

function responsesPlan(config: ImageConfig, r: ResolvedImageRequest, options: PlanOptions): ImagePlan {
  const previous = r.refine?.conversation?.kind === "responses" ? r.refine.conversation.previousResponseId : undefined;
  // Building on a previous response, its image is already in context; otherwise the image to refine is attached.
  const images = previous ? r.references : inputsOf(r);
  const content: ResponseInputContent[] = [
    ...images.map(
      (input): ResponseInputContent => ({ type: "input_image", image_url: toDataUrl(input.bytes), detail: "high" }),
    ),
    ...(r.designHint ? [{ type: "input_text" as const, text: designBlock(r.designHint) }] : []),
    { type: "input_text", text: requestText(r, "responses", !previous) },
  ];
  return {
    api: "responses",
    params: {
      model: config.model,
      instructions: imageInstructions("responses"),
      input: [{ role: "user", content }],
      tools: [
        {
          type: "image_generation",
          model: config.imageModel,
          ...(r.size !== "auto" ? { size: sizeText(r.size) } : {}),
          ...(r.quality !== "auto" ? { quality: r.quality } : {}),
          ...(r.background !== "auto" ? { background: r.background } : {}),
          output_format: r.format,
          partial_images: r.partials,
        },
      ],
      tool_choice: { type: "image_generation" },
      ...(options.reasoningSummary === false ? {} : { reasoning: { summary: "auto" as const } }),
      ...(previous ? { previous_response_id: previous } : {}),
      stream: true,
    },
  };
}

/** OpenRouter's aspect ratios for `image_config` (its image-generation guide). */
const OPENROUTER_RATIOS = ["1:1", "2:3", "3:2", "3:4", "4:3", "4:5", "5:4", "9:16", "16:9", "21:9"] as const;

function nearestRatio(width: number, height: number): string {
  const target = Math.log(width / height);
  const value = (r: string): number => Math.log(Number(r.split(":")[0]) / Number(r.split(":")[1]));
  return OPENROUTER_RATIOS.reduce((best, r) =>
    Math.abs(value(r) - target) < Math.abs(value(best) - target) ? r : best,
  );
}

function chatPlan(config: ImageConfig, r: ResolvedImageRequest): ImagePlan {
  const kept = r.refine?.conversation?.kind === "chat" ? r.refine.conversation.messages : undefined;
  const images = kept ? (r.refine?.image ? [r.refine.image] : []).concat(r.references) : inputsOf(r);
  const content: ChatCompletionContentPart[] = [
    ...images.map(
      (input): ChatCompletionContentPart => ({
        type: "image_url",
        image_url: { url: toDataUrl(input.bytes), detail: "high" },
      }),
    ),
    ...(r.designHint && !kept ? [{ type: "text" as const, text: designBlock(r.designHint) }] : []),
    { type: "text", text: requestText(r, "chat") },
  ];
  const messages: ChatCompletionMessageParam[] = kept
    ? [...kept, { role: "user", content }]
    : [
        { role: "system", content: imageInstructions("chat") },
        { role: "user", content },
      ];
  return {
    api: "chat",
    params: {
      model: config.model,
      messages,
      modalities: ["image", "text"],
      ...(config.provider === "openrouter" && r.size !== "auto"
        ? { image_config: { aspect_ratio: nearestRatio(r.size.width, r.size.height) } }
        : {}),
      stream: true,
      stream_options: { include_usage: true },
    },
  };
}

/**
 * The requests that make up an image request, in order; the images they return are numbered in this order.
 * Does not check the request (see check.ts).
 */
export function buildImageRequests(config: ImageConfig, request: ImageRequest, options: PlanOptions = {}): ImagePlan[] {
  const r = resolveRequest(request);
  if (config.api === "responses") return [responsesPlan(config, r, options)];
  if (config.api === "chat") return Array.from({ length: r.count }, () => chatPlan(config, r));
  if (r.partials > 0 && r.count > 1) return Array.from({ length: r.count }, () => imagesPlan(config, r, 1));
  return [imagesPlan(config, r, r.count)];
}

/** How many images a plan asks for. */
export function imagesIn(plan: ImagePlan): number {
  return plan.api === "images" ? (plan.params.n ?? 1) : 1;
}
