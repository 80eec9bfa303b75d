/**
 * What "Test connection" tells the designer: what happened at which host and what to do next, in the
 * panel's words (Settings, the base URL, the key field). Pure; never sees the key.
 */
import type { ModelErrorKind } from "../../ai/errors/error-kinds.js";
import { pluralGrouped } from "../../kernel/plural.js";

export type ConnectionOutcome =
  | { ok: true; models: number; prices: number }
  /** Nothing was sent: the base URL is not one, or there is no key for the form's slot. */
  | { ok: false; kind: "bad-url" | "no-key" }
  /** The worker could not run the test (it crashed or was cancelled). */
  | { ok: false; kind: "worker"; message: string }
  | { ok: false; kind: ModelErrorKind; status?: number; retryAfterMs?: number; message: string };

export interface ConnectionContext {
  /** The endpoint tested (the form's base URL, or the provider's default). */
  url: string;
  /** "OpenRouter", "127.0.0.1:8080 (custom)", … */
  slotName: string;
  /** The provider's default base URL, as an example of a good one. */
  example: string;
  timeoutMs: number;
}

export interface ConnectionText {
  ok: boolean;
  text: string;
  /** The endpoint's own message, when it sent one worth showing. */
  detail?: string;
}

/** host, or host/path when the path says something ("openrouter.ai/api/v1"). */
function where(url: string): { host: string; path: string } {
  try {
    const parsed = new URL(url);
    return { host: parsed.host, path: parsed.pathname.replace(/\/+$/, "") };
  } catch {
    return { host: url, path: "" };
  }
}

export function connectionText(outcome: ConnectionOutcome, context: ConnectionContext): ConnectionText {
  const { host, path } = where(context.url);
  if (outcome.ok) {
    const prices =
      outcome.prices > 0 ? ` Saved the prices of ${pluralGrouped(outcome.prices, "model")} for cost estimates.` : "";
    return { ok: true, text: `Connected to ${host}: ${pluralGrouped(outcome.models, "model")} available.${prices}` };
  }
  const fail = (text: string, detail?: string): ConnectionText =>
    detail?.trim() ? { ok: false, text, detail: detail.trim() } : { ok: false, text };
  switch (outcome.kind) {
    case "bad-url":
      return fail(
        `“${context.url}” is not a base URL. Enter one that starts with https:// ` +
          `(like ${context.example}), or leave it empty for the provider's default.`,
      );
    case "no-key":
      return fail(`No key for ${context.slotName}. Type one above, then test again.`);
    case "worker":
      return fail("The test could not run. Try again; the code generator restarts if it stopped.", outcome.message);
    case "unauthorized":
      return fail(
        `${host} did not accept the key (401). Check that it is the ` +
          `key for ${context.slotName}, still active, and copied in full.`,
        outcome.message,
      );
    case "forbidden":
      return fail(
        `${host} accepted the key but refused access (403). Check the key's permissions, project or credit.`,
        outcome.message,
      );
    case "model-not-found":
      return fail(
        `${host} has no ${path}/models (404). Check the base URL: OpenAI-compatible APIs usually end in /v1.`,
      );
    case "rate-limited": {
      const wait =
        outcome.retryAfterMs !== undefined ? `${Math.max(1, Math.ceil(outcome.retryAfterMs / 1000))} s` : "a minute";
      return fail(
        `${host} is rate limiting this key (429). Wait ${wait} and test again, or check your plan's limits and credit.`,
      );
    }
    case "server":
      return fail(
        `${host} had a server error${outcome.status !== undefined ? ` (${outcome.status})` : ""}. ` +
          `Try again in a minute; if it persists, check the provider's status page.`,
      );
    case "timeout":
      return fail(
        `No answer from ${host} within ${Math.round(context.timeoutMs / 1000)} ` +
          `s. Check the base URL and your connection, then test again.`,
      );
    case "offline":
      return fail(
        `Could not reach ${host}. Check the base URL and your connection; ` +
          `Figma lets the plugin reach only the domains listed in its manifest.`,
      );
    case "bad-output":
      return fail(
        `${host} answered, but not with a list of models. Check ` +
          `that the base URL ends where the API starts (often /v1).`,
      );
    case "missing-key":
      return fail(`No key for ${context.slotName}. Type one above, then test again.`);
    default:
      return fail(
        `${host} answered with an error${outcome.status !== undefined ? ` (${outcome.status})` : ""}. ` +
          `Check the base URL and the key, then test again.`,
        outcome.message,
      );
  }
}
