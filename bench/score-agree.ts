/**
 * Bench section "score-agree" (issue 36): one score, whoever measures and whatever ships.
 * - The real panel (dist/code.js on the figma simulator, dist/ui.html: Generate, the score read back from History)
 *   against `figment code --score` on the same inputs (the SVGs the plugin exported, served to --file-key), on every
 *   fixture frame: IoU×matched and the text seen at every width within 0.01.
 * - Each fixture frame's code in HTML, React with CSS modules and React with Tailwind (compiled), scored by the CLI:
 *   React = HTML and Tailwind = CSS modules within 0.02.
 * - The time to score a 150-layer page (the corpus' largest, sb-agency) at four widths: goal ≤ 1.5 s.
 * The section fails when two scores disagree beyond their tolerance.
 *   BENCH_ONLY=score-agree npm run bench
 */
import { inOneContext } from "../cli/measure/browser.js";
import { scoreCode } from "../cli/measure/score.js";
import type { RestNode } from "../codegen/fidelity/design-nodes.js";
import type { FidelityScore } from "../codegen/fidelity/types.js";
import { generateCode, loadDesign, type CodeOptions } from "../codegen/index.js";
import { panelCliScores, PANEL_CLI_TOLERANCE } from "../test/helpers/panel-cli-score.js";
import { serveGoogleFonts } from "../test/helpers/google-fonts.js";
import type { EvalFile } from "./fixtures.js";
import { repoRoot } from "./plugin-util.js";
import { QUICK, quickSample, withBenchBrowser } from "./quick.js";
import { round, timing, type BenchResults } from "./results.js";
import { fmtMs } from "./timing.js";
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** React = HTML and Tailwind = CSS modules within this (issue 36). */
const TARGET_TOLERANCE = 0.02;
const SCORE_150_GOAL_MS = 1500;
const TARGETS = {
  html: { target: "html", styling: "css-modules", nodeIds: true },
  react: { target: "react", styling: "css-modules", nodeIds: true },
  tailwind: { target: "react", styling: "tailwind", nodeIds: true },
} as const satisfies Record<string, CodeOptions>;

/** The largest difference of IoU×matched or text seen between two scores of one frame. */
function largest(a: FidelityScore, b: FidelityScore): number {
  let out = Math.abs(a.iouMatched - b.iouMatched);
  a.widths.forEach((w, i) => {
    const v = b.widths[i];
    out = Math.max(out, v && v.width === w.width ? Math.abs(w.textVisible - v.textVisible) : 1);
  });
  return out;
}

interface Frame {
  file: EvalFile;
  root: RestNode;
}

export async function scoreAgreeSection(files: EvalFile[], results: BenchResults): Promise<void> {
  const frames: Frame[] = files.flatMap((file) =>
    loadDesign(JSON.parse(file.text)).roots.map((root) => ({ file, root: root as unknown as RestNode })),
  );
  const sample = QUICK ? frames.filter((f) => f.root.id === "101:3") : frames;
  const failures: string[] = [];

  // 1. The real panel against the CLI.
  const panelRows: { file: string; id: string; name: string; panel: number; cli: number; difference: number }[] = [];
  await withBenchBrowser(async (host) =>
    inOneContext(host, async (context) => {
      for (const { file, root } of sample) {
        const { panel, cli } = await panelCliScores(context, { fixture: file.name, frame: root.id, root: repoRoot() });
        const difference = largest(panel, cli);
        panelRows.push({
          file: file.name,
          id: root.id,
          name: root.name,
          panel: panel.iouMatched,
          cli: cli.iouMatched,
          difference,
        });
        if (difference > PANEL_CLI_TOLERANCE)
          failures.push(`panel vs CLI: ${file.name} ${root.id} ${root.name}: ${difference.toFixed(4)}`);
      }
    }),
  );

  // 2. The targets against each other, and 3. the time of a 150-layer page at four widths.
  const targetRows: {
    file: string;
    id: string;
    name: string;
    html: number;
    react: number;
    tailwind: number;
    reactVsHtml: number;
    tailwindVsCss: number;
  }[] = [];
  const sb: number[] = [];
  let sbLayers = 0;
  await withBenchBrowser(async (host) =>
    inOneContext(host, async (context) => {
      for (const { file, root } of QUICK ? quickSample(sample) : sample) {
        const design = loadDesign({ document: root }, []).document;
        const scores: Record<keyof typeof TARGETS, FidelityScore> = {} as Record<keyof typeof TARGETS, FidelityScore>;
        for (const [key, options] of Object.entries(TARGETS) as [keyof typeof TARGETS, CodeOptions][]) {
          const code = await generateCode(design, options);
          scores[key] = await scoreCode(context, { frame: root, files: code.files, target: options.target });
        }
        const reactVsHtml = largest(scores.react, scores.html);
        const tailwindVsCss = largest(scores.tailwind, scores.react);
        targetRows.push({
          file: file.name,
          id: root.id,
          name: root.name,
          html: scores.html.iouMatched,
          react: scores.react.iouMatched,
          tailwind: scores.tailwind.iouMatched,
          reactVsHtml,
          tailwindVsCss,
        });
        if (reactVsHtml > TARGET_TOLERANCE)
          failures.push(`React vs HTML: ${file.name} ${root.id} ${root.name}: ${reactVsHtml.toFixed(4)}`);
        if (tailwindVsCss > TARGET_TOLERANCE)
          failures.push(`Tailwind vs CSS modules: ${file.name} ${root.id} ${root.name}: ${tailwindVsCss.toFixed(4)}`);
      }
      // The corpus' largest page, its HTML scored at 390, 768, 1440 and 1920 (fonts served locally, as users have
      // them).
      const page = JSON.parse(
        readFileSync(join(repoRoot(), "test/fixtures/corpus/sb-agency.nodes.json"), "utf8"),
      ) as unknown;
      const loaded = loadDesign(page);
      const frame = loaded.roots[0] as unknown as RestNode;
      const code = await generateCode(loaded.document, TARGETS.html);
      sbLayers = countLayers(frame);
      for (let i = 0; i < (QUICK ? 1 : 6); i++) {
        const started = performance.now();
        await scoreCode(context, { frame, files: code.files, target: "html", page: { serve: serveGoogleFonts } });
        // The first run starts the context's renderer: left out of the timing.
        if (i > 0 || QUICK) sb.push(performance.now() - started);
      }
    }),
  );

  const worstPanel = Math.max(0, ...panelRows.map((r) => r.difference));
  const worstReact = Math.max(0, ...targetRows.map((r) => r.reactVsHtml));
  const worstTailwind = Math.max(0, ...targetRows.map((r) => r.tailwindVsCss));
  const sbTime = timing(sb);
  results.set("score-agree", ["panelVsCli"], {
    frames: panelRows.length,
    largestDifference: round(worstPanel),
    tolerance: PANEL_CLI_TOLERANCE,
    rows: panelRows.map((r) => ({ ...r, panel: round(r.panel), cli: round(r.cli), difference: round(r.difference) })),
  });
  results.set("score-agree", ["targets"], {
    frames: targetRows.length,
    reactVsHtml: round(worstReact),
    tailwindVsCssModules: round(worstTailwind),
    tolerance: TARGET_TOLERANCE,
    rows: targetRows.map((r) => ({
      ...r,
      html: round(r.html),
      react: round(r.react),
      tailwind: round(r.tailwind),
      reactVsHtml: round(r.reactVsHtml),
      tailwindVsCss: round(r.tailwindVsCss),
    })),
  });
  results.set("score-agree", ["score150"], {
    page: "sb-agency",
    layers: sbLayers,
    widths: 4,
    time: sbTime,
    goalMs: SCORE_150_GOAL_MS,
    met: (sbTime?.medianMs ?? Infinity) <= SCORE_150_GOAL_MS,
  });

  results.print(`\n## score-agree: one score, whoever measures and whatever ships\n`);
  results.print(
    `The real panel (dist/ on the figma simulator; the score read back from History) against ` +
      `\`figment code --score\` given the same SVGs (--file-key, the Figma-REST test server), ` +
      `on ${panelRows.length} fixture frames: largest difference of IoU×matched or text ` +
      `seen at any width **${worstPanel.toFixed(4)}** (tolerance ${PANEL_CLI_TOLERANCE}). ` +
      `The same ${targetRows.length} frames in HTML, React + CSS modules and React + Tailwind ` +
      `(compiled), scored by the CLI: React vs HTML largest difference **${worstReact.toFixed(4)}**, ` +
      `Tailwind vs CSS modules **${worstTailwind.toFixed(4)}** (tolerance ${TARGET_TOLERANCE}). ` +
      `Scoring sb-agency (${sbLayers} layers) at 390, 768, 1440 and 1920 px: median ` +
      `**${fmtMs(sbTime?.medianMs ?? NaN)} ms** (${sb.length} runs; goal ≤ ${SCORE_150_GOAL_MS} ` +
      `ms: ${(sbTime?.medianMs ?? Infinity) <= SCORE_150_GOAL_MS ? "met" : "NOT met"}).\n`,
  );
  const off = panelRows.filter((r) => r.difference > 0.001);
  if (off.length > 0)
    results.print(
      [
        "| file | frame | panel | CLI | largest difference |",
        "| --- | --- | ---: | ---: | ---: |",
        ...off.map(
          (r) =>
            `| ${r.file} | ${r.name} (${r.id}) | ${r.panel.toFixed(4)} ` +
            `| ${r.cli.toFixed(4)} | ${r.difference.toFixed(4)} |`,
        ),
      ].join("\n"),
    );
  if (failures.length > 0)
    throw new Error(`score-agree: scores disagree beyond their tolerance:\n${failures.join("\n")}`);
}

function countLayers(node: RestNode): number {
  return 1 + (node.children ?? []).reduce((n, c) => n + countLayers(c), 0);
}
