/**
 * One analysis against the configured endpoint, streamed: each piece of the Markdown answer goes to
 * `onText` as it arrives, an AbortSignal stops it at once (Cancelled), and it ends with the whole answer or
 * a ModelError (ai/errors/classify.ts). An answer cut by the token limit is kept and marked `cut`: nothing is lost.
 */
import { chatChunks } from "../answer/chat-stream.js";
import { streamedEvents } from "../answer/sse.js";
import { isModerationCode, ModelError, toModelError } from "../errors/classify.js";
import { guarded } from "../answer/stream-events.js";
import { quoted, readResponse } from "../answer/outcome.js";
import { readChatChunk, readResponsesEvent } from "../answer/stream-events.js";
import { createClient, type ProviderConfig } from "../client/providers.js";
import type { AnalyzeInput } from "./input.js";
import { analyzeChatRequest, analyzeResponsesRequest } from "./request.js";

export interface AnalyzeOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  maxOutputTokens?: number;
  onText?: (delta: string) => void;
  fetch?: typeof fetch;
}

export interface AnalyzeUsage {
  inputTokens: number;
  outputTokens: number;
}

export interface AnalyzeResult {
  markdown: string;
  model: string;
  /** The Responses API's id (a later follow-up could build on it). */
  responseId?: string;
  usage?: AnalyzeUsage;
  /** The answer stopped at the token limit; what came is kept. */
  cut: boolean;
}

async function viaResponses(
  config: ProviderConfig,
  input: AnalyzeInput,
  options: AnalyzeOptions,
  client: ReturnType<typeof createClient>,
): Promise<AnalyzeResult> {
  const params = analyzeResponsesRequest(input, {
    model: config.model,
    ...(options.maxOutputTokens ? { maxOutputTokens: options.maxOutputTokens } : {}),
  });
  const stream = await streamedEvents(client.responses.create(params, { signal: options.signal }));
  let streamed = "";
  let final: { response: unknown } | undefined;
  for await (const raw of guarded(stream, options.signal)) {
    const event = readResponsesEvent(raw);
    if (event.kind === "delta") {
      streamed += event.text;
      options.onText?.(event.text);
    } else if (event.kind === "end") {
      // The answer is complete: a server that holds the connection open after it must not keep the user waiting.
      final = event;
      break;
    } else if (event.kind === "error")
      throw isModerationCode(event.code)
        ? new ModelError("moderation", `The provider's safety system refused the request: ${event.message}`)
        : new ModelError("server", `The endpoint reported an error: ${event.message}`);
  }
  if (!final)
    throw new ModelError("truncated", "The analysis ended before it was complete; the answer so far was not used.");
  const outcome = readResponse(final.response);
  const markdown = outcome.text || streamed;
  if (outcome.error && outcome.error.reason !== "truncated") throw outcome.error;
  const response = final.response as {
    model?: unknown;
    usage?: { input_tokens?: unknown; output_tokens?: unknown } | null;
  };
  const usage = readUsage(response.usage?.input_tokens, response.usage?.output_tokens);
  const model = typeof response.model === "string" && response.model !== "" ? response.model : config.model;
  return {
    markdown,
    model,
    ...(outcome.id ? { responseId: outcome.id } : {}),
    ...(usage ? { usage } : {}),
    cut: outcome.error !== undefined,
  };
}

/** Token counts when both are counts (an endpoint may send anything there). */
function readUsage(input: unknown, output: unknown): AnalyzeUsage | undefined {
  const ok = (n: unknown): n is number => typeof n === "number" && Number.isFinite(n) && n >= 0;
  return ok(input) && ok(output) ? { inputTokens: input, outputTokens: output } : undefined;
}

async function viaChat(
  config: ProviderConfig,
  input: AnalyzeInput,
  options: AnalyzeOptions,
  client: ReturnType<typeof createClient>,
): Promise<AnalyzeResult> {
  const params = analyzeChatRequest(input, {
    model: config.model,
    ...(options.maxOutputTokens ? { maxOutputTokens: options.maxOutputTokens } : {}),
  });
  const stream = await chatChunks(client, params, { signal: options.signal });
  let markdown = "";
  let refusal = "";
  let finish: string | null | undefined;
  let usage: AnalyzeUsage | undefined;
  let model = config.model;
  for await (const chunk of guarded(stream, options.signal)) {
    const piece = readChatChunk(chunk);
    if (piece.model) model = piece.model;
    if (piece.usage) usage = piece.usage;
    if (piece.content) {
      markdown += piece.content;
      options.onText?.(piece.content);
    }
    refusal += piece.refusal;
    if (piece.finish) finish = piece.finish;
  }
  if (refusal) throw new ModelError("refusal", `The model refused: ${quoted(refusal)}`);
  if (finish === "content_filter") throw new ModelError("refusal", "The output was stopped by the content filter.");
  if (finish === undefined)
    throw new ModelError("truncated", "The analysis ended before it was complete; the answer so far was not used.");
  if (!markdown.trim()) throw new ModelError("bad-output", "The model returned no text.");
  return { markdown, model, ...(usage ? { usage } : {}), cut: finish === "length" };
}

/** Throws Cancelled, or ModelError (unauthorized, rate-limited, timeout, truncated, refusal, …) on failure. */
export async function analyzeWithModel(
  config: ProviderConfig,
  input: AnalyzeInput,
  options: AnalyzeOptions = {},
): Promise<AnalyzeResult> {
  const client = createClient(config, {
    timeoutMs: options.timeoutMs ?? 120_000,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  try {
    return config.kind === "responses"
      ? await viaResponses(config, input, options, client)
      : await viaChat(config, input, options, client);
  } catch (error) {
    throw toModelError(error, options.signal);
  }
}
