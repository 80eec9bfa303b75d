/** Versions from a request, what a refinement of one sends, and the events that move a running request along. */
import { describe, expect, it } from "vitest";
import { encodePng } from "../../test/openai-server/png.js";
import { conversionFor } from "./convert.js";
import { explainImageFailure } from "./explain-image.js";
import { applyImageEvent, streaming } from "./image-state.js";
import { refineFrom, versionLine, versionsFrom, type RunResult } from "./versions.js";
import { imageEstimateText, usageText } from "./estimate-text.js";
import { modelFailure } from "../../test/helpers/job-failures.js";
import { imageEstimate } from "../../test/helpers/estimates.js";

const png = new Uint8Array(encodePng(16, 8));
const result = (n: number, patch: Partial<RunResult> = {}): RunResult => ({
  images: Array.from({ length: n }, () => ({ bytes: png, format: "png" as const, width: 16, height: 8 })),
  api: "responses",
  model: "gpt-5.4-image-2",
  imageModel: "gpt-image-2",
  conversation: { previousResponseId: "resp_1" },
  reasoning: "Plan.",
  message: "",
  usage: { image: { inputTokens: 10, outputTokens: 100, totalTokens: 110 } },
  costUsd: 0.01,
  ...patch,
});
const run = {
  prompt: "a hero",
  quality: "medium" as const,
  size: "1536x1024",
  provider: "openai" as const,
  references: 0,
  startedAt: 1_000,
  finishedAt: 4_500,
};

describe("versions", () => {
  it("each image of a request is a version numbered after the others; the conversation goes with the first", () => {
    const first = versionsFrom(result(1), run, []);
    const next = versionsFrom(
      result(2, { api: "images", conversation: undefined }),
      { ...run, prompt: "warmer", parent: { n: 1, id: first[0]!.id } },
      first,
    );
    expect(first[0]).toMatchObject({
      n: 1,
      prompt: "a hero",
      width: 16,
      height: 8,
      text: "Plan.",
      ms: 3_500,
      count: 1,
      conversation: { previousResponseId: "resp_1" },
    });
    expect(next.map((v) => v.n)).toEqual([2, 3]);
    expect(next[1]).toMatchObject({ parent: 1, parentId: first[0]!.id, count: 2, index: 1 });
    expect(new Set([...first, ...next].map((v) => v.id)).size).toBe(3);
  });

  it("a refinement sends the response id on the Responses API, else the image; the kept messages on chat", () => {
    const [version] = versionsFrom(result(1), run, []);
    expect(refineFrom(version!, "responses")).toEqual({
      previousResponseId: "resp_1",
      image: { bytes: png, name: "version-1.png" },
    });
    expect(refineFrom(version!, "images")).toEqual({ image: { bytes: png, name: "version-1.png" } });
    const [chat] = versionsFrom(
      result(1, { api: "chat", conversation: { messages: [{ role: "user", content: "a hero" }] } }),
      run,
      [],
    );
    expect(refineFrom(chat!, "chat").messages).toHaveLength(1);
    // Restored from the store: only the preview is left to build on.
    const preview = new Uint8Array([1, 2, 3]);
    expect(refineFrom({ ...version!, bytes: undefined, preview }, "images").image).toEqual({
      bytes: preview,
      name: "version-1.jpg",
    });
  });

  it("a version's line says its number, size, model and time", () => {
    const [version] = versionsFrom(result(1), { ...run, finishedAt: Date.UTC(2026, 0, 1, 9, 5) }, []);
    expect(versionLine(version!, Date.UTC(2026, 0, 1, 12))).toMatch(/^v1 · 16×8 · gpt-image-2 · \d\d:\d\d$/);
    expect(versionLine(version!, Date.UTC(2026, 0, 9, 12))).toMatch(/^v1 · 16×8 · gpt-image-2 · 1 Jan \d\d:\d\d$/);
  });
});

describe("a running request", () => {
  it("counts partial images per slot, marks slots done, appends reasoning and keeps the latest usage", () => {
    let state = streaming({ api: "images", model: "m", imageModel: "m", host: "h" }, "p", 2, 1.5, undefined, 0);
    state = applyImageEvent(state, { type: "image-partial", image: 1, index: 0, bytes: png, at: 0 });
    state = applyImageEvent(state, { type: "image-partial", image: 1, index: 1, bytes: png, at: 0 });
    state = applyImageEvent(state, {
      type: "image-done",
      image: 0,
      result: { bytes: png, format: "png", width: 16, height: 8 },
    });
    state = applyImageEvent(state, { type: "image-text", channel: "reasoning", delta: "A " });
    state = applyImageEvent(state, { type: "image-text", channel: "reasoning", delta: "plan" });
    state = applyImageEvent(state, {
      type: "image-usage",
      usage: { image: { inputTokens: 1, outputTokens: 2, totalTokens: 3 } },
    });
    expect(state.slots).toEqual([
      { partials: 0, done: true },
      { partials: 2, done: false },
    ]);
    expect(state.reasoning).toBe("A plan");
    expect(usageText(state.usage, 0.5)).toBe("Used 1 input · 2 output tokens · $0.500");
  });
});

describe("conversions for the canvas", () => {
  it("PNG, JPEG and GIF within 4096 px go as served", () => {
    expect(conversionFor("png", 1536, 1024)).toEqual({ toPng: false, width: 1536, height: 1024, notes: [] });
    expect(conversionFor("jpeg", 4096, 4096).toPng).toBe(false);
  });
  it("WebP becomes PNG; a larger image is scaled to fit, each with a note", () => {
    expect(conversionFor("webp", 1024, 1024)).toMatchObject({
      toPng: true,
      width: 1024,
      height: 1024,
      notes: [expect.stringContaining("WebP to PNG")],
    });
    expect(conversionFor("png", 6000, 3000)).toMatchObject({
      toPng: true,
      width: 4096,
      height: 2048,
      notes: [expect.stringContaining("Scaled down from 6000×3000 to 4096×2048")],
    });
  });
});

describe("the panel's words", () => {
  it("a refused prompt says to reword it and offers no Try again (the same words would be refused again)", () => {
    const explanation = explainImageFailure(modelFailure({ kind: "moderation", status: 400 }, "rejected"));
    expect(explanation.title).toBe("Refused by the provider's safety system");
    expect(explanation.hint).toContain("Describe the image differently");
    expect(explanation.action).toBeUndefined();
    const slowDown = modelFailure({ kind: "rate-limited", status: 429, retryAfterMs: 2000 }, "slow down");
    expect(explainImageFailure(slowDown).action).toBe("retry");
    expect(explainImageFailure({ kind: "main", code: "empty-selection", message: "Nothing selected" }).title).toBe(
      "Select a frame to use it as the reference",
    );
  });

  it("the estimate says input, image tokens per image and the cost, always as an estimate", () => {
    const estimate = imageEstimate({
      images: 2,
      requests: 2,
      textTokens: 20,
      imageTokens: 765,
      inputTokens: 785,
      outputTokensPerImage: 1367,
      outputTokens: 3134,
      costUsd: 0.1,
    });
    expect(imageEstimateText(estimate, "gpt-image-2")).toBe(
      "≈ 785 input tokens (765 for the images sent) · ≈ 1,367 image tokens × 2 · ≈ $0.100",
    );
    expect(
      imageEstimateText({ ...estimate, outputTokensPerImage: undefined, costUsd: undefined, images: 1 }, "flux"),
    ).toBe("≈ 785 input tokens (765 for the images sent) · output tokens unknown for flux · no price known");
  });
});
