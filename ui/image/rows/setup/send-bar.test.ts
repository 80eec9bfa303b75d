import { describe, expect, it } from "vitest";
import { imageEstimate } from "../../../../test/helpers/estimates.js";
import { batchApiBlocker, estimateLine } from "./send-bar.js";
import { rowsEstimate } from "./use-estimate.js";

const perImage = imageEstimate({
  textTokens: 40,
  inputTokens: 1234,
  outputTokensPerImage: 200,
  outputTokens: 200,
  costUsd: 0.01,
});

describe("the run's estimate and the Batch API's", () => {
  it("multiplies one row's estimate by the rows, with the Batch API's half on OpenAI", () => {
    const openai = rowsEstimate(perImage, 12, true);
    expect(openai.costUsd).toBeCloseTo(0.12);
    expect(openai.batchUsd).toBeCloseTo(0.06);
    expect(estimateLine(openai)).toBe("≈ 1,234 input tokens per image · ≈ $0.120 for 12 · Batch API ≈ $0.060 (50%)");
    expect(estimateLine(rowsEstimate(perImage, 12, false))).toBe("≈ 1,234 input tokens per image · ≈ $0.120 for 12");
    expect(estimateLine(rowsEstimate({ ...perImage, costUsd: undefined }, 3, true))).toBe(
      "≈ 1,234 input tokens per image · no price known",
    );
  });

  it("says why the Batch API cannot take references or accept-first", () => {
    expect(batchApiBlocker({ acceptFirst: false, style: { references: [] } })).toBeUndefined();
    expect(batchApiBlocker({ acceptFirst: false, style: { references: [{}] } })).toMatch(/takes no reference images/);
    expect(batchApiBlocker({ acceptFirst: true, style: { references: [] } })).toMatch(/no first image to accept/);
  });
});
