/**
 * One code-generation turn against the configured endpoint, streamed: Responses API (OpenAI) or chat
 * completions (OpenRouter, OpenAI-compatible). Reports the notes and each file's name as they arrive,
 * honours an AbortSignal at once, and always ends with files read by `parseFilesReply` or a ModelError.
 * The project pass and formatting happen downstream, as for the offline output.
 */
import type { ChatCompletionMessageParam } from "openai/resources/chat/completions";
import type { Response } from "openai/resources/responses/responses";
import { ModelError, toModelError } from "./errors.js";
import { ProgressReader, type ProgressEvent } from "./progress.js";
import { chatRequest, keptMessages, responsesRequest, type PromptInput, type RefinementImage } from "./prompt.js";
import { createClient, type ProviderConfig } from "./providers.js";
import { parseFilesReply, type FilesReply } from "./schema.js";
import { readResponse } from "./outcome.js";

/** What a later turn needs to build on this one. */
export type Conversation = { kind: "responses"; previousResponseId: string } | { kind: "chat"; messages: ChatCompletionMessageParam[] };

export interface TurnOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  maxOutputTokens?: number;
  onProgress?: (event: ProgressEvent) => void;
  /** Refine the previous turn with these instructions (and pictures) instead of starting afresh. */
  refine?: { conversation: Conversation; instructions: string; images?: readonly RefinementImage[] };
  fetch?: typeof fetch;
}

export interface TurnResult extends FilesReply {
  conversation: Conversation;
  /** The raw text the model produced (kept so nothing is lost when parsing fails). */
  text: string;
}

function emit(reader: ProgressReader, delta: string, onProgress: TurnOptions["onProgress"]): void {
  for (const event of reader.push(delta)) onProgress?.(event);
}

export const aborted = (): ModelError => new ModelError("aborted", "Cancelled.");

/**
 * Reads a stream; an abort ends it as "aborted" (the SDK may just stop iterating), and a connection that
 * drops after the answer began is "truncated", since part of the files arrived.
 */
export async function* guarded<T>(stream: AsyncIterable<T>, signal: AbortSignal | undefined): AsyncGenerator<T> {
  try {
    for await (const item of stream) {
      if (signal?.aborted) throw aborted();
      yield item;
    }
  } catch (error) {
    if (signal?.aborted) throw aborted();
    if (error instanceof ModelError) throw error;
    const mapped = toModelError(error);
    // A safety refusal sent as a stream error event is what happened, not a dropped connection.
    if (mapped.kind === "aborted" || mapped.kind === "timeout" || mapped.kind === "moderation") throw mapped;
    throw new ModelError("truncated", `The connection dropped in the middle of the answer (${error instanceof Error ? error.message : String(error)}).`);
  }
  if (signal?.aborted) throw aborted();
}

/** Throws ModelError (aborted, unauthorized, rate-limited, timeout, truncated, refusal, …) on failure. */
export async function generateTurn(config: ProviderConfig, input: PromptInput, options: TurnOptions = {}): Promise<TurnResult> {
  const client = createClient(config, { timeoutMs: options.timeoutMs ?? 120_000, ...(options.fetch ? { fetch: options.fetch } : {}) });
  const reader = new ProgressReader();
  const request = { signal: options.signal };
  try {
    if (config.kind === "responses") {
      const refine = options.refine?.conversation.kind === "responses" ? { previousResponseId: options.refine.conversation.previousResponseId, instructions: options.refine.instructions, ...(options.refine.images ? { images: options.refine.images } : {}) } : undefined;
      const params = responsesRequest(input, { model: config.model, stream: true, ...(options.maxOutputTokens ? { maxOutputTokens: options.maxOutputTokens } : {}) }, refine);
      const stream = await client.responses.create(params, request);
      let final: Response | undefined;
      let streamed = "";
      for await (const event of guarded(stream, options.signal)) {
        if (event.type === "response.output_text.delta") {
          streamed += event.delta;
          emit(reader, event.delta, options.onProgress);
        } else if (event.type === "response.completed" || event.type === "response.incomplete" || event.type === "response.failed") {
          final = event.response;
        } else if (event.type === "error") {
          throw new ModelError("server", `The endpoint reported an error: ${event.message}`);
        }
      }
      if (!final) throw new ModelError("truncated", "The stream ended before the response was complete; the files so far are not usable.");
      const outcome = readResponse(final);
      const text = outcome.text || streamed;
      if (outcome.error && outcome.error.kind !== "truncated") throw outcome.error;
      const reply = parseFilesReply(text);
      if (outcome.error) reply.problems.unshift({ severity: "error", code: "truncated", message: outcome.error.message });
      return { ...reply, text, conversation: { kind: "responses", previousResponseId: final.id } };
    }
    const refine = options.refine?.conversation.kind === "chat" ? { messages: options.refine.conversation.messages, instructions: options.refine.instructions, ...(options.refine.images ? { images: options.refine.images } : {}) } : undefined;
    const params = chatRequest(input, { model: config.model, stream: true, ...(options.maxOutputTokens ? { maxOutputTokens: options.maxOutputTokens } : {}) }, refine);
    const stream = await client.chat.completions.create(params, request);
    let text = "";
    let finish: string | null | undefined;
    let refusal = "";
    for await (const chunk of guarded(stream, options.signal)) {
      const choice = chunk.choices[0];
      if (!choice) continue;
      const delta = choice.delta.content ?? "";
      if (delta) {
        text += delta;
        emit(reader, delta, options.onProgress);
      }
      if (choice.delta.refusal) refusal += choice.delta.refusal;
      if (choice.finish_reason) finish = choice.finish_reason;
    }
    if (refusal) throw new ModelError("refusal", `The model refused: ${refusal}`);
    if (finish === "content_filter") throw new ModelError("refusal", "The output was stopped by the content filter.");
    if (finish === undefined) throw new ModelError("truncated", "The stream ended before the reply was complete.");
    const reply = parseFilesReply(text);
    if (finish === "length") reply.problems.unshift({ severity: "error", code: "truncated", message: "The output hit the token limit; complete files were kept." });
    return { ...reply, text, conversation: { kind: "chat", messages: keptMessages(params, text) } };
  } catch (error) {
    if (options.signal?.aborted) throw aborted();
    throw error instanceof ModelError ? error : toModelError(error);
  }
}
