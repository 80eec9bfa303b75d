/**
 * The Code panel's score of a page, measured as the panel measures it (ui/code/score/measure.ts bundled into a test
 * page: the offscreen sandboxed iframe, its probes answering by postMessage), for comparing with the CLI's
 * (cli/measure/score.ts). Used by ui/code/score/measure.browser.test.ts and the bench's score-cli section, which checks
 * every fixture frame.
 */
import { join } from "node:path";
import { build } from "esbuild";
import type { Page } from "playwright-core";
import { withPage, type PageHost } from "../../cli/measure/browser.js";
import type { RestNode } from "../../codegen/fidelity/design-nodes.js";
import type { FidelityScore } from "../../codegen/fidelity/types.js";

/** The largest difference between the panel's figures and the CLI's the tests and the bench allow. */
export const SCORE_TOLERANCE = 0.01;

/**
 * measure.ts bundled for the test page, as window.figmentMeasure (measureScore) and window.figmentMeasurePage
 * (measurePage).
 */
async function bundle(root: string): Promise<string> {
  const result = await build({
    stdin: {
      contents:
        `import { measurePage, measureScore } from "./measure.js"; ` +
        `window.figmentMeasure = measureScore; window.figmentMeasurePage = measurePage;`,
      resolveDir: join(root, "ui/code/score"),
      loader: "ts",
    },
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2020",
    minify: true,
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}

/**
 * Runs `fn` with a page that measures as the panel does (`panelScore`); `root` is the repository's (the bench, bundled
 * into dist/, passes its own: this module imports nothing that reads the fixtures when loaded).
 */
export async function withScorePage<T>(host: PageHost, root: string, fn: (page: Page) => Promise<T>): Promise<T> {
  const script = await bundle(root);
  return withPage(
    host,
    [{ path: "index.html", content: `<!doctype html><meta charset="utf-8"><body><script>${script}</script></body>` }],
    "index.html",
    { width: 420, height: 600 },
    fn,
  );
}

/** The panel's score of `html` (a preview document) for `frame`, measured in a page of withScorePage. */
export const panelScore = (page: Page, frame: RestNode, html: string): Promise<FidelityScore> =>
  page.evaluate(
    ({ frame, html }) =>
      (globalThis as unknown as { figmentMeasure(input: unknown): Promise<FidelityScore> }).figmentMeasure({
        frame,
        html,
      }),
    { frame, html },
  );

/** How the panel's score differs from the CLI's beyond SCORE_TOLERANCE, in words; empty when they agree. */
export function scoreDifferences(panel: FidelityScore, cli: FidelityScore): string[] {
  const out: string[] = [];
  if (Math.abs(panel.iouMatched - cli.iouMatched) > SCORE_TOLERANCE)
    out.push(`IoU×matched ${panel.iouMatched} vs ${cli.iouMatched}`);
  if (panel.widths.map((w) => w.width).join() !== cli.widths.map((w) => w.width).join())
    out.push(`widths ${panel.widths.map((w) => w.width).join()} vs ${cli.widths.map((w) => w.width).join()}`);
  panel.widths.forEach((w, i) => {
    const c = cli.widths[i];
    if (!c) return;
    if (Math.abs(w.textVisible - c.textVisible) > SCORE_TOLERANCE)
      out.push(`at ${w.width}: text visible ${w.textVisible} vs ${c.textVisible}`);
    if (w.overflow !== c.overflow) out.push(`at ${w.width}: overflow ${w.overflow} vs ${c.overflow}`);
  });
  return out;
}

/** The largest difference of IoU×matched and text visible between the two scores. */
export function largestDifference(panel: FidelityScore, cli: FidelityScore): number {
  const texts = panel.widths.map((w, i) => Math.abs(w.textVisible - (cli.widths[i]?.textVisible ?? w.textVisible)));
  return Math.max(Math.abs(panel.iouMatched - cli.iouMatched), ...texts);
}
