/**
 * Typed model-client errors the UI can explain: each has a stable `kind`, a short message and a `nextStep`
 * sentence telling the user what to do. Pure: no DOM, no Node. Never carries the API key.
 */
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  ContentFilterFinishReasonError,
  LengthFinishReasonError,
} from "openai/error";

/** Every kind of failure, in one list so each presenter can be checked against all of them. */
export const MODEL_ERROR_KINDS = [
  "missing-key",
  "unauthorized",
  "forbidden",
  "model-not-found",
  "rate-limited",
  "bad-request",
  "server",
  "timeout",
  "offline",
  "aborted",
  "refusal",
  "truncated",
  "bad-output",
  "unknown",
] as const;

export type ModelErrorKind = (typeof MODEL_ERROR_KINDS)[number];

const NEXT_STEP: Record<ModelErrorKind, string> = {
  "missing-key": "Add an API key for this provider in Settings.",
  unauthorized: "Check the API key in Settings: the provider did not accept it.",
  forbidden: "Your key has no access to this model or endpoint; check the account's permissions or pick another model.",
  "model-not-found": "Check the model name and base URL in Settings; the endpoint does not know this model.",
  "rate-limited": "Wait a moment and try again, or check your plan's rate limits and credit.",
  "bad-request": "The endpoint rejected the request; check the model supports images and structured output.",
  server: "The provider had a server error; try again in a minute.",
  timeout: "The model took too long; try again, use a smaller frame, or raise the timeout.",
  offline: "Could not reach the endpoint; check your connection and the base URL in Settings.",
  aborted: "Generation was cancelled; start it again when ready.",
  refusal: "The model declined this request; rephrase your instructions or try another model.",
  truncated: "The output was cut off; try a smaller frame or ask for fewer files.",
  "bad-output": "The model's reply could not be read; try again or use another model.",
  unknown: "Try again; if it keeps failing, check the settings and the provider's status page.",
};

export interface ModelErrorOptions {
  status?: number;
  retryAfterMs?: number;
  requestId?: string;
  cause?: unknown;
}

export class ModelError extends Error {
  override readonly name = "ModelError";
  readonly kind: ModelErrorKind;
  readonly nextStep: string;
  /** HTTP status, when the error came from a response. */
  readonly status: number | undefined;
  /** For `rate-limited`: how long the provider asked us to wait, when it said so. */
  readonly retryAfterMs: number | undefined;
  readonly requestId: string | undefined;

  constructor(kind: ModelErrorKind, message: string, options: ModelErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
    this.nextStep = NEXT_STEP[kind];
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
    this.requestId = options.requestId;
  }
}

export function nextStepFor(kind: ModelErrorKind): string {
  return NEXT_STEP[kind];
}

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
  const ra = header(headers, "retry-after");
  if (ra === undefined || ra.trim() === "") return undefined;
  const seconds = Number(ra);
  if (Number.isFinite(seconds)) return seconds >= 0 ? Math.round(seconds * 1000) : undefined;
  const date = Date.parse(ra);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
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

function isAbortLike(error: unknown): boolean {
  return (
    typeof error === "object" &&
    error !== null &&
    ((error as { name?: unknown }).name === "AbortError" || (error as { name?: unknown }).name === "TimeoutError")
  );
}

/** Maps anything thrown by the SDK, fetch or our own code to a ModelError. Never throws. */
export function toModelError(error: unknown): ModelError {
  if (error instanceof ModelError) return error;
  // Order matters: the timeout class extends the connection class; both extend APIError.
  if (error instanceof APIConnectionTimeoutError)
    return new ModelError("timeout", "The request timed out.", { cause: error });
  if (error instanceof APIUserAbortError)
    return new ModelError("aborted", "The request was cancelled.", { cause: error });
  if (error instanceof APIConnectionError)
    return new ModelError("offline", "Could not connect to the model endpoint.", { cause: error });
  if (error instanceof APIError) {
    const status = error.status;
    const requestId = error.requestID ?? undefined;
    if (status === undefined)
      return new ModelError("unknown", error.message || "The model request failed.", { cause: error, requestId });
    const kind = kindForStatus(status);
    const retryAfterMs = kind === "rate-limited" ? parseRetryAfter(error.headers) : undefined;
    // The SDK's message starts with the status ("429 Rate limit reached"); say it once.
    const detail = error.message.startsWith(`${status} `) ? error.message.slice(`${status} `.length) : error.message;
    return new ModelError(kind, `The endpoint answered ${status}: ${detail}`, {
      status,
      retryAfterMs,
      requestId,
      cause: error,
    });
  }
  if (isAbortLike(error)) {
    const name = (error as { name: string }).name;
    return name === "TimeoutError"
      ? new ModelError("timeout", "The request timed out.", { cause: error })
      : new ModelError("aborted", "The request was cancelled.", { cause: error });
  }
  if (error instanceof LengthFinishReasonError)
    return new ModelError("truncated", "The output hit the token limit.", { cause: error });
  if (error instanceof ContentFilterFinishReasonError)
    return new ModelError("refusal", "The output was stopped by the content filter.", { cause: error });
  if (error instanceof TypeError && /fetch|network/i.test(error.message))
    return new ModelError("offline", "Could not connect to the model endpoint.", { cause: error });
  const message = error instanceof Error ? error.message : String(error);
  return new ModelError("unknown", message || "The model request failed.", { cause: error });
}
