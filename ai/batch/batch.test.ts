/** The pure parts of bulk jobs: input lines, the record's checks and counts, failure reasons, output lines. */
import { describe, expect, it } from "vitest";
import { failureOf, parseOutputLines } from "./collect.js";
import { batchJsonl, parseBatchJsonl, type BatchRequest } from "./lines.js";
import { lineCounts, lineLabel, readRecord, type BatchRecord } from "./record.js";
import { statusOf } from "./status.js";
import { batchCost, BATCH_PRICE_FACTOR } from "../client/prices.js";

const req = (customId: string, url: BatchRequest["url"] = "/v1/images/generations"): BatchRequest => ({
  customId,
  url,
  body: { prompt: customId },
});

describe("batchJsonl", () => {
  it("writes one {custom_id, method, url, body} line per request and reads them back", () => {
    const text = batchJsonl([req("a"), req("b")]);
    expect(text.endsWith("\n")).toBe(true);
    expect(text.split("\n")[0]).toBe(
      '{"custom_id":"a","method":"POST","url":"/v1/images/generations","body":{"prompt":"a"}}',
    );
    expect(parseBatchJsonl(text).map((l) => l.custom_id)).toEqual(["a", "b"]);
  });

  it(
    "refuses what the Batch API would: no requests, duplicate " + "ids, mixed endpoints, streaming, other endpoints",
    () => {
      expect(() => batchJsonl([])).toThrow(expect.objectContaining({ kind: "input" }));
      expect(() => batchJsonl([req("a"), req("a")])).toThrow("two requests have the custom id a");
      expect(() => batchJsonl([req("a"), req("b", "/v1/responses")])).toThrow("one endpoint per batch");
      expect(() => batchJsonl([{ ...req("a"), body: { stream: true } }])).toThrow("cannot");
      expect(() => batchJsonl([{ ...req("a"), url: "/v1/embeddings" as BatchRequest["url"] }])).toThrow(
        "cannot be batched",
      );
      expect(() => batchJsonl([req("")])).toThrow("custom id");
      const big = { customId: "big", url: "/v1/responses" as const, body: { input: "x".repeat(70 * 1024 * 1024) } };
      expect(() => batchJsonl([big, { ...big, customId: "big2" }, { ...big, customId: "big3" }])).toThrow(
        "200 MB at request big3",
      );
    },
  );
});

const record = (): BatchRecord => ({
  version: 1,
  kind: "images",
  endpoint: "/v1/images/generations",
  baseURL: "http://x/v1",
  created: "2026-01-01T00:00:00.000Z",
  runs: [{ input: "input-1.jsonl", created: "2026-01-01T00:00:00.000Z", inputFileId: "file-1" }],
  lines: [
    { customId: "row-1", row: 1, fileStem: "1", run: 0, state: "done" },
    { customId: "frame-1", frame: { id: "1:2", name: "Login" }, fileStem: "login", run: 0, state: "failed" },
    { customId: "x", fileStem: "x", run: 0, state: "pending" },
  ],
});

describe("the record", () => {
  it("reads a saved record and refuses damaged ones with the reason", () => {
    expect(readRecord(JSON.parse(JSON.stringify(record())))).toEqual(record());
    expect(() => readRecord([])).toThrow(expect.objectContaining({ kind: "input" }));
    expect(() => readRecord({ ...record(), version: 2 })).toThrow("version 2");
    expect(() => readRecord({ ...record(), runs: [] })).toThrow("no runs");
    expect(() => readRecord({ ...record(), lines: [{ customId: "a" }] })).toThrow("damaged");
    expect(() => readRecord({ ...record(), lines: [{ customId: "a", run: 3, state: "done" }] })).toThrow("run 3");
  });

  it("counts lines, labels them, and says how far an unfinished submit got", () => {
    expect(lineCounts(record())).toEqual({ total: 3, pending: 1, done: 1, failed: 1 });
    expect(record().lines.map(lineLabel)).toEqual(["row 1", "frame Login (1:2)", "x"]);
    expect(lineLabel({ ...record().lines[1]!, frame: { id: "1:2", name: "" } })).toBe("frame 1:2");
    expect(statusOf(record())).toMatchObject({ finished: false, runs: [{ status: "uploaded, batch not created" }] });
  });
});

describe("output lines", () => {
  it("tells success from the provider's failure", () => {
    const lines = parseOutputLines(
      [
        JSON.stringify({ id: "1", custom_id: "a", response: { status_code: 200, body: {} }, error: null }),
        JSON.stringify({
          id: "2",
          custom_id: "b",
          response: { status_code: 429, body: { error: { message: "slow down", code: "rate_limit_exceeded" } } },
          error: null,
        }),
        JSON.stringify({
          id: "3",
          custom_id: "c",
          response: null,
          error: { code: "batch_expired", message: "too late" },
        }),
        "{damaged",
      ].join("\n"),
    );
    expect(lines.map(failureOf)).toEqual([
      undefined,
      "429: slow down (rate_limit_exceeded)",
      "too late (batch_expired)",
    ]);
  });
});

describe("batch prices", () => {
  it("are half the standard price", () => {
    expect(BATCH_PRICE_FACTOR).toBe(0.5);
    expect(batchCost(0.5)).toBe(0.25);
    expect(batchCost(undefined)).toBeUndefined();
  });
});

describe("the estimates' Batch API price", () => {
  it("is half the standard cost for code and for OpenAI image requests, and absent for chat endpoints", async () => {
    const { estimate, loadTokenizer } = await import("../estimate/estimate.js");
    const { estimateImageRequest } = await import("../image/estimate.js");
    const { imageConfig } = await import("../image/config.js");
    const { DEFAULT_SETTINGS } = await import("../../contract/settings.js");
    await loadTokenizer();
    const code = estimate({ model: "gpt-4o", texts: ["a frame"], outputTokens: 1000 });
    expect(code.batchCostUsd).toBeCloseTo(code.costUsd! / 2, 12);
    const request = { prompt: "a hero image", size: { width: 1024, height: 1024 }, quality: "medium" as const };
    const images = estimateImageRequest(imageConfig({ ...DEFAULT_SETTINGS, provider: "openai" }, "k"), request);
    expect(images.costUsd).toBeGreaterThan(0);
    expect(images.batchCostUsd).toBeCloseTo(images.costUsd! / 2, 12);
    const chat = estimateImageRequest(imageConfig({ ...DEFAULT_SETTINGS, provider: "openrouter" }, "k"), request);
    expect(chat.batchCostUsd).toBeUndefined();
  });
});
