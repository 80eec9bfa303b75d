/**
 * Bench section "axe" (issue 72): axe-core 4.14 (WCAG 2.0/2.1 A and AA, best practices) on every visible top-level
 * frame of the real designers' files (test/fixtures/real/) in every target — HTML, React with CSS modules and with
 * Tailwind, Vue, Svelte, Angular, React Native through react-native-web — rendered as the panel shows them
 * (test/helpers/axe-frames.ts) at the design width. Violations (elements found) by rule, by target and by frame;
 * `color-contrast` is the design's own colours and is counted apart. Goal: 0 other violations on every frame and
 * target. A missed goal does not fail the section (the figures are what it is for); an error does.
 * One browser and one context for the section. Quick (BENCH_QUICK=1): the smallest file, HTML and React only.
 *   BENCH_ONLY=axe npm run bench   (BENCH_AXE_FRAMES=<id>,<id>: those frames only; BENCH_AXE_TARGETS=html,vue;
 *   BENCH_AXE_DETAIL=1: every element found, on stderr)
 */
import { inOneContext } from "../cli/measure/browser.js";
import { loadDesign } from "../codegen/index.js";
import { isFigmentError } from "../kernel/errors.js";
import { countByRule, DESIGN_RULES, type AxeViolation } from "../test/helpers/axe-check.js";
import { AXE_TARGETS, axeOfFrame, type AxeTarget } from "../test/helpers/axe-frames.js";
import { realFiles, topLevelFrames } from "../test/helpers/real-files.js";
import { QUICK, quickSmallest, withBenchBrowser } from "./quick.js";
import { againstTarget, round, type BenchResults, type Json } from "./results.js";

interface Checked {
  frame: string;
  target: string;
  /** Elements found per rule, contrast apart. */
  rules: Record<string, number>;
  contrast: number;
  ms: number;
}

const list = (name: string): string[] =>
  (process.env[name] ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

function targetsRun(): AxeTarget[] {
  const only = list("BENCH_AXE_TARGETS");
  const targets = AXE_TARGETS.filter((t) => only.length === 0 || only.includes(t.key));
  return QUICK ? targets.filter((t) => t.key === "html" || t.key === "react-css-modules") : targets;
}

function checkedOf(frame: string, target: string, violations: readonly AxeViolation[], ms: number): Checked {
  const counts = countByRule(violations);
  let contrast = 0;
  const rules: Record<string, number> = {};
  for (const [rule, n] of Object.entries(counts)) {
    if (DESIGN_RULES.has(rule)) contrast += n;
    else rules[rule] = n;
  }
  return { frame, target, rules, contrast, ms };
}

const sum = (rows: readonly Checked[], of: (row: Checked) => number): number => rows.reduce((n, row) => n + of(row), 0);
const others = (row: Checked): number => Object.values(row.rules).reduce((a, b) => a + b, 0);

export async function axeSection(results: BenchResults): Promise<void> {
  const only = list("BENCH_AXE_FRAMES");
  const targets = targetsRun();
  const frames = quickSmallest(realFiles(), (f) => f.bytes)
    .flatMap((file) => topLevelFrames(file).map((frame) => ({ file, frame })))
    .filter(({ frame }) => !frame.hidden && (only.length === 0 || only.includes(frame.id)));
  const rows: Checked[] = [];
  const failures: string[] = [];
  await withBenchBrowser((host) =>
    inOneContext(host, async (context) => {
      for (const { file, frame } of frames) {
        let document: ReturnType<typeof loadDesign>["document"];
        try {
          document = loadDesign(file.json, [frame.id]).document;
        } catch (error) {
          if (isFigmentError(error, "input")) continue; // a frame without visible layers: nothing to check
          throw error;
        }
        const label = `${file.name.replace(/\..*$/, "")} ${frame.id} ${frame.name.slice(0, 32)}`;
        for (const target of targets) {
          const t0 = performance.now();
          try {
            const violations = await axeOfFrame(context, document, target);
            rows.push(checkedOf(label, target.key, violations, performance.now() - t0));
            if (process.env["BENCH_AXE_DETAIL"]) detail(label, target.key, violations);
          } catch (error) {
            failures.push(`${label} ${target.key}: ${(error as Error).message.split("\n")[0]}`);
          }
        }
      }
    }),
  );
  report(results, rows, targets);
  if (failures.length > 0) throw new Error(`axe: ${failures.length} frame × target(s) failed:\n${failures.join("\n")}`);
}

/** BENCH_AXE_DETAIL=1: each element found, on stderr (what to fix). */
function detail(label: string, target: string, violations: readonly AxeViolation[]): void {
  for (const v of violations) {
    if (DESIGN_RULES.has(v.rule)) continue;
    for (const n of v.nodes) console.error(`axe: ${label} | ${target} | ${v.rule} | ${n.target} | ${n.html}`);
  }
}

function report(results: BenchResults, rows: readonly Checked[], targets: readonly AxeTarget[]): void {
  const byRule: Record<string, number> = {};
  for (const row of rows) for (const [rule, n] of Object.entries(row.rules)) byRule[rule] = (byRule[rule] ?? 0) + n;
  const byTarget: Record<string, Json> = {};
  for (const target of targets) {
    const of = rows.filter((r) => r.target === target.key);
    byTarget[target.key] = {
      frames: of.length,
      violations: sum(of, others),
      framesWithViolations: of.filter((r) => others(r) > 0).length,
      contrast: sum(of, (r) => r.contrast),
      msPerFrame: round(of.length ? sum(of, (r) => r.ms) / of.length : 0),
    };
  }
  const total = sum(rows, others);
  const failing = rows.filter((r) => others(r) > 0);
  results.set("axe", ["frames"], new Set(rows.map((r) => r.frame)).size);
  results.set("axe", ["checks"], rows.length);
  results.set("axe", ["violations"], total);
  results.set(
    "axe",
    ["contrast"],
    sum(rows, (r) => r.contrast),
  );
  results.set("axe", ["byRule"], byRule);
  results.set("axe", ["byTarget"], byTarget);
  results.set(
    "axe",
    ["failing"],
    failing.map((r) => ({ frame: r.frame, target: r.target, rules: r.rules })),
  );
  results.set("axe", ["goal"], againstTarget(total, 0, "violations"));

  results.print(`\n## axe-core: WCAG 2.0/2.1 A/AA and best practices on every real frame, every target\n`);
  results.print(
    `${rows.length} checks (${new Set(rows.map((r) => r.frame)).size} frames × ${targets.length} targets).`,
  );
  results.print("\n| target | frames | violations | frames with some | contrast (the design's) | ms per frame |");
  results.print("|---|---:|---:|---:|---:|---:|");
  for (const target of targets) {
    const t = byTarget[target.key] as Record<string, number>;
    results.print(
      `| ${target.key} | ${t["frames"]} | ${t["violations"]} | ${t["framesWithViolations"]} | ${t["contrast"]} | ` +
        `${Math.round(t["msPerFrame"] ?? 0)} |`,
    );
  }
  const rules = Object.entries(byRule).sort((a, b) => b[1] - a[1]);
  if (rules.length > 0) {
    results.print("\n| rule | elements |\n|---|---:|");
    for (const [rule, n] of rules) results.print(`| ${rule} | ${n} |`);
    results.print("\n| frame | target | rules |\n|---|---|---|");
    for (const r of failing) {
      const what = Object.entries(r.rules).map(([rule, n]) => `${rule} ${n}`);
      results.print(`| ${r.frame} | ${r.target} | ${what.join(", ")} |`);
    }
  }
  const goal = total === 0 ? "met" : "missed";
  results.print(`\nGoal: 0 violations besides the design's contrast on every frame and target: ${goal} (${total}).`);
  if (QUICK) results.print("(quick: the smallest file, HTML and React only)");
}
