/**
 * One analysis against the configured endpoint, streamed: each piece of the Markdown answer goes to
 * `onText` as it arrives, an AbortSignal stops it at once ("aborted"), and it ends with the whole answer or
 * a ModelError (ai/errors.ts). An answer cut by the token limit is kept and marked `cut`: nothing is lost.
 */
import type { Response, ResponseStreamEvent } from "openai/resources/responses/responses";
import { isModerationCode, ModelError, toModelError } from "../errors.js";
import { aborted, guarded } from "../generate.js";
import { readResponse } from "../outcome.js";
import { createClient, type ProviderConfig } from "../providers.js";
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

async function viaResponses(config: ProviderConfig, input: AnalyzeInput, options: AnalyzeOptions, client: ReturnType<typeof createClient>): Promise<AnalyzeResult> {
  const params = analyzeResponsesRequest(input, { model: config.model, ...(options.maxOutputTokens ? { maxOutputTokens: options.maxOutputTokens } : {}) });
  const stream = await client.responses.create(params, { signal: options.signal });
  let streamed = "";
  let final: Response | undefined;
  for await (const event of guarded<ResponseStreamEvent>(stream, options.signal)) {
    if (event.type === "response.output_text.delta") {
      streamed += event.delta;
      options.onText?.(event.delta);
    } else if (event.type === "response.completed" || event.type === "response.incomplete" || event.type === "response.failed") final = event.response;
    else if (event.type === "error")
      throw isModerationCode(event.code) ? new ModelError("moderation", `The provider's safety system refused the request: ${event.message}`) : new ModelError("server", `The endpoint reported an error: ${event.message}`);
  }
  if (!final) throw new ModelError("truncated", "The stream ended before the answer was complete.");
  const outcome = readResponse(final);
  const markdown = outcome.text || streamed;
  if (outcome.error && outcome.error.kind !== "truncated") throw outcome.error;
  const usage = final.usage ? { inputTokens: final.usage.input_tokens, outputTokens: final.usage.output_tokens } : undefined;
  return { markdown, model: final.model || config.model, responseId: final.id, ...(usage ? { usage } : {}), cut: outcome.error !== undefined };
}

async function viaChat(config: ProviderConfig, input: AnalyzeInput, options: AnalyzeOptions, client: ReturnType<typeof createClient>): Promise<AnalyzeResult> {
  const params = analyzeChatRequest(input, { model: config.model, ...(options.maxOutputTokens ? { maxOutputTokens: options.maxOutputTokens } : {}) });
  const stream = await client.chat.completions.create(params, { signal: options.signal });
  let markdown = "";
  let refusal = "";
  let finish: string | null | undefined;
  let usage: AnalyzeUsage | undefined;
  let model = config.model;
  for await (const chunk of guarded(stream, options.signal)) {
    if (chunk.model) model = chunk.model;
    if (chunk.usage) usage = { inputTokens: chunk.usage.prompt_tokens, outputTokens: chunk.usage.completion_tokens };
    const choice = chunk.choices[0];
    if (!choice) continue;
    const delta = choice.delta.content ?? "";
    if (delta) {
      markdown += delta;
      options.onText?.(delta);
    }
    if (choice.delta.refusal) refusal += choice.delta.refusal;
    if (choice.finish_reason) finish = choice.finish_reason;
  }
  if (refusal) throw new ModelError("refusal", `The model refused: ${refusal}`);
  if (finish === "content_filter") throw new ModelError("refusal", "The output was stopped by the content filter.");
  if (finish === undefined) throw new ModelError("truncated", "The stream ended before the answer was complete.");
  if (!markdown.trim()) throw new ModelError("bad-output", "The model returned no text.");
  return { markdown, model, ...(usage ? { usage } : {}), cut: finish === "length" };
}

/** Throws ModelError (aborted, unauthorized, rate-limited, timeout, truncated, refusal, …) on failure. */
export async function analyzeWithModel(config: ProviderConfig, input: AnalyzeInput, options: AnalyzeOptions = {}): Promise<AnalyzeResult> {
  const client = createClient(config, { timeoutMs: options.timeoutMs ?? 120_000, ...(options.fetch ? { fetch: options.fetch } : {}) });
  try {
    return config.kind === "responses" ? await viaResponses(config, input, options, client) : await viaChat(config, input, options, client);
  } catch (error) {
    if (options.signal?.aborted) throw aborted();
    throw error instanceof ModelError ? error : toModelError(error);
  }
}
