/**
 * What `npm run bench` measured, for machines: every section records its figures here (numbers with their unit,
 * sample counts and targets), and everything the bench prints as Markdown is kept too. At the end both are
 * written to bench/out/ (gitignored): results.json (the figures) beside results.md (the tables as printed).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";

/** A JSON value, as the figures are written. */
export type Json = number | string | boolean | null | Json[] | { [key: string]: Json };

/** A timing: the median of `n` samples with their range, in ms. */
export interface Timing {
  [key: string]: Json;
  medianMs: number;
  minMs: number;
  maxMs: number;
  n: number;
}

/** A figure held against a target, as the tables' "met" / "missed" verdicts say. */
export interface Checked {
  [key: string]: Json;
  value: number;
  unit: string;
  target: number;
  /** `value ≤ target`. */
  met: boolean;
}

function median(sorted: readonly number[]): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The median and range of `samples` (null when there are none, e.g. a skipped browser row). */
export function timing(samples: readonly number[]): Timing | null {
  const finite = samples.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return null;
  const sorted = [...finite].sort((a, b) => a - b);
  return { medianMs: round(median(sorted)), minMs: round(sorted[0]!), maxMs: round(sorted.at(-1)!), n: sorted.length };
}

/** `value` against `target` (≤), or null when there is no value. */
export function againstTarget(value: number, target: number, unit: string): Checked | null {
  return Number.isFinite(value) ? { value: round(value), unit, target, met: value <= target } : null;
}

/** Three decimals are more than a wall clock gives; keeps the file readable. */
export function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

export class BenchResults {
  private readonly sections: Record<string, Record<string, Json>> = {};
  private readonly markdown: string[] = [];

  /** Sets `path` (e.g. `["files", "login", "tokens"]`) in the section's figures. */
  set(section: string, path: readonly string[], value: Json): void {
    if (path.length === 0) throw new Error("bench/results: an empty path");
    let node: Record<string, Json> = (this.sections[section] ??= {});
    for (const key of path.slice(0, -1)) {
      const next = node[key];
      if (typeof next === "object" && next !== null && !Array.isArray(next)) node = next;
      else node = node[key] = {};
    }
    node[path.at(-1)!] = value;
  }

  /** Prints Markdown and keeps it for results.md. */
  print(text: string): void {
    console.log(text);
    this.markdown.push(text);
  }

  /** The whole record: when and where it ran, and each section's figures. */
  toJson(meta: Record<string, Json> = {}): { [key: string]: Json } {
    return {
      generatedAt: new Date().toISOString(),
      machine: {
        node: process.version,
        platform: process.platform,
        arch: process.arch,
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model ?? "",
        loadAverage1m: round(loadavg()[0] ?? 0),
      },
      ...meta,
      sections: this.sections,
    };
  }

  /** Writes `<name>.json` and `<name>.md` (results, or quick for BENCH_QUICK) into `dir`; returns their paths. */
  write(dir: string, meta: Record<string, Json> = {}, name = "results"): { json: string; markdown: string } {
    mkdirSync(dir, { recursive: true });
    const json = join(dir, `${name}.json`);
    const markdown = join(dir, `${name}.md`);
    writeFileSync(json, `${JSON.stringify(this.toJson(meta), null, 2)}\n`);
    writeFileSync(markdown, `${this.markdown.join("\n")}\n`);
    return { json, markdown };
  }
}

/** The commit the bench ran on (with "+dirty" for uncommitted changes), or null outside a git checkout. */
export function gitCommit(root: string): string | null {
  try {
    const head = execFileSync("git", ["rev-parse", "HEAD"], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
    return dirty ? `${head}+dirty` : head;
  } catch {
    return null;
  }
}
