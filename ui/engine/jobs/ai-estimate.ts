/**
 * `ai-estimate` in the worker: a prepared request input's estimate as it will be sent (a split page's whole-page
 * refinement or correction round, ai/code/sections/refine.ts): its texts, its pictures at their own size, and an
 * answer as long as the page's files (the most it writes: it answers the files it changes). Nothing is sent; no SDK.
 */
import { countTextTokens, estimatePrompt, loadTokenizer, pngSize } from "../../../ai/estimate/estimate.js";
import { pageTextFiles } from "../../../ai/code/whole-page-prompt.js";
import { base64ToBytes } from "../../../kernel/base64.js";
import type { ReplyOf, RequestOf } from "../protocol/index.js";

/** A PNG data URL's size, from its header. */
function urlSize(url: string | undefined): { width: number; height: number } | undefined {
  const header = url && /^data:image\/png;base64,([A-Za-z0-9+/]{32})/.exec(url);
  return header ? pngSize(base64ToBytes(header[1]!)) : undefined;
}

export async function estimateInput(request: RequestOf<"ai-estimate">): Promise<ReplyOf<"ai-estimate">> {
  await loadTokenizer();
  const { input } = request;
  const files = input.wholePage ? pageTextFiles(input.wholePage.files, input.assets) : [];
  const estimate = estimatePrompt(input, urlSize(input.imageDataUrl), {
    model: request.model,
    outputTokens: files.reduce((sum, f) => sum + countTextTokens(f.content), 0),
    ...(request.prices ? { prices: request.prices } : {}),
  });
  return { estimate };
}
