/**
 * The run's cache (test/helpers/run-cache.ts) answers only what it was given the same content for: another key
 * computes again, bytes round-trip exactly, and without the run's directory nothing is stored. A result two
 * callers ask for at once is computed once; a lock left by a dead process or a failed computation blocks nothing.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { RUN_CACHE_ENV, runCached, runCacheSummary } from "./helpers/run-cache.js";

describe("runCached", () => {
  let dir: string;
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env[RUN_CACHE_ENV];
    dir = mkdtempSync(join(tmpdir(), "figment-run-cache-"));
    process.env[RUN_CACHE_ENV] = dir;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env[RUN_CACHE_ENV];
    else process.env[RUN_CACHE_ENV] = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  it("computes once per content, again for any other content or kind", async () => {
    let calls = 0;
    const compute = (v: number) => async () => (calls++, { v });
    expect(await runCached("k", { a: 1, files: [{ path: "x", content: "1" }] }, compute(1))).toEqual({ v: 1 });
    expect(await runCached("k", { a: 1, files: [{ path: "x", content: "1" }] }, compute(2))).toEqual({ v: 1 });
    expect(calls).toBe(1);
    expect(await runCached("k", { a: 1, files: [{ path: "x", content: "2" }] }, compute(3))).toEqual({ v: 3 });
    expect(await runCached("other", { a: 1, files: [{ path: "x", content: "1" }] }, compute(4))).toEqual({ v: 4 });
    expect(calls).toBe(3);
  });

  it("keys and stores bytes by their content", async () => {
    const bytes = new Uint8Array([0, 1, 2, 255]);
    const out = await runCached("b", { bytes }, async () => ({ files: [{ path: "a.png", content: "", bytes }] }));
    const again = await runCached<{ files: { path: string; content: string; bytes?: Uint8Array }[] }>(
      "b",
      { bytes: new Uint8Array([0, 1, 2, 255]) },
      async () => ({ files: [] }),
    );
    expect(again).toEqual(out);
    expect(again.files[0]!.bytes).toBeInstanceOf(Uint8Array);
    expect([...again.files[0]!.bytes!]).toEqual([0, 1, 2, 255]);
    const other = await runCached("b", { bytes: new Uint8Array([0, 1, 2, 254]) }, async () => ({ files: [] }));
    expect(other).toEqual({ files: [] });
  });

  it("computes a result asked for twice at once only once: the second call waits for the first", async () => {
    let calls = 0;
    let finish!: () => void;
    const first = runCached("k", 1, () => new Promise<number>((resolve) => (finish = () => resolve(++calls))));
    const second = runCached("k", 1, async () => ++calls);
    await expect.poll(() => readdirSync(dir).some((f) => f.endsWith(".lock"))).toBe(true);
    finish();
    expect(await Promise.all([first, second])).toEqual([1, 1]);
    expect(calls).toBe(1);
    expect(runCacheSummary(dir)).toEqual(["k: 1 computed (0 s), 1 hits"]);
  });

  it("takes over a lock whose process is gone, and releases its own when the computation throws", async () => {
    const lockOf = async () => {
      await expect(runCached("k", 2, async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
      return readdirSync(dir).filter((f) => f.endsWith(".lock"));
    };
    expect(await lockOf()).toEqual([]);
    // A lock left by a process that no longer exists (a worker that crashed mid-render).
    const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], {
      encoding: "utf8",
    }).stdout;
    await runCached("k", 3, async () => 0); // learn the file name of key 3
    const name = readdirSync(dir).find((f) => f.startsWith("k-") && f.endsWith(".json"))!;
    rmSync(join(dir, name));
    mkdirSync(join(dir, `${name}.lock`));
    writeFileSync(join(dir, `${name}.lock`, "pid"), dead);
    expect(await runCached("k", 3, async () => 7)).toBe(7);
  });

  it("stores nothing outside a run", async () => {
    delete process.env[RUN_CACHE_ENV];
    let calls = 0;
    await runCached("k", 1, async () => ++calls);
    await runCached("k", 1, async () => ++calls);
    expect(calls).toBe(2);
    expect(readdirSync(dir)).toEqual([]);
  });
});
