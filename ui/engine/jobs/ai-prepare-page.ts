/**
 * `ai-prepare-page` in the worker: "Design from a prompt"'s request — the brief, and the file's design system as data
 * (every local variable of the file, with the ones the selected frames use, as a Tailwind theme; the fonts the frames
 * and the file use), bounded — and its estimate. Nothing is sent; no SDK.
 */
import { estimate, loadTokenizer } from "../../../ai/estimate/estimate.js";
import { systemInstructions, userTexts, type PromptInput } from "../../../ai/code/prompt.js";
import { designSystemText, PAGE_WIDTH } from "../../../ai/code/page.js";
import { FILES_SCHEMA } from "../../../ai/code/schema.js";
import { loadDesign } from "../../../codegen/index.js";
import { fontPlan } from "../../../codegen/fonts/plan.js";
import { documentTokensCss } from "../../../codegen/tokens/index.js";
import { variablesThemeCss } from "../../../codegen/tokens/file-theme.js";
import type { DesignVariables } from "../../../codegen/design/extras.js";
import { MAX_FILE_FONTS, MAX_THEME_TOKENS } from "../../../contract/limits.js";
import { asNodesReply, type ReplyOf, type RequestOf } from "../protocol/index.js";

/**
 * What a designed page's answer weighs, in tokens: a landing page of Tailwind HTML with inline SVG icons is 3–6 k
 * tokens of JSON-escaped markup; the middle stands in for it (there is no offline output to measure, as for a frame).
 */
export const PAGE_ANSWER_TOKENS = 4500;

/** Most characters of the theme sent: its first block alone past this (the other modes' blocks are left out). */
export const MAX_THEME_CHARS = 24_000;

/** The file's variables with the ones the selection's export brought (a library's, which are not local). */
function merged(
  file: DesignVariables | undefined,
  selection: DesignVariables | undefined,
): DesignVariables | undefined {
  if (!file) return undefined;
  return {
    variables: { ...selection?.variables, ...file.variables },
    variableCollections: { ...selection?.variableCollections, ...file.variableCollections },
  };
}

/** `css` within MAX_THEME_CHARS: whole, else its first block (the default mode's tokens), else nothing. */
function bounded(css: string): string {
  if (css.length <= MAX_THEME_CHARS) return css;
  const end = css.indexOf("\n}\n");
  const first = end >= 0 ? css.slice(0, end + 3) : "";
  return first.length <= MAX_THEME_CHARS ? first : "";
}

export async function preparePage(request: RequestOf<"ai-prepare-page">): Promise<ReplyOf<"ai-prepare-page">> {
  const tokenizer = loadTokenizer();
  const exports = request.exports ?? [];
  const design = exports.length > 0 ? loadDesign(asNodesReply(exports), [], request.extras ?? {}) : undefined;
  const fonts = design ? fontPlan(design.document.frames) : undefined;
  // The selected frames' fonts first (what the design shows), then the file's, most used first.
  const families = [
    ...(fonts ? [...fonts.served, ...fonts.unserved].map((f) => f.family) : []),
    ...(request.file?.fonts ?? []),
  ];
  const variables = merged(request.file?.variables, request.extras?.variables);
  const fileTheme = variables ? variablesThemeCss(variables, "tailwind", MAX_THEME_TOKENS) : "";
  const theme = bounded(fileTheme || (design ? documentTokensCss(design.document, "tailwind") : ""));
  const input: PromptInput = {
    target: "html",
    styling: "tailwind",
    hint: "",
    instructions: request.prompt.trim(),
    page: { designSystem: designSystemText(theme, [...new Set(families)].slice(0, MAX_FILE_FONTS)), width: PAGE_WIDTH },
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
