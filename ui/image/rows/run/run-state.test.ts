import { describe, expect, it } from "vitest";
import type { ImageVersion } from "../../versions.js";
import { EMPTY_STYLE, type RowsPlan } from "../plan.js";
import {
  accept,
  awaitingAccept,
  cancelAll,
  counts,
  failed,
  failQueued,
  finished,
  forgetGrid,
  initExported,
  isRunning,
  needsInit,
  newRun,
  partial,
  placed,
  redoFirst,
  retry,
  started,
  summaryLine,
  toSend,
  type RunState,
} from "./run-state.js";

const plan = (n: number, acceptFirst = false): RowsPlan => ({
  name: "Heroes",
  items: Array.from({ length: n }, (_, i) => ({
    row: i + 1,
    values: {},
    prompt: `prompt ${i + 1}`,
    stem: `0${i + 1}-x`,
  })),
  style: EMPTY_STYLE,
  size: { width: 1024, height: 1024 },
  quality: "low",
  acceptFirst,
  reasonFirst: false,
});
const version = (id: string, costUsd?: number): ImageVersion =>
  ({
    id,
    n: 1,
    prompt: "p",
    width: 8,
    height: 8,
    format: "png",
    quality: "low",
    size: "1024x1024",
    provider: "openai",
    api: "images",
    model: "gpt-image-2",
    imageModel: "gpt-image-2",
    createdAt: 0,
    count: 1,
    index: 0,
    references: 0,
    ...(costUsd !== undefined ? { costUsd } : {}),
  }) as ImageVersion;
const failure = { kind: "worker" as const, message: "boom" };

/** Sends what toSend says; returns the state and the attempts sent. */
function sendNext(state: RunState): RunState {
  return toSend(state).reduce(started, state);
}

describe("a Rows run's state", () => {
  it("sends three at a time, in order, and the next as each ends", () => {
    let s = newRun(plan(5));
    expect(toSend(s)).toEqual([0, 1, 2]);
    s = sendNext(s);
    expect(counts(s)).toMatchObject({ drawing: 3, queued: 2 });
    expect(toSend(s)).toEqual([]);
    s = finished(s, 1, 1, version("a", 0.05));
    expect(toSend(s)).toEqual([3]);
    s = failed(s, 0, 1, failure);
    expect(toSend(s)).toEqual([3, 4]);
    expect(summaryLine(s)).toBe("1 of 5 done · 1 failed · 1 drawing · $0.05 so far");
  });

  it("a failure touches only its item; Retry queues it alone; a late reply of an earlier attempt is dropped", () => {
    let s = sendNext(newRun(plan(3)));
    s = failed(s, 1, 1, failure);
    s = finished(s, 0, 1, version("a"));
    s = finished(s, 2, 1, version("c"));
    expect(s.items.map((it) => it.status)).toEqual(["done", "failed", "done"]);
    expect(isRunning(s)).toBe(false);
    s = retry(s, 1);
    expect(toSend(s)).toEqual([1]);
    s = started(s, 1);
    expect(s.items[1]).toMatchObject({ status: "drawing", attempt: 2 });
    expect(s.items[1]!.failure).toBeUndefined();
    expect(finished(s, 1, 1, version("old"))).toBe(s);
    expect(partial(s, 1, 1, new Uint8Array(1))).toBe(s);
    s = finished(s, 1, 2, version("new", 0.1));
    expect(s.items[1]).toMatchObject({ status: "done", version: { id: "new" } });
    expect(summaryLine(s)).toBe("3 of 3 done · $0.10");
    // Done items cannot be retried.
    expect(retry(s, 0)).toBe(s);
  });

  it("Cancel stops what runs and waits, keeps what finished, and drops replies that come after", () => {
    let s = sendNext(newRun(plan(5)));
    s = finished(s, 0, 1, version("a"));
    s = cancelAll(s);
    expect(s.items.map((it) => it.status)).toEqual(["done", "cancelled", "cancelled", "cancelled", "cancelled"]);
    expect(toSend(s)).toEqual([]);
    expect(finished(s, 1, 1, version("late"))).toBe(s);
    expect(summaryLine(s)).toBe("1 of 5 done · 4 cancelled · $0.00");
    expect(toSend(retry(s, 3))).toEqual([3]);
  });

  it("accept first: the first goes alone, waits for the user, Try again redraws it, accepting lets the rest go", () => {
    let s = newRun(plan(4, true));
    expect(toSend(s)).toEqual([0]);
    s = sendNext(s);
    expect(toSend(s)).toEqual([]);
    s = finished(s, 0, 1, version("first"));
    expect(awaitingAccept(s)).toBe(true);
    expect(toSend(s)).toEqual([]);
    expect(summaryLine(s)).toBe("1 of 4 done · 3 waiting until you accept the first · $0.00 so far");
    s = redoFirst(s);
    expect(s.items[0]).toMatchObject({ status: "queued" });
    expect(s.items[0]!.version).toBeUndefined();
    expect(toSend(s)).toEqual([0]);
    s = finished(sendNext(s), 0, 2, version("second"));
    s = accept(s);
    expect(s.accepted).toBe(true);
    expect(redoFirst(s)).toBe(s);
    expect(toSend(s)).toEqual([1, 2, 3]);
  });

  it("a failed first image holds the rest until it is retried", () => {
    let s = failed(sendNext(newRun(plan(3, true))), 0, 1, failure);
    expect(accept(s)).toBe(s);
    expect(toSend(s)).toEqual([]);
    s = retry(s, 0);
    expect(toSend(s)).toEqual([0]);
  });

  it("remembers the grid from the first placement and forgets it when it was deleted", () => {
    let s = finished(sendNext(newRun(plan(2))), 0, 1, version("a"));
    s = placed(s, 0, { state: "placed", layerId: "9:2" }, "9:1");
    expect(s.gridId).toBe("9:1");
    s = placed(s, 1, { state: "refused", code: "not-found", message: "deleted" });
    expect(s.gridId).toBe("9:1");
    expect(forgetGrid(s).gridId).toBeUndefined();
  });

  it(
    "an img2img run on a local SD server waits for its starting " +
      "picture; a failed export fails the queued items; no cost is said",
    () => {
      const sd = { width: 512, height: 512, steps: 20, cfgScale: 7, batchSize: 1 };
      const withInit: RowsPlan = { ...plan(2), sd, sdInit: { nodeId: "1:2", name: "Hero", strength: 0.4 } };
      expect(needsInit(plan(2))).toBe(false);
      expect(needsInit({ ...plan(2), sd })).toBe(false);
      expect(needsInit(withInit)).toBe(true);
      const png = new Uint8Array([137, 80]);
      const ready = initExported(newRun(withInit), png);
      expect(ready.plan.sd?.init).toEqual({ bytes: png, strength: 0.4 });
      expect(needsInit(ready.plan)).toBe(false);
      const gone = failQueued(newRun(withInit), { kind: "check", message: "no picture" });
      expect(gone.items.map((it) => [it.status, it.failure?.message])).toEqual([
        ["failed", "no picture"],
        ["failed", "no picture"],
      ]);
      expect(summaryLine(gone)).toBe("0 of 2 done · 2 failed");
    },
  );
});
