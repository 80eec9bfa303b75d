import { describe, expect, it } from "vitest";
import { LatestOnly, LatestRun, SKIPPED } from "./latest-only.js";
import { deferred } from "../../test/helpers/deferred.js";

describe("LatestRun", () => {
  it("only the latest run is current: a start supersedes the earlier runs, a stop supersedes them all", () => {
    const runs = new LatestRun();
    const a = runs.start();
    expect(a.current()).toBe(true);
    const b = runs.start();
    expect([a.current(), b.current(), b.id > a.id]).toEqual([false, true, true]);
    runs.stop();
    expect(b.current()).toBe(false);
    const c = runs.start();
    expect([a.current(), b.current(), c.current()]).toEqual([false, false, true]);
  });
});

describe("LatestOnly", () => {
  it("runs one task at a time, and of the waiting ones only the newest", async () => {
    const queue = new LatestOnly();
    const started: string[] = [];
    const first = deferred<string>();
    const a = queue.run(() => (started.push("a"), first.promise));
    const b = queue.run(async () => (started.push("b"), "b"));
    const c = queue.run(async () => (started.push("c"), "c"));
    await Promise.resolve();
    expect(started).toEqual(["a"]);
    first.resolve("a");
    expect(await a).toBe("a");
    expect(await b).toBe(SKIPPED);
    expect(await c).toBe("c");
    expect(started).toEqual(["a", "c"]);
  });

  it("goes on after a task fails, and the failure reaches only its caller", async () => {
    const queue = new LatestOnly();
    const failing = queue.run(async () => {
      throw new Error("boom");
    });
    const next = queue.run(async () => 2);
    await expect(failing).rejects.toThrow("boom");
    expect(await next).toBe(2);
  });

  it("a newer task does not interrupt the running one", async () => {
    const queue = new LatestOnly();
    const gate = deferred<number>();
    const running = queue.run(() => gate.promise);
    const newer = queue.run(async () => 2);
    gate.resolve(1);
    expect(await running).toBe(1);
    expect(await newer).toBe(2);
  });
});
