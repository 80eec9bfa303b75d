import { describe, expect, it } from "vitest";
import { MODEL_ERROR_KINDS, ModelError } from "../../ai/errors/classify.js";
import { captureIo } from "../../test/helpers/fixtures.js";
import type { ProviderName } from "./args.js";
import { exitCodeFor } from "../../kernel/errors.js";
import { cliNextStep, reportModelError } from "./model-errors.js";

const PROVIDERS: ProviderName[] = ["openai", "openrouter", "custom"];

describe("the CLI's words for model failures", () => {
  it.each(MODEL_ERROR_KINDS)("%s has its own next step, never in the panel's terms", (kind) => {
    for (const provider of PROVIDERS) {
      const next = cliNextStep(kind, provider);
      expect(next.trim().length).toBeGreaterThan(10);
      expect(next).not.toMatch(/settings/i);
    }
  });

  it("names the provider's key variable and the flags that fix the problem", () => {
    expect(cliNextStep("missing-key", "openai")).toContain("OPENAI_API_KEY");
    expect(cliNextStep("missing-key", "openrouter")).toContain("OPENROUTER_API_KEY");
    expect(cliNextStep("unauthorized", "openrouter")).toContain("OPENROUTER_API_KEY");
    expect(cliNextStep("model-not-found", "openai")).toMatch(/--model.*--base-url/);
    expect(cliNextStep("offline", "custom")).toContain("--base-url");
    expect(cliNextStep("timeout", "openai")).toContain("--timeout");
  });

  it("exits 2 for configuration, 1 for the rest (a cancel is no model failure)", () => {
    const codes = Object.fromEntries(
      MODEL_ERROR_KINDS.map((reason) => [reason, exitCodeFor(new ModelError(reason, "x").kind)]),
    );
    expect(codes).toEqual({
      "missing-key": 2,
      unauthorized: 2,
      forbidden: 2,
      "model-not-found": 2,
      "rate-limited": 1,
      "bad-request": 2,
      moderation: 2,
      server: 1,
      timeout: 1,
      offline: 1,
      refusal: 1,
      truncated: 1,
      "bad-output": 1,
      unknown: 1,
    });
  });

  it("reports the message, the retry-after, the request id and the next step on stderr", () => {
    const io = captureIo();
    const code = reportModelError(
      new ModelError("rate-limited", "The endpoint answered 429: slow down", {
        status: 429,
        retryAfterMs: 2500,
        requestId: "req_7",
      }),
      "openrouter",
      io,
    );
    expect(code).toBe(1);
    expect(io.stdout()).toBe("");
    expect(io.stderr().split("\n")).toEqual([
      "figment: The endpoint answered 429: slow down",
      "figment: the provider asks to retry after 3 s",
      "figment: request id req_7",
      `figment: ${cliNextStep("rate-limited", "openrouter")}`,
    ]);
  });
});
