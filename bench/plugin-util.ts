/** Shared bits of the plugin benchmark (bench/plugin.ts): the repository root, dist/ files, statistics. */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The repository root: the first folder holding package.json and test/harness/host.ts, walking up from
 * this module (bench/ or the dist/bench.mjs bundle) or from the working directory.
 */
export function repoRoot(): string {
  for (const start of [dirname(fileURLToPath(import.meta.url)), process.cwd()]) {
    let dir = start;
    for (;;) {
      if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "test", "harness", "host.ts"))) return dir;
      const up = dirname(dir);
      if (up === dir) break;
      dir = up;
    }
  }
  throw new Error("bench/plugin: the repository root (package.json + test/harness/host.ts) was not found");
}

/** A built file, e.g. `dist/ui.html`; throws with a hint when the build is missing. */
export function readBuilt(root: string, path: string): string {
  const full = resolve(root, path);
  if (!existsSync(full)) throw new Error(`bench/plugin: ${path} is missing; run \`node esbuild.config.mjs\` first`);
  return readFileSync(full, "utf8");
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** "12.3 ms (10.1–15.0)": the median and the range of the samples. */
export function msSummary(values: readonly number[], fmt: (ms: number) => string): string {
  if (values.length === 0) return "n/a";
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return values.length === 1 ? `${fmt(values[0]!)} ms` : `${fmt(median(values))} ms (${fmt(lo)}–${fmt(hi)})`;
}

/** Bytes as KB with one decimal (KB = 1,024 bytes). */
export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
