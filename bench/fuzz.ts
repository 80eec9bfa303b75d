/**
 * Bench section "fuzz" (issue 38): the larger run of what the suite checks with fixed seeds in seconds — every input
 * from outside, mutated: the messages across the boundaries (panel⇄main, panel⇄engine, panel⇄search worker) and the
 * model's answers (code, analysis, captions, embeddings, images, Batch API lines) replayed through the real SDK. The
 * goals: 0 raw JavaScript errors, 0 raw JavaScript messages shown, no input over 5 s. A defect fails the section.
 *   BENCH_ONLY=fuzz npm run bench
 */
import { fuzzBoundary, BOUNDARIES } from "../test/fuzz/messages.js";
import { decodeMs, estimateTimings, fuzzIssue50 } from "../test/fuzz/issue50.js";
import { defectSummary, fuzz, type FuzzReport, type FuzzTarget } from "../test/fuzz/run-cases.js";
import { batchTargets } from "../test/fuzz/targets-batch.js";
import { imageTargets } from "../test/fuzz/targets-image.js";
import { sdTargets } from "../test/fuzz/targets-sd.js";
import { SUITE_CASES, textTargets } from "../test/fuzz/targets-text.js";
import { benchCount, QUICK } from "./quick.js";
import { round, type BenchResults } from "./results.js";

/** Mutations per boundary (the suite runs 3,000–6,000). */
const MESSAGE_CASES = benchCount(20_000, 200);
/** Per model reader, five times the suite's cases (a code answer costs 30–60 ms: the project pass and prettier). */
const SCALE = benchCount(5, 0.1);
/** Huge values in the answers: 16 MB (the suite's 256 KB–2 MB), a base64 image event at the size a 4K PNG can reach. */
const HUGE_BYTES = benchCount(16_000_000, 2_000_000);
const SEED = 3801;

/** The model readers under test, each with its recorded targets and the suite's cases per target. */
interface TargetSource {
  build: () => Promise<FuzzTarget<unknown>[]>;
  suiteCases: (name: string) => number;
}
const SOURCES: TargetSource[] = [
  // A 20-ms idle guard, as in the suite: a stalled body ends fast, far inside the 5-s hang bound.
  { build: () => textTargets(undefined, { timeoutMs: 20 }), suiteCases: (name) => SUITE_CASES[name] ?? 200 },
  { build: imageTargets, suiteCases: () => 150 },
  { build: batchTargets, suiteCases: (name) => (name === "batch-collect" ? 400 : 200) },
  { build: sdTargets, suiteCases: () => 120 },
];

export async function fuzzSection(results: BenchResults): Promise<void> {
  const defects: string[] = [];
  results.print(`\n## fuzz: every input from outside, mutated (seed ${SEED})\n`);
  results.print(`| input | cases | refused | defects | slowest ms |\n| --- | ---: | ---: | ---: | ---: |`);
  for (const boundary of BOUNDARIES) {
    const started = performance.now();
    const report = fuzzBoundary(boundary, MESSAGE_CASES, SEED);
    results.set("fuzz", ["messages", boundary.name], {
      cases: report.cases,
      refusals: report.refusals,
      defects: report.defects.length,
      ms: round(performance.now() - started),
    });
    results.print(`| ${boundary.name} | ${report.cases} | ${report.refusals} | ${report.defects.length} | – |`);
    defects.push(...report.defects.slice(0, 5).map((d) => `${boundary.name}: ${d}`));
  }
  const issue50 = fuzzIssue50({ huge: true });
  results.set("fuzz", ["issue50"], {
    cases: issue50.cases,
    refusals: issue50.refusals,
    defects: issue50.defects.length,
  });
  results.print(
    `| issue 50: holes, bounds, null choices, paths | ${issue50.cases} | ${issue50.refusals} | ` +
      `${issue50.defects.length} | – |`,
  );
  defects.push(...issue50.defects.slice(0, 10));
  await streamTimings(results, defects);
  let answerCases = 0;
  for (const source of SOURCES) {
    for (const target of await source.build()) {
      const started = performance.now();
      const cases = Math.max(10, Math.round(source.suiteCases(target.name) * SCALE));
      answerCases += cases;
      const report: FuzzReport = await fuzz(target, { seed: SEED, cases, hugeBytes: HUGE_BYTES, hangMs: 5000 });
      const ms = performance.now() - started;
      results.set("fuzz", ["answers", target.name], {
        cases: report.cases,
        results: report.results,
        refusals: report.refusals,
        defects: report.defects.length,
        slowestMs: round(report.slowestMs),
        msPerCase: round(ms / report.cases),
      });
      results.print(
        `| ${target.name} | ${report.cases} | ${report.refusals} | ` +
          `${report.defects.length} | ${Math.round(report.slowestMs)} |`,
      );
      defects.push(...defectSummary(report, 5));
    }
  }
  results.set("fuzz", ["answerCases"], answerCases);
  results.set("fuzz", ["defects"], defects.length);
  if (defects.length > 0) throw new Error(`fuzz: ${defects.length} defect groups:\n${defects.join("\n")}`);
}

/** Ten times the text may take at most this many times as long (linear: about 10×; quadratic: about 100×). */
const GROWTH_MAX = 30;
/** A count that takes this long is a hang, however loaded the machine. */
const HANG_MS = 60_000;

/**
 * Issue 50's goals: a streamed answer decoded in time linear in its size (a 4-MB event ≤ 50 ms, a 16-MB answer in 8
 * events ≤ 0.5 s; the SDK's decoder, for the record: 1.5 s and 30.8 s), and the token count of a million characters
 * without a space (did not finish in 10 minutes): linear in the text's length, and never a hang.
 */
async function streamTimings(results: BenchResults, defects: string[]): Promise<void> {
  // Quick: an eighth of each size (the run checks that no byte is lost; its times are not held to the goals).
  const size = (bytes: number): number => (QUICK ? bytes / 8 : bytes);
  const runs: [string, number, number, number, boolean][] = [
    ["4-MB event", 1, size(4_000_000), 50, false],
    ["16-MB answer, 8 events", 8, size(2_000_000), 500, false],
    ["4-MB event, SDK decoder", 1, size(4_000_000), Number.POSITIVE_INFINITY, true],
  ];
  // One untimed run first: the figure is the decoder's, not the JIT's first compile.
  await decodeMs(1, 1_000_000, false);
  if (QUICK) results.print("\n(quick: each stream an eighth of its size, the token counts a tenth)");
  results.print(`\n| decoded | ms | CPU ms | target CPU ms |\n| --- | ---: | ---: | ---: |`);
  for (const [name, events, bytes, target, sdk] of runs) {
    // The best of five: the machine is shared; the figure is the decoder's, not the neighbours'. The quick run's
    // figures mean nothing (it checks that the section runs and loses no byte): one each.
    const samples = [];
    for (let i = 0; i < (sdk || QUICK ? 1 : 5); i++) samples.push(await decodeMs(events, bytes, sdk));
    const ms = Math.min(...samples.map((s) => s.ms));
    const cpuMs = Math.min(...samples.map((s) => s.cpuMs));
    const goal = Number.isFinite(target) ? target : null;
    results.set("fuzz", ["decode", name], { ms: round(ms), cpuMs: round(cpuMs), target: goal });
    results.print(`| ${name} | ${Math.round(ms)} | ${Math.round(cpuMs)} | ${goal ?? "–"} |`);
    if (!samples.every((s) => s.intact)) defects.push(`decode ${name}: bytes lost`);
    // The goal is checked on the decoder's own CPU time, not the wall clock: beside CI (a load of 13 on 2 cores) the
    // best of five wall-clock runs of a 4-MB event took 52 ms and failed the whole bench. Not in the quick run
    // (npm test), whose figures mean nothing.
    if (!QUICK && cpuMs > target) defects.push(`decode ${name}: ${Math.round(cpuMs)} ms of CPU, over ${target} ms`);
  }
  const length = QUICK ? 100_000 : 1_000_000;
  const estimate = await estimateTimings(length);
  const count = (n: number): string => n.toLocaleString("en-US");
  // Ten times the letters in about ten times the time: linear (a quadratic count takes about 100×). A ratio measured
  // in one run holds on a loaded machine, where a time in ms does not (a 2.4-s count took 6.3 s beside a helper).
  const growth = estimate.lettersMs / Math.max(1, estimate.tenthMs);
  results.set("fuzz", ["estimate1M"], {
    xMs: round(estimate.xMs),
    lettersMs: round(estimate.lettersMs),
    spacesMs: round(estimate.spacesMs),
    tenthLettersMs: round(estimate.tenthMs),
    growth: round(growth),
  });
  results.print(
    `| token count, ${count(length + 1)} × "x" / random letters / spaces | ` +
      `${Math.round(estimate.xMs)} / ${Math.round(estimate.lettersMs)} / ${Math.round(estimate.spacesMs)} | – |`,
  );
  results.print(
    `| token count, random letters: ${count(length)} over ${count(length / 10)} (× the time) | ${round(growth)} | ` +
      `≤ ${GROWTH_MAX} |`,
  );
  // The goals are the full bench's: the quick run (a test, maybe on a loaded machine) checks that it runs.
  if (!QUICK && growth > GROWTH_MAX)
    defects.push(`token count: 10× the letters took ${round(growth)}× the time, over ${GROWTH_MAX}× (not linear)`);
  if (!QUICK && Math.max(estimate.xMs, estimate.lettersMs, estimate.spacesMs) > HANG_MS)
    defects.push(`token count of a million characters over ${HANG_MS / 1000} s`);
}
