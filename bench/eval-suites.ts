/**
 * Bench section "eval": the evaluation suites on every frame and page of the real fixtures (FIGMENT_EVAL=full,
 * test/helpers/eval-sample.ts). `npm test` runs the same suites on a fixed sample; here they run whole, with the
 * same assertions, and a failed test fails the bench — so every stop holds every frame to the goals. Recorded per
 * suite: tests, failures and time.
 *   BENCH_ONLY=eval npm run bench
 * The quick run (npm test) leaves it out: that run is inside vitest already, and runs the samples of these suites.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot } from "./plugin-util.js";
import { QUICK } from "./quick.js";
import { round, type BenchResults } from "./results.js";

/** The suites that take a sample in `npm test`. */
export const EVAL_SUITES = [
  "test/eval-files.test.ts",
  "test/hint-fidelity.test.ts",
  "test/fonts-fidelity.test.ts",
  "test/corpus-sites.test.ts",
  "test/corpus-flattened.test.ts",
  // The habit properties: 96 cases per property here, 8 in `npm test` (FIGMENT_EVAL=full; HABIT_RUNS overrides).
  "codegen/layout-check/habits.browser.test.ts",
] as const;

/** The part of vitest's JSON report read here. */
interface VitestReport {
  testResults: {
    name: string;
    startTime: number;
    endTime: number;
    assertionResults: { status: string; fullName: string; failureMessages: string[] }[];
  }[];
}

/** Runs the suites whole; vitest's own output goes to stderr, beside the bench's progress, not into its Markdown. */
function runVitest(root: string, outputFile: string): Promise<number> {
  const args = [
    join(root, "node_modules/vitest/vitest.mjs"),
    "run",
    ...EVAL_SUITES,
    "--reporter=dot",
    "--reporter=json",
    `--outputFile.json=${outputFile}`,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: root,
      env: { ...process.env, FIGMENT_EVAL: "full", CI: process.env["CI"] ?? "1" },
      stdio: ["ignore", process.stderr, "inherit"],
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

export async function evalSuitesSection(results: BenchResults): Promise<void> {
  results.print(`\n## eval: the evaluation suites on every fixture frame and corpus page\n`);
  if (QUICK) {
    results.print(
      `Left out of the quick run: it runs inside \`npm test\`, which ` +
        `runs these suites' samples (${EVAL_SUITES.join(", ")}).\n`,
    );
    results.set("eval", ["skipped"], "quick run");
    return;
  }
  const root = repoRoot();
  const dir = mkdtempSync(join(tmpdir(), "figment-eval-"));
  const outputFile = join(dir, "report.json");
  try {
    const started = performance.now();
    const code = await runVitest(root, outputFile);
    const wallMs = performance.now() - started;
    const report = JSON.parse(readFileSync(outputFile, "utf8")) as VitestReport;
    const rows: string[] = [];
    const failed: string[] = [];
    for (const file of report.testResults) {
      const name = file.name.startsWith(root) ? file.name.slice(root.length + 1) : file.name;
      const tests = file.assertionResults.length;
      const failures = file.assertionResults.filter((a) => a.status === "failed");
      failed.push(...failures.map((f) => `${name}: ${f.fullName}\n${f.failureMessages.join("\n").slice(0, 2000)}`));
      const ms = file.endTime - file.startTime;
      results.set("eval", ["suites", name], { tests, failed: failures.length, ms: round(ms) });
      rows.push(`| ${name} | ${tests} | ${failures.length} | ${(ms / 1000).toFixed(1)} s |`);
    }
    results.set("eval", ["summary"], {
      suites: report.testResults.length,
      failed: failed.length,
      wallMs: round(wallMs),
      exitCode: code,
    });
    results.print(["| suite | tests | failed | time |", "|---|---:|---:|---:|", ...rows].join("\n"));
    results.print(`\nAll suites in ${(wallMs / 1000).toFixed(0)} s (vitest, two workers).\n`);
    if (code !== 0 || failed.length > 0)
      throw new Error(
        `the evaluation suites failed on the full fixtures (exit ${code}):\n` +
          `${failed.join("\n\n") || "see the output above"}`,
      );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
