/**
 * `npm run bench` in its quick mode (BENCH_QUICK=1: every section once, at its smallest size), so that no section
 * of the bench can break unseen. Its figures go to bench/out/quick.json (never over the full run's results.json);
 * they are not checked against any target here: a quick run's timings mean nothing.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "./helpers/fixtures.js";
import { runBrowser } from "./helpers/browser.js";

const OUT = join(REPO_ROOT, "bench", "out");

interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs node with `args` in the repository, without blocking the worker's event loop. */
function node(args: string[], env: Record<string, string> = {}): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env: { ...process.env, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

/** The sections the bench names as broken ("bench: section "x" failed"), or its last lines when it names none. */
function whatBroke(ran: Ran): string {
  const sections = [...ran.stderr.matchAll(/bench: section "([^"]+)" failed/g)].map((m) => m[1]!);
  return sections.length > 0
    ? `sections failed: ${sections.join(", ")}\n${ran.stderr.slice(-4000)}`
    : `${ran.stderr.slice(-4000)}${ran.stdout.slice(-2000)}`;
}

// Several sections measure in Chromium: the bench runs where the browser tests run.
describe.runIf(runBrowser)("the bench's quick mode", () => {
  it("runs every section and writes bench/out/quick.json, leaving results.json as it was", async () => {
    const results = join(OUT, "results.json");
    const before = existsSync(results) ? statSync(results).mtimeMs : undefined;
    const build = await node(["esbuild.config.mjs", "bench"]);
    expect(build.status, `the bench did not build:\n${build.stderr}`).toBe(0);

    const ran = await node(["dist/bench.mjs"], { BENCH_QUICK: "1", BENCH_OUT: OUT });
    expect(ran.status, whatBroke(ran)).toBe(0);

    const quick = JSON.parse(readFileSync(join(OUT, "quick.json"), "utf8")) as {
      sectionsRun: string[];
      sections: Record<string, unknown>;
      settings: { quick: boolean };
    };
    expect(quick.settings.quick).toBe(true);
    // Every section that ran recorded figures (a section that silently did nothing would leave none).
    expect(quick.sectionsRun.filter((name) => quick.sections[name] === undefined)).toEqual([]);
    expect(existsSync(results) ? statSync(results).mtimeMs : undefined).toBe(before);
    // A bound for a run that hangs, not a speed check: on a busy 2-core machine the quick run can take several times
    // its quiet time (300 s timed out under a load of 15).
  }, 900_000);
});
