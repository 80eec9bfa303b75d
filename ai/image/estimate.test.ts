/** Estimates before sending (tokens and cost per path) and the cost of reported usage, with sourced prices. */
import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../../contract/settings.js";
import { encodePng } from "../../test/openai-server/png.js";
import { countTextTokens, loadTokenizer } from "../estimate/estimate.js";
import { ESTIMATE_PRICES } from "../client/prices.js";
import { imageConfig } from "./config.js";
import { estimateImageRequest, usageCost } from "./estimate.js";
import { buildImageRequests } from "./request.js";
import { GPT_IMAGE_2_OUTPUT_TOKENS, GPT_IMAGE_2_PRICE, outputTokensPerImage } from "./prices.js";

beforeAll(async () => {
  await loadTokenizer();
});

const KEY = "sk-test";
const images = imageConfig({ ...DEFAULT_SETTINGS, provider: "openai" }, KEY);
const responses = imageConfig({ ...DEFAULT_SETTINGS, provider: "openai" }, KEY, { api: "responses" });
const chat = imageConfig({ ...DEFAULT_SETTINGS, provider: "openrouter" }, KEY);
const REF = { bytes: encodePng(320, 200) };

describe("output tokens per image", () => {
  it("uses OpenAI's documented figures for the documented sizes", () => {
    expect(outputTokensPerImage("gpt-image-2", { width: 1024, height: 1024 }, "high")).toBe(7024);
    expect(outputTokensPerImage("gpt-image-2", { width: 1536, height: 1024 }, "high")).toBe(5488);
    expect(outputTokensPerImage("gpt-image-2", { width: 1024, height: 1536 }, "medium")).toBe(1367);
    expect(outputTokensPerImage("gpt-image-2", "auto", "low")).toBe(200);
    // "auto" quality is counted as high: the most it may cost.
    expect(outputTokensPerImage("gpt-image-2", "auto", "auto")).toBe(7024);
  });

  it("scales other sizes with the square root of the pixels (within 5% of the calculator's 3584×2048 = 12,329)", () => {
    const estimate = outputTokensPerImage("gpt-image-2", { width: 3584, height: 2048 }, "high")!;
    expect(Math.abs(estimate - 12_329) / 12_329).toBeLessThan(0.05);
    expect(outputTokensPerImage("gpt-image-2", { width: 3840, height: 2160 }, "high")).toBeGreaterThan(7024);
  });

  it("knows no figures for other models", () => {
    expect(outputTokensPerImage("google/gemini-2.5-flash-image", "auto", "high")).toBeUndefined();
    expect(outputTokensPerImage("gpt-image-1.5", "auto", "high")).toBeUndefined();
  });

  it("every figure names its source and the day it was read", () => {
    for (const source of [GPT_IMAGE_2_PRICE, GPT_IMAGE_2_OUTPUT_TOKENS]) {
      expect(source.source).toMatch(/^https:\/\/(platform|developers)\.openai\.com\//);
      expect(source.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});

describe("estimateImageRequest", () => {
  it(
    "Images API: prompt tokens, reference tokens by the tile " +
      "rule, image output for size, quality, count and partials",
    () => {
      const request = {
        prompt: "A hero image for a tea brand",
        size: { width: 1024, height: 1024 },
        quality: "high" as const,
        count: 2,
        partials: 1,
        references: [REF],
      };
      const e = estimateImageRequest(images, request);
      const plans = buildImageRequests(images, request);
      expect(e.requests).toBe(2);
      expect(e.textTokens).toBe(2 * countTextTokens(plans[0]!.api === "images" ? plans[0]!.params.prompt : ""));
      expect(e.imageTokens).toBe(2 * (85 + 170));
      expect(e.outputTokensPerImage).toBe(7024);
      expect(e.outputTokens).toBe(2 * (7024 + 100));
      expect(e.costUsd).toBeCloseTo((e.textTokens * 5 + e.imageTokens * 8 + e.outputTokens! * 30) / 1e6, 10);
      expect(e.imagePrice).toBe(GPT_IMAGE_2_PRICE);
      expect(e.modelPrice).toBeUndefined();
    },
  );

  it("Responses API: the model reads (instructions, hint, request, reference), the tool writes", () => {
    const e = estimateImageRequest(responses, {
      prompt: "A hero",
      designHint: "figment-hint 1\nF 1:2 Hero 1440x900",
      references: [REF],
      size: { width: 1536, height: 1024 },
      quality: "medium",
    });
    expect(e.imageTokens).toBe(255);
    expect(e.textTokens).toBeGreaterThan(100); // the instructions and the hint count
    expect(e.outputTokens).toBe(1367);
    expect(e.modelPrice).toBe(ESTIMATE_PRICES["gpt-5.4-image-2"]);
    expect(e.costUsd).toBeCloseTo((e.inputTokens * 8 + 1367 * 30) / 1e6, 10);
  });

  it("chat: the model does both, its image output at its output price; prices fetched from the endpoint win", () => {
    const e = estimateImageRequest(chat, { prompt: "A poster", count: 2, quality: "low" });
    expect(e.requests).toBe(2);
    expect(e.outputTokens).toBe(2 * 200);
    expect(e.costUsd).toBeCloseTo((e.inputTokens * 8 + 400 * 15) / 1e6, 10);
    const fetched = {
      "openai/gpt-5.4-image-2": { input: 10, output: 20, source: "http://127.0.0.1/v1/models", asOf: "2026-06-01" },
    };
    expect(estimateImageRequest(chat, { prompt: "A poster", quality: "low" }, { prices: fetched }).modelPrice).toBe(
      fetched["openai/gpt-5.4-image-2"],
    );
  });

  it("says unknown rather than guessing for a model without figures", () => {
    const custom = imageConfig({ ...DEFAULT_SETTINGS, provider: "custom", baseUrl: "http://127.0.0.1:9/v1" }, KEY, {
      model: "local-image",
    });
    const e = estimateImageRequest(custom, { prompt: "p" });
    expect(e.outputTokens).toBeUndefined();
    expect(e.costUsd).toBeUndefined();
    expect(e.inputTokens).toBeGreaterThan(0);
  });
});

describe("usageCost", () => {
  it("prices the image model's and the reasoning model's tokens separately", () => {
    const image = {
      inputTokens: 300,
      inputTextTokens: 28,
      inputImageTokens: 272,
      outputTokens: 6144,
      totalTokens: 6444,
    };
    expect(usageCost(images, { image })).toBeCloseTo((28 * 5 + 272 * 8 + 6144 * 30) / 1e6, 10);
    const model = { inputTokens: 1000, outputTokens: 200, totalTokens: 1200 };
    expect(usageCost(responses, { image, model })).toBeCloseTo(
      (28 * 5 + 272 * 8 + 6144 * 30 + 1000 * 8 + 200 * 15) / 1e6,
      10,
    );
    expect(usageCost({ api: "chat", model: "unknown/model", imageModel: "unknown/model" }, { model })).toBeUndefined();
  });
});
