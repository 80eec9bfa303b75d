/** Waits in words, and withRetry's bounds on an injected sleep. */
import { describe, expect, it } from "vitest";
import { FigmaRestError, formatWait } from "./errors.js";
import { DEFAULT_RETRY_POLICY, realSleep, withRetry } from "./retry.js";

describe("formatWait", () => {
  it.each([
    [0.2, "1 s"],
    [45, "45 s"],
    [119, "119 s"],
    [120, "2 min"],
    [3600, "60 min"],
    [7200, "2 h"],
    [7500, "2 h 5 min"],
  ])("%s s → %s", (seconds, words) => expect(formatWait(seconds)).toBe(words));
});

describe("withRetry", () => {
  const limited = (sec?: number): FigmaRestError =>
    new FigmaRestError("limit", "Figma rate-limited the request for x (429)", 429, sec);

  it("waits Figma's Retry-After, or a minute without one, then succeeds", async () => {
    const sleeps: number[] = [];
    const errors = [limited(3), limited(undefined)];
    const result = await withRetry(
      "x",
      async () => {
        const next = errors.shift();
        if (next) throw next;
        return "done";
      },
      { policy: DEFAULT_RETRY_POLICY, sleep: async (ms) => void sleeps.push(ms) },
    );
    expect(result).toBe("done");
    expect(sleeps).toEqual([3000, 60_000]);
  });

  it("does not retry a refusal, a timeout or an unknown error", async () => {
    for (const error of [
      new FigmaRestError("auth", "no", 403),
      new FigmaRestError("network", "slow"),
      new FigmaRestError("service", "not JSON", 200),
      new TypeError("bug"),
    ]) {
      let calls = 0;
      const sleeps: number[] = [];
      await expect(
        withRetry(
          "x",
          async () => {
            calls++;
            throw error;
          },
          { policy: DEFAULT_RETRY_POLICY, sleep: async (ms) => void sleeps.push(ms) },
        ),
      ).rejects.toBe(error);
      expect(calls).toBe(1);
      expect(sleeps).toEqual([]);
    }
  });

  it("Ctrl-C during a wait ends the retries at once with the abort (the real sleep)", async () => {
    const controller = new AbortController();
    const abort = new Error("cancelled");
    let calls = 0;
    const run = withRetry(
      "x",
      async () => {
        calls++;
        throw limited(100);
      },
      {
        policy: DEFAULT_RETRY_POLICY,
        signal: controller.signal,
        sleep: realSleep,
        onRetry: () => controller.abort(abort),
      },
    );
    await expect(run).rejects.toBe(abort);
    expect(calls).toBe(1);
  });
});
