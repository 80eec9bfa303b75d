/**
 * The figures that compare a target's output with React's for one frame (issue 54): how far apart their scores are,
 * and how many lines of code each writes. The `frameworks` bench section and cli/measure/score-vue.test.ts use them.
 */
import type { FidelityScore } from "../../codegen/fidelity/types.js";
import type { SourceFile } from "../../codegen/types.js";

/** Files that count as code: scripts, components, stylesheets, pages (no declarations, assets or images). */
const CODE = /\.(?:tsx?|jsx?|vue|svelte|css|html)$/;

/** Lines of code a target wrote (its declaration files and assets aside). */
export function codeLines(files: readonly SourceFile[]): number {
  let lines = 0;
  for (const f of files)
    if (!f.bytes && CODE.test(f.path) && !f.path.endsWith(".d.ts")) lines += f.content.trimEnd().split("\n").length;
  return lines;
}

/**
 * The largest difference between two scores of a frame in what a reader sees (the share of the design's text
 * visible) at each width measured: 390, 768, the design width, 1920.
 */
export function scoreGap(a: FidelityScore, b: FidelityScore): number {
  let gap = 0;
  for (const w of a.widths) {
    const other = b.widths.find((x) => x.width === w.width);
    gap = Math.max(gap, other ? Math.abs(w.textVisible - other.textVisible) : 1);
  }
  return gap;
}

/** The difference of IoU×matched at the design width. */
export function iouGap(a: FidelityScore, b: FidelityScore): number {
  return Math.abs(a.iouMatched - b.iouMatched);
}
