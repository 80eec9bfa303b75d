/**
 * One Responses API turn with the image_generation tool, streamed: the reasoning summary and the message
 * text as they come, partial images (`response.image_generation_call.partial_image`), and the image from
 * the `image_generation_call` output item. The response id is what a refinement builds on.
 */
import type { Response, ResponseOutputItem, ResponseStreamEvent } from "openai/resources/responses/responses";
import { isModerationCode, ModelError } from "../errors/classify.js";
import { guarded } from "../answer/stream-events.js";
import { streamedEvents } from "../answer/sse.js";
import { readResponse } from "../answer/outcome.js";
import { countOf, errorText, isRecord, shapeChecked, textOf, tokens } from "../answer/answer-shape.js";
import type { ImagePlan } from "./request.js";
import { decodeImage, decodePartial, type GeneratedImage, type ImageUsage } from "./result.js";
import { keepImage, type PlanOutcome, type RunContext } from "./run-context.js";

// The API sends these fields; the SDK's types name them from openai 7, which needs Node 22 (we stay on 6.x for Node
// 20).
type ImageCall = Extract<ResponseOutputItem, { type: "image_generation_call" }> & {
  error?: unknown;
  revised_prompt?: string | null;
};
type ImageResponse = Response & { tool_usage?: unknown };

/** An `image_generation_call` output item, as far as the answer says it is one. */
const isImageCall = (item: unknown): item is ImageCall => isRecord(item) && item["type"] === "image_generation_call";

/** The image of a finished call; a failed call throws what happened (moderation, or a server error). */
function imageOf(call: ImageCall): GeneratedImage | undefined {
  if (call.status === "failed") {
    const error: unknown = call.error;
    const code = isRecord(error) ? error["code"] : undefined;
    const detail = errorText(error) || "no details";
    throw isModerationCode(code)
      ? new ModelError("moderation", `The provider's safety system refused the image: ${detail}`)
      : new ModelError("server", `The image generation call failed: ${detail}`);
  }
  return call.result ? decodeImage(call.result, call.revised_prompt) : undefined;
}

function usageOf(response: ImageResponse): ImageUsage | undefined {
  const model: unknown = response.usage;
  const tool: unknown = isRecord(response.tool_usage) ? response.tool_usage["image_gen"] : undefined;
  const toolInput: unknown = isRecord(tool) ? tool["input_tokens_details"] : undefined;
  const toolOutput: unknown = isRecord(tool) ? tool["output_tokens_details"] : undefined;
  if (!isRecord(model) && !isRecord(tool)) return undefined;
  return {
    ...(isRecord(model)
      ? {
          model: {
            inputTokens: tokens(model, "input_tokens"),
            outputTokens: tokens(model, "output_tokens"),
            totalTokens: tokens(model, "total_tokens"),
            reasoningTokens: tokens(model["output_tokens_details"], "reasoning_tokens"),
          },
        }
      : {}),
    ...(isRecord(tool)
      ? {
          image: {
            inputTokens: tokens(tool, "input_tokens"),
            outputTokens: tokens(tool, "output_tokens"),
            totalTokens: tokens(tool, "total_tokens"),
            inputTextTokens: tokens(toolInput, "text_tokens"),
            inputImageTokens: tokens(toolInput, "image_tokens"),
            ...(isRecord(toolOutput) ? { outputImageTokens: tokens(toolOutput, "image_tokens") } : {}),
          },
        }
      : {}),
  };
}

/** Why a finished turn has no image: a failed or cut response, or a model that answered in words only. */
function noImage(response: Response | undefined, ended: boolean, message: string): ModelError {
  if (!ended) return new ModelError("truncated", "The stream ended before the image was complete.");
  if (!response)
    return new ModelError(
      "bad-output",
      "The stream ended with a response Figment cannot read, and no image came before it.",
    );
  const error: unknown = response.error;
  if (response.status === "failed" && isRecord(error) && isModerationCode(error["code"]))
    return new ModelError("moderation", `The provider's safety system refused the request: ${errorText(error)}`.trim());
  const outcome = readResponse(response);
  if (outcome.error && outcome.error.reason !== "bad-output") return outcome.error;
  const said = message.trim() || outcome.text.trim();
  return said
    ? new ModelError("refusal", `The model answered without drawing an image: ${said}`)
    : new ModelError("bad-output", "The response holds no image.");
}

export async function runResponsesPlan(
  plan: Extract<ImagePlan, { api: "responses" }>,
  context: RunContext,
): Promise<PlanOutcome> {
  const stream = await streamedEvents<ResponseStreamEvent>(
    context.client.responses.create(plan.params, { signal: context.signal }),
  );
  const images: GeneratedImage[] = [];
  const seen = new Set<string>();
  let final: Response | undefined;
  let reasoning = "";
  let message = "";
  let partials = 0;
  /** A terminal event came (its response may still be unreadable). */
  let ended = false;
  const keep = (call: ImageCall): void => {
    // The same call comes twice (its done event, the final response): known by its id, or its image without one.
    const key = textOf(call.id) || textOf(call.result);
    if (seen.has(key)) return;
    const image = imageOf(call);
    if (!image) return;
    seen.add(key);
    keepImage(images, image, context);
  };
  for await (const event of guarded<ResponseStreamEvent>(shapeChecked(stream), context.signal)) {
    if (!isRecord(event)) continue;
    if (event.type === "response.reasoning_summary_text.delta") {
      const delta = textOf(event.delta);
      reasoning += delta;
      if (delta) context.emit({ type: "text", channel: "reasoning", delta });
    } else if (event.type === "response.output_text.delta") {
      const delta = textOf(event.delta);
      message += delta;
      if (delta) context.emit({ type: "text", channel: "message", delta });
    } else if (event.type === "response.image_generation_call.partial_image") {
      // A partial that is no image is skipped: the final image replaces it anyway.
      const partial = decodePartial(event.partial_image_b64);
      if (partial)
        context.emit({
          type: "partial",
          image: context.first + images.length,
          index: countOf(event.partial_image_index) ?? partials,
          ...partial,
        });
      if (partial) partials++;
    } else if (event.type === "response.output_item.done" && isImageCall(event.item)) {
      keep(event.item);
    } else if (
      event.type === "response.completed" ||
      event.type === "response.incomplete" ||
      event.type === "response.failed"
    ) {
      ended = true;
      if (isRecord(event.response)) final = event.response;
      // The turn is over: a server that holds the connection open after it is not waited on.
      break;
    } else if (event.type === "error") {
      const said = textOf(event.message) || "no details";
      throw isModerationCode(event.code)
        ? new ModelError("moderation", `The provider's safety system refused the request: ${said}`)
        : new ModelError("server", `The endpoint reported an error: ${said}`);
    }
  }
  // The final response carries every output item; an image missed in the stream is taken from there.
  for (const item of Array.isArray(final?.output) ? (final.output as unknown[]) : []) if (isImageCall(item)) keep(item);
  if (images.length === 0 || !ended) throw noImage(final, ended, message);
  // A final response in no readable shape costs its usage and id, not the images that arrived whole.
  const usage = final ? usageOf(final) : undefined;
  if (usage) context.emit({ type: "usage", usage });
  const responseId = textOf(final?.id);
  return {
    images,
    ...(usage ? { usage } : {}),
    ...(responseId ? { responseId, conversation: { kind: "responses" as const, previousResponseId: responseId } } : {}),
    reasoning,
    message,
    partials,
  };
}
