/**
 * One chat completion with image output (OpenRouter's `modalities: ["image", "text"]`, and compatible
 * endpoints), streamed: text in `delta.content` (reasoning in `delta.reasoning` where the endpoint sends it),
 * images whole in `delta.images[]` as data URLs. The messages plus the reply are kept for a refinement.
 */
import { chatChunks } from "../answer/chat-stream.js";
import type { ChatCompletionCreateParamsStreaming } from "openai/resources/chat/completions";
import { ModelError } from "../errors/classify.js";
import { guarded } from "../answer/stream-events.js";
import { countOf, isRecord, shapeChecked, textOf, tokens } from "../answer/answer-shape.js";
import { fromDataUrl } from "./bytes.js";
import type { ImagePlan } from "./request.js";
import { imageFromBytes, type GeneratedImage, type ImageUsage } from "./result.js";
import { keepImage, type PlanOutcome, type RunContext } from "./run-context.js";

/** The data URLs in a delta's or message's `images` (OpenRouter's field; not in OpenAI's chat types). */
export function imageUrls(holder: unknown): string[] {
  const images = typeof holder === "object" && holder !== null ? (holder as { images?: unknown }).images : undefined;
  if (!Array.isArray(images)) return [];
  const urls: string[] = [];
  for (const entry of images as unknown[]) {
    const imageUrl =
      typeof entry === "object" && entry !== null ? (entry as { image_url?: unknown }).image_url : undefined;
    const url = typeof imageUrl === "object" && imageUrl !== null ? (imageUrl as { url?: unknown }).url : undefined;
    if (typeof url === "string") urls.push(url);
  }
  return urls;
}

function decodeUrl(url: string): GeneratedImage {
  const bytes = fromDataUrl(url);
  if (!bytes)
    throw new ModelError(
      "bad-output",
      url.startsWith("http")
        ? "The endpoint sent an image link instead of the image data."
        : "The endpoint sent an image that is not a base64 data URL.",
    );
  return imageFromBytes(bytes);
}

function usageOf(usage: unknown): ImageUsage | undefined {
  if (!isRecord(usage)) return undefined;
  const reasoning = isRecord(usage["completion_tokens_details"])
    ? countOf(usage["completion_tokens_details"]["reasoning_tokens"])
    : undefined;
  return {
    model: {
      inputTokens: tokens(usage, "prompt_tokens"),
      outputTokens: tokens(usage, "completion_tokens"),
      totalTokens: tokens(usage, "total_tokens"),
      ...(reasoning !== undefined ? { reasoningTokens: reasoning } : {}),
    },
  };
}

export async function runChatPlan(
  plan: Extract<ImagePlan, { api: "chat" }>,
  context: RunContext,
): Promise<PlanOutcome> {
  // OpenRouter's `image` modality is not in OpenAI's chat types; the body goes out as built.
  const params = plan.params as unknown as ChatCompletionCreateParamsStreaming;
  const stream = await chatChunks(context.client, params, { signal: context.signal });
  const images: GeneratedImage[] = [];
  let usage: ImageUsage | undefined;
  let message = "";
  let reasoning = "";
  let refusal = "";
  let finish: string | null | undefined;
  for await (const chunk of guarded(shapeChecked(stream), context.signal)) {
    if (!isRecord(chunk)) continue;
    usage = usageOf(chunk.usage) ?? usage;
    const choice: unknown = Array.isArray(chunk.choices) ? chunk.choices[0] : undefined;
    // A choice that is there but no object (`choices: [null]`) may have held text or an image: said, never skipped.
    if (Array.isArray(chunk.choices) && chunk.choices.length > 0 && !isRecord(choice))
      throw new ModelError(
        "bad-output",
        "The endpoint's stream sent an event Figment cannot read (a choice that is null or of another type); " +
          "the answer so far was not used.",
      );
    if (!isRecord(choice)) continue;
    const delta = isRecord(choice["delta"]) ? choice["delta"] : {};
    const content = textOf(delta["content"]);
    if (content) {
      message += content;
      context.emit({ type: "text", channel: "message", delta: content });
    }
    const thought = textOf(delta["reasoning"]);
    if (thought) {
      reasoning += thought;
      context.emit({ type: "text", channel: "reasoning", delta: thought });
    }
    refusal += textOf(delta["refusal"]);
    for (const url of imageUrls(delta)) {
      const image = decodeUrl(url);
      keepImage(images, image, context);
    }
    const reason = textOf(choice["finish_reason"]);
    if (reason) finish = reason;
  }
  if (refusal) throw new ModelError("refusal", `The model refused: ${refusal}`);
  if (finish === "content_filter")
    throw new ModelError("moderation", "The provider's content filter stopped the image.");
  if (images.length === 0) {
    if (finish === undefined) throw new ModelError("truncated", "The stream ended before the image arrived.");
    throw message.trim()
      ? new ModelError("refusal", `The model replied without an image: ${message.trim()}`)
      : new ModelError("bad-output", "The reply holds no image.");
  }
  if (usage) context.emit({ type: "usage", usage });
  // Assistant messages cannot carry images (OpenAI's chat schema); a refinement attaches the image again.
  const messages = [...plan.params.messages, { role: "assistant" as const, content: message.trim() || "(image)" }];
  return {
    images,
    ...(usage ? { usage } : {}),
    reasoning,
    message,
    conversation: { kind: "chat", messages },
    partials: 0,
  };
}
