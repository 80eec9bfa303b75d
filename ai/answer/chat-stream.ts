/**
 * A chat completion's stream of chunks, as the endpoint sent them. The SDK's own chat stream copies each choice
 * (`{ ...choice }`) to default its finish_reason; a choice that is a 16-MB string becomes an object of 16 million
 * keys (12 s of CPU, measured by the bench's fuzz). The readers (ai/answer/stream-events.ts) read any shape
 * themselves, so
 * the stream is decoded from the raw answer by ai/sse.ts (linear in its size; the SDK's decoder is not) and nothing
 * else.
 */
import type OpenAI from "openai";
import type { ChatCompletionCreateParamsStreaming } from "openai/resources/chat/completions";
import { streamedEvents } from "./sse.js";

/** The chunks of a streamed chat completion, unchecked (`unknown`): read them with readChatChunk. */
export function chatChunks(
  client: OpenAI,
  params: ChatCompletionCreateParamsStreaming,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<AsyncIterable<unknown>> {
  // The SDK still sends the request, checks its status (an APIError for 4xx/5xx) and applies the timeout; the
  // signal it was given aborts the body too.
  return streamedEvents(client.chat.completions.create(params, options.signal ? { signal: options.signal } : {}));
}
