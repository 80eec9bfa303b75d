/**
 * `ai-prepare-page` in the worker: "Design from a prompt"'s request — the brief, and the file's design system (the
 * selected frames' variables as a Tailwind theme, their fonts) as data — and its estimate. Nothing is sent; no SDK.
 */
import { estimate, loadTokenizer } from "../../../ai/estimate/estimate.js";
import { systemInstructions, userTexts, type PromptInput } from "../../../ai/code/prompt.js";
import { designSystemText, PAGE_WIDTH } from "../../../ai/code/page.js";
import { FILES_SCHEMA } from "../../../ai/code/schema.js";
import { loadDesign } from "../../../codegen/index.js";
import { fontPlan } from "../../../codegen/fonts/plan.js";
import { documentTokensCss } from "../../../codegen/tokens/index.js";
import { asNodesReply, type ReplyOf, type RequestOf } from "../protocol/index.js";

/**
 * What a designed page's answer weighs, in tokens: a landing page of Tailwind HTML with inline SVG icons is 3–6 k
 * tokens of JSON-escaped markup; the middle stands in for it (there is no offline output to measure, as for a frame).
 */
export const PAGE_ANSWER_TOKENS = 4500;

export async function preparePage(request: RequestOf<"ai-prepare-page">): Promise<ReplyOf<"ai-prepare-page">> {
  const tokenizer = loadTokenizer();
  const exports = request.exports ?? [];
  const design = exports.length > 0 ? loadDesign(asNodesReply(exports), [], request.extras ?? {}) : undefined;
  const fonts = design ? fontPlan(design.document.frames) : undefined;
  const families = fonts ? [...fonts.served, ...fonts.unserved].map((f) => f.family) : [];
  const theme = design ? documentTokensCss(design.document, "tailwind") : "";
  const input: PromptInput = {
    target: "html",
    styling: "tailwind",
    hint: "",
    instructions: request.prompt.trim(),
    page: { designSystem: designSystemText(theme, [...new Set(families)]), width: PAGE_WIDTH },
    ...(fonts && fonts.served.length > 0 ? { fonts } : {}),
  };
  await tokenizer;
  const estimated = estimate({
    model: request.model,
    texts: [systemInstructions(input), ...userTexts(input), JSON.stringify(FILES_SCHEMA)],
    outputTokens: PAGE_ANSWER_TOKENS,
    ...(request.prices ? { prices: request.prices } : {}),
  });
  return { input, estimate: estimated };
}

/** The page's design system in tokens, for the panel's card: how much of the request is the file's own. */
