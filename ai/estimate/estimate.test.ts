import { countTokens } from "gpt-tokenizer/encoding/o200k_base";
import { beforeAll, describe, expect, it } from "vitest";
import {
  countTextTokens,
  estimate,
  estimatePrompt,
  imageTiles,
  imageTokens,
  loadTokenizer,
  pngSize,
} from "./estimate.js";
import { ESTIMATE_PRICES } from "../client/prices.js";
import { pngDataUrl } from "../code/prompt.js";
import { encodePng } from "../mask/png.js";

beforeAll(loadTokenizer);

describe("imageTokens", () => {
  it("follows OpenAI's tile rule", () => {
    expect(imageTokens(1024, 1024, "high")).toBe(765); // 768×768 → 4 tiles
    expect(imageTiles(2048, 4096)).toBe(6); // 1024×2048 → 768×1536 → 2×3
    expect(imageTokens(2048, 4096, "high")).toBe(85 + 170 * 6);
    expect(imageTokens(512, 512, "high")).toBe(85 + 170);
    expect(imageTokens(4096, 8192, "low")).toBe(85);
    expect(imageTokens(300, 200)).toBe(255); // default high, 1 tile
    expect(imageTiles(0, 100)).toBe(0);
  });
});

describe("pngSize", () => {
  it("reads IHDR", () => {
    const bytes = new Uint8Array(24);
    bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const view = new DataView(bytes.buffer);
    view.setUint32(16, 1440);
    view.setUint32(20, 900);
    expect(pngSize(bytes)).toEqual({ width: 1440, height: 900 });
    expect(pngSize(new Uint8Array(10))).toBeUndefined();
  });
});

describe("estimate", () => {
  it("adds text and image tokens and prices them", () => {
    const result = estimate({
      model: "openai/gpt-4o",
      texts: ["hello world"],
      image: { width: 1024, height: 1024 },
      outputTokens: 1000,
    });
    expect(result.estimate).toBe(true);
    expect(result.textTokens).toBe(countTokens("hello world") + 4);
    expect(result.imageTokens).toBe(765);
    expect(result.inputTokens).toBe(result.textTokens + 765);
    expect(result.costUsd).toBeCloseTo((result.inputTokens * 2.5 + 1000 * 10) / 1e6, 10);
  });

  it("takes fetched prices over the table and leaves unknown models unpriced", () => {
    const unknown = estimate({ model: "mystery", texts: ["a"] });
    expect(unknown.costUsd).toBeUndefined();
    expect(unknown.price).toBeUndefined();
    const fetched = { source: "https://example.test/models", asOf: "2026-11-01" };
    const priced = estimate({
      model: "mystery",
      texts: [],
      outputTokens: 2,
      prices: { mystery: { input: 1_000_000, output: 500_000, ...fetched } },
    });
    expect(priced.costUsd).toBe(1);
    const cheaper = estimate({
      model: "gpt-4o",
      texts: [],
      outputTokens: 1_000_000,
      prices: { "gpt-4o": { input: 1, output: 3, ...fetched } },
    });
    expect(cheaper.costUsd).toBe(3);
    expect(cheaper.price).toEqual({ input: 1, output: 3, ...fetched });
  });

  it("carries the price's source and date with the estimate", () => {
    const result = estimate({ model: "gpt-5.4-image-2", texts: ["a"] });
    expect(result.price).toBe(ESTIMATE_PRICES["gpt-5.4-image-2"]);
    expect(result.costUsd).toBeCloseTo((result.inputTokens * 8) / 1e6, 12);
  });

  it("estimates a whole prompt", () => {
    const result = estimatePrompt(
      { target: "react", styling: "css-modules", imageDataUrl: "data:", hint: "frame A", detail: "low" },
      { width: 2000, height: 2000 },
      { model: "gpt-4o-mini" },
    );
    expect(result.imageTokens).toBe(85);
    expect(result.textTokens).toBeGreaterThan(100);
    expect(result.costUsd).toBeGreaterThan(0);
  });

  it("estimates a structure-only prompt with no image tokens", () => {
    const prompt = { target: "react" as const, styling: "css-modules" as const, hint: "frame A" };
    const bare = estimatePrompt(prompt, undefined, { model: "gpt-4o-mini" });
    expect(bare.imageTokens).toBe(0);
    expect(bare.inputTokens).toBe(bare.textTokens);
    expect(bare.costUsd).toBeGreaterThan(0);
    // A size without an image in the prompt sends no image either.
    expect(estimatePrompt(prompt, { width: 1000, height: 1000 }, { model: "gpt-4o-mini" }).imageTokens).toBe(0);
    const withImage = estimatePrompt(
      { ...prompt, imageDataUrl: "data:" },
      { width: 1000, height: 1000 },
      { model: "gpt-4o-mini" },
    );
    expect(withImage.imageTokens).toBe(765);
    expect(withImage.textTokens).not.toBe(bare.textTokens); // the wording mentions the image
  });

  it("counts every picture of a section, two alike too (a blank band's tiles are both sent)", () => {
    const url = pngDataUrl(encodePng(1440, 640, 3, new Uint8Array(1440 * 640 * 3).fill(255)));
    const tile = { url, x: 0, w: 1440, h: 640 };
    const section = {
      index: 1,
      count: 3,
      component: "Blank",
      components: ["Top", "Blank", "End"],
      frame: { name: "Home", w: 1440, h: 3000 },
      band: { y: 0, h: 1280 },
      tiles: [
        { ...tile, y: 0 },
        { ...tile, y: 640 },
      ],
      answered: [],
    };
    const prompt = { target: "react" as const, styling: "css-modules" as const, hint: "frame A", imageDataUrl: url };
    const result = estimatePrompt({ ...prompt, section }, { width: 1440, height: 640 }, { model: "gpt-4o-mini" });
    expect(result.imageTokens).toBe(2 * imageTokens(1440, 640, "high"));
  });
});

describe("countTextTokens", () => {
  it("counts ordinary text as the tokenizer does", () => {
    const prose = "The quick brown fox jumps over the lazy dog.\n".repeat(200);
    expect(countTextTokens(prose)).toBe(countTokens(prose));
    const code = 'export function App() {\n  return <main className="hero">Sign in</main>;\n}\n'.repeat(50);
    expect(countTextTokens(code)).toBe(countTokens(code));
  });

  it("counts a run of a million characters without a space (issue 50: 10 minutes for a round's instructions)", () => {
    // On main this never returns: the tokenizer's merge is quadratic in one piece's length. The test's own timeout
    // is the bound; the timing is the bench's (fuzz section).
    const xs = countTextTokens("x".repeat(1_000_001));
    expect(xs).toBeGreaterThan(100_000);
    expect(xs).toBeLessThan(200_000);
    let seed = 7;
    const letters = Array.from({ length: 20_000 }, () => {
      seed = (seed * 16_807) % 2_147_483_647;
      return String.fromCharCode(97 + (seed % 26));
    }).join("");
    // Cut into pieces, a random run counts within a few percent of the whole piece's count.
    const whole = countTokens(letters);
    expect(Math.abs(countTextTokens(letters) - whole) / whole).toBeLessThan(0.05);
    expect(countTextTokens(" ".repeat(1_000_001))).toBeGreaterThan(0);
    // A surrogate pair is never cut in two: emoji in a long run count as they would in pieces of their own.
    expect(countTextTokens("😀".repeat(300))).toBe(countTokens("😀".repeat(256)) + countTokens("😀".repeat(44)));
  });

  it("counts a design's text holding a special token's spelling as text, not as an error", () => {
    expect(countTextTokens("Footer <|endoftext|> copy")).toBeGreaterThan(4);
  });
});
