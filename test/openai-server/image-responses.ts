/**
 * The Responses API's image_generation tool as the test server answers it: the reasoning summary, the image
 * call's progress and partial images, the `image_generation_call` output item with the image (or its
 * failure), an optional message, and the completed response with the model's usage and the tool's.
 */
import type { ResponseOutputItem } from "openai/resources/responses/responses";
import { b64, nextId, sse, usage, type Asked, type Body } from "./image-kit.js";
import { responseObject, type WireResponse, type WireStreamEvent } from "./replies.js";
import type { ImageReplyOptions, ScriptedReply } from "./reply-types.js";

// The API's image call carries its settings, revised prompt and failure; the SDK's types name them from openai 7.
type ImageCall = Extract<ResponseOutputItem, { type: "image_generation_call" }> & {
  action?: "generate" | "edit";
  size?: string;
  quality?: "low" | "medium" | "high";
  background?: "transparent" | "opaque";
  output_format?: "png";
  revised_prompt?: string;
  error?: { code: string; message: string; param: null; type: string };
};
type Reasoning = Extract<ResponseOutputItem, { type: "reasoning" }>;

export function responsesImageReply(a: Asked, o: ImageReplyOptions, body: Body): ScriptedReply {
  const id = o.responseId ?? nextId("resp");
  const model = typeof body.model === "string" ? body.model : "gpt-5.4-image-2";
  const reasoningText = (o.reasoning ?? []).join("");
  const messageText = (o.text ?? []).join("");
  const callId = `ig_${id.replace(/^resp_/, "")}`;
  const reasoningId = `rs_${id.replace(/^resp_/, "")}`;
  const settings = {
    size: `${a.width}x${a.height}`,
    quality: a.quality as "high",
    background: a.transparent ? ("transparent" as const) : ("opaque" as const),
    output_format: "png" as const,
  };
  const call: ImageCall | undefined = o.noImage
    ? undefined
    : o.failImage
      ? {
          type: "image_generation_call",
          id: callId,
          status: "failed",
          result: null,
          error: {
            code: o.failImage.code,
            message: o.failImage.message,
            param: null,
            type: "image_generation_user_error",
          },
        }
      : {
          type: "image_generation_call",
          id: callId,
          status: "completed",
          result: b64(a, o.seed ?? 1),
          action: "generate",
          ...settings,
          ...(o.revisedPrompt ? { revised_prompt: o.revisedPrompt } : {}),
        };
  const reasoning: Reasoning | undefined = reasoningText
    ? { type: "reasoning", id: reasoningId, summary: [{ type: "summary_text", text: reasoningText }] }
    : undefined;

  // The final response: the text message (when any) comes from responseObject, the items before it from here.
  const base = responseObject(messageText, { id, model });
  const output = [...(reasoning ? [reasoning] : []), ...(call ? [call] : []), ...(messageText ? base.output : [])];
  const tool = call?.status === "completed" ? usage({ ...a, n: 1 }) : undefined;
  const done: WireResponse = {
    ...base,
    output,
    tools: Array.isArray(body.tools) ? (body.tools as WireResponse["tools"]) : [],
    previous_response_id: typeof body.previous_response_id === "string" ? body.previous_response_id : null,
    usage: {
      input_tokens: Math.ceil(a.promptChars / 4) + 85 * a.inputImages,
      input_tokens_details: { cached_tokens: 0, cache_write_tokens: 0 },
      output_tokens: 40 + Math.ceil(reasoningText.length / 4),
      output_tokens_details: { reasoning_tokens: Math.ceil(reasoningText.length / 4) },
      total_tokens: 0,
    },
    ...(tool ? { tool_usage: { image_gen: tool, web_search: { num_requests: 0 } } } : {}),
  };
  done.usage!.total_tokens = done.usage!.input_tokens + done.usage!.output_tokens;
  if (!a.stream) return { kind: "json", body: done, ...(o.headers ? { headers: o.headers } : {}) };

  const pending: WireResponse = { ...done, status: "in_progress", completed_at: null, output: [] };
  delete pending.usage;
  delete pending.tool_usage;
  let n = 0;
  const events: WireStreamEvent[] = [
    { type: "response.created", sequence_number: n++, response: pending },
    { type: "response.in_progress", sequence_number: n++, response: pending },
  ];
  let index = 0;
  if (reasoning) {
    const at = { item_id: reasoningId, output_index: index, summary_index: 0 };
    events.push({
      type: "response.output_item.added",
      sequence_number: n++,
      output_index: index,
      item: { ...reasoning, summary: [] },
    });
    events.push({
      type: "response.reasoning_summary_part.added",
      sequence_number: n++,
      ...at,
      part: { type: "summary_text", text: "" },
    });
    for (const delta of o.reasoning ?? [])
      events.push({ type: "response.reasoning_summary_text.delta", sequence_number: n++, ...at, delta });
    events.push({ type: "response.reasoning_summary_text.done", sequence_number: n++, ...at, text: reasoningText });
    events.push({
      type: "response.reasoning_summary_part.done",
      sequence_number: n++,
      ...at,
      part: { type: "summary_text", text: reasoningText },
    });
    events.push({ type: "response.output_item.done", sequence_number: n++, output_index: index, item: reasoning });
    index++;
  }
  if (call) {
    const at = { item_id: callId, output_index: index };
    events.push({
      type: "response.output_item.added",
      sequence_number: n++,
      output_index: index,
      item: { type: "image_generation_call", id: callId, status: "in_progress", result: null },
    });
    events.push({ type: "response.image_generation_call.in_progress", sequence_number: n++, ...at });
    events.push({ type: "response.image_generation_call.generating", sequence_number: n++, ...at });
    if (call.status === "completed")
      for (let p = 0; p < a.partials; p++)
        events.push({
          type: "response.image_generation_call.partial_image",
          sequence_number: n++,
          ...at,
          partial_image_index: p,
          partial_image_b64: b64(a, (o.seed ?? 1) + p + 1),
          ...settings,
        });
    if (call.status === "completed")
      events.push({ type: "response.image_generation_call.completed", sequence_number: n++, ...at });
    events.push({ type: "response.output_item.done", sequence_number: n++, output_index: index, item: call });
    index++;
  }
  if (messageText) {
    const message = base.output[0] as Extract<ResponseOutputItem, { type: "message" }>;
    const msgId = message.id;
    const part = { type: "output_text" as const, text: "", annotations: [], logprobs: [] };
    events.push({
      type: "response.output_item.added",
      sequence_number: n++,
      output_index: index,
      item: { ...message, status: "in_progress", content: [] },
    });
    events.push({
      type: "response.content_part.added",
      sequence_number: n++,
      item_id: msgId,
      output_index: index,
      content_index: 0,
      part,
    });
    for (const delta of o.text ?? [])
      events.push({
        type: "response.output_text.delta",
        sequence_number: n++,
        item_id: msgId,
        output_index: index,
        content_index: 0,
        delta,
        logprobs: [],
      });
    events.push({
      type: "response.output_text.done",
      sequence_number: n++,
      item_id: msgId,
      output_index: index,
      content_index: 0,
      text: messageText,
      logprobs: [],
    });
    events.push({
      type: "response.content_part.done",
      sequence_number: n++,
      item_id: msgId,
      output_index: index,
      content_index: 0,
      part: { ...part, text: messageText },
    });
    events.push({ type: "response.output_item.done", sequence_number: n++, output_index: index, item: message });
  }
  events.push({ type: "response.completed", sequence_number: n++, response: done });
  return sse(events, o);
}
