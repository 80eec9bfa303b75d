/**
 * `figment code --score`: each frame's code rendered in Chromium after it is written, and how closely it matches
 * the design, in the words the panel uses (codegen/fidelity/summary.ts). Each frame is measured on its own page
 * (the frame's code alone, generated with the same options and with layer ids, which the measurement finds
 * layers by), as `figment fidelity` does. A page drawn at several widths is measured at each drawn width against that
 * drawing's own frame (codegen/fidelity/drawings.ts).
 */
import type { Browser } from "playwright-core";
import { generateCode, type CodeOptions, type DesignDocument, type DesignNode } from "../../codegen/index.js";
import type { RestNode } from "../../codegen/fidelity/design-nodes.js";
import { fontWords, scoreSummary, widthLabel } from "../../codegen/fidelity/summary.js";
import {
  asDrawing,
  drawingLabel,
  drawingsSummary,
  layerIdsOf,
  pageScore,
  widthsPerDrawing,
} from "../../codegen/fidelity/drawings.js";
import { pageDrawings } from "../../codegen/design/drawings.js";
import { pageName } from "../../codegen/hint/pages.js";
import type { PageHost } from "../measure/browser.js";
import type { ScoreInput } from "../measure/score.js";
import { layerWords, shiftWords, textLine, uniformShift } from "../../codegen/fidelity/report-words.js";
import type { FidelityScore } from "../../codegen/fidelity/types.js";
import type { SourceFile } from "../../codegen/types.js";
import type { Target } from "../../codegen/targets.js";
import { chromiumAvailable, chromiumPath } from "../measure/browser.js";
import type { LayoutBrowser } from "../measure/layout-check.js";
import type { Output } from "../common/design-files.js";
import { FigmentError } from "../../kernel/errors.js";

/** How many of the layers furthest off the plain output lists per frame (--json has them all). */
const LISTED = 5;

/** Refused before anything is written: --score without a browser to render in. */
export function requireChromium(): void {
  if (!chromiumAvailable())
    throw new FigmentError(
      "input",
      `--score renders the code in Chromium, which is not at ${chromiumPath()}: ` +
        `install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH`,
    );
}

/** Each frame's score, frames in the document's order (roots[i] is frames[i]'s REST node). */
export async function scoreDocument(
  document: DesignDocument,
  roots: readonly RestNode[],
  options: CodeOptions,
  shared?: LayoutBrowser,
): Promise<FidelityScore[]> {
  const { launchChromium } = await import("../measure/browser.js");
  const browser: Browser = shared ? await shared.get() : await launchChromium();
  try {
    const scores: FidelityScore[] = [];
    for (const [i, frame] of document.frames.entries()) {
      const root = roots.find((r) => r.id === frame.id) ?? roots[i];
      if (!root) continue;
      const code = await generateCode({ ...document, frames: [frame] }, { ...options, nodeIds: true });
      const drawings = pageDrawings(document, frame).flatMap((design) => {
        const rest = design === frame ? root : roots.find((r) => r.id === design.id);
        return rest ? [{ frame: rest, design }] : [];
      });
      scores.push(await scoreDrawings(browser, drawings, code.files, options.target));
    }
    return scores;
  } finally {
    if (!shared) await browser.close();
  }
}

/**
 * A page's score: its files measured against each drawing's frame at its drawn width, and at the other widths against
 * the drawing that applies there (one drawing: the frame's score as always).
 */
export async function scoreDrawings(
  browser: PageHost,
  drawings: readonly { frame: RestNode; design?: DesignNode }[],
  files: SourceFile[],
  target: Target,
  more: {
    widths?: readonly number[];
    entry?: string;
    signal?: AbortSignal;
    onStep?: ScoreInput["onStep"];
  } = {},
): Promise<FidelityScore> {
  const { scoreCode } = await import("../measure/score.js");
  const widths =
    drawings.length > 1
      ? widthsPerDrawing(
          drawings.map((d) => d.frame.absoluteBoundingBox?.width ?? 0),
          more.widths,
        )
      : undefined;
  const scores: FidelityScore[] = [];
  for (const [k, { frame, design }] of drawings.entries())
    scores.push(
      await scoreCode(browser, {
        frame,
        files: widths ? asDrawing(files, layerIdsOf(frame)) : files,
        target,
        ...(design ? { design } : {}),
        ...(widths ? { widths: widths[k]! } : more.widths ? { widths: more.widths } : {}),
        ...(more.entry !== undefined ? { entry: more.entry } : {}),
        ...(more.signal ? { signal: more.signal } : {}),
        ...(more.onStep ? { onStep: more.onStep } : {}),
      }),
    );
  return pageScore(scores);
}

/** One frame's score of files already made (the model's answer), on the page the panel shows. */
export async function scoreFiles(
  frame: RestNode,
  files: SourceFile[],
  target: Target,
  design?: DesignNode,
  /** A page drawn at several widths: its other drawings, widest first (measured each against its own frame). */
  drawings: readonly { frame: RestNode; design?: DesignNode }[] = [],
): Promise<FidelityScore> {
  const { launchChromium } = await import("../measure/browser.js");
  const browser = await launchChromium();
  try {
    return await scoreDrawings(browser, [{ frame, ...(design ? { design } : {}) }, ...drawings], files, target);
  } finally {
    await browser.close();
  }
}

/**
 * The plain report: the summary line per frame, then the layers furthest off, then per width the texts not seen. A
 * page drawn at several widths: one line with each drawing's figure, then each drawing's report, indented.
 */
export function printScores(scores: readonly FidelityScore[], io: Output): void {
  for (const score of scores) {
    if (!score.drawings) {
      printScore(score, io, `${score.frameName} (${score.frameId}): `, "  ");
      continue;
    }
    io.out(
      `${pageName(score.drawings.map((d) => ({ name: d.frameName })))} (${score.frameId}): ` +
        drawingsSummary(score.drawings),
    );
    for (const drawing of score.drawings)
      printScore(
        drawing,
        io,
        `  ${drawingLabel(drawing.designWidth)}, ${drawing.frameName} (${drawing.frameId}): `,
        "    ",
      );
  }
}

function printScore(score: FidelityScore, io: Output, head: string, indent: string): void {
  io.out(`${head}${scoreSummary(score)}`);
  const fonts = fontWords(score);
  if (fonts) io.out(`${indent}${fonts}`);
  // Everything below one point moved by one distance: said once, not layer by layer.
  const shift = uniformShift(score.worst);
  if (shift) io.out(`${indent}${shiftWords(shift)}`);
  const worst = shift ? score.worst.filter((d) => !shift.layers.includes(d)) : score.worst;
  for (const diff of worst.slice(0, LISTED)) io.out(`${indent}${layerWords(diff)}`);
  if (worst.length > LISTED) io.out(`${indent}… ${worst.length - LISTED} more (--json lists them)`);
  for (const w of score.widths) {
    if (w.hiddenTexts.length === 0) continue;
    io.out(`${indent}${widthLabel(w.width, score.designWidth)}:`);
    for (const t of w.hiddenTexts.slice(0, LISTED)) io.out(`${indent}  ${textLine(t)}`);
    if (w.hiddenTexts.length > LISTED) io.out(`${indent}  … ${w.hiddenTexts.length - LISTED} more (--json lists them)`);
  }
}
