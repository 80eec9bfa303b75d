import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  ContentFilterFinishReasonError,
  LengthFinishReasonError,
} from "openai/error";
import { describe, expect, it } from "vitest";
import { ModelError, parseRetryAfter, toModelError } from "./errors.js";

const apiError = (status: number, headers: Record<string, string> = {}) =>
  APIError.generate(status, { error: { message: `status ${status}` } }, undefined, new Headers(headers));

describe("toModelError", () => {
  it.each([
    [401, "unauthorized"],
    [403, "forbidden"],
    [404, "model-not-found"],
    [429, "rate-limited"],
    [500, "server"],
    [502, "server"],
    [503, "server"],
    [400, "bad-request"],
    [422, "bad-request"],
  ] as const)("maps status %i to %s", (status, kind) => {
    const error = toModelError(apiError(status));
    expect(error).toBeInstanceOf(ModelError);
    expect(error.kind).toBe(kind);
    expect(error.status).toBe(status);
    expect(error.nextStep.length).toBeGreaterThan(10);
  });

  it("reads retry-after (seconds) on 429", () => {
    expect(toModelError(apiError(429, { "retry-after": "3" })).retryAfterMs).toBe(3000);
  });

  it("prefers retry-after-ms", () => {
    expect(toModelError(apiError(429, { "retry-after-ms": "250", "retry-after": "3" })).retryAfterMs).toBe(250);
  });

  it("has no retryAfterMs without headers", () => {
    expect(toModelError(apiError(429)).retryAfterMs).toBeUndefined();
  });

  it("maps the connection classes", () => {
    expect(toModelError(new APIConnectionTimeoutError()).kind).toBe("timeout");
    expect(toModelError(new APIConnectionError({ message: "ECONNREFUSED" })).kind).toBe("offline");
    expect(toModelError(new APIUserAbortError()).kind).toBe("aborted");
  });

  it("maps DOM AbortError and TimeoutError", () => {
    expect(toModelError(new DOMException("aborted", "AbortError")).kind).toBe("aborted");
    expect(toModelError(new DOMException("timed out", "TimeoutError")).kind).toBe("timeout");
  });

  it("maps finish-reason errors", () => {
    expect(toModelError(new LengthFinishReasonError()).kind).toBe("truncated");
    expect(toModelError(new ContentFilterFinishReasonError()).kind).toBe("refusal");
  });

  it("passes ModelError through and wraps anything else", () => {
    const own = new ModelError("bad-output", "nope");
    expect(toModelError(own)).toBe(own);
    expect(toModelError("boom").kind).toBe("unknown");
    expect(toModelError(new TypeError("fetch failed")).kind).toBe("offline");
  });

  it("never puts the key in the message", () => {
    const error = toModelError(apiError(401));
    expect(error.message).not.toMatch(/sk-/);
  });
});

describe("parseRetryAfter", () => {
  it("parses an HTTP date relative to now", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(parseRetryAfter(new Headers({ "retry-after": "Thu, 01 Jan 2026 00:00:05 GMT" }), now)).toBe(5000);
  });
  it("ignores garbage and negatives", () => {
    expect(parseRetryAfter(new Headers({ "retry-after": "soon" }))).toBeUndefined();
    expect(parseRetryAfter(new Headers({ "retry-after": "-1" }))).toBeUndefined();
    expect(parseRetryAfter(undefined)).toBeUndefined();
  });
  it("reads plain records case-insensitively", () => {
    expect(parseRetryAfter({ "Retry-After-Ms": "10" })).toBe(10);
  });
});
