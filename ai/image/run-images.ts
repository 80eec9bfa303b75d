/**
 * One Images API request (`images.generate`, or `images.edit` with reference images as a multipart upload),
 * streamed when partial images were asked for: `image_generation.partial_image` / `image_edit.partial_image`
 * events, then `*.completed` with the image and its usage. Otherwise one JSON reply with every image.
 */
import type { ImageEditStreamEvent, ImageGenStreamEvent, ImagesResponse } from "openai/resources/images";
import { guarded } from "../answer/stream-events.js";
import { streamedEvents } from "../answer/sse.js";
import { ModelError } from "../errors/classify.js";
import { badShape, countOf, isRecord, shapeChecked, tokens } from "../answer/answer-shape.js";
import type { ImagePlan } from "./request.js";
import { decodeImage, decodePartial, sumCounts, type GeneratedImage, type TokenCounts } from "./result.js";
import { keepImage, type PlanOutcome, type RunContext } from "./run-context.js";

type Usage = NonNullable<ImagesResponse["usage"]>;

export function imageCounts(usage: Usage | undefined): TokenCounts | undefined {
  const given: unknown = usage;
  if (!isRecord(given)) return undefined;
  const input: unknown = given["input_tokens_details"];
  const output: unknown = given["output_tokens_details"];
  return {
    inputTokens: tokens(given, "input_tokens"),
    outputTokens: tokens(given, "output_tokens"),
    totalTokens: tokens(given, "total_tokens"),
    ...(isRecord(input)
      ? { inputTextTokens: tokens(input, "text_tokens"), inputImageTokens: tokens(input, "image_tokens") }
      : {}),
    ...(isRecord(output) ? { outputImageTokens: tokens(output, "image_tokens") } : {}),
  };
}

/** One entry of `data`: its image, or why it holds none. */
function entryImage(item: unknown): GeneratedImage {
  if (!isRecord(item))
    throw new ModelError("bad-output", "The endpoint's list of images holds an entry that is no image record.");
  if (typeof item["b64_json"] !== "string" || item["b64_json"] === "")
    throw new ModelError(
      "bad-output",
      typeof item["url"] === "string"
        ? "The endpoint sent an image URL instead of the image data."
        : "The endpoint sent an image entry without data.",
    );
  return decodeImage(item["b64_json"], item["revised_prompt"]);
}

function readJson(response: ImagesResponse, context: RunContext): PlanOutcome {
  const answer: unknown = response;
  if (!isRecord(answer)) throw badShape("is JSON, but not the object the Images API answers with");
  const data = answer["data"];
  if (data !== undefined && data !== null && !Array.isArray(data))
    throw badShape("has a `data` that is not a list of images");
  const images: GeneratedImage[] = [];
  for (const item of data ?? []) keepImage(images, entryImage(item), context);
  if (images.length === 0) throw new ModelError("bad-output", "The endpoint answered without an image.");
  const counts = imageCounts(response.usage);
  const usage = counts ? { image: counts } : undefined;
  if (usage) context.emit({ type: "usage", usage });
  return { images, ...(usage ? { usage } : {}), reasoning: "", message: "", partials: 0 };
}

async function readStream(
  stream: AsyncIterable<ImageGenStreamEvent | ImageEditStreamEvent>,
  context: RunContext,
): Promise<PlanOutcome> {
  const images: GeneratedImage[] = [];
  let counts: TokenCounts | undefined;
  let partials = 0;
  for await (const event of guarded(shapeChecked(stream), context.signal)) {
    if (!isRecord(event)) continue;
    if (event.type === "image_generation.partial_image" || event.type === "image_edit.partial_image") {
      // A partial that is no image is skipped: the final image replaces it anyway.
      const partial = decodePartial(event.b64_json);
      if (!partial) continue;
      context.emit({
        type: "partial",
        image: context.first + images.length,
        index: countOf(event.partial_image_index) ?? partials,
        ...partial,
      });
      partials++;
    } else if (event.type === "image_generation.completed" || event.type === "image_edit.completed") {
      const image = decodeImage(event.b64_json);
      keepImage(images, image, context);
      // Several completed events (n > 1) each report their own usage.
      counts = sumCounts(counts, imageCounts(event.usage));
      // Every image asked for has come: a server that holds the connection open after it is not waited on.
      if (images.length === context.expected) break;
    }
  }
  if (images.length === 0) throw new ModelError("truncated", "The stream ended before the image was complete.");
  const usage = counts ? { image: counts } : undefined;
  if (usage) context.emit({ type: "usage", usage });
  return { images, ...(usage ? { usage } : {}), reasoning: "", message: "", partials };
}

export async function runImagesPlan(
  plan: Extract<ImagePlan, { api: "images" }>,
  context: RunContext,
): Promise<PlanOutcome> {
  const options = { signal: context.signal };
  const images = context.client.images;
  // A stream is read by ai/sse.ts (linear in its size: a partial image is one event of 1–3 MB of base64).
  if (plan.operation === "generate") {
    if (plan.params.stream)
      return readStream(
        await streamedEvents<ImageGenStreamEvent>(images.generate({ ...plan.params, stream: true }, options)),
        context,
      );
    return readJson(await images.generate({ ...plan.params, stream: false }, options), context);
  }
  if (plan.params.stream)
    return readStream(
      await streamedEvents<ImageEditStreamEvent>(images.edit({ ...plan.params, stream: true }, options)),
      context,
    );
  return readJson(await images.edit({ ...plan.params, stream: false }, options), context);
}
