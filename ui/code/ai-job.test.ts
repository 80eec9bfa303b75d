import { describe, expect, it } from "vitest";
import { applyEvent, type AiState } from "./ai-job.js";
import { MODEL_ERROR_KINDS } from "../../ai/errors/classify.js";
import { explainAiFailure, MODEL_FAILURE_TEXT } from "./explain.js";
import { estimateText, formatCost, priceText } from "./ai-status.js";
import { approxCost } from "../model/cost.js";
import { modelFailure } from "../../test/helpers/job-failures.js";
import { tokenEstimate } from "../../test/helpers/estimates.js";

type Streaming = Extract<AiState, { phase: "streaming" }>;
const start: Streaming = {
  phase: "streaming",
  stage: "connecting",
  notes: "",
  files: [],
  refining: undefined,
  startedAt: 0,
};

describe("streamed progress in the panel", () => {
  it("notes and file names move the stage to writing; files are marked done in place", () => {
    let state = applyEvent(start, { type: "progress", event: { type: "notes", text: "A plan", done: false } });
    expect(state.stage).toBe("writing");
    expect(state.notes).toBe("A plan");
    state = applyEvent(state, { type: "progress", event: { type: "file-start", index: 0, path: "src/App.tsx" } });
    state = applyEvent(state, { type: "progress", event: { type: "file-start", index: 1, path: "src/Header.tsx" } });
    state = applyEvent(state, {
      type: "progress",
      event: { type: "file", index: 0, path: "src/App.tsx", content: "" },
    });
    expect(state.files).toEqual([
      { path: "src/App.tsx", done: true },
      { path: "src/Header.tsx", done: false },
    ]);
    state = applyEvent(state, { type: "stage", stage: "repairing" });
    expect(state.stage).toBe("repairing");
    // A late notes event does not move the stage back.
    expect(applyEvent(state, { type: "progress", event: { type: "notes", text: "A plan.", done: true } }).stage).toBe(
      "repairing",
    );
  });
});

describe("errors explained with a next step", () => {
  it.each([
    ["missing-key", "settings"],
    ["unauthorized", "settings"],
    ["model-not-found", "settings"],
    ["rate-limited", "retry"],
    ["server", "retry"],
    ["timeout", "retry"],
    ["truncated", "retry"],
  ] as const)("%s offers %s", (kind, action) => {
    const explanation = explainAiFailure(modelFailure({ kind, status: 400 }));
    expect(explanation.action).toBe(action);
    expect(explanation.title).toBe(MODEL_FAILURE_TEXT[kind].title);
    expect(explanation.hint).toBe(MODEL_FAILURE_TEXT[kind].next);
    expect(explanation.detail).toBe("m (HTTP 400)");
  });

  it.each(MODEL_ERROR_KINDS)("%s has the panel's own title and next step, in the panel's words", (kind) => {
    const explanation = explainAiFailure(modelFailure({ kind }));
    expect(explanation.title.trim().length).toBeGreaterThan(3);
    expect(explanation.hint?.trim().length ?? 0).toBeGreaterThan(10);
    // The CLI's vocabulary (environment variables, flags) never reaches the panel.
    expect(`${explanation.title} ${explanation.hint}`).not.toMatch(/_API_KEY|\benv|--[a-z]/i);
  });

  it("names Settings where the user fixes the problem there", () => {
    for (const kind of ["missing-key", "unauthorized", "model-not-found", "offline"] as const)
      expect(MODEL_FAILURE_TEXT[kind].next).toContain("Settings");
  });

  it("does not repeat a status the message already names", () => {
    const message = "The endpoint answered 429: Rate limit reached";
    const explanation = explainAiFailure(modelFailure({ kind: "rate-limited", status: 429 }, message));
    expect(explanation.detail).toBe("The endpoint answered 429: Rate limit reached");
  });
});

describe("the estimate line", () => {
  it("names input, image and output tokens and the cost, or says no price is known", () => {
    const base = tokenEstimate({ textTokens: 1200, imageTokens: 765, inputTokens: 1965, outputTokens: 3000 });
    expect(estimateText({ ...base, costUsd: 0.0346 }, "gpt-5")).toBe(
      "≈ 1,965 input tokens (765 for the image) · ≈ 3,000 output · ≈ $0.035",
    );
    expect(estimateText({ ...base, imageTokens: 0, costUsd: undefined }, "x-model")).toBe(
      "≈ 1,965 input tokens · ≈ 3,000 output · no price known for x-model",
    );
    expect(formatCost(0.004)).toBe("under $0.01");
    // A bound is not hedged: "under $0.01", never "about < $0.01" or "≈ under $0.01".
    expect(approxCost(0.004, "about")).toBe("under $0.01");
    expect(approxCost(0.004)).toBe("under $0.01");
    expect(approxCost(0.0346, "about")).toBe("about $0.035");
    expect(estimateText({ ...base, costUsd: 0.004 }, "gpt-5")).toBe(
      "≈ 1,965 input tokens (765 for the image) · ≈ 3,000 output · under $0.01",
    );
    expect(formatCost(2.5)).toBe("$2.50");
  });
});

describe("the estimate's price", () => {
  const base = tokenEstimate({ textTokens: 1, inputTokens: 1, outputTokens: 1, costUsd: 0.1 });
  it("names where the price was read and when: a fetched listing or the built-in table", () => {
    expect(
      priceText({
        ...base,
        price: { input: 8, output: 15, source: "http://127.0.0.1:4321/v1/models", asOf: "2026-05-01" },
      }),
    ).toBe("Price: $8 in · $15 out per 1M tokens, from 127.0.0.1:4321, 2026-05-01");
    expect(
      priceText({
        ...base,
        price: { input: 0.15, output: 0.6, source: "https://platform.openai.com/docs/pricing", asOf: "2025-08-07" },
      }),
    ).toBe("Price: $0.15 in · $0.60 out per 1M tokens, from platform.openai.com, 2025-08-07");
    expect(priceText({ ...base, price: { input: 0.075, output: 0.3, source: "not a url", asOf: "2026-01-02" } })).toBe(
      "Price: $0.075 in · $0.30 out per 1M tokens, from not a url, 2026-01-02",
    );
    expect(priceText({ ...base, costUsd: undefined, price: undefined })).toBeUndefined();
  });
});
