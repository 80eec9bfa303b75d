/**
 * API keys are kept per key slot: one per provider at its own endpoint, and one per base URL otherwise.
 * A key is only ever sent to the endpoint of the slot it was saved in, so switching OpenAI → OpenRouter, or
 * pointing the OpenAI provider at another base URL, never sends a key to a host it was not saved for. A Stable
 * Diffusion server's `user:password` is kept the same way, in the slot `sd <its base URL>`.
 */
import { custom, type Field } from "./fields.js";
import { endpointFor, PROVIDER_DEFAULTS } from "./settings.js";
import { PROVIDERS, type Provider } from "./words.js";

/**
 * What the panel and the engine say when no key is saved for the provider (the CLI names its environment variable
 * instead).
 */
export const missingKeyText = (provider: string): string => `No API key for ${provider}.`;

/** `openai`, `openrouter`, or `<provider> <endpoint>` for any other endpoint (always so for `custom`). */
export type KeySlot = string;

const ENDPOINT = /^(https?):\/\/([^/?#\s]+)([^\s]*)$/i;

/**
 * The endpoint as keys are filed under it: lower-case scheme and host, no trailing slash. (A regular
 * expression, not `URL`: the main thread's sandbox has no URL class.)
 */
export function normaliseEndpoint(url: string): string {
  const trimmed = url.trim().replace(/\/+$/, "");
  const match = ENDPOINT.exec(trimmed);
  if (!match) return trimmed;
  return `${match[1]!.toLowerCase()}://${match[2]!.toLowerCase()}${match[3]!.replace(/\/+$/, "")}`;
}

/** The slot for a provider and base URL ("" = the provider's default endpoint). */
export function keySlot(settings: { provider: Provider; baseUrl: string }): KeySlot {
  const endpoint = normaliseEndpoint(endpointFor(settings));
  const own = normaliseEndpoint(PROVIDER_DEFAULTS[settings.provider].baseUrl);
  return settings.provider !== "custom" && endpoint === own ? settings.provider : `${settings.provider} ${endpoint}`;
}

/** Provider and endpoint of a slot, or undefined for text that is not a slot. */
export function parseKeySlot(slot: string): { provider: Provider; endpoint: string } | undefined {
  const space = slot.indexOf(" ");
  const provider = (space < 0 ? slot : slot.slice(0, space)) as Provider;
  if (!(PROVIDERS as readonly string[]).includes(provider)) return undefined;
  if (space < 0)
    return provider === "custom"
      ? undefined
      : { provider, endpoint: normaliseEndpoint(PROVIDER_DEFAULTS[provider].baseUrl) };
  const endpoint = slot.slice(space + 1);
  if (!/^https?:\/\/\S+$/.test(endpoint) || normaliseEndpoint(endpoint) !== endpoint) return undefined;
  return { provider, endpoint };
}

/** The slot of a Stable Diffusion server's credentials: `sd <base URL>` (no trailing slash or /sdapi/v1). */
export function sdSlot(baseUrl: string): KeySlot {
  return `sd ${normaliseEndpoint(
    baseUrl
      .trim()
      .replace(/\/+$/, "")
      .replace(/\/sdapi\/v1$/i, ""),
  )}`;
}

/** The SD server of an `sd …` slot, or undefined for text that is not one. */
export function parseSdSlot(slot: string): { endpoint: string } | undefined {
  if (!slot.startsWith("sd ")) return undefined;
  const endpoint = slot.slice(3);
  return ENDPOINT.test(endpoint) && normaliseEndpoint(endpoint) === endpoint ? { endpoint } : undefined;
}

/** Whether `slot` is one keys are filed under: a provider's, or an SD server's. */
export const isKeySlot = (slot: string): boolean => parseKeySlot(slot) !== undefined || parseSdSlot(slot) !== undefined;

/** A short human name for a slot: "OpenAI", "OpenRouter", "localhost:8080 (custom)". */
export function slotLabel(slot: KeySlot): string {
  const sd = parseSdSlot(slot);
  if (sd) return `the SD server at ${ENDPOINT.exec(sd.endpoint)?.[2] ?? sd.endpoint}`;
  const parsed = parseKeySlot(slot);
  if (!parsed) return slot;
  const names: Record<Provider, string> = { openai: "OpenAI", openrouter: "OpenRouter", custom: "custom" };
  if (!slot.includes(" ")) return names[parsed.provider];
  const host = ENDPOINT.exec(parsed.endpoint)?.[2] ?? parsed.endpoint;
  return parsed.provider === "custom" ? `${host} (custom)` : `${names[parsed.provider]} at ${host}`;
}

export const keySlotField: Field<KeySlot> = custom(
  "a key slot (provider, provider and endpoint, or sd and a server's URL)",
  (v) => (typeof v === "string" && isKeySlot(v) ? v : undefined),
);
