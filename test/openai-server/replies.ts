// Builders for realistic OpenAI replies, typed against the `openai` SDK's own
// response types so shape drift shows up at type-check time. The Responses API
// JSON does not contain `output_text` (the SDK adds it), hence `WireResponse`.
import type {
  Response,
  ResponseOutputMessage,
  ResponseStreamEvent,
  ResponseUsage,
} from "openai/resources/responses/responses";
import type { ChatCompletion, ChatCompletionChunk } from "openai/resources/chat/completions";
import type { CreateEmbeddingResponse } from "openai/resources/embeddings";
import type { ImagesResponse } from "openai/resources/images";
import type { Model } from "openai/resources/models";
import type { ScriptedReply } from "./reply-types.js";

/** Response fields the API sends that the SDK's types name only from openai 7 (which needs Node 22; we stay on 6.x). */
interface NewerResponseFields {
  access_programs?: { cyber: "standard" | "daybreak_blue" | "daybreak_red" } | null;
  tool_usage?: { image_gen: NonNullable<ImagesResponse["usage"]>; web_search: { num_requests: number } };
}
export type WireResponse = Omit<Response, "output_text"> & NewerResponseFields;
/** A stream event as sent on the wire (nested responses without `output_text`). */
export type WireStreamEvent = ResponseStreamEvent extends infer E
  ? E extends { response: Response }
    ? Omit<E, "response"> & { response: WireResponse }
    : E
  : never;

export interface ReplyOptions {
  id?: string;
  model?: string;
  /** Unix seconds; fixed by default so replies are deterministic. */
  created?: number;
}

const CREATED = 1_767_225_600; // 2026-01-01T00:00:00Z
let seq = 0;
const nextId = (prefix: string): string => `${prefix}_test${(++seq).toString(16).padStart(6, "0")}`;

function usage(inputTokens: number, outputTokens: number): ResponseUsage {
  return {
    input_tokens: inputTokens,
    input_tokens_details: { cached_tokens: 0, cache_write_tokens: 0 },
    output_tokens: outputTokens,
    output_tokens_details: { reasoning_tokens: 0 },
    total_tokens: inputTokens + outputTokens,
  };
}

/** Rough token estimate (4 chars/token) for usage numbers. */
const tokens = (text: string): number => Math.max(1, Math.ceil(text.length / 4));

function baseResponse(
  id: string,
  model: string,
  created: number,
  status: "in_progress" | "completed",
  output: ResponseOutputMessage[],
  text: string,
): WireResponse {
  // `store` is sent by the real API but is not in the SDK's Response type.
  const response: WireResponse & { store: boolean } = {
    id,
    object: "response",
    created_at: created,
    status,
    completed_at: status === "completed" ? created + 1 : null,
    background: false,
    access_programs: null,
    error: null,
    incomplete_details: null,
    instructions: null,
    max_output_tokens: null,
    metadata: {},
    model,
    output,
    parallel_tool_calls: true,
    previous_response_id: null,
    reasoning: { effort: null, summary: null },
    service_tier: "default",
    store: true,
    temperature: 1,
    text: { format: { type: "text" }, verbosity: "medium" },
    tool_choice: "auto",
    tools: [],
    top_p: 1,
    truncation: "disabled",
    ...(status === "completed" ? { usage: usage(12, tokens(text)) } : {}),
  };
  return response;
}

function message(id: string, text: string, status: "in_progress" | "completed"): ResponseOutputMessage {
  return {
    id,
    type: "message",
    status,
    role: "assistant",
    content: status === "completed" ? [{ type: "output_text", text, annotations: [], logprobs: [] }] : [],
  };
}

/** A complete non-streamed Responses API reply whose `output_text` is `text`. */
export function responsesJson(text: string, opts: ReplyOptions = {}): ScriptedReply & { kind: "json" } {
  return { kind: "json", body: responseObject(text, opts) };
}

/** The Response object itself (as on the wire), e.g. to embed in other replies. */
export function responseObject(text: string, opts: ReplyOptions = {}): WireResponse {
  const id = opts.id ?? nextId("resp");
  const msgId = `msg_${id.replace(/^resp_/, "")}`;
  return baseResponse(
    id,
    opts.model ?? "gpt-5",
    opts.created ?? CREATED,
    "completed",
    [message(msgId, text, "completed")],
    text,
  );
}

/**
 * Responses API stream events, in the order the real API sends them for a single
 * text message: created, in_progress, output_item.added, content_part.added,
 * output_text.delta × n, output_text.done, content_part.done, output_item.done,
 * completed (carrying the full response).
 */
export function responsesEvents(chunks: string[], opts: ReplyOptions = {}): WireStreamEvent[] {
  const id = opts.id ?? nextId("resp");
  const model = opts.model ?? "gpt-5";
  const created = opts.created ?? CREATED;
  const msgId = `msg_${id.replace(/^resp_/, "")}`;
  const text = chunks.join("");
  let n = 0;
  const pending = baseResponse(id, model, created, "in_progress", [], "");
  const done = baseResponse(id, model, created, "completed", [message(msgId, text, "completed")], text);
  const part = { type: "output_text" as const, text: "", annotations: [], logprobs: [] };
  return [
    { type: "response.created", sequence_number: n++, response: pending },
    { type: "response.in_progress", sequence_number: n++, response: pending },
    {
      type: "response.output_item.added",
      sequence_number: n++,
      output_index: 0,
      item: message(msgId, "", "in_progress"),
    },
    {
      type: "response.content_part.added",
      sequence_number: n++,
      item_id: msgId,
      output_index: 0,
      content_index: 0,
      part,
    },
    ...chunks.map(
      (delta): WireStreamEvent => ({
        type: "response.output_text.delta",
        sequence_number: n++,
        item_id: msgId,
        output_index: 0,
        content_index: 0,
        delta,
        logprobs: [],
      }),
    ),
    {
      type: "response.output_text.done",
      sequence_number: n++,
      item_id: msgId,
      output_index: 0,
      content_index: 0,
      text,
      logprobs: [],
    },
    {
      type: "response.content_part.done",
      sequence_number: n++,
      item_id: msgId,
      output_index: 0,
      content_index: 0,
      part: { ...part, text },
    },
    {
      type: "response.output_item.done",
      sequence_number: n++,
      output_index: 0,
      item: message(msgId, text, "completed"),
    },
    { type: "response.completed", sequence_number: n++, response: done },
  ];
}

/** Events responsesEvents writes before the first text delta. */
export const RESPONSES_PREFIX_EVENTS = 4;

/**
 * A streamed Responses API reply (see responsesEvents). `pauseAfterChunks: n` waits after the nth text delta for
 * the server's resume(): a test sees the answer mid-stream (a state), however slow the machine.
 */
export function responsesStream(
  chunks: string[],
  opts: ReplyOptions & { cutAfter?: number; holdAfter?: number; delayMs?: number; pauseAfterChunks?: number } = {},
): ScriptedReply & { kind: "sse" } {
  const { cutAfter, holdAfter, delayMs, pauseAfterChunks, ...rest } = opts;
  return {
    kind: "sse",
    events: responsesEvents(chunks, rest),
    ...(cutAfter !== undefined ? { cutAfter } : {}),
    ...(holdAfter !== undefined ? { holdAfter } : {}),
    ...(pauseAfterChunks !== undefined ? { pauseAfter: [RESPONSES_PREFIX_EVENTS + pauseAfterChunks] } : {}),
    ...(delayMs ? { delayMs } : {}),
  };
}

/** A complete non-streamed chat completion with one assistant message. */
export function chatJson(text: string, opts: ReplyOptions = {}): ScriptedReply & { kind: "json" } {
  const body: ChatCompletion = {
    id: opts.id ?? nextId("chatcmpl"),
    object: "chat.completion",
    created: opts.created ?? CREATED,
    model: opts.model ?? "gpt-4o-2024-08-06",
    choices: [
      {
        index: 0,
        message: { role: "assistant", content: text, refusal: null, annotations: [] },
        logprobs: null,
        finish_reason: "stop",
      },
    ],
    usage: { prompt_tokens: 12, completion_tokens: tokens(text), total_tokens: 12 + tokens(text) },
    service_tier: "default",
    system_fingerprint: "fp_test",
  };
  return { kind: "json", body };
}

/** Chat completion chunks: role chunk, one chunk per text piece, then a `finish_reason: "stop"` chunk. */
export function chatChunks(chunks: string[], opts: ReplyOptions = {}): ChatCompletionChunk[] {
  const id = opts.id ?? nextId("chatcmpl");
  const common = {
    id,
    object: "chat.completion.chunk" as const,
    created: opts.created ?? CREATED,
    model: opts.model ?? "gpt-4o-2024-08-06",
    service_tier: "default" as const,
    system_fingerprint: "fp_test",
  };
  return [
    {
      ...common,
      choices: [
        { index: 0, delta: { role: "assistant", content: "", refusal: null }, logprobs: null, finish_reason: null },
      ],
    },
    ...chunks.map(
      (content): ChatCompletionChunk => ({
        ...common,
        choices: [{ index: 0, delta: { content }, logprobs: null, finish_reason: null }],
      }),
    ),
    { ...common, choices: [{ index: 0, delta: {}, logprobs: null, finish_reason: "stop" }] },
  ];
}

/** A streamed chat completion (`data:` frames then `data: [DONE]`). */
export function chatStream(
  chunks: string[],
  opts: ReplyOptions & { cutAfter?: number; delayMs?: number } = {},
): ScriptedReply & { kind: "sse" } {
  const { cutAfter, delayMs, ...rest } = opts;
  return {
    kind: "sse",
    events: chatChunks(chunks, rest),
    ...(cutAfter !== undefined ? { cutAfter } : {}),
    ...(delayMs ? { delayMs } : {}),
  };
}

/** GET /v1/models reply body. */
export function modelsList(
  ids: string[] = ["gpt-5", "gpt-5-mini", "gpt-4o", "gpt-image-1", "text-embedding-3-small"],
): {
  object: "list";
  data: Model[];
} {
  return { object: "list", data: ids.map((id) => ({ id, object: "model", created: CREATED, owned_by: "system" })) };
}

/** GET /v1/models reply with OpenAI's listing of `ids`. */
export function modelsJson(ids?: string[]): ScriptedReply & { kind: "json" } {
  return { kind: "json", body: modelsList(ids) };
}

/** A model in OpenRouter's `GET /models` listing: prices in USD per token, as decimal strings ("-1" = variable). */
export interface OpenRouterModel {
  id: string;
  name: string;
  created: number;
  context_length: number;
  architecture: { modality: string; input_modalities: string[]; output_modalities: string[]; tokenizer: string };
  pricing: {
    prompt: string;
    completion: string;
    request?: string;
    image?: string;
    web_search?: string;
    internal_reasoning?: string;
  };
  top_provider: { context_length: number; max_completion_tokens: number | null; is_moderated: boolean };
  supported_parameters: string[];
}

/** OpenRouter's `GET /models` body (`{ data }`, no `object`), for `[id, prompt, completion]` price triples. */
export function openRouterModelsList(models: [id: string, prompt: string, completion: string][]): {
  data: OpenRouterModel[];
} {
  return {
    data: models.map(([id, prompt, completion]) => ({
      id,
      name: id,
      created: CREATED,
      context_length: 400_000,
      architecture: {
        modality: "text+image->text",
        input_modalities: ["text", "image"],
        output_modalities: ["text"],
        tokenizer: "GPT",
      },
      pricing: { prompt, completion, request: "0", image: "0", web_search: "0", internal_reasoning: "0" },
      top_provider: { context_length: 400_000, max_completion_tokens: 128_000, is_moderated: true },
      supported_parameters: ["max_tokens", "response_format", "structured_outputs"],
    })),
  };
}

/** GET /v1/models reply in OpenRouter's shape (see openRouterModelsList). */
export function openRouterModelsJson(
  models: [id: string, prompt: string, completion: string][],
): ScriptedReply & { kind: "json" } {
  return { kind: "json", body: openRouterModelsList(models) };
}

/** POST /v1/embeddings reply (one vector per input). */
export function embeddingsJson(vectors: number[][], opts: { model?: string } = {}): ScriptedReply & { kind: "json" } {
  const body: CreateEmbeddingResponse = {
    object: "list",
    data: vectors.map((embedding, index) => ({ object: "embedding", index, embedding })),
    model: opts.model ?? "text-embedding-3-small",
    usage: { prompt_tokens: 8, total_tokens: 8 },
  };
  return { kind: "json", body };
}

/** POST /v1/images/generations reply with base64 images (gpt-image-1 style). */
export function imagesJson(b64Images: string[], opts: { created?: number } = {}): ScriptedReply & { kind: "json" } {
  const body: ImagesResponse = {
    created: opts.created ?? CREATED,
    data: b64Images.map((b64_json) => ({ b64_json })),
    background: "opaque",
    output_format: "png",
    quality: "high",
    size: "1024x1024",
  };
  return { kind: "json", body };
}
