import { describe, expect, it } from "vitest";
import { MODEL_ERROR_KINDS } from "../../ai/errors/error-kinds.js";
import { connectionText, type ConnectionContext } from "./connection-text.js";

const context: ConnectionContext = {
  url: "https://openrouter.ai/api/v1",
  slotName: "OpenRouter",
  example: "https://openrouter.ai/api/v1",
  timeoutMs: 10_000,
};

describe("what Test connection says", () => {
  it("success: the host, the model count and the prices it saved", () => {
    expect(connectionText({ ok: true, models: 1, prices: 0 }, context)).toEqual({
      ok: true,
      text: "Connected to openrouter.ai: 1 model available.",
    });
    expect(connectionText({ ok: true, models: 312, prices: 300 }, context).text).toBe(
      "Connected to openrouter.ai: 312 models available. Saved the prices of 300 models for cost estimates.",
    );
  });

  it.each([
    [
      { ok: false, kind: "unauthorized", status: 401, message: "No auth credentials found" },
      /did not accept the key \(401\)\. Check that it is the key for OpenRouter/,
    ],
    [
      { ok: false, kind: "model-not-found", status: 404, message: "Not found" },
      /has no \/api\/v1\/models \(404\)\. Check the base URL: .* end in \/v1/,
    ],
    [
      { ok: false, kind: "rate-limited", status: 429, retryAfterMs: 4500, message: "slow" },
      /rate limiting this key \(429\)\. Wait 5 s and test again/,
    ],
    [{ ok: false, kind: "rate-limited", status: 429, message: "slow" }, /Wait a minute and test again/],
    [
      { ok: false, kind: "offline", message: "Connection error." },
      /Could not reach openrouter\.ai\. Check the base URL and your connection/,
    ],
    [
      { ok: false, kind: "timeout", message: "Request timed out." },
      /No answer from openrouter\.ai within 10 s\. Check the base URL/,
    ],
    [{ ok: false, kind: "bad-url" }, /is not a base URL\. Enter one that starts with https:\/\//],
    [{ ok: false, kind: "no-key" }, /No key for OpenRouter\. Type one above, then test again\./],
    [
      { ok: false, kind: "server", status: 502, message: "bad gateway" },
      /server error \(502\)\. Try again in a minute/,
    ],
  ] as const)("%j → says what to do", (outcome, expected) => {
    const result = connectionText(outcome, context);
    expect(result.ok).toBe(false);
    expect(result.text).toMatch(expected);
  });

  it("a refused key shows the provider's own words beside the advice", () => {
    expect(
      connectionText({ ok: false, kind: "unauthorized", status: 401, message: "No auth credentials found" }, context)
        .detail,
    ).toBe("No auth credentials found");
  });

  it.each(MODEL_ERROR_KINDS)("%s gets a sentence with a next step", (kind) => {
    const { text } = connectionText({ ok: false, kind, message: "m" }, context);
    expect(text).toMatch(/\b(Check|Try|Type|Test|Wait)\b/);
  });
});
