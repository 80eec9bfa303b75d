/**
 * Bench section "score-cli": what `figment code --score` costs per frame — each fixture frame's offline HTML (node
 * ids, CSS modules) scored by cli/measure/score.ts in headless Chromium (three page loads: 390, 768 and the design
 * width with the layers' boxes). Code generation is not in the time. On the same files it also measures the Code
 * panel's score (ui/code/score/measure.ts, as test/helpers/panel-score.ts runs it) and FAILS if the two differ by more
 * than 0.01 on any frame (issue 25: one implementation for both; the tests compare them on a sample of the frames).
 *   BENCH_ONLY=score-cli npm run bench
 */
import { inOneContext } from "../cli/measure/browser.js";
import { scoreCode } from "../cli/measure/score.js";
import type { RestNode } from "../codegen/fidelity/design-nodes.js";
import { generateCode, loadDesign } from "../codegen/index.js";
import type { EvalFile } from "./fixtures.js";
import { QUICK, quickSmallest, withBenchBrowser } from "./quick.js";
import { round, timing, type BenchResults } from "./results.js";
import { fmtMs } from "./timing.js";
import { buildSrcdoc, previewPages } from "../codegen/preview/html-page.js";
import {
  largestDifference,
  panelScore,
  scoreDifferences,
  SCORE_TOLERANCE,
  withScorePage,
} from "../test/helpers/panel-score.js";
import { repoRoot } from "./plugin-util.js";

export async function scoreCliSection(files: EvalFile[], results: BenchResults): Promise<void> {
  const samples: number[] = [];
  const rows: string[] = [];
  /** Per frame, the largest difference between the panel's score and the CLI's; and each beyond the tolerance. */
  const differences: number[] = [];
  const mismatches: string[] = [];
  await withBenchBrowser(async (host) => {
    // Quick: the smallest frame of the smallest file.
    const frames = quickSmallest(files, (file) => file.text.length).flatMap((file) =>
      loadDesign(JSON.parse(file.text)).roots.map((root) => ({ file: file.name, root })),
    );
    // Warm-up: the first page of a fresh browser pays for its renderer start.
    const first = frames[0];
    if (first && !QUICK)
      await scoreCode(host, {
        frame: first.root as unknown as RestNode,
        files: (
          await generateCode(loadDesign({ document: first.root }, []).document, {
            target: "html",
            styling: "css-modules",
            nodeIds: true,
          })
        ).files,
        target: "html",
      });
    // The panel's measuring page lives in a context of its own for the whole section.
    await inOneContext(host, (context) =>
      withScorePage(context, repoRoot(), async (page) => {
        for (const { file, root } of quickSmallest(frames, (frame) => JSON.stringify(frame.root).length)) {
          const frame = root as unknown as RestNode;
          const code = await generateCode(loadDesign({ document: root }, []).document, {
            target: "html",
            styling: "css-modules",
            nodeIds: true,
          });
          const started = performance.now();
          const score = await scoreCode(host, { frame, files: code.files, target: "html" });
          const ms = performance.now() - started;
          samples.push(ms);
          rows.push(
            `| ${file} | ${root.name} (${root.id}) | ${score.designWidth} ` +
              `| ${(score.iouMatched * 100).toFixed(1)} % | ${fmtMs(ms)} ms |`,
          );
          const panel = await panelScore(
            page,
            frame,
            buildSrcdoc({ page: previewPages(code.files)[0]!, files: code.files }),
          );
          differences.push(largestDifference(panel, score));
          for (const d of scoreDifferences(panel, score))
            mismatches.push(`${file} ${root.id} ${String(root.name)}: ${d}`);
        }
      }),
    );
  });
  const sorted = [...samples].sort((a, b) => a - b);
  const p95 = sorted[Math.min(sorted.length - 1, Math.floor(0.95 * sorted.length))] ?? NaN;
  results.set("score-cli", ["perFrameMs"], timing(samples));
  results.set("score-cli", ["p95Ms"], round(p95));
  results.set("score-cli", ["frames"], samples.length);
  results.set("score-cli", ["panelVsCli"], {
    frames: differences.length,
    largestDifference: round(Math.max(0, ...differences)),
    tolerance: SCORE_TOLERANCE,
    mismatches,
  });
  results.print(`\n## score-cli: what \`figment code --score\` costs per frame\n`);
  results.print(
    `Each fixture frame's offline HTML scored in headless Chromium ` +
      `(cli/measure/score.ts: 390, 768 and the design width, the layers' boxes ` +
      `at the design width); code generation not included. ${samples.length} ` +
      `frames; median ${fmtMs(timing(samples)?.medianMs ?? NaN)} ms, ` +
      `p95 ${fmtMs(p95)} ms per frame. The Code panel's score ` +
      `of the same files equals it within ${SCORE_TOLERANCE} on ` +
      `${differences.length - new Set(mismatches.map((m) => m.split(":")[0])).size} of ` +
      `${differences.length} frames (largest difference ${Math.max(0, ...differences).toFixed(4)}).\n`,
  );
  results.print(
    ["| file | frame | width | IoU×matched | score |", "| --- | --- | ---: | ---: | ---: |", ...rows].join("\n"),
  );
  if (mismatches.length > 0)
    throw new Error(
      `the panel's score differs from the CLI's by more than ${SCORE_TOLERANCE}:\n${mismatches.join("\n")}`,
    );
}
