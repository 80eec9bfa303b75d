/**
 * The score of one frame's code (codegen/fidelity/score.ts) measured in headless Chromium: the design width, 390
 * and 768 px (or the `widths` given: the design width is always measured, 0 stands for it), one page load each.
 * `figment code --score`, the verify round and the tests use it; the panel measures the same way in its preview
 * iframe with the same probes.
 */
import type { SourceFile } from "../codegen/types.js";
import { designTexts, designViewport, type RestNode } from "../codegen/fidelity/design-nodes.js";
import { widthsFor, type TextSample, type WidthFigures } from "../codegen/fidelity/responsive.js";
import { fidelityScore } from "../codegen/fidelity/score.js";
import type { FidelityScore } from "../codegen/fidelity/types.js";
import { inOneContext, withPage, type PageOptions, type PageHost } from "./browser.js";
import { fidelityOnPage } from "./fidelity.js";
import { widthOnPage } from "./responsive-page.js";
import { resultPage } from "./result-page.js";

/** What is scored: a frame, its code's files and page; `widths` replaces the default 390 and 768 (0: the design width). */
export interface ScoreInput {
  frame: RestNode;
  files: SourceFile[];
  entry: string;
  page?: PageOptions;
  widths?: readonly number[];
}

export function scoreFrame(host: PageHost, input: ScoreInput): Promise<FidelityScore> {
  return inOneContext(host, (browser) => scoreInContext(browser, input));
}

async function scoreInContext(browser: PageHost, input: ScoreInput): Promise<FidelityScore> {
  const { frame, files, entry } = input;
  const design = designViewport(frame);
  const texts = designTexts(frame);
  const widths: { figures: WidthFigures; samples: TextSample[] }[] = [];
  for (const width of widthsFor(design.width, input.widths).filter((w) => w !== design.width)) {
    widths.push(await withPage(browser, files, entry, { width, height: design.height }, (page) => widthOnPage(page, width, texts), input.page));
  }
  const fidelity = await withPage(browser, files, entry, design, async (page) => {
    widths.push(await widthOnPage(page, design.width, texts));
    return fidelityOnPage(page, frame);
  }, input.page);
  return fidelityScore(frame, fidelity, widths);
}

/** scoreFrame of a frame's code in either target, on the page the panel shows (cli/result-page.ts). */
export async function scoreCode(
  browser: PageHost,
  input: { frame: RestNode; files: SourceFile[]; target: "react" | "html"; page?: PageOptions; widths?: readonly number[] },
): Promise<FidelityScore> {
  return scoreFrame(browser, { frame: input.frame, ...(await resultPage(input.files, input.target)), ...(input.page ? { page: input.page } : {}), ...(input.widths ? { widths: input.widths } : {}) });
}
