/**
 * Bench section "rn-parity" (issue 72): React Native against React on every visible top-level frame of the real
 * files, the framework parity fixtures and the two iOS settings screens — what a reader sees of the text at the design
 * width (test/helpers/rn-parity.ts), per frame React's, React Native's and the gap; the largest gap against the goal
 * (≤ 0.02), and IoU×matched of both beside it. A browser per file (a page that brings Chromium down costs its file's
 * frames only). RN_PARITY_FILES=flora,ios measures only the files whose names hold one of the words.
 *   BENCH_ONLY=rn-parity npm run bench
 */
import { type ParityFigures, rnParity, rnParityFrames, RN_PARITY_GOAL } from "../test/helpers/rn-parity.js";
import { quickSample, withBenchBrowser } from "./quick.js";
import { againstTarget, round, type BenchResults } from "./results.js";

interface Row extends ParityFigures {
  frame: string;
}

export async function rnParitySection(results: BenchResults): Promise<void> {
  const only = (process.env["RN_PARITY_FILES"] ?? "").split(",").filter(Boolean);
  const frames = quickSample(rnParityFrames()).filter((f) => only.length === 0 || only.some((w) => f.file.includes(w)));
  const files = [...new Set(frames.map((f) => f.file))];
  const rows: Row[] = [];
  const failed: string[] = [];
  for (const file of files)
    await withBenchBrowser(async (host) => {
      for (const f of frames.filter((x) => x.file === file)) {
        const frame = `${f.file} ${f.id} ${f.name.slice(0, 30)}`;
        try {
          const figures = await rnParity(host, f);
          rows.push({ frame, ...figures });
          console.log(
            `rn-parity ${frame}: react ${figures.react.toFixed(3)} rn ${figures.native.toFixed(3)} gap ` +
              `${figures.gap.toFixed(3)} (IoU×matched ${figures.reactIou.toFixed(3)} / ` +
              `${figures.nativeIou.toFixed(3)})` +
              (figures.lost.length ? `\n  ${figures.lost.slice(0, 6).join("\n  ")}` : ""),
          );
        } catch (error) {
          failed.push(`${frame}: ${String(error).split("\n")[0]}`);
        }
      }
    });
  for (const r of rows)
    results.set("rn-parity", ["frames", r.frame], {
      react: round(r.react),
      reactNative: round(r.native),
      gap: round(r.gap),
      reactIouMatched: round(r.reactIou),
      reactNativeIouMatched: round(r.nativeIou),
    });
  const maxGap = Math.max(0, ...rows.map((r) => r.gap));
  const over = rows.filter((r) => r.gap > RN_PARITY_GOAL);
  const summary = {
    frames: rows.length,
    maxGap: round(maxGap),
    meanGap: round(rows.reduce((s, r) => s + r.gap, 0) / Math.max(1, rows.length)),
    withinGoal: rows.length - over.length,
    over: over.map((r) => r.frame),
    notMeasured: failed,
  };
  results.set("rn-parity", ["summary"], summary);
  results.set("rn-parity", ["goal"], againstTarget(maxGap, RN_PARITY_GOAL, "reader-sees gap at the design width"));
  results.print(`\n## rn-parity: React Native against React, what a reader sees at the design width\n`);
  results.print(
    `${rows.length} frames (every visible real top-level frame, the framework parity fixtures, the iOS settings ` +
      `screens); gap = |React − React Native| of the share of the design's text a reader sees at the design width. ` +
      `Goal: max gap ≤ ${RN_PARITY_GOAL} — ${maxGap <= RN_PARITY_GOAL ? "✓" : "✗"} max ${summary.maxGap}, mean ` +
      `${summary.meanGap}; ${summary.withinGoal} of ${rows.length} within.` +
      (failed.length ? ` Not measured: ${failed.join("; ")}.` : "") +
      "\n",
  );
  results.print(
    [
      "| frame | React | React Native | gap | IoU×matched React / RN |",
      "|---|---:|---:|---:|---|",
      ...rows.map(
        (r) =>
          `| ${r.frame} | ${r.react.toFixed(3)} | ${r.native.toFixed(3)} | ${r.gap.toFixed(3)}` +
          `${r.gap > RN_PARITY_GOAL ? " ✗" : ""} | ${r.reactIou.toFixed(3)} / ${r.nativeIou.toFixed(3)} |`,
      ),
    ].join("\n"),
  );
}
