/**
 * "Test connection" inside the worker: the provider's client from ai/client/providers.ts and one `models.list()`
 * (ai/client/connection.ts), so the test passes only if generation's own client, headers and key work. Loaded by
 * the worker on the first test only, like model-job.ts, so the openai SDK stays out of the panel's script.
 */
import { testConnection } from "../../../ai/client/connection.js";
import { ModelError } from "../../../ai/errors/classify.js";
import { providerConfig } from "../../../ai/client/providers.js";
import type { ReplyOf, RequestOf } from "../protocol/index.js";
import type { JobContext } from "./job.js";

export async function runConnectionTest(
  request: RequestOf<"test-connection">,
  { signal }: JobContext<"test-connection">,
): Promise<ReplyOf<"test-connection">> {
  const config = providerConfig(request.settings, request.apiKey);
  const result = await testConnection(config, { timeoutMs: request.timeoutMs, signal });
  if (result.ok) return { models: result.models, ...(result.prices ? { prices: result.prices } : {}) };
  const { kind, status, retryAfterMs, message } = result.error;
  throw new ModelError(kind, message, {
    ...(status !== undefined ? { status } : {}),
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
  });
}
