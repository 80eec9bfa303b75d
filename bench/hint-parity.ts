/**
 * Bench section "hint-parity" (issue 72): code from the hint = code from the design, on every frame of the real
 * files and of the hint tests' fixtures (test/helpers/hint-parity.ts). Each frame is checked in Chromium as
 * `figment code` checks it; its hint is printed as `figment hints` prints it and read as `--from-hint` reads it.
 * Per frame and target (React, HTML), from the hint with its assets folder (`figment hints --assets DIR`, read back by
 * `figment code --from-hint --assets DIR`): equal (the emitted files and the check's notes byte for byte), within
 * 0.002 of the design's score (IoU×matched and text seen at the design width, rendered in Chromium), or worse. Goal:
 * every frame equal or within 0.002. The hint's text alone is measured beside it, with the causes of what differs
 * (what the text does not carry: SVG payloads, design tokens).
 *   BENCH_ONLY=hint-parity npm run bench
 */
import { checkLayout } from "../codegen/layout-check/index.js";
import { infers } from "../codegen/layout/index.js";
import { allDrawings } from "../codegen/design/drawings.js";
import { generateCode, modelHint, parseHint, type CodeOptions } from "../codegen/index.js";
import { inOneContext, type PageHost } from "../cli/measure/browser.js";
import { chromiumEngine } from "../cli/measure/layout-engine.js";
import { scoreDrawings } from "../cli/code/score.js";
import type { FidelityScore } from "../codegen/fidelity/types.js";
import {
  compareFrame,
  PARITY_FILES,
  parityCauses,
  parityFrames,
  targetLabel,
  withHintAssets,
  type ParityFrame,
  type ParityResult,
} from "../test/helpers/hint-parity.js";
import { readHintAssets } from "../cli/common/hint-assets.js";
import type { LayoutDecisions } from "../codegen/layout/index.js";
import { QUICK, withBenchBrowser } from "./quick.js";
import { round, type BenchResults, type Json } from "./results.js";

/** The largest drop in score allowed where the hint alone differs (issue 72). */
const WITHIN = 0.002;

const TARGETS: readonly CodeOptions[] = [
  { target: "react", styling: "css-modules", nodeIds: false },
  { target: "html", styling: "css-modules", nodeIds: false },
];

interface Row {
  file: string;
  frame: string;
  target: string;
  /** From the hint and its assets folder (`figment hints --assets`), read as `figment code --from-hint` reads it. */
  verdict: "equal" | "within" | "worse";
  /** From the hint's text alone (vectors drawn as their parts' boxes, token values in place of tokens). */
  alone: "equal" | "within" | "worse";
  causes: string[];
  design?: number;
  hint?: number;
  withAssets?: number;
  hintBytes: number;
  laidBytes: number;
}

/** `--widths design`: each drawing at its own width only. */
const DESIGN_WIDTH = [0];

/** The figure compared: the lower of IoU×matched and the text seen at the design width (both 0..1). */
const figure = (s: FidelityScore): number => Math.min(s.iouMatched, s.widths[0]?.textVisible ?? 1);

async function scoreOf(
  host: PageHost,
  frame: ParityFrame,
  code: Awaited<ReturnType<typeof generateCode>>,
  o: CodeOptions,
) {
  const drawings = frame.roots.map((root) => ({ frame: root }));
  // The figure is read at the design width: the other widths (a third of a render each) are not measured.
  return figure(
    await scoreDrawings(host, drawings, code.files, o.target, {
      widths: DESIGN_WIDTH,
    }),
  );
}

/**
 * The scores of what differs: the design's code, the code from the hint alone and (where it differs too) from the
 * hint with its assets folder; the row's verdicts from them.
 */
async function scoreRow(
  host: PageHost,
  frame: ParityFrame,
  options: CodeOptions,
  decisions: LayoutDecisions,
  assets: string,
  result: ParityResult,
  row: Row,
): Promise<void> {
  const scored = { ...options, nodeIds: true, layoutDecisions: decisions };
  const hint = parseHint(modelHint(frame.document, "responsive", decisions)).document;
  const design = await scoreOf(host, frame, await generateCode(frame.document, scored), options);
  row.design = design;
  const verdict = (score: number): Row["verdict"] => (score >= design - WITHIN ? "within" : "worse");
  if (result.differ.length > 0) {
    row.hint = await scoreOf(host, frame, await generateCode(hint, { ...options, nodeIds: true }), options);
    row.alone = verdict(row.hint);
  }
  if (result.differWithAssets.length > 0) {
    const withAssets = (await readHintAssets(hint, assets)).document;
    row.withAssets = await scoreOf(host, frame, await generateCode(withAssets, { ...options, nodeIds: true }), options);
    row.verdict = verdict(row.withAssets);
  }
}

export async function hintParitySection(results: BenchResults): Promise<void> {
  const rows: Row[] = [];
  const files = QUICK ? PARITY_FILES.filter((f) => f.name.includes("attic")) : PARITY_FILES;
  const time = { check: 0, compare: 0, score: 0 };
  const started = performance.now();
  const timed = async <T>(phase: keyof typeof time, run: () => Promise<T> | T): Promise<T> => {
    const t0 = performance.now();
    try {
      return await run();
    } finally {
      time[phase] += performance.now() - t0;
    }
  };
  await withBenchBrowser((browser) =>
    inOneContext(browser, async (host) => {
      for (const file of files) {
        // A line per file as it ends: a long run shows where it is.
        const before = rows.length;
        for (const frame of await parityFrames(file)) {
          // As `figment code` checks the layout: in Chromium (a frame with nothing inferred is not rendered).
          const decisions = await timed("check", async () =>
            allDrawings(frame.document).some(infers)
              ? (await checkLayout(frame.document, chromiumEngine(host))).decisions
              : {},
          );
          const causes = parityCauses(frame.document);
          await withHintAssets(frame, async (assets) => {
            for (const options of TARGETS) {
              const result = await timed("compare", () => compareFrame(frame, options, decisions, assets));
              const row: Row = {
                file: file.name,
                frame: `${frame.id} ${frame.name}`,
                target: targetLabel(options),
                verdict: "equal",
                alone: "equal",
                causes: result.differ.length > 0 ? causes : [],
                hintBytes: result.hintBytes,
                laidBytes: result.laidBytes,
              };
              if (result.differ.length > 0 || result.differWithAssets.length > 0)
                await timed("score", () => scoreRow(host, frame, options, decisions, assets, result, row));
              rows.push(row);
            }
          });
        }
        const secs = ((performance.now() - started) / 1000).toFixed(0);
        process.stderr.write(`hint-parity: ${file.name} ${rows.length - before} comparisons (${secs} s)\n`);
      }
    }),
  );
  const seconds = (ms: number): number => round(ms / 1000);
  const count = (v: Row["verdict"]): number => rows.filter((r) => r.verdict === v).length;
  const countAlone = (v: Row["alone"]): number => rows.filter((r) => r.alone === v).length;
  const frames = new Set(rows.map((r) => `${r.file} ${r.frame}`)).size;
  const hintBytes = sumOnce(rows, (r) => r.hintBytes);
  const laidBytes = sumOnce(rows, (r) => r.laidBytes);
  const summary = {
    frames,
    comparisons: rows.length,
    equal: count("equal"),
    within: count("within"),
    worse: count("worse"),
    goalMet: count("worse") === 0,
    /** The hint's text alone, without its assets folder: what its stand-ins cost. */
    alone: {
      equal: countAlone("equal"),
      within: countAlone("within"),
      worse: countAlone("worse"),
    },
    hintBytes,
    laidBytes,
    seconds: {
      total: seconds(performance.now() - started),
      check: seconds(time.check),
      compare: seconds(time.compare),
      score: seconds(time.score),
    },
  };
  results.set("hint-parity", ["summary"], summary);
  results.set(
    "hint-parity",
    ["rows"],
    rows.map(
      (r): Json => ({
        file: r.file,
        frame: r.frame,
        target: r.target,
        verdict: r.verdict,
        alone: r.alone,
        causes: r.causes,
        ...(r.design !== undefined ? { design: round(r.design) } : {}),
        ...(r.hint !== undefined ? { hint: round(r.hint) } : {}),
        ...(r.withAssets !== undefined ? { withAssets: round(r.withAssets) } : {}),
      }),
    ),
  );
  results.print(`\n## hint-parity: code from the hint = code from the design (issue 72)\n`);
  results.print(
    `${frames} frames × ${TARGETS.map(targetLabel).join(", ")} (the layout checked in Chromium), from the hint ` +
      `and its assets folder: equal ${summary.equal}, within ${WITHIN} ${summary.within}, worse ${summary.worse} — ` +
      `goal: none worse ${summary.goalMet ? "✓" : "✗"}. From the hint's text alone (vectors as their parts' ` +
      `boxes, token values): equal ${summary.alone.equal}, within ${summary.alone.within}, worse ` +
      `${summary.alone.worse}. The hints: ${hintBytes} bytes, of which ${laidBytes} say how frames were ` +
      `laid out (lc:). Run: ${summary.seconds.total} s (the Chromium check ${summary.seconds.check} s, comparing ` +
      `${summary.seconds.compare} s, scoring what differs ${summary.seconds.score} s).\n`,
  );
  const differing = rows.filter((r) => r.verdict !== "equal" || r.alone !== "equal");
  const figure = (n: number | undefined): string => n?.toFixed(3) ?? "=";
  if (differing.length > 0)
    results.print(
      [
        "| file | frame | target | design | hint + assets | verdict | hint alone | verdict | causes |",
        "|---|---|---|---|---|---|---|---|---|",
      ]
        .concat(
          differing.map(
            (r) =>
              `| ${r.file} | ${r.frame} | ${r.target} | ${figure(r.design)} | ${figure(r.withAssets)} | ` +
              `${r.verdict} | ${figure(r.hint)} | ${r.alone} | ${r.causes.join(", ") || "—"} |`,
          ),
        )
        .join("\n") + "\n",
    );
}

/** A figure of each frame's hint, counted once per frame (the targets share the hint). */
function sumOnce(rows: readonly Row[], of: (r: Row) => number): number {
  const seen = new Map<string, number>();
  for (const r of rows) seen.set(`${r.file} ${r.frame}`, of(r));
  return [...seen.values()].reduce((a, b) => a + b, 0);
}
