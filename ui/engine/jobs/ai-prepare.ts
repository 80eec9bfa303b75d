/**
 * `ai-prepare` in the worker: the model prompt for one frame (the hint, the PNG, the assets and fonts, the
 * offline draft when asked) and its estimate, the offline output's size standing in for the answer's.
 * Nothing is sent; no SDK here.
 */
import { countTextTokens, estimate, loadTokenizer, pngSize, type Estimate } from "../../../ai/estimate/estimate.js";
import {
  firstImages,
  pngDataUrl,
  systemInstructions,
  userTexts,
  type DrawingInput,
  type PromptInput,
} from "../../../ai/code/prompt.js";
import { pageDrawings, withDrawings } from "../../../codegen/design/drawings.js";
import type { DesignDocument } from "../../../codegen/design/types.js";
import { FILES_SCHEMA } from "../../../ai/code/schema.js";
import { generateCode, loadDesign, modelHint } from "../../../codegen/index.js";
import { modelAssetFiles } from "../../../codegen/emit/assets.js";
import { fontPlan } from "../../../codegen/fonts/plan.js";
import { componentsForModel } from "../../../codegen/components-map/preview.js";
import { usedMappings } from "../../../codegen/components-map/resolve.js";
import { asNodesReply, type ReplyOf, type RequestOf } from "../protocol/index.js";
import { codeOptions } from "./code.js";
import { FigmentError } from "../../../kernel/errors.js";
import { prepareSections } from "./ai-prepare-sections.js";
import { estimateClarify, withClarify } from "../../../ai/estimate/clarify.js";

export async function prepareModelCode(request: RequestOf<"ai-prepare">): Promise<ReplyOf<"ai-prepare">> {
  const target = request.options.target;
  // The model writes React, HTML, Vue or Svelte; Angular and React Native are written offline.
  if (target === "angular" || target === "react-native")
    throw new FigmentError("input", "The model writes React, HTML, Vue or Svelte: choose one of them for AI");
  const tokenizer = loadTokenizer();
  const loaded = loadDesign(asNodesReply(request.exports), [], request.extras ?? {});
  const page = request.drawings ? drawnPage(loaded.document, request) : undefined;
  const design = page ? { ...loaded, document: page.document } : loaded;
  // The document's component mapping: the offline draft uses it, and the model is told which layers are which
  // component.
  const { options } = codeOptions(request.options);
  const offline = await generateCode(design.document, options);
  const components = componentsForModel(design.document, options.components);
  // What the answer is checked against: the mappings the model is told to use (the plugin has no library types).
  const used = usedMappings(design.document, options.components);
  const image = pngSize(page?.png ?? request.png);
  await tokenizer;
  const input: PromptInput = {
    target,
    styling: request.options.styling,
    nodeIds: request.options.nodeIds,
    // A PNG that cannot be read is not sent: the model gets the structure only, and the panel says so.
    ...(image ? { imageDataUrl: pngDataUrl(page?.png ?? request.png), detail: "high" as const } : {}),
    ...(page ? { drawings: page.drawings } : {}),
    // The model sees the layout the offline code uses (the panel always infers flows for absolute screens).
    hint: modelHint(design.document, "responsive", options.layoutDecisions),
    assets: modelAssetFiles(design.document, target),
    fonts: fontPlan(design.document.frames),
    ...(request.draft ? { drafts: offline.files } : {}),
    ...(components ? { components } : {}),
    ...(used.components.length > 0 ? { componentMap: used } : {}),
    ...(request.instructions.trim() ? { instructions: request.instructions.trim() } : {}),
  };
  // The offline output's size stands in for the answer's: the model writes about as much code.
  const outputTokens = offline.files.reduce((sum, file) => sum + countTextTokens(file.content), 0);
  // A page's other drawings' pictures, each counted as the first is.
  const more = (page?.others ?? []).flatMap((png) => {
    const size = pngSize(png);
    return size ? [{ ...size, detail: "high" as const }] : [];
  });
  // A frame too large for one request goes section by section (the Code panel's setting, on by default).
  const split = request.sections
    ? await prepareSections({
        document: design.document,
        input,
        png: request.png,
        image,
        decisions: options.layoutDecisions,
        model: request.model,
        ...(request.prices ? { prices: request.prices } : {}),
        outputTokens,
      })
    : undefined;
  // "Ask me first": its request goes before the code request(s) (the frame's picture and hint) and is counted.
  const clarify = request.clarify
    ? estimateClarify(input, image, { model: request.model, ...(request.prices ? { prices: request.prices } : {}) })
    : undefined;
  const asked = clarify ? { clarify } : {};
  const counted = (code: Estimate): Estimate => (clarify ? withClarify(code, clarify) : code);
  if (split)
    return {
      input,
      estimate: counted(split.estimate),
      ...(image ? { image } : {}),
      sections: split.sections,
      ...asked,
    };
  const labels = firstImages(input).flatMap((i) => (i.label ? [i.label] : []));
  const estimated = estimate({
    model: request.model,
    texts: [systemInstructions(input), ...userTexts(input), ...labels, JSON.stringify(FILES_SCHEMA)],
    ...(image ? { image: { ...image, detail: "high" as const } } : {}),
    ...(more.length > 0 ? { moreImages: more } : {}),
    outputTokens,
    ...(request.prices ? { prices: request.prices } : {}),
  });
  return { input, estimate: counted(estimated), image, ...asked };
}

/**
 * The exported frames made one page drawn at several widths: the document with its drawings, the page's (widest)
 * frame's PNG, the other drawings' PNGs, and the drawings as the prompt names them, each with its picture.
 */
function drawnPage(
  doc: DesignDocument,
  request: RequestOf<"ai-prepare">,
): { document: DesignDocument; png: Uint8Array; others: Uint8Array[]; drawings: DrawingInput[] } {
  const pngs = new Map<string, Uint8Array>(request.drawings?.map((d) => [d.id, d.png]));
  const first = request.exports[0]?.id;
  if (first !== undefined) pngs.set(first, request.png);
  let document: DesignDocument;
  try {
    document = withDrawings(doc, [request.exports.map((e) => e.id)]);
  } catch (error) {
    throw new FigmentError("input", error instanceof Error ? error.message : String(error));
  }
  const frame = document.frames.find((f) => document.drawings?.[f.id]);
  if (!frame) throw new FigmentError("input", "The selected frames draw no page at several widths.");
  const drawn = pageDrawings(document, frame);
  const drawings = drawn.map((d): DrawingInput => {
    const png = pngs.get(d.id);
    return { name: d.name, width: Math.round(d.w), ...(png && pngSize(png) ? { imageDataUrl: pngDataUrl(png) } : {}) };
  });
  const png = pngs.get(frame.id) ?? request.png;
  const others = drawn.slice(1).flatMap((d) => pngs.get(d.id) ?? []);
  return { document, png, others, drawings };
}
