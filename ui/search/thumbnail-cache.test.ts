import { describe, expect, it } from "vitest";
import { nextTask } from "../../test/helpers/next-task.js";
import { ThumbnailCache } from "./thumbnail-cache.js";

/** A source whose exports the test settles by hand, recording URLs made and revoked. */
function source() {
  const pending = new Map<string, { resolve(png: Uint8Array): void; reject(e: Error): void }>();
  const made: string[] = [];
  const revoked: string[] = [];
  let n = 0;
  return {
    pending,
    made,
    revoked,
    fetch: (id: string) => new Promise<Uint8Array>((resolve, reject) => pending.set(id, { resolve, reject })),
    toUrl: () => {
      const url = `blob:${++n}`;
      made.push(url);
      return url;
    },
    revoke: (url: string) => void revoked.push(url),
  };
}

/** A cache over such a source. */
function cacheOver(options: { maxEntries?: number } = {}) {
  const src = source();
  return { src, cache: new ThumbnailCache({ ...src, ...options }) };
}

describe("thumbnail cache", () => {
  it(
    "fetches at most three at a time, the rest when one settles; " +
      "a row gone from view before its turn is never fetched",
    async () => {
      const { src, cache } = cacheOver();
      for (const id of ["a", "b", "c", "d", "e"]) cache.want(id, "h");
      expect([...src.pending.keys()]).toEqual(["a", "b", "c"]);
      cache.unwant("d");
      src.pending.get("a")!.resolve(new Uint8Array([1]));
      await nextTask();
      expect([...src.pending.keys()]).toEqual(["a", "b", "c", "e"]);
      expect(cache.get("a", "h")).toEqual({ status: "ready", url: "blob:1" });
      expect(cache.get("d", "h")).toBeUndefined();
    },
  );

  it(
    "keeps a thumbnail by id + hash: the same is not fetched " + "again, a changed frame is, and its old URL revoked",
    async () => {
      const { src, cache } = cacheOver();
      let calls = 0;
      cache.subscribe(() => calls++);
      cache.want("a", "h1");
      src.pending.get("a")!.resolve(new Uint8Array([1]));
      await nextTask();
      src.pending.clear();
      cache.want("a", "h1");
      expect(src.pending.size).toBe(0);
      cache.want("a", "h2");
      expect(src.revoked).toEqual(["blob:1"]);
      expect(cache.get("a", "h1")).toBeUndefined();
      src.pending.get("a")!.reject(new Error("not-found"));
      await nextTask();
      expect(cache.get("a", "h2")).toEqual({ status: "failed" });
      expect(calls).toBe(2);
      cache.dispose();
      expect(src.revoked).toEqual(["blob:1"]);
    },
  );

  it("revokes what arrives after dispose, and drops the oldest past maxEntries", async () => {
    const { src, cache } = cacheOver({ maxEntries: 2 });
    cache.want("late", "h");
    cache.dispose();
    src.pending.get("late")!.resolve(new Uint8Array([1]));
    await nextTask();
    expect(src.revoked).toEqual(["blob:1"]);
    for (const id of ["a", "b", "c"]) {
      cache.want(id, "h");
      src.pending.get(id)!.resolve(new Uint8Array([1]));
      await nextTask();
    }
    expect(cache.get("a", "h")).toBeUndefined();
    expect(src.revoked).toContain("blob:2");
    expect(cache.get("c", "h")).toEqual({ status: "ready", url: "blob:4" });
  });
});
