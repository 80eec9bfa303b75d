/**
 * The estimate of Search's model work (captions as vision calls, embeddings per input token) and Search's models per
 * provider.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../../contract/settings.js";
import { countTextTokens, imageTokens, loadTokenizer } from "../estimate/estimate.js";
import { CAPTION_IMAGE_TOKENS, CAPTION_INSTRUCTIONS } from "./caption-prompt.js";
import { searchModelsFor } from "../client/providers.js";
import { approxTokens, CAPTION_INPUT_TOKENS, estimateEnrich } from "./search-estimate.js";

describe("estimateEnrich", () => {
  it("prices captions as vision calls and embeddings per input token", () => {
    const e = estimateEnrich({
      captions: 80,
      embeddingChars: Array(80).fill(400),
      withNewCaption: 80,
      captionModel: "gpt-4o-mini",
      embeddingModel: "text-embedding-3-small",
    });
    expect(e.captionInputTokens).toBe(80 * CAPTION_INPUT_TOKENS);
    expect(e.captionOutputTokens).toBe(80 * 80);
    expect(e.embeddingTokens).toBe(80 * 100 + 80 * 80);
    // gpt-4o-mini $0.15 in / $0.60 out; embeddings $0.02 in.
    const expected = (80 * CAPTION_INPUT_TOKENS * 0.15 + 80 * 80 * 0.6 + (80 * 100 + 80 * 80) * 0.02) / 1e6;
    expect(e.costUsd).toBeCloseTo(expected, 10);
    expect(e.captionPrice?.source).toMatch(/^https:/);
    expect(e.embeddingPrice?.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("has no cost when a model with work to do has no price; a model without work needs none", () => {
    expect(
      estimateEnrich({
        captions: 3,
        embeddingChars: [10],
        withNewCaption: 0,
        captionModel: "unknown-vision",
        embeddingModel: "text-embedding-3-small",
      }).costUsd,
    ).toBeUndefined();
    const embedOnly = estimateEnrich({
      captions: 0,
      embeddingChars: [400],
      withNewCaption: 0,
      captionModel: "unknown-vision",
      embeddingModel: "text-embedding-3-small",
    });
    expect(embedOnly.costUsd).toBeCloseTo((100 * 0.02) / 1e6, 12);
    expect(
      estimateEnrich({ captions: 0, embeddingChars: [], withNewCaption: 0, captionModel: "x", embeddingModel: "y" })
        .costUsd,
    ).toBe(0);
  });

  it("its fixed parts agree with the tokenizer and the tile rule", async () => {
    await loadTokenizer();
    expect(CAPTION_IMAGE_TOKENS).toBe(imageTokens(768, 768, "low"));
    // chars / 4 is within a fifth of the real count for the instructions.
    expect(
      Math.abs(approxTokens(CAPTION_INSTRUCTIONS) - countTextTokens(CAPTION_INSTRUCTIONS)) /
        countTextTokens(CAPTION_INSTRUCTIONS),
    ).toBeLessThan(0.2);
  });
});

describe("searchModelsFor", () => {
  it(
    "uses the same endpoint's models: OpenRouter's prefix on the default " +
      "embedding model; the caption model defaults to the vision model",
    () => {
      expect(searchModelsFor(DEFAULT_SETTINGS)).toEqual({
        embedding: "text-embedding-3-small",
        caption: DEFAULT_SETTINGS.model,
      });
      expect(searchModelsFor({ ...DEFAULT_SETTINGS, provider: "openrouter", model: "openai/gpt-4o" })).toEqual({
        embedding: "openai/text-embedding-3-small",
        caption: "openai/gpt-4o",
      });
      expect(
        searchModelsFor({
          ...DEFAULT_SETTINGS,
          provider: "custom",
          embeddingModel: "nomic-embed-text",
          captionModel: "llava",
        }),
      ).toEqual({ embedding: "nomic-embed-text", caption: "llava" });
    },
  );
});
