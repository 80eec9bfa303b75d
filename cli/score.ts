/**
 * The score of one frame's code (codegen/fidelity/score.ts) measured in headless Chromium: the design width, 390
 * and 768 px, one page load each. `figment code --score`, the verify round and the tests use it; the panel measures
 * the same way in its preview iframe with the same probes.
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildReactPreview } from "../codegen/preview/react-preview.js";
import type { SourceFile } from "../codegen/types.js";
import { designTexts, designViewport, type RestNode } from "../codegen/fidelity/design-nodes.js";
import { widthsFor, type TextSample, type WidthFigures } from "../codegen/fidelity/responsive.js";
import { fidelityScore } from "../codegen/fidelity/score.js";
import type { FidelityScore } from "../codegen/fidelity/types.js";
import { withPage, type PageOptions, type PageHost } from "./browser.js";
import { fidelityOnPage } from "./fidelity.js";
import { widthOnPage } from "./responsive-page.js";

export async function scoreFrame(browser: PageHost, input: { frame: RestNode; files: SourceFile[]; entry: string; page?: PageOptions }): Promise<FidelityScore> {
  const { frame, files, entry } = input;
  const design = designViewport(frame);
  const texts = designTexts(frame);
  const widths: { figures: WidthFigures; samples: TextSample[] }[] = [];
  for (const width of widthsFor(design.width).filter((w) => w !== design.width)) {
    widths.push(await withPage(browser, files, entry, { width, height: design.height }, (page) => widthOnPage(page, width, texts), input.page));
  }
  const fidelity = await withPage(browser, files, entry, design, async (page) => {
    widths.push(await widthOnPage(page, design.width, texts));
    return fidelityOnPage(page, frame);
  }, input.page);
  return fidelityScore(frame, fidelity, widths);
}

/** Where dist/preview-runtime.js is: beside the bundled CLI (dist/cli.js), or under dist/ from the sources. */
function previewRuntimeScript(): string {
  for (const candidate of ["./preview-runtime.js", "../dist/preview-runtime.js"]) {
    const path = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(path)) return readFileSync(path, "utf8");
  }
  throw new Error("the React preview's runtime (dist/preview-runtime.js) is missing: run `npm run build`");
}

/**
 * The page a frame's code is measured on: HTML as written (its index.html); React the way the panel previews it
 * (codegen/preview/react-preview.ts: the project's own files run by the preview runtime), as one page.
 */
export function scorePage(files: SourceFile[], target: "react" | "html"): { files: SourceFile[]; entry: string } {
  if (target === "html") return { files, entry: "index.html" };
  return { files: [{ path: "preview.html", content: buildReactPreview(files, previewRuntimeScript()).html }], entry: "preview.html" };
}

/** scoreFrame of a frame's code in either target. */
export function scoreCode(browser: PageHost, input: { frame: RestNode; files: SourceFile[]; target: "react" | "html"; page?: PageOptions }): Promise<FidelityScore> {
  return scoreFrame(browser, { frame: input.frame, ...scorePage(input.files, input.target), ...(input.page ? { page: input.page } : {}) });
}
