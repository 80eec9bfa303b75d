import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_CACHED_QUERIES, queryKey, readSearchCache, rememberQuery, writeSearchCache } from "./cache.js";
import { tempDirs } from "../../test/helpers/temp-dirs.js";

const tempDir = tempDirs("figment-search-cache-");

describe("search cache", () => {
  it("tells queries apart by text, model, dimensions and endpoint", () => {
    const keys = new Set([
      queryKey("a", "m", undefined, "https://x/v1"),
      queryKey("b", "m", undefined, "https://x/v1"),
      queryKey("a", "n", undefined, "https://x/v1"),
      queryKey("a", "m", 256, "https://x/v1"),
      queryKey("a", "m", undefined, "https://y/v1"),
    ]);
    expect(keys.size).toBe(5);
  });

  it("keeps the most recently used queries, at most MAX_CACHED_QUERIES", () => {
    let queries: Record<string, number[]> = {};
    for (let i = 0; i < MAX_CACHED_QUERIES + 2; i++) queries = rememberQuery(queries, `q${i}`, [i]);
    queries = rememberQuery(queries, "q2", [2]);
    const keys = Object.keys(queries);
    expect(keys.length).toBe(MAX_CACHED_QUERIES);
    expect(keys[0]).toBe("q3");
    expect(keys.at(-1)).toBe("q2");
  });

  it("reads a cache written before queries were kept, and writes both", async () => {
    const path = join(tempDir(), "cache.json");
    writeFileSync(path, JSON.stringify({ version: 1, embeddings: { "1:2": { hash: "h", model: "m", vector: [1] } } }));
    const cache = await readSearchCache(path);
    expect(cache.queries).toEqual({});
    await writeSearchCache(path, { ...cache, queries: { k: [0.5], bad: [] } });
    expect(JSON.parse(readFileSync(path, "utf8"))).toMatchObject({ version: 1, queries: { k: [0.5] } });
    expect((await readSearchCache(path)).queries).toEqual({ k: [0.5] });
    expect(await readSearchCache(join(path, "..", "none.json"))).toEqual({ embeddings: {}, queries: {} });
  });
});
