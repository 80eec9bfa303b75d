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
import { RUN_CACHE_ENV } from "./helpers/run-cache.js";
import { stopWhenStalled } from "./helpers/stall-guard.js";

const OUT = join(REPO_ROOT, "bench", "out");

interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
  stopped: boolean;
}

/**
 * How long the quick run may use no CPU (it and its Chromiums) before it is stopped and the section it stood in is
 * named. Not a bound on its time: that grows with the machine's load (ci21's run stood still in a section, idle).
 */
const STALL_MS = 120_000;

/**
 * Runs node with `args` in the repository, without blocking the worker's event loop. The child gets the test run's
 * environment but not its run cache (test/helpers/run-cache.ts): the bench computes its own figures, and must never
 * wait on a lock a test worker holds. A run that stalls is killed with its process group (`stopped` set).
 */
function node(args: string[], env: Record<string, string> = {}): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
    delete childEnv[RUN_CACHE_ENV];
    const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env: childEnv, detached: true });
    let stdout = "";
    let stderr = "";
    let stopped = false;
    const endWatch = stopWhenStalled(child.pid, STALL_MS, () => void (stopped = true));
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    let ended = false;
    const end = (status: number | null) => {
      if (ended) return;
      ended = true;
      endWatch();
      resolve({ status, stdout, stderr, stopped });
    };
    child.on("close", end);
    // After "exit", "close" waits for the pipes: a grandchild holding them must not hold the test past the bench's
    // end (their last output has a few seconds to arrive).
    child.on("exit", (status) => setTimeout(() => end(status), 5_000).unref());
  });
}

/** The section the quick run had started and not finished (its last "started" line without an end), if any. */
function sectionRunning(stderr: string): string | undefined {
  let running: string | undefined;
  for (const m of stderr.matchAll(/bench: section "([^"]+)" (started|ran in|failed)/g))
    running = m[2] === "started" ? m[1] : undefined;
  return running;
}

/**
 * The Chromiums the quick run launched and that had not exited, from Playwright's log (DEBUG=pw:browser): "pid 12:
 * closing" for one whose close began and never ended (a browser that never exits holds Playwright's close for good).
 */
function browsersLeft(stderr: string): string[] {
  const state = new Map<string, string>();
  for (const m of stderr.matchAll(/<launched> pid=(\d+)|\[pid=(\d+)\] <(gracefully close start|process did exit)/g)) {
    if (m[1]) state.set(m[1], "running");
    else if (m[3] === "gracefully close start") state.set(m[2]!, "closing");
    else state.delete(m[2]!);
  }
  return [...state].map(([pid, what]) => `pid ${pid}: ${what}`);
}

/** The sections the bench names as broken ("bench: section "x" failed"), or its last lines when it names none. */
function whatBroke(ran: Ran): string {
  if (ran.stopped) {
    const running = sectionRunning(ran.stderr);
    const where = running ? `in section "${running}"` : "after its last section (something it left open kept it alive)";
    const left = browsersLeft(ran.stderr);
    const browsers = left.length > 0 ? `; Chromiums not exited: ${left.join(", ")}` : "";
    const tail = ran.stderr.slice(-4000);
    return `the quick run was stopped after it used no CPU for ${STALL_MS / 1000} s, ${where}${browsers}\n${tail}`;
  }
  const sections = [...ran.stderr.matchAll(/bench: section "([^"]+)" failed/g)].map((m) => m[1]!);
  return sections.length > 0
    ? `sections failed: ${sections.join(", ")}\n${ran.stderr.slice(-4000)}`
    : `${ran.stderr.slice(-4000)}${ran.stdout.slice(-2000)}`;
}

describe("the Chromiums a stopped quick run left", () => {
  it("are those launched and not exited, a close begun and never ended named as closing", () => {
    const log = [
      "pw:browser <launched> pid=11",
      "pw:browser [pid=11][err] noise",
      "pw:browser <launched> pid=12",
      "pw:browser [pid=11] <gracefully close start>",
      "pw:browser [pid=11] <process did exit: exitCode=0, signal=null>",
      "pw:browser [pid=12] <gracefully close start>",
      "pw:browser <launched> pid=13",
    ].join("\n");
    expect(browsersLeft(log)).toEqual(["pid 12: closing", "pid 13: running"]);
    expect(browsersLeft("")).toEqual([]);
  });
});

describe("the quick run's stopped section", () => {
  it("is the last one started and not ended", () => {
    const ran = 'bench: section "a" started\nbench: section "a" ran in 3 ms\nbench: section "b" started\n';
    expect(sectionRunning(ran)).toBe("b");
    expect(sectionRunning(`${ran}bench: section "b" failed: x\n`)).toBeUndefined();
    expect(sectionRunning("")).toBeUndefined();
  });
});

// Several sections measure in Chromium: the bench runs where the browser tests run.
describe.runIf(runBrowser)("the bench's quick mode", () => {
  it("runs every section and writes bench/out/quick.json, leaving results.json as it was", async () => {
    const results = join(OUT, "results.json");
    const before = existsSync(results) ? statSync(results).mtimeMs : undefined;
    // The bench bundle alone: dist/code.js and dist/ui.html, which other test files read meanwhile, stay as the global
    // setup built them.
    const build = await node(["esbuild.config.mjs", "bench", "--extras-only"]);
    expect(build.status, `the bench did not build:\n${build.stderr}`).toBe(0);

    // Playwright's own log of each browser's launch and close (a few lines a launch): a run stopped in a section then
    // says whether it stood in a Chromium that never exited (ci21: stopped in layout-check, not seen again since).
    const ran = await node(["dist/bench.mjs"], { BENCH_QUICK: "1", BENCH_OUT: OUT, DEBUG: "pw:browser" });
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
    // No clock of the test's own: on a busy 2-core machine the quick run takes several times its quiet time (300 s
    // timed out under a load of 15, and CI's whole run doubled from one machine to another); one that hangs is
    // stopped above.
  }, 0);
});
