/** The bench's figures writer (bench/results.ts): figures by path, the Markdown as printed, both files. */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { againstTarget, BenchResults, timing } from "../bench/results.js";

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
  vi.restoreAllMocks();
});

describe("bench results", () => {
  it("summarises samples as median and range, and holds figures against their targets", () => {
    expect(timing([30, 10, 20, 40])).toEqual({ medianMs: 25, minMs: 10, maxMs: 40, n: 4 });
    expect(timing([5, Number.NaN])).toEqual({ medianMs: 5, minMs: 5, maxMs: 5, n: 1 });
    expect(timing([])).toBeNull();
    expect(againstTarget(120.00049, 150, "ms")).toEqual({ value: 120, unit: "ms", target: 150, met: true });
    expect(againstTarget(151, 150, "ms")?.met).toBe(false);
    expect(againstTarget(Number.NaN, 150, "ms")).toBeNull();
  });

  it("writes every section's figures to results.json and the printed Markdown to results.md", () => {
    vi.spyOn(console, "log").mockImplementation(() => undefined);
    const results = new BenchResults();
    results.set("tokens", ["total", "ours"], 10);
    results.set("tokens", ["total", "mcp"], 20);
    results.set("plugin", ["clickToFirstCodeCold"], { medianMs: 42, targetMs: 300, met: true });
    results.print("## tokens");
    results.print("| a | b |");
    dir = mkdtempSync(join(tmpdir(), "figment-bench-"));
    const written = results.write(join(dir, "out"), { commit: "abc" });
    const json = JSON.parse(readFileSync(written.json, "utf8")) as {
      commit: string;
      generatedAt: string;
      sections: Record<string, unknown>;
    };
    expect(json.commit).toBe("abc");
    expect(Date.parse(json.generatedAt)).not.toBeNaN();
    expect(json.sections).toEqual({
      tokens: { total: { ours: 10, mcp: 20 } },
      plugin: { clickToFirstCodeCold: { medianMs: 42, targetMs: 300, met: true } },
    });
    expect(readFileSync(written.markdown, "utf8")).toBe("## tokens\n| a | b |\n");
  });
});
