/**
 * Provider configuration: which API shape to use, where, with which model and headers. OpenAI speaks the
 * Responses API; OpenRouter and custom endpoints speak chat completions (the common OpenAI-compatible shape).
 * Pure: only fetch-based SDK features, no Node imports, so it runs in the UI iframe and in Node.
 */
import OpenAI from "openai";
import { endpointFor, type Settings } from "../../contract/settings.js";
import { ModelError } from "../errors/classify.js";
import { idleGuard } from "./idle-body.js";
import { modelFor } from "./models.js";
import { missingKeyText } from "../../contract/keys.js";

export { searchModelsFor } from "./models.js";

export type ApiKind = "responses" | "chat";

export interface ProviderConfig {
  kind: ApiKind;
  baseURL: string;
  model: string;
  apiKey: string;
  headers: Record<string, string>;
}

/**
 * OpenRouter's attribution header (its docs also suggest HTTP-Referer; Figment has no public site to name
 * yet, so none is invented).
 */
export const OPENROUTER_HEADERS: Readonly<Record<string, string>> = {
  "X-Title": "Figment",
};

/**
 * The client configuration for these settings and key. Throws a `missing-key` ModelError when the key is
 * empty (a custom local endpoint may accept any non-empty key; pass e.g. "none").
 */
export function providerConfig(settings: Settings, apiKey: string): ProviderConfig {
  const key = apiKey.trim();
  if (!key) throw new ModelError("missing-key", missingKeyText(settings.provider));
  const baseURL = endpointFor(settings).replace(/\/+$/, "");
  const model = modelFor(settings);
  switch (settings.provider) {
    case "openai":
      return { kind: "responses", baseURL, model, apiKey: key, headers: {} };
    case "openrouter":
      return { kind: "chat", baseURL, model, apiKey: key, headers: { ...OPENROUTER_HEADERS } };
    case "custom":
      return { kind: "chat", baseURL, model, apiKey: key, headers: {} };
  }
}

export interface ClientOptions {
  /** The longest wait for an answer's headers, and by default for each next part of its body (idleMs). */
  timeoutMs: number;
  /**
   * The longest wait for the next bytes of an answer's body once it has begun (default timeoutMs): a stalled stream
   * ends.
   */
  idleMs?: number;
  /** A fetch to use instead of the global one (tests, proxies). */
  fetch?: typeof fetch;
  /** The SDK's own retries of 408/409/429/5xx and connection errors (default 0: the panel decides). */
  maxRetries?: number;
}

/**
 * An SDK client for the config: no SDK retries unless asked (the UI decides), browser use allowed (key is the user's
 * own).
 */
export function createClient(
  config: Pick<ProviderConfig, "apiKey" | "baseURL" | "headers">,
  options: ClientOptions,
): OpenAI {
  return new OpenAI({
    apiKey: config.apiKey,
    baseURL: config.baseURL,
    timeout: options.timeoutMs,
    maxRetries: options.maxRetries ?? 0,
    dangerouslyAllowBrowser: true,
    defaultHeaders: config.headers,
    fetch: idleGuard(
      options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
      options.idleMs ?? options.timeoutMs,
    ),
  });
}
