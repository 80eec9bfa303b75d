/**
 * The model client's classifier: anything the SDK, fetch or our own code threw becomes a ModelError
 * (model-error.ts), or the one Cancelled (kernel/cancelled.ts) when it was a stop: WHAT happened, never what to
 * do about it — a stable `reason`, the HTTP status, the provider's retry-after and request id when it sent them, and
 * a message (the provider's own, when there is one). What to tell the user is each surface's job, in its own words
 * (the panel speaks of Settings, the CLI of environment variables and flags): see ui/code/explain.ts and
 * cli/model-errors.ts.
 *
 * Pure: no DOM, no Node. Never carries the API key.
 */
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  ContentFilterFinishReasonError,
  LengthFinishReasonError,
  OpenAIError,
} from "openai/error";

import { kindOf } from "../../kernel/errors.js";
import { Cancelled, isCancelled } from "../../kernel/cancelled.js";
import { ModelError } from "./model-error.js";
import type { ModelErrorKind } from "./error-kinds.js";
import { parseRetryAfterSec } from "./retry-after.js";
import { isHtmlPage, oneLine } from "../text/one-line.js";

export { MODEL_ERROR_KIND, MODEL_ERROR_KINDS, type ModelErrorKind } from "./error-kinds.js";
export { ModelError, type ModelErrorOptions } from "./model-error.js";

type HeaderSource = Headers | Record<string, string | null | undefined> | undefined | null;

function header(headers: HeaderSource, name: string): string | undefined {
  if (!headers) return undefined;
  if (typeof (headers as Headers).get === "function") return (headers as Headers).get(name) ?? undefined;
  const record = headers as Record<string, string | null | undefined>;
  for (const key of Object.keys(record)) if (key.toLowerCase() === name) return record[key] ?? undefined;
  return undefined;
}

/**
 * Milliseconds to wait from `retry-after-ms` (ms), else `retry-after` (seconds or an HTTP date).
 * Undefined when absent, unparseable or negative.
 */
export function parseRetryAfter(headers: HeaderSource, now: number = Date.now()): number | undefined {
  const ms = header(headers, "retry-after-ms");
  if (ms !== undefined && ms.trim() !== "") {
    const value = Number(ms);
    if (Number.isFinite(value) && value >= 0) return Math.round(value);
  }
  const seconds = parseRetryAfterSec(header(headers, "retry-after"), now);
  return seconds === undefined ? undefined : Math.round(seconds * 1000);
}

/**
 * Error codes with which providers say their safety system refused a request: OpenAI's image models answer
 * 400 `moderation_blocked` ("Your request was rejected by the safety system … safety_violations=[…]"), older
 * image models `content_policy_violation`; some OpenAI-compatible endpoints say `content_filter`.
 */
export const MODERATION_CODES: ReadonlySet<string> = new Set([
  "moderation_blocked",
  "content_policy_violation",
  "content_filter",
]);

/** Whether an error code (from an error body or a failed image call) is a safety-system refusal. */
export function isModerationCode(code: unknown): boolean {
  return typeof code === "string" && MODERATION_CODES.has(code);
}

function kindForStatus(status: number): ModelErrorKind {
  if (status === 401) return "unauthorized";
  if (status === 403) return "forbidden";
  if (status === 404) return "model-not-found";
  if (status === 408) return "timeout";
  if (status === 429) return "rate-limited";
  if (status >= 500) return "server";
  if (status >= 400) return "bad-request";
  return "unknown";
}

function isTimeoutSignal(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { name?: unknown }).name === "TimeoutError";
}

/**
 * The one place an abort becomes Cancelled: ours (already Cancelled), the SDK's APIUserAbortError, fetch's or the
 * DOM's AbortError (kernel/errors.ts's kindOf reads the name), and anything thrown once `signal` aborted (the SDK
 * may just stop reading a stream, or throw the signal's own reason). A signal aborted by a timeout is no cancel.
 * Undefined when `error` is not a cancel.
 */
export function cancellation(error: unknown, signal?: AbortSignal): Cancelled | undefined {
  if (isCancelled(error)) return error;
  if (signal?.aborted && !isTimeoutSignal(signal.reason))
    return isCancelled(signal.reason) ? signal.reason : new Cancelled(CANCELLED);
  if (error instanceof APIUserAbortError || kindOf(error) === "cancelled") return new Cancelled(CANCELLED);
  return undefined;
}

const CANCELLED = "The request was cancelled.";

/** Throws Cancelled when `signal` has aborted: before a request is sent, or after an answer that came anyway. */
export function throwIfCancelled(signal: AbortSignal | undefined): void {
  const cancelled = signal?.aborted ? cancellation(undefined, signal) : undefined;
  if (cancelled) throw cancelled;
}

/** The SDK's message starts with the status ("429 Rate limit reached"); say it once. */
function stripStatus(message: string, status: number | undefined): string {
  return status !== undefined && message.startsWith(`${status} `) ? message.slice(`${status} `.length) : message;
}

/**
 * Maps anything thrown by the SDK, fetch or our own code to a ModelError, or to Cancelled when it was a stop (see
 * `cancellation`; `signal` is the caller's, whose abort makes any failure a cancel). Never throws.
 */
export function toModelError(error: unknown, signal?: AbortSignal): ModelError | Cancelled {
  const cancelled = cancellation(error, signal);
  if (cancelled) return cancelled;
  if (error instanceof ModelError) return error;
  // Order matters: the timeout class extends the connection class; both extend APIError.
  if (error instanceof APIConnectionTimeoutError)
    return new ModelError("timeout", "The request timed out.", { cause: error });
  if (error instanceof APIConnectionError)
    return new ModelError("offline", "Could not connect to the model endpoint.", { cause: error });
  if (error instanceof APIError) {
    const status = error.status;
    const requestId = error.requestID ?? undefined;
    // A stream's error event has no status; its code still says what happened.
    if ((status === undefined || status === 400) && isModerationCode(error.code))
      return new ModelError(
        "moderation",
        `The provider's safety system refused the request: ${stripStatus(error.message, status)}`,
        { ...(status !== undefined ? { status } : {}), requestId, cause: error },
      );
    if (status === undefined)
      return new ModelError("unknown", readableOr(providerDetail(error.message), "The model request failed."), {
        cause: error,
        requestId,
      });
    const kind = kindForStatus(status);
    const retryAfterMs = kind === "rate-limited" ? parseRetryAfter(error.headers) : undefined;
    const detail = providerDetail(stripStatus(error.message, status)) || "no explanation came with it.";
    return new ModelError(kind, `The endpoint answered ${status}: ${detail}`, {
      status,
      retryAfterMs,
      requestId,
      cause: error,
    });
  }
  if (isTimeoutSignal(error)) return new ModelError("timeout", "The request timed out.", { cause: error });
  if (error instanceof LengthFinishReasonError)
    return new ModelError("truncated", "The output hit the token limit.", { cause: error });
  if (error instanceof ContentFilterFinishReasonError)
    return new ModelError("refusal", "The output was stopped by the content filter.", { cause: error });
  if (error instanceof TypeError && /fetch|network/i.test(error.message))
    return new ModelError("offline", "Could not connect to the model endpoint.", { cause: error });
  // undici's TypeError when the connection drops while the body is read.
  if (error instanceof TypeError && /^terminated$|socket|other side closed|ECONNRESET/i.test(error.message))
    return new ModelError("offline", "The connection closed before the whole answer arrived.", { cause: error });
  // The SDK's JSON.parse of a stream event, or our reading of a field the answer did not have: the answer is at
  // fault as far as the user can act, and a JavaScript message ("Cannot read properties of null") says nothing to them.
  if (error instanceof SyntaxError)
    return new ModelError("bad-output", "The endpoint sent a part of its answer that is not valid JSON.", {
      cause: error,
    });
  if (error instanceof TypeError || error instanceof RangeError || error instanceof ReferenceError)
    return new ModelError(
      "bad-output",
      "The endpoint's answer is not in the shape Figment reads; nothing was changed.",
      { cause: error },
    );
  if (error instanceof OpenAIError)
    return new ModelError("bad-output", readableOr(error.message, "The endpoint's answer could not be read."), {
      cause: error,
    });
  return new ModelError(
    "unknown",
    readableOr(error instanceof Error ? error.message : undefined, "The model request failed."),
    { cause: error },
  );
}

/**
 * The provider's own words, as one short line: an error page's HTML (a proxy's 502) is named, not shown, and a
 * long body is cut, so a failure stays one readable line.
 */
function providerDetail(message: string): string {
  return isHtmlPage(message) ? "an HTML error page instead of an API answer." : oneLine(message, 300);
}

/**
 * `message` when it is a sentence for a person, else `fallback` (an object's "[object Object]", an empty or huge text).
 */
function readableOr(message: string | undefined, fallback: string): string {
  if (!message || message.length > 500 || /\[object \w+\]/.test(message)) return fallback;
  return message;
}
