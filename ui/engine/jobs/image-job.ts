/**
 * One image request inside the worker (ai/image `generateImages`): partial images, text and usage go to the
 * panel as events while it runs; the images, what a refinement builds on, the usage and its cost come in the
 * reply. Loaded on the first image request only, like model-job.ts (the openai SDK's start-up).
 */
import { imageConfig } from "../../../ai/image/config.js";
import { usageCost } from "../../../ai/image/estimate.js";
import { generateImages } from "../../../ai/image/generate.js";
import type { ImageProgress } from "../../../ai/image/result.js";
import { conversationData, toImageRequest } from "./image-request.js";
import type { ImageEvent, ReplyOf, RequestOf } from "../protocol/index.js";
import type { JobContext } from "./job.js";

/**
 * A partial image goes to the panel as bytes, its buffer transferred (no copy): the panel decodes it. Not here,
 * because this thread is busy parsing the next megabytes of the stream, and a decode finished here would wait
 * for that before it could be sent (measured: the third partial of a stream waited 20–30 ms more).
 */
function sendPartial(
  progress: Extract<ImageProgress, { type: "partial" }>,
  send: JobContext<"generate-image">["emit"],
): void {
  const { bytes } = progress;
  const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
  const event: ImageEvent = {
    type: "image-partial",
    image: progress.image,
    index: progress.index,
    ...(progress.format ? { format: progress.format } : {}),
    bytes: own,
    at: performance.timeOrigin + performance.now(),
  };
  send(event, [own.buffer as ArrayBuffer]);
}

function eventOf(progress: Exclude<ImageProgress, { type: "partial" }>): ImageEvent {
  switch (progress.type) {
    case "image":
      return { type: "image-done", image: progress.image, result: progress.result };
    case "text":
      return { type: "image-text", channel: progress.channel, delta: progress.delta };
    case "usage":
      return { type: "image-usage", usage: progress.usage };
  }
}

export async function runImageJob(
  request: RequestOf<"generate-image">,
  { signal, emit }: JobContext<"generate-image">,
): Promise<ReplyOf<"generate-image">> {
  const config = imageConfig(request.settings, request.apiKey, { api: request.reasonFirst ? "responses" : "images" });
  const onProgress = (progress: ImageProgress): void =>
    progress.type === "partial" ? sendPartial(progress, emit) : emit(eventOf(progress));
  // A request that fails its check throws ImageOptionsError before anything is sent: a `bad` failure.
  const result = await generateImages(config, toImageRequest(request.request), {
    signal,
    timeoutMs: request.timeoutMs,
    onProgress,
  });
  const costUsd = result.usage ? usageCost(config, result.usage, request.prices) : undefined;
  const conversation = conversationData(result.conversation);
  return {
    images: result.images,
    api: result.api,
    model: result.model,
    imageModel: result.imageModel,
    ...(conversation ? { conversation } : {}),
    ...(result.revisedPrompt ? { revisedPrompt: result.revisedPrompt } : {}),
    reasoning: result.reasoning,
    message: result.message,
    ...(result.usage ? { usage: result.usage } : {}),
    ...(costUsd !== undefined ? { costUsd } : {}),
    partials: result.partials,
  };
}
