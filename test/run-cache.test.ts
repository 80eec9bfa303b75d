/**
 * The run's cache (test/helpers/run-cache.ts) answers only what it was given the same content for: another key
 * computes again, bytes round-trip exactly, and without the run's directory nothing is stored.
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { RUN_CACHE_ENV, runCached } from "./helpers/run-cache.js";

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
    const again = await runCached<{ files: { path: string; content: string; bytes?: Uint8Array }[] }>("b", { bytes: new Uint8Array([0, 1, 2, 255]) }, async () => ({ files: [] }));
    expect(again).toEqual(out);
    expect(again.files[0]!.bytes).toBeInstanceOf(Uint8Array);
    expect([...again.files[0]!.bytes!]).toEqual([0, 1, 2, 255]);
    const other = await runCached("b", { bytes: new Uint8Array([0, 1, 2, 254]) }, async () => ({ files: [] }));
    expect(other).toEqual({ files: [] });
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
