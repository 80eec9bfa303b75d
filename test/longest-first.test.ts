import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "./helpers/fixtures.js";
import { longestFirst } from "./longest-first.js";

describe("the order test files start in (issue 72)", () => {
  it("failed last time first, then the longest, then unknown ones in the order given", () => {
    const files = ["a", "b", "c", "d", "e"];
    const known: Record<string, { failed: boolean; ms: number | undefined }> = {
      a: { failed: false, ms: undefined },
      b: { failed: false, ms: 5_000 },
      c: { failed: true, ms: 10 },
      d: { failed: false, ms: 120_000 },
      e: { failed: false, ms: undefined },
    };
    expect(longestFirst(files, (f) => known[f]!)).toEqual(["c", "d", "b", "a", "e"]);
  });

  it("keeps the order given between files of equal length", () => {
    expect(longestFirst(["x", "y", "z"], () => ({ failed: false, ms: 1_000 }))).toEqual(["x", "y", "z"]);
  });

  it("names only test files that exist, each with its seconds", () => {
    const seconds = JSON.parse(readFileSync(join(REPO_ROOT, "test", "file-seconds.json"), "utf8")) as Record<
      string,
      number
    >;
    const entries = Object.entries(seconds);
    expect(entries.length).toBeGreaterThan(50);
    expect(entries.filter(([file, s]) => !existsSync(join(REPO_ROOT, file)) || !(s > 0))).toEqual([]);
  });
});
