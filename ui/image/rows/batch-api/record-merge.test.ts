/** Folding a collect into the stored record: placed lines are done for good, unplaced ones wait, runs settle. */
import { describe, expect, it } from "vitest";
import type { BatchRecord } from "../../../../ai/batch/record.js";
import { afterCollect, awaitingPlacement, markPlaced } from "./record-merge.js";

const T = "2026-05-01T12:00:00.000Z";
function record(status = "in_progress"): BatchRecord {
  return {
    version: 1,
    kind: "images",
    endpoint: "/v1/images/generations",
    baseURL: "http://x/v1",
    created: T,
    runs: [{ input: "input-1.jsonl", created: T, inputFileId: "f1", batchId: "b1", status }],
    lines: [1, 2, 3].map((row) => ({
      customId: `row-${row}`,
      row,
      fileStem: `${row}`,
      run: 0,
      state: "pending" as const,
    })),
  };
}

/** What the worker's collect leaves: answered lines done, row-3 failed, the run collected. */
function collected(): BatchRecord {
  const r = record("completed");
  r.runs[0]!.collected = true;
  r.runs[0]!.outputFileId = "out";
  r.lines[0]!.state = "done";
  r.lines[1]!.state = "done";
  r.lines[2]!.state = "failed";
  r.lines[2]!.error = "400: bad prompt";
  return r;
}

describe("afterCollect and markPlaced", () => {
  it("keeps answered lines pending until placed, fails failed ones, and collects the run once all are settled", () => {
    const stored = afterCollect(record(), collected());
    expect(stored.lines.map((l) => l.state)).toEqual(["pending", "pending", "failed"]);
    expect(stored.lines[2]!.error).toBe("400: bad prompt");
    expect(stored.runs[0]).toMatchObject({ status: "completed", outputFileId: "out" });
    expect(stored.runs[0]!.collected).toBeUndefined();
    expect(awaitingPlacement(stored)).toEqual(["row-1", "row-2"]);
    const one = markPlaced(stored, "row-1", ["5:1"]);
    expect(one.lines[0]).toMatchObject({ state: "done", written: ["5:1"] });
    expect(one.runs[0]!.collected).toBeUndefined();
    expect(stored.lines[0]!.state).toBe("pending"); // not mutated
    const both = markPlaced(one, "row-2", ["5:2"]);
    expect(both.runs[0]!.collected).toBe(true);
    expect(awaitingPlacement(both)).toEqual([]);
  });

  it("never undoes a placed line, even if a later collect says otherwise", () => {
    const placed = markPlaced(afterCollect(record(), collected()), "row-1", ["5:1"]);
    const again = collected();
    again.lines[0]!.state = "failed";
    const next = afterCollect(placed, again);
    expect(next.lines[0]).toMatchObject({ state: "done", written: ["5:1"] });
  });

  it("a run still in progress is not collected", () => {
    const r = afterCollect(record(), record());
    expect(r.runs[0]!.collected).toBeUndefined();
    expect(awaitingPlacement(r)).toEqual([]);
  });
});
