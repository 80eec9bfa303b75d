/**
 * A split page's refinement and correction round (issue 74): the page was written in one conversation per section,
 * none of which holds the whole page, so each starts a new conversation with the assembled page (whole-page-prompt.ts):
 * its files, the frame's picture and the instructions. The page's request input gives what the answer is checked with
 * (target, styling, assets, fonts, components, decisions); the hint stays out (the files say what it said).
 */
import type { SourceFile } from "../../../codegen/types.js";
import type { PromptInput, RefinementImage } from "../prompt.js";
import { pageTextFiles } from "../whole-page-prompt.js";

/**
 * The request that changes the page's `files` as `instructions` say; `images`: pictures after the design's (a
 * correction round's page as rendered; the design's own picture is the page's and is not sent twice).
 */
export function wholePageInput(
  page: PromptInput,
  files: readonly SourceFile[],
  instructions: string,
  images: readonly RefinementImage[] = [],
): PromptInput {
  const more = images.filter((i) => i.url !== page.imageDataUrl);
  return {
    target: page.target,
    styling: page.styling,
    hint: "",
    instructions,
    // The asset files go as the page's assets (listed, re-added to the answer), not twice.
    wholePage: { files: pageTextFiles(files, page.assets), ...(more.length > 0 ? { images: more } : {}) },
    ...(page.imageDataUrl ? { imageDataUrl: page.imageDataUrl, detail: page.detail ?? "high" } : {}),
    ...(page.nodeIds ? { nodeIds: true } : {}),
    ...(page.assets ? { assets: page.assets } : {}),
    ...(page.fonts ? { fonts: page.fonts } : {}),
    ...(page.components ? { components: page.components } : {}),
    ...(page.componentMap ? { componentMap: page.componentMap } : {}),
    ...(page.decisions ? { decisions: page.decisions } : {}),
  };
}
