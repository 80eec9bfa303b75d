/**
 * Test connection's models listing (OpenAI's, and OpenRouter's with prices), mutated on the wire (issue 38): answers
 * recorded once from the OpenAI-wire test server and replayed through the real SDK cut, stalled, dropped, retyped,
 * nulled and swollen (test/fuzz/targets-text.ts). Each case ends in a result or a refusal in a sentence: no raw
 * JavaScript error, no JavaScript words shown, no wait of 5 s.
 */
import { describe, expect, it } from "vitest";
import { defectSummary } from "../../test/fuzz/run-cases.js";
import { fuzzTextTarget } from "../../test/fuzz/targets-text.js";

describe("Test connection's models listing (OpenAI's, and OpenRouter's with prices), mutated", () => {
  it.each(["connection-openai", "connection-openrouter"])(
    "%s: every mutated answer ends in a result or a refusal in a sentence",
    async (name) => {
      const report = await fuzzTextTarget(name);
      expect(defectSummary(report)).toEqual([]);
      expect(report.results).toBeGreaterThan(0);
      expect(report.refusals).toBeGreaterThan(0);
    },
    30_000,
  );
});
