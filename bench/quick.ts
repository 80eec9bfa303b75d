/**
 * BENCH_QUICK=1: every section runs once at its smallest size (one timed run, no warm-up, the first of its
 * pages or files), so `npm test` can run the whole bench and see any section break. Its figures say nothing
 * about speed: they go to bench/out/quick.json, never over the full run's results.json.
 */
export const QUICK = process.env["BENCH_QUICK"] === "1";

/** A section's count: `quick` under BENCH_QUICK, else the environment's `envName` if set, else `full`. */
export function benchCount(full: number, quick = 1, envName?: string): number {
  if (QUICK) return quick;
  const fromEnv = envName ? process.env[envName] : undefined;
  return fromEnv !== undefined && fromEnv.trim() !== "" ? Number(fromEnv) : full;
}

/** Under BENCH_QUICK the first `n` of `items` (a section's pages, frames or files), else all of them. */
export function quickSample<T>(items: readonly T[], n = 1): T[] {
  return QUICK ? items.slice(0, n) : [...items];
}

/** Warm-up calls before timing: none under BENCH_QUICK. */
export function warmups(full: number): number {
  return QUICK ? 0 : full;
}
