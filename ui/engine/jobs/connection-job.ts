/**
 * "Test connection" inside the worker: the provider's client from ai/providers.ts and one `models.list()`
 * (ai/connection.ts), so the test passes only if generation's own client, headers and key work. Loaded by
 * the worker on the first test only, like model-job.ts, so the openai SDK stays out of the panel's script.
 */
import { testConnection } from "../../../ai/connection.js";
import { ModelError } from "../../../ai/errors.js";
import { providerConfig } from "../../../ai/providers.js";
import type { TestConnectionRequest, WorkerReply } from "../protocol/index.js";

export async function runConnectionTest(request: TestConnectionRequest, signal: AbortSignal): Promise<WorkerReply> {
  let config: ReturnType<typeof providerConfig>;
  try {
    config = providerConfig(request.settings, request.apiKey);
  } catch (error) {
    if (!(error instanceof ModelError)) throw error;
    return { id: request.id, ok: false, error: error.message, bad: false, model: { kind: error.kind } };
  }
  const result = await testConnection(config, { timeoutMs: request.timeoutMs, signal });
  if (result.ok) return { id: request.id, ok: true, kind: "test-connection", models: result.models, ...(result.prices ? { prices: result.prices } : {}) };
  const { kind, status, retryAfterMs, message } = result.error;
  return {
    id: request.id,
    ok: false,
    error: message,
    bad: false,
    model: { kind, ...(status !== undefined ? { status } : {}), ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) },
  };
}
