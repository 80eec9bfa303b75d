import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  ContentFilterFinishReasonError,
  LengthFinishReasonError,
} from "openai/error";
import { describe, expect, it } from "vitest";
import { Cancelled } from "../../kernel/cancelled.js";
import { MODEL_ERROR_KINDS, ModelError, parseRetryAfter, toModelError as classify } from "./classify.js";

/** The classifier's answer for what is no cancel. */
function toModelError(error: unknown): ModelError {
  const mapped = classify(error);
  if (!(mapped instanceof ModelError)) throw new Error(`a cancel: ${String(error)}`);
  return mapped;
}

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
    expect(error.reason).toBe(kind);
    expect(error.status).toBe(status);
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
    expect(toModelError(new APIConnectionTimeoutError()).reason).toBe("timeout");
    expect(toModelError(new APIConnectionError({ message: "ECONNREFUSED" })).reason).toBe("offline");
  });

  it("an abort is the one Cancelled: the SDK's, the DOM's, and anything once the caller's signal aborted", () => {
    expect(classify(new APIUserAbortError())).toBeInstanceOf(Cancelled);
    expect(classify(new DOMException("aborted", "AbortError"))).toBeInstanceOf(Cancelled);
    const ours = new Cancelled("stopped");
    expect(classify(ours)).toBe(ours);
    const controller = new AbortController();
    controller.abort();
    expect(classify(new TypeError("terminated"), controller.signal)).toBeInstanceOf(Cancelled);
    expect(classify(new ModelError("server", "late"), controller.signal)).toBeInstanceOf(Cancelled);
    // A signal that a timeout aborted is no cancel.
    const timedOut = new AbortController();
    timedOut.abort(new DOMException("timed out", "TimeoutError"));
    expect(toModelError(new DOMException("timed out", "TimeoutError"))).toMatchObject({ reason: "timeout" });
    expect(classify(new DOMException("timed out", "TimeoutError"), timedOut.signal)).toBeInstanceOf(ModelError);
  });

  it("reads a 400 with a safety code as moderation, with the provider's message", () => {
    const body = {
      error: {
        message: "Your request was rejected by the safety system. safety_violations=[violence].",
        type: "image_generation_user_error",
        param: "",
        code: "moderation_blocked",
      },
    };
    const error = toModelError(APIError.generate(400, body, undefined, new Headers({ "x-request-id": "req_9" })));
    expect(error.reason).toBe("moderation");
    expect(error.status).toBe(400);
    expect(error.requestId).toBe("req_9");
    expect(error.message).toContain("safety_violations=[violence]");
    expect(error.message).not.toMatch(/^The provider's safety system refused the request: 400 /);
    // The same code in a stream's error event (no status), and older codes.
    expect(
      toModelError(
        new APIError(undefined, { code: "moderation_blocked", message: "blocked" }, undefined, new Headers()),
      ).reason,
    ).toBe("moderation");
    expect(
      toModelError(
        APIError.generate(400, { error: { message: "x", code: "content_policy_violation" } }, undefined, new Headers()),
      ).reason,
    ).toBe("moderation");
    // Any other 400 stays a bad request.
    expect(
      toModelError(
        APIError.generate(400, { error: { message: "bad size", code: "invalid_value" } }, undefined, new Headers()),
      ).reason,
    ).toBe("bad-request");
  });

  it("maps finish-reason errors", () => {
    expect(toModelError(new LengthFinishReasonError()).reason).toBe("truncated");
    expect(toModelError(new ContentFilterFinishReasonError()).reason).toBe("refusal");
  });

  it("passes ModelError through and wraps anything else", () => {
    const own = new ModelError("bad-output", "nope");
    expect(toModelError(own)).toBe(own);
    expect(toModelError("boom").reason).toBe("unknown");
    expect(toModelError(new TypeError("fetch failed")).reason).toBe("offline");
  });

  it("keeps the provider's message, status and request id", () => {
    const error = toModelError(
      APIError.generate(
        404,
        { error: { message: "The model `gpt-9` does not exist" } },
        undefined,
        new Headers({ "x-request-id": "req_42" }),
      ),
    );
    expect(error.message).toBe("The endpoint answered 404: The model `gpt-9` does not exist");
    expect(error.status).toBe(404);
    expect(error.requestId).toBe("req_42");
  });

  it("says what happened, never what to do: no next step, no UI words", () => {
    const errors = [
      ...[400, 401, 403, 404, 408, 429, 500].map((status) => toModelError(apiError(status))),
      toModelError(new APIConnectionTimeoutError()),
      toModelError(new APIConnectionError({ message: "ECONNREFUSED" })),
      toModelError(new LengthFinishReasonError()),
      toModelError(new ContentFilterFinishReasonError()),
      toModelError("boom"),
    ];
    for (const error of errors) {
      expect(Object.keys(error)).not.toContain("nextStep");
      expect(error.message).not.toMatch(/settings|OPENAI_API_KEY|--\w/i);
    }
    expect(new Set(errors.map((e) => e.reason)).size).toBeGreaterThan(8);
    expect(MODEL_ERROR_KINDS).toContain("missing-key");
    expect(new Set(MODEL_ERROR_KINDS).size).toBe(MODEL_ERROR_KINDS.length);
  });

  it("says in a sentence what a JavaScript error reading the answer means, never its raw message (issue 38)", () => {
    const cases: [unknown, string, RegExp][] = [
      [new TypeError("terminated"), "offline", /connection closed before the whole answer/],
      [new SyntaxError("Unexpected token '<', \"<html>\" is not valid JSON"), "bad-output", /not valid JSON\.$/],
      [
        new TypeError("Cannot read properties of null (reading 'b64_json')"),
        "bad-output",
        /not in the shape Figment reads/,
      ],
      [new TypeError("data.flatMap is not a function"), "bad-output", /not in the shape Figment reads/],
      [new RangeError("Invalid array length"), "bad-output", /not in the shape Figment reads/],
      [{ some: "object" }, "unknown", /^The model request failed\.$/],
    ];
    for (const [thrown, kind, message] of cases) {
      const error = toModelError(thrown);
      expect(error.reason).toBe(kind);
      expect(error.message).toMatch(message);
      expect(error.message).not.toMatch(/Cannot read|is not a function|\[object|^terminated$|Unexpected token/);
      expect(error.cause).toBe(thrown);
    }
  });

  it("names an HTML error page and cuts a long provider message to one line", () => {
    const page = APIError.generate(
      502,
      undefined,
      "<html><head><title>502 Bad Gateway</title></head><body><h1>502</h1></body></html>",
      new Headers(),
    );
    expect(toModelError(page).message).toBe("The endpoint answered 502: an HTML error page instead of an API answer.");
    const long = toModelError(
      APIError.generate(500, { error: { message: "x\n".repeat(400) } }, undefined, new Headers()),
    ).message;
    expect(long.length).toBeLessThan(340);
    expect(long).not.toContain("\n");
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
