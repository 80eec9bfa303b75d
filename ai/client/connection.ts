/**
 * "Test connection": one `GET {baseURL}/models` through the same SDK client, headers and error classifier as
 * a real request, so a passing test means the key, base URL and headers work for generation too. Returns
 * data, never throws but for a cancel (Cancelled: the test did not end), never puts the key in a message.
 * Presenting the result (and what to do next) is the caller's job.
 */
import { isCancelled } from "../../kernel/cancelled.js";
import { toModelError, type ModelErrorKind } from "../errors/classify.js";
import { pricesFromModelsListing, type SourcedPrice } from "./prices.js";
import { createClient, type ProviderConfig } from "./providers.js";

/** How long the test waits for an answer when not told otherwise. */
export const CONNECTION_TIMEOUT_MS = 10_000;

export interface ConnectionOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
  /** A fetch to use instead of the global one (tests, proxies). */
  fetch?: typeof fetch;
}

export interface ConnectionFailure {
  kind: ModelErrorKind;
  status?: number;
  retryAfterMs?: number;
  message: string;
}

export type ConnectionResult =
  /** `prices` only when the listing carried them (OpenRouter does, OpenAI does not). */
  { ok: true; models: number; prices?: Record<string, SourcedPrice> } | { ok: false; error: ConnectionFailure };

export async function testConnection(
  config: ProviderConfig,
  options: ConnectionOptions = {},
): Promise<ConnectionResult> {
  if (!config.apiKey.trim()) return failure({ kind: "missing-key", message: "No API key." }, config.apiKey);
  try {
    const client = createClient(config, {
      timeoutMs: options.timeoutMs ?? CONNECTION_TIMEOUT_MS,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
    // The first page only: the count and the prices are all the test needs.
    const page = await client.models.list(options.signal ? { signal: options.signal } : undefined);
    const models: unknown[] = page.getPaginatedItems();
    // The SDK turns any 200 body into a page; one without `data` and not even an empty list is a web page or
    // another API, not a models listing.
    if (!Array.isArray(page.data) || (models.length === 0 && page.object !== "list"))
      return failure(
        { kind: "bad-output", message: "The endpoint answered, but not with a list of models." },
        config.apiKey,
      );
    const prices = pricesFromModelsListing({ data: models }, { source: `${config.baseURL}/models` });
    return { ok: true, models: models.length, ...(Object.keys(prices).length > 0 ? { prices } : {}) };
  } catch (error) {
    const modelError = toModelError(error, options.signal);
    if (isCancelled(modelError)) throw modelError;
    return failure(
      {
        kind: modelError.reason,
        message: modelError.message,
        ...(modelError.status !== undefined ? { status: modelError.status } : {}),
        ...(modelError.retryAfterMs !== undefined ? { retryAfterMs: modelError.retryAfterMs } : {}),
      },
      config.apiKey,
    );
  }
}

/** The failure, with the key cut out of its message (some endpoints echo what they were sent). */
function failure(error: ConnectionFailure, apiKey: string): { ok: false; error: ConnectionFailure } {
  const key = apiKey.trim();
  return { ok: false, error: key ? { ...error, message: error.message.split(key).join("***") } : error };
}
