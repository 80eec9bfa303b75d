/**
 * The clarify request sent (issue 74): one small non-streamed request to the Responses API (OpenAI) or chat
 * completions (OpenRouter, compatible endpoints), its answer read into at most three questions. A failed call is a
 * ModelError (or Cancelled) as any request's; an answer that does not fit the schema is not: it comes back as
 * `problem`, with no questions, so the caller can say why and go on with none.
 */
import { toModelError } from "../../errors/classify.js";
import { readChatCompletion, readResponse, type ModelOutcome } from "../../answer/outcome.js";
import { createClient, type ProviderConfig } from "../../client/providers.js";
import type { PromptInput } from "../prompt.js";
import { clarifyChatRequest, clarifyResponsesRequest } from "./request.js";
import { readQuestions, type ClarifyReading } from "./questions.js";

export interface ClarifyOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** The model's questions about `input` (the generation request's input: one frame, or a split frame's whole). */
export async function askQuestions(
  config: ProviderConfig,
  input: PromptInput,
  options: ClarifyOptions = {},
): Promise<ClarifyReading> {
  const client = createClient(config, {
    timeoutMs: options.timeoutMs ?? 120_000,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const request = { signal: options.signal };
  let outcome: ModelOutcome;
  try {
    outcome =
      config.kind === "responses"
        ? readResponse(await client.responses.create(clarifyResponsesRequest(input, config.model), request))
        : readChatCompletion(await client.chat.completions.create(clarifyChatRequest(input, config.model), request));
  } catch (error) {
    throw toModelError(error, options.signal);
  }
  if (outcome.error?.reason === "bad-output" || outcome.error?.reason === "truncated")
    return { questions: [], problem: `The model's questions: ${outcome.error.message.replace(/\.$/, "")}` };
  if (outcome.error) throw outcome.error;
  return readQuestions(outcome.text, input.hint);
}
