import { readdirSync, readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { warmups } from "./quick.js";
import { round } from "./results.js";

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
  warmup = warmups(warmup);
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

/** A type, not an interface, so it is assignable to the results' Json. */
export type CpuTiming = { medianMs: number; minMs: number; maxMs: number; n: number };

/**
 * CPU time of one call (user + system, ms): the work itself, which a machine shared with other jobs does not
 * inflate the way it inflates wall time (waiting for a core). Median of `runs` after `warmup` untimed calls.
 */
export function cpuTime(fn: () => unknown, runs: number, warmup = 3): CpuTiming {
  warmup = warmups(warmup);
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.cpuUsage();
    fn();
    samples.push(cpuMsSince(start));
  }
  return cpuSummary(samples);
}

/** cpuTime for async work (awaited inside the timed region). */
export async function cpuTimeAsync(fn: () => Promise<unknown>, runs: number, warmup = 2): Promise<CpuTiming> {
  warmup = warmups(warmup);
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.cpuUsage();
    await fn();
    samples.push(cpuMsSince(start));
  }
  return cpuSummary(samples);
}

function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function cpuSummary(samples: number[]): CpuTiming {
  samples.sort((a, b) => a - b);
  const mid = samples.length >> 1;
  const medianMs = samples.length % 2 ? samples[mid]! : (samples[mid - 1]! + samples[mid]!) / 2;
  return { medianMs: round(medianMs), minMs: round(samples[0]!), maxMs: round(samples.at(-1)!), n: samples.length };
}

/** Own CPU ticks (utime + stime) of process `root` and each process under it, by pid; undefined without /proc. */
function treeTicks(root: number): Map<number, number> | undefined {
  const children = new Map<number, number[]>();
  const ticks = new Map<number, number>();
  try {
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      } catch {
        continue; // ended since the listing
      }
      // Fields from the state on (after the command's ")"): ppid is the 4th of the line, utime and stime the 14th–15th.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const pid = Number(entry);
      children.set(Number(fields[1]), [...(children.get(Number(fields[1])) ?? []), pid]);
      ticks.set(pid, Number(fields[11]) + Number(fields[12]));
    }
  } catch {
    return undefined;
  }
  const tree = new Map<number, number>();
  for (const pending = [root]; pending.length > 0; ) {
    const pid = pending.pop()!;
    tree.set(pid, ticks.get(pid) ?? 0);
    pending.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/**
 * CPU ms used by process `root` (this one unless given) and the processes under it (a Chromium and its renderers; an
 * npm install and its scripts): on a shared machine, where wall time mostly measures the other jobs, what the work
 * cost, and whether it is doing any. Sampled every `everyMs` and when read, as
 * a process's own time (its children's is theirs): a process that ends counts up to its last sample (a
 * closed Chromium's renderers are not all reaped by it, so its total would lose them). Linux (/proc); NaN elsewhere.
 */
export class TreeCpu {
  private readonly seen = new Map<number, number>();
  private ticks = 0;
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(
    everyMs = 200,
    private readonly root = process.pid,
  ) {
    this.sample();
    this.ticks = 0;
    this.timer = setInterval(() => this.sample(), everyMs);
    this.timer.unref();
  }

  /** CPU ms since the start. */
  ms(): number {
    return this.sample() ? this.ticks * 10 : Number.NaN;
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private sample(): boolean {
    const now = treeTicks(this.root);
    if (!now) return false;
    for (const [pid, ticks] of now) {
      this.ticks += Math.max(0, ticks - (this.seen.get(pid) ?? 0));
      this.seen.set(pid, ticks);
    }
    return true;
  }
}

/** How warmUntilSettled stopped: the calls it made and whether their CPU time had stopped falling. */
export type WarmUp = { calls: number; settled: boolean; lastCpuMs: number };

/**
 * Warm-up calls of `fn` until the JIT has compiled what it runs: a pipeline of many modules keeps tiering its code up
 * (TurboFan, on other threads) for some 100 calls, so a fixed few warm-up calls time it half compiled and its CPU time
 * counts that compilation (on a busy machine, whose cores the compiler's threads wait for, some 150 calls). Calls in
 * windows of `window`; stops once three windows in a row have a median CPU time no longer below the best window's
 * before them (by 3 %: a slow window or two, another job's, is not enough), after `min` calls, or at `max` calls or
 * `maxMs` of wall time. None under BENCH_QUICK.
 */
export async function warmUntilSettled(
  fn: () => unknown,
  {
    min = 60,
    max = 400,
    window = 10,
    maxMs = 30_000,
  }: { min?: number; max?: number; window?: number; maxMs?: number } = {},
): Promise<WarmUp> {
  if (warmups(1) === 0) return { calls: 0, settled: false, lastCpuMs: Number.NaN };
  const start = performance.now();
  let best = Number.POSITIVE_INFINITY;
  let flat = 0;
  let calls = 0;
  for (;;) {
    const cpu: number[] = [];
    for (let i = 0; i < window; i++, calls++) {
      const since = process.cpuUsage();
      await fn();
      cpu.push(cpuMsSince(since));
    }
    const median = cpuSummary(cpu).medianMs;
    flat = median >= best * 0.97 ? flat + 1 : 0;
    const settled = flat >= 3;
    if ((settled && calls >= min) || calls >= max || performance.now() - start > maxMs)
      return { calls, settled, lastCpuMs: median };
    best = Math.min(best, median);
  }
}
