/** The SDK client for batch steps: the record's endpoint, the key from the environment, the SDK's retries. */
import type OpenAI from "openai";
import { createClient, type ProviderConfig } from "../../ai/client/providers.js";

/** Batch steps are short calls; the SDK retries a 429 or 5xx this many times (honouring retry-after). */
export const BATCH_RETRIES = 2;
export const BATCH_TIMEOUT_MS = 120_000;

export type BatchConnection = Pick<ProviderConfig, "apiKey" | "baseURL" | "headers">;

export interface BatchClientOptions {
  timeoutMs?: number;
  maxRetries?: number;
  fetch?: typeof fetch;
}

export function batchClient(config: BatchConnection, options: BatchClientOptions = {}): OpenAI {
  return createClient(config, {
    timeoutMs: options.timeoutMs ?? BATCH_TIMEOUT_MS,
    maxRetries: options.maxRetries ?? BATCH_RETRIES,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}
