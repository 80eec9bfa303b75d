/**
 * One Images API request (`images.generate`, or `images.edit` with reference images as a multipart upload),
 * streamed when partial images were asked for: `image_generation.partial_image` / `image_edit.partial_image`
 * events, then `*.completed` with the image and its usage. Otherwise one JSON reply with every image.
 */
import type { ImageEditStreamEvent, ImageGenStreamEvent, ImagesResponse } from "openai/resources/images";
import { guarded } from "../generate.js";
import { ModelError } from "../errors.js";
import type { ImagePlan } from "./request.js";
import { decodeImage, decodePartial, sumCounts, type GeneratedImage, type TokenCounts } from "./result.js";
import { keepImage, type PlanOutcome, type RunContext } from "./run-context.js";

type Usage = NonNullable<ImagesResponse["usage"]>;

export function imageCounts(usage: Usage | undefined): TokenCounts | undefined {
  if (!usage) return undefined;
  return {
    inputTokens: usage.input_tokens,
    outputTokens: usage.output_tokens,
    totalTokens: usage.total_tokens,
    ...(usage.input_tokens_details ? { inputTextTokens: usage.input_tokens_details.text_tokens, inputImageTokens: usage.input_tokens_details.image_tokens } : {}),
    ...(usage.output_tokens_details ? { outputImageTokens: usage.output_tokens_details.image_tokens } : {}),
  };
}

function readJson(response: ImagesResponse, context: RunContext): PlanOutcome {
  const images: GeneratedImage[] = [];
  for (const item of response.data ?? []) {
    if (!item.b64_json) throw new ModelError("bad-output", item.url ? "The endpoint sent an image URL instead of the image data." : "The endpoint sent an image entry without data.");
    const image = decodeImage(item.b64_json, item.revised_prompt);
    keepImage(images, image, context);
  }
  if (images.length === 0) throw new ModelError("bad-output", "The endpoint answered without an image.");
  const counts = imageCounts(response.usage);
  const usage = counts ? { image: counts } : undefined;
  if (usage) context.emit({ type: "usage", usage });
  return { images, ...(usage ? { usage } : {}), reasoning: "", message: "", partials: 0 };
}

async function readStream(stream: AsyncIterable<ImageGenStreamEvent | ImageEditStreamEvent>, context: RunContext): Promise<PlanOutcome> {
  const images: GeneratedImage[] = [];
  let counts: TokenCounts | undefined;
  let partials = 0;
  for await (const event of guarded(stream, context.signal)) {
    if (event.type === "image_generation.partial_image" || event.type === "image_edit.partial_image") {
      partials++;
      context.emit({ type: "partial", image: context.first + images.length, index: event.partial_image_index, ...decodePartial(event.b64_json) });
    } else if (event.type === "image_generation.completed" || event.type === "image_edit.completed") {
      const image = decodeImage(event.b64_json);
      keepImage(images, image, context);
      // Several completed events (n > 1) each report their own usage.
      counts = sumCounts(counts, imageCounts(event.usage));
    }
  }
  if (images.length === 0) throw new ModelError("truncated", "The stream ended before the image was complete.");
  const usage = counts ? { image: counts } : undefined;
  if (usage) context.emit({ type: "usage", usage });
  return { images, ...(usage ? { usage } : {}), reasoning: "", message: "", partials };
}

export async function runImagesPlan(plan: Extract<ImagePlan, { api: "images" }>, context: RunContext): Promise<PlanOutcome> {
  const options = { signal: context.signal };
  const images = context.client.images;
  if (plan.operation === "generate") {
    if (plan.params.stream) return readStream(await images.generate({ ...plan.params, stream: true }, options), context);
    return readJson(await images.generate({ ...plan.params, stream: false }, options), context);
  }
  if (plan.params.stream) return readStream(await images.edit({ ...plan.params, stream: true }, options), context);
  return readJson(await images.edit({ ...plan.params, stream: false }, options), context);
}
