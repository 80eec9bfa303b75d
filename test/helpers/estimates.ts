/**
 * Estimates for the panels' tests: zero tokens and no price, but for the fields a test names (the ones its expected
 * text is made of).
 */
import type { Estimate } from "../../ai/estimate/estimate.js";
import type { ImageEstimate } from "../../ai/image/estimate.js";

/** A code, analysis or review estimate (ai/estimate/estimate.ts). */
export function tokenEstimate(fields: Partial<Estimate>): Estimate {
  return {
    estimate: true,
    textTokens: 0,
    imageTokens: 0,
    inputTokens: 0,
    outputTokens: 0,
    costUsd: undefined,
    price: undefined,
    ...fields,
  };
}

/** An image request's estimate (ai/image/estimate.ts): one image, one request. */
export function imageEstimate(fields: Partial<ImageEstimate>): ImageEstimate {
  return {
    estimate: true,
    images: 1,
    requests: 1,
    textTokens: 0,
    imageTokens: 0,
    inputTokens: 0,
    outputTokensPerImage: undefined,
    outputTokens: undefined,
    costUsd: undefined,
    imagePrice: undefined,
    modelPrice: undefined,
    ...fields,
  };
}
