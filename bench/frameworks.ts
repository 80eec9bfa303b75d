/**
 * Bench section "frameworks" (issue 54): each target's output scored against React's on every top-level frame of
 * the fixtures (test/fixtures/figma) and the real files (test/fixtures/real) — the text a reader sees at 390, 768,
 * the design width and 1920 (the largest difference), IoU×matched, and lines of code against React's. Vue,
 * Svelte, Angular and React Native (rendered through react-native-web) are measured.
 *   BENCH_ONLY=frameworks npm run bench
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { scoreCode } from "../cli/measure/score.js";
import { codeLines, iouGap, scoreGap } from "../cli/measure/frameworks.js";
import type { RestNode } from "../codegen/fidelity/design-nodes.js";
import { generateCode, loadDesign, type CodeOptions } from "../codegen/index.js";
import type { FidelityScore } from "../codegen/fidelity/types.js";
import type { SourceFile } from "../codegen/types.js";
import { fixturesRoot } from "../test/helpers/responsive-frames.js";
import { quickSample, withBenchBrowser } from "./quick.js";
import { round, type BenchResults } from "./results.js";

/** The targets compared with React: measured, or to come (their rows say so). */
const TARGETS = [
  { name: "vue", options: { target: "vue" } as const },
  { name: "svelte", options: { target: "svelte" } as const },
  { name: "angular", options: { target: "angular" } as const },
  { name: "react-native", options: { target: "react-native" } as const },
] as const;

const GOAL_GAP = 0.02;
const GOAL_LINES = 1.3;

interface Row {
  frame: string;
  react: number;
  vue: number;
  readerGap: number;
  iouGap: number;
  lines: number;
  svelte: Measured;
  angular: Measured;
  native: Measured;
}

/** A target's figures on a frame against React's. */
type Measured = { score: number; readerGap: number; iouGap: number; lines: number; inlineStyles: number };
type Files = readonly SourceFile[];

/** `inline`: the target's inline styles beyond React's (an SVG's drawing keeps its `style` attributes in both). */
function measured(
  react: FidelityScore,
  score: FidelityScore,
  files: Files,
  reactFiles: Files,
  inline: number,
): Measured {
  return {
    score: round(score.iouMatched),
    readerGap: round(scoreGap(react, score)),
    iouGap: round(iouGap(react, score)),
    lines: round(codeLines(files) / codeLines(reactFiles)),
    inlineStyles: inline,
  };
}

function summaryOf(rows: readonly Measured[]): Record<string, number> {
  const mean = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  return {
    frames: rows.length,
    maxReaderGap: round(Math.max(0, ...rows.map((r) => r.readerGap))),
    maxIouGap: round(Math.max(0, ...rows.map((r) => r.iouGap))),
    maxLines: round(Math.max(0, ...rows.map((r) => r.lines))),
    meanLines: round(mean(rows.map((r) => r.lines))),
    inlineStyles: rows.reduce((n, r) => n + r.inlineStyles, 0),
    withinGoal: rows.filter((r) => r.readerGap <= GOAL_GAP && r.lines <= GOAL_LINES && r.inlineStyles === 0).length,
  };
}

/** Inline styles in a target's files (`attr`: how the target writes one). */
function inlineStyles(files: readonly { content: string; bytes?: unknown }[], attr: RegExp): number {
  return files.reduce((n, f) => n + (f.bytes ? 0 : (f.content.match(attr) ?? []).length), 0);
}

function frameFiles(): string[] {
  const root = fixturesRoot();
  return ["figma", "real"].flatMap((dir) =>
    readdirSync(join(root, dir))
      .filter((f) => f.endsWith(".json"))
      .map((f) => join(dir, f)),
  );
}

export async function frameworksSection(results: BenchResults): Promise<void> {
  const rows: Row[] = [];
  const failed: string[] = [];
  // A browser per file: a page that brings Chromium down costs its file's frames, not the rest.
  for (const file of quickSample(frameFiles())) {
    await withBenchBrowser(async (host) => {
      let design: ReturnType<typeof loadDesign>;
      try {
        design = loadDesign(JSON.parse(readFileSync(join(fixturesRoot(), file), "utf8")));
      } catch (error) {
        // A file that is not one REST reply (a fragment, several JSON documents): said, not measured.
        failed.push(`${file}: ${String(error).split("\n")[0]}`);
        return;
      }
      for (const [i, frame] of design.document.frames.entries()) {
        const root = (design.roots.find((r) => r.id === frame.id) ?? design.roots[i]) as unknown as RestNode;
        const doc = { ...design.document, frames: [frame] };
        const base: CodeOptions = { target: "react", styling: "css-modules", nodeIds: true };
        const react = await generateCode(doc, base);
        const vue = await generateCode(doc, { ...base, ...TARGETS[0].options });
        let reactScore: FidelityScore;
        let vueScore: FidelityScore;
        const svelte = await generateCode(doc, { ...base, ...TARGETS[1].options });
        let svelteScore: FidelityScore;
        const angular = await generateCode(doc, { ...base, ...TARGETS[2].options });
        let angularScore: FidelityScore;
        const native = await generateCode(doc, { ...base, ...TARGETS[3].options });
        let nativeScore: FidelityScore;
        try {
          reactScore = await scoreCode(host, { frame: root, files: react.files, target: "react" });
          vueScore = await scoreCode(host, { frame: root, files: vue.files, target: "vue" });
          svelteScore = await scoreCode(host, { frame: root, files: svelte.files, target: "svelte" });
          angularScore = await scoreCode(host, { frame: root, files: angular.files, target: "angular" });
          nativeScore = await scoreCode(host, {
            frame: root,
            design: frame,
            files: native.files,
            target: "react-native",
          });
        } catch (error) {
          failed.push(`${file} ${frame.id}: ${String(error).split("\n")[0]}`);
          continue;
        }
        rows.push({
          frame: `${file} ${frame.id} ${frame.name.slice(0, 30)}`,
          react: round(reactScore.iouMatched),
          vue: round(vueScore.iouMatched),
          readerGap: round(scoreGap(reactScore, vueScore)),
          iouGap: round(iouGap(reactScore, vueScore)),
          lines: round(codeLines(vue.files) / codeLines(react.files)),
          svelte: {
            score: round(svelteScore.iouMatched),
            readerGap: round(scoreGap(reactScore, svelteScore)),
            iouGap: round(iouGap(reactScore, svelteScore)),
            lines: round(codeLines(svelte.files) / codeLines(react.files)),
            // `style:` directives, or more `style=` than React's (an SVG's drawing keeps its attributes in both).
            inlineStyles:
              inlineStyles(svelte.files, /\sstyle:/g) +
              Math.max(0, inlineStyles(svelte.files, /\sstyle="/g) - inlineStyles(react.files, /\sstyle=\{/g)),
          },
          // `[style]` bindings, or more `style=` than React's.
          angular: measured(
            reactScore,
            angularScore,
            angular.files,
            react.files,
            inlineStyles(angular.files, /\[style[.\]]/g) +
              Math.max(0, inlineStyles(angular.files, /\sstyle="/g) - inlineStyles(react.files, /\sstyle=\{/g)),
          ),
          // Style objects written in place (`style={{`) beyond React's, instead of StyleSheet entries.
          native: measured(
            reactScore,
            nativeScore,
            native.files,
            react.files,
            Math.max(0, inlineStyles(native.files, /\sstyle=\{\{/g) - inlineStyles(react.files, /\sstyle=\{\{/g)),
          ),
        });
      }
    });
  }
  for (const r of rows) results.set("frameworks", ["frames", r.frame], { ...r });
  const mean = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  const summary = {
    frames: rows.length,
    maxReaderGap: round(Math.max(0, ...rows.map((r) => r.readerGap))),
    meanReaderGap: round(mean(rows.map((r) => r.readerGap))),
    maxIouGap: round(Math.max(0, ...rows.map((r) => r.iouGap))),
    maxLines: round(Math.max(0, ...rows.map((r) => r.lines))),
    meanLines: round(mean(rows.map((r) => r.lines))),
    withinGoal: rows.filter((r) => r.readerGap <= GOAL_GAP && r.lines <= GOAL_LINES).length,
    notMeasured: failed,
  };
  results.set("frameworks", ["vue"], summary);
  const svelte = rows.map((r) => r.svelte);
  const svelteSummary = {
    frames: rows.length,
    maxReaderGap: round(Math.max(0, ...svelte.map((r) => r.readerGap))),
    maxIouGap: round(Math.max(0, ...svelte.map((r) => r.iouGap))),
    maxLines: round(Math.max(0, ...svelte.map((r) => r.lines))),
    meanLines: round(mean(svelte.map((r) => r.lines))),
    inlineStyles: svelte.reduce((n, r) => n + r.inlineStyles, 0),
    withinGoal: svelte.filter((r) => r.readerGap <= GOAL_GAP && r.lines <= GOAL_LINES && r.inlineStyles === 0).length,
  };
  results.set("frameworks", ["svelte"], svelteSummary);
  const angularSummary = summaryOf(rows.map((r) => r.angular));
  results.set("frameworks", ["angular"], angularSummary);
  const nativeSummary = summaryOf(rows.map((r) => r.native));
  results.set("frameworks", ["react-native"], nativeSummary);
  results.print(`\n## frameworks: each target against React on every fixture and real frame\n`);
  results.print(
    `${rows.length} frames; score = IoU×matched at the design width; reader gap = the largest difference in the ` +
      `text a reader sees at 390, 768, the design width and 1920 (goal ≤ ${GOAL_GAP}); lines = the target's ` +
      `lines of code / React's (goal ≤ ${GOAL_LINES}). Vue: ${summary.withinGoal} of ${rows.length} within both ` +
      `goals; reader gap max ${summary.maxReaderGap}, mean ${summary.meanReaderGap}; IoU×matched gap max ` +
      `${summary.maxIouGap}; lines max ${summary.maxLines}×, mean ${summary.meanLines}×. Svelte: ` +
      `${svelteSummary.withinGoal} of ${rows.length} within the goals (and no inline style); reader gap max ` +
      `${svelteSummary.maxReaderGap}; IoU×matched gap max ${svelteSummary.maxIouGap}; lines max ` +
      `${svelteSummary.maxLines}×, mean ${svelteSummary.meanLines}×; inline styles ${svelteSummary.inlineStyles}. ` +
      `Angular: ${angularSummary.withinGoal} of ${rows.length} within the goals; reader gap max ` +
      `${angularSummary.maxReaderGap}; IoU×matched gap max ${angularSummary.maxIouGap}; lines max ` +
      `${angularSummary.maxLines}×, mean ${angularSummary.meanLines}×; inline styles ${angularSummary.inlineStyles}. ` +
      `React Native (through react-native-web): ${nativeSummary.withinGoal} of ${rows.length} within the goals; ` +
      `reader gap max ${nativeSummary.maxReaderGap}; IoU×matched gap max ${nativeSummary.maxIouGap}; lines max ` +
      `${nativeSummary.maxLines}×, mean ${nativeSummary.meanLines}×; inline styles ${nativeSummary.inlineStyles}.\n`,
  );
  results.print(
    [
      "| frame | score(React) | score(Vue) | reader gap | IoU gap | lines Vue/React | " +
        "Svelte | Angular | React Native |",
      "|---|---:|---:|---:|---:|---:|---|---|---|",
      ...rows.map(
        (r) =>
          `| ${r.frame} | ${r.react.toFixed(3)} | ${r.vue.toFixed(3)} | ${r.readerGap.toFixed(3)} | ` +
          `${r.iouGap.toFixed(3)} | ${r.lines.toFixed(2)} | ${r.svelte.score.toFixed(3)}, gap ` +
          `${r.svelte.readerGap.toFixed(3)}, lines ${r.svelte.lines.toFixed(2)} | ${r.angular.score.toFixed(3)}, gap ` +
          `${r.angular.readerGap.toFixed(3)}, lines ${r.angular.lines.toFixed(2)} | ` +
          `${r.native.score.toFixed(3)}, gap ${r.native.readerGap.toFixed(3)}, IoU gap ` +
          `${r.native.iouGap.toFixed(3)}, lines ${r.native.lines.toFixed(2)} |`,
      ),
    ].join("\n"),
  );
}
