/**
 * Reasoning-driven parameters, the call: sends the frame's texts and the parameters to fill (infer-request.ts)
 * to the Responses API (OpenAI) or chat completions (OpenRouter, compatible endpoints) and returns the rows
 * the model proposed, checked, as a ParamTable the template and rules take like any rows file. The panel shows
 * them as an editable table before any image is made.
 */
import { toModelError } from "../errors/classify.js";
import { readChatCompletion, readResponse, type ModelOutcome } from "../answer/outcome.js";
import { createClient, type ProviderConfig } from "../client/providers.js";
import { inferChatRequest, inferResponsesRequest, readInferredRows, type InferInput } from "./infer-request.js";
import type { ParamTable } from "./rows.js";

export interface InferOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** The SDK's retries of a 408/409/429/5xx or a dropped connection (default 1). */
  maxRetries?: number;
}

/** Throws ModelError for the call, ParamsError("rows") for an answer that does not fit the parameters. */
export async function inferRows(
  config: ProviderConfig,
  input: InferInput,
  options: InferOptions = {},
): Promise<{ table: ParamTable; notes: string }> {
  const client = createClient(config, {
    timeoutMs: options.timeoutMs ?? 120_000,
    maxRetries: options.maxRetries ?? 1,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  let outcome: ModelOutcome;
  try {
    outcome =
      config.kind === "responses"
        ? readResponse(
            await client.responses.create(inferResponsesRequest(input, config.model), { signal: options.signal }),
          )
        : readChatCompletion(
            await client.chat.completions.create(inferChatRequest(input, config.model), { signal: options.signal }),
          );
  } catch (error) {
    throw toModelError(error);
  }
  if (outcome.error) throw outcome.error;
  return readInferredRows(outcome.text, input.params);
}
