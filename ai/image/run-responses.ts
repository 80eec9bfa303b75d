/**
 * One Responses API turn with the image_generation tool, streamed: the reasoning summary and the message
 * text as they come, partial images (`response.image_generation_call.partial_image`), and the image from
 * the `image_generation_call` output item. The response id is what a refinement builds on.
 */
import type { Response, ResponseOutputItem, ResponseStreamEvent } from "openai/resources/responses/responses";
import { isModerationCode, ModelError } from "../errors.js";
import { guarded } from "../generate.js";
import { readResponse } from "../outcome.js";
import type { ImagePlan } from "./request.js";
import { decodeImage, decodePartial, type GeneratedImage, type ImageUsage } from "./result.js";
import { keepImage, type PlanOutcome, type RunContext } from "./run-context.js";

type ImageCall = Extract<ResponseOutputItem, { type: "image_generation_call" }>;

/** The image of a finished call; a failed call throws what happened (moderation, or a server error). */
function imageOf(call: ImageCall): GeneratedImage | undefined {
  if (call.status === "failed") {
    const code = call.error?.code;
    const detail = call.error?.message ?? "no details";
    throw isModerationCode(code)
      ? new ModelError("moderation", `The provider's safety system refused the image: ${detail}`)
      : new ModelError("server", `The image generation call failed: ${detail}`);
  }
  return call.result ? decodeImage(call.result, call.revised_prompt) : undefined;
}

function usageOf(response: Response): ImageUsage | undefined {
  const model = response.usage;
  const tool = response.tool_usage?.image_gen;
  if (!model && !tool) return undefined;
  return {
    ...(model
      ? { model: { inputTokens: model.input_tokens, outputTokens: model.output_tokens, totalTokens: model.total_tokens, reasoningTokens: model.output_tokens_details.reasoning_tokens } }
      : {}),
    ...(tool
      ? {
          image: {
            inputTokens: tool.input_tokens,
            outputTokens: tool.output_tokens,
            totalTokens: tool.total_tokens,
            inputTextTokens: tool.input_tokens_details.text_tokens,
            inputImageTokens: tool.input_tokens_details.image_tokens,
            ...(tool.output_tokens_details ? { outputImageTokens: tool.output_tokens_details.image_tokens } : {}),
          },
        }
      : {}),
  };
}

/** Why a finished turn has no image: a failed or cut response, or a model that answered in words only. */
function noImage(response: Response | undefined, message: string): ModelError {
  if (!response) return new ModelError("truncated", "The stream ended before the image was complete.");
  if (response.status === "failed" && isModerationCode(response.error?.code)) return new ModelError("moderation", `The provider's safety system refused the request: ${response.error?.message ?? ""}`.trim());
  const outcome = readResponse(response);
  if (outcome.error && outcome.error.kind !== "bad-output") return outcome.error;
  const said = message.trim() || outcome.text.trim();
  return said ? new ModelError("refusal", `The model answered without drawing an image: ${said}`) : new ModelError("bad-output", "The response holds no image.");
}

export async function runResponsesPlan(plan: Extract<ImagePlan, { api: "responses" }>, context: RunContext): Promise<PlanOutcome> {
  const stream = await context.client.responses.create(plan.params, { signal: context.signal });
  const images: GeneratedImage[] = [];
  const seen = new Set<string>();
  let final: Response | undefined;
  let reasoning = "";
  let message = "";
  let partials = 0;
  const keep = (call: ImageCall): void => {
    if (seen.has(call.id)) return;
    const image = imageOf(call);
    if (!image) return;
    seen.add(call.id);
    keepImage(images, image, context);
  };
  for await (const event of guarded<ResponseStreamEvent>(stream, context.signal)) {
    if (event.type === "response.reasoning_summary_text.delta") {
      reasoning += event.delta;
      context.emit({ type: "text", channel: "reasoning", delta: event.delta });
    } else if (event.type === "response.output_text.delta") {
      message += event.delta;
      context.emit({ type: "text", channel: "message", delta: event.delta });
    } else if (event.type === "response.image_generation_call.partial_image") {
      partials++;
      context.emit({ type: "partial", image: context.first + images.length, index: event.partial_image_index, ...decodePartial(event.partial_image_b64) });
    } else if (event.type === "response.output_item.done" && event.item.type === "image_generation_call") {
      keep(event.item);
    } else if (event.type === "response.completed" || event.type === "response.incomplete" || event.type === "response.failed") {
      final = event.response;
    } else if (event.type === "error") {
      throw isModerationCode(event.code) ? new ModelError("moderation", `The provider's safety system refused the request: ${event.message}`) : new ModelError("server", `The endpoint reported an error: ${event.message}`);
    }
  }
  // The final response carries every output item; an image missed in the stream is taken from there.
  for (const item of final?.output ?? []) if (item.type === "image_generation_call") keep(item);
  if (images.length === 0 || !final) throw noImage(final, message);
  const usage = usageOf(final);
  if (usage) context.emit({ type: "usage", usage });
  return { images, ...(usage ? { usage } : {}), responseId: final.id, reasoning, message, conversation: { kind: "responses", previousResponseId: final.id }, partials };
}
