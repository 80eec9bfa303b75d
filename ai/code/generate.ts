/**
 * One code-generation turn against the configured endpoint, streamed: Responses API (OpenAI) or chat
 * completions (OpenRouter, OpenAI-compatible). Reports the notes and each file's name as they arrive,
 * honours an AbortSignal at once, and always ends with files read by `parseFilesReply` or a ModelError.
 * The project pass and formatting happen downstream, as for the offline output.
 */
import { chatChunks } from "../answer/chat-stream.js";
import { streamedEvents } from "../answer/sse.js";
import type { ChatCompletionMessageParam } from "openai/resources/chat/completions";
import { ModelError, toModelError } from "../errors/classify.js";
import { ProgressReader, type ProgressEvent } from "./progress.js";
import { chatRequest, keptMessages, responsesRequest, type PromptInput, type RefinementImage } from "./prompt.js";
import { createClient, type ProviderConfig } from "../client/providers.js";
import { parseFilesReply, type FilesReply } from "./schema.js";
import { quoted, readResponse } from "../answer/outcome.js";
import { guarded, readChatChunk, readResponsesEvent } from "../answer/stream-events.js";

/** What a later turn needs to build on this one. */
export type Conversation =
  | { kind: "responses"; previousResponseId: string }
  | { kind: "chat"; messages: ChatCompletionMessageParam[] };

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

/** Throws Cancelled, or ModelError (unauthorized, rate-limited, timeout, truncated, refusal, …) on failure. */
export async function generateTurn(
  config: ProviderConfig,
  input: PromptInput,
  options: TurnOptions = {},
): Promise<TurnResult> {
  const client = createClient(config, {
    timeoutMs: options.timeoutMs ?? 120_000,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const reader = new ProgressReader();
  const request = { signal: options.signal };
  try {
    if (config.kind === "responses") {
      const refine =
        options.refine?.conversation.kind === "responses"
          ? {
              previousResponseId: options.refine.conversation.previousResponseId,
              instructions: options.refine.instructions,
              ...(options.refine.images ? { images: options.refine.images } : {}),
            }
          : undefined;
      const params = responsesRequest(
        input,
        {
          model: config.model,
          stream: true,
          ...(options.maxOutputTokens ? { maxOutputTokens: options.maxOutputTokens } : {}),
        },
        refine,
      );
      const stream = await streamedEvents(client.responses.create(params, request));
      let final: { response: unknown } | undefined;
      let streamed = "";
      for await (const raw of guarded(stream, options.signal)) {
        const event = readResponsesEvent(raw);
        if (event.kind === "delta") {
          streamed += event.text;
          emit(reader, event.text, options.onProgress);
        } else if (event.kind === "end") {
          // The answer is complete: a server that holds the connection open after it must not keep the user waiting.
          final = event;
          break;
        } else if (event.kind === "error") {
          throw new ModelError("server", `The endpoint reported an error: ${event.message}`);
        }
      }
      if (!final)
        throw new ModelError(
          "truncated",
          "The model's answer ended before its files were complete; the answer so far was not used.",
        );
      const outcome = readResponse(final.response);
      const text = outcome.text || streamed;
      if (outcome.error && outcome.error.reason !== "truncated") throw outcome.error;
      const reply = parseFilesReply(text);
      if (outcome.error)
        reply.problems.unshift({ severity: "error", code: "truncated", message: outcome.error.message });
      return { ...reply, text, conversation: { kind: "responses", previousResponseId: outcome.id } };
    }
    const refine =
      options.refine?.conversation.kind === "chat"
        ? {
            messages: options.refine.conversation.messages,
            instructions: options.refine.instructions,
            ...(options.refine.images ? { images: options.refine.images } : {}),
          }
        : undefined;
    const params = chatRequest(
      input,
      {
        model: config.model,
        stream: true,
        ...(options.maxOutputTokens ? { maxOutputTokens: options.maxOutputTokens } : {}),
      },
      refine,
    );
    const stream = await chatChunks(client, params, request);
    let text = "";
    let finish: string | null | undefined;
    let refusal = "";
    for await (const chunk of guarded(stream, options.signal)) {
      const piece = readChatChunk(chunk);
      if (piece.content) {
        text += piece.content;
        emit(reader, piece.content, options.onProgress);
      }
      refusal += piece.refusal;
      if (piece.finish) finish = piece.finish;
    }
    if (refusal) throw new ModelError("refusal", `The model refused: ${quoted(refusal)}`);
    if (finish === "content_filter") throw new ModelError("refusal", "The output was stopped by the content filter.");
    if (finish === undefined)
      throw new ModelError(
        "truncated",
        "The model's answer ended before its files were complete; the answer so far was not used.",
      );
    const reply = parseFilesReply(text);
    if (finish === "length")
      reply.problems.unshift({
        severity: "error",
        code: "truncated",
        message: "The output hit the token limit; complete files were kept.",
      });
    return { ...reply, text, conversation: { kind: "chat", messages: keptMessages(params, text) } };
  } catch (error) {
    throw toModelError(error, options.signal);
  }
}
