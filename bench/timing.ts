import { performance } from "node:perf_hooks";

export type Timing = {
  label: string;
  medianMs: number;
  minMs: number;
  maxMs: number;
  /** Every timed run's wall time, sorted ascending. */
  samples: number[];
  runs: number;
  warmup: number;
};

/**
 * Median wall time (ms) of `runs` calls of `fn`, after `warmup` untimed calls (default: max(3, runs/4)),
 * plus the fastest and slowest run. Async functions are awaited inside the timed region.
 */
export async function timeIt(
  label: string,
  fn: () => unknown,
  runs = 20,
  warmup = Math.max(3, Math.ceil(runs / 4)),
): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = fn();
    if (r && typeof (r as PromiseLike<unknown>).then === "function") await r;
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const mid = samples.length >> 1;
  const medianMs = samples.length % 2 ? samples[mid]! : (samples[mid - 1]! + samples[mid]!) / 2;
  return { label, medianMs, minMs: samples[0]!, maxMs: samples[samples.length - 1]!, samples, runs, warmup };
}

export function fmtMs(ms: number): string {
  return ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2);
}
