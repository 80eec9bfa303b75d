/**
 * "Repaint the masked area": the selection's image layer and the shapes over it (read-mask-source) become the
 * mask (ai/mask/, made here at the image's resolution), sent with the image to where images are drawn: a local
 * SD server's img2img with SD's mask (white = repaint), its strength, blur, fill and full-res options; or the
 * hosted Images API's edits with the image to repaint and the mask (the worker encodes OpenAI's convention).
 * The result is a new version whose parent is the layer's original (kept as a version first, so nothing is lost),
 * and it replaces that layer's image (`repaint-image`). The shapes stay as they are.
 */
import { imageInfo } from "../../../ai/image/bytes.js";
import { sameShape, sizeKeepingShape, sizeRule } from "../../../ai/image/limits.js";
import { maskFromSource, sdMaskPng, type Mask } from "../../../ai/mask/index.js";
import type { MaskSource, SelectionSummary } from "../../../contract/messages.js";
import type { Provider, Settings } from "../../../contract/settings.js";
import { PluginError, type MainRequests } from "../../channel/requests.js";
import type { ImageRequestData } from "../../engine/protocol/image.js";
import type { SdMaskData, SdRequestData } from "../../engine/protocol/sd.js";
import type { PrepareIo } from "../../model/model-job.js";
import { PARTIALS, type ImageForm } from "../form.js";
import { checkSdForm, onGrid, sdRequestData, SD_SIDE } from "../sd-form.js";
import type { ImageVersion } from "../versions.js";
import { FigmentError } from "../../../kernel/errors.js";

/** What the designer set on the Repaint card. */
export interface InpaintAsk {
  /** What to paint in the masked area. */
  prompt: string;
  /** SD: how much of the masked area is repainted (denoising strength). */
  strength: number;
  /** SD: the mask's edge blurred by this many px. */
  blur: number;
  fill: SdMaskData["fill"];
  /** SD: repaint only the masked area, at full resolution, with this padding (px). */
  fullRes: boolean;
  padding: number;
}

export const DEFAULT_INPAINT: InpaintAsk = {
  prompt: "",
  strength: 0.75,
  blur: 4,
  fill: "original",
  fullRes: false,
  padding: 32,
};

/** The layer the result replaces, and its original image (kept as a version before the result comes). */
export interface InpaintTarget {
  nodeId: string;
  name: string;
  original: Uint8Array;
  width: number;
  height: number;
}

/** The image layer inpainting can start from, when the selection looks like one image and shapes over it. */
export function inpaintTarget(selection: SelectionSummary): { name: string; holder: boolean } | undefined {
  const nodes = selection.nodes;
  if (nodes.length === 1) return nodes[0]!.imageFill === "inside" ? { name: nodes[0]!.name, holder: true } : undefined;
  const images = nodes.filter((n) => n.imageFill === "own");
  return nodes.length >= 2 && images.length === 1 ? { name: images[0]!.name, holder: false } : undefined;
}

const SELECTION_REFUSALS = new Set<string>(["empty-selection", "unsupported-node", "too-large", "not-found"]);

/** Reads the selection and makes its mask; the refusals (the main thread's, the mask's) in the designer's words. */
export async function readMask(requests: MainRequests, io: PrepareIo): Promise<{ source: MaskSource; mask: Mask }> {
  io.exporting({ done: 0, total: 0, label: "Reading the image and the shapes over it…" });
  let source: MaskSource;
  try {
    ({ source } = await requests.call("read-mask-source", {}, { signal: io.signal }));
  } catch (error) {
    // What to select instead: the check's words, not an export's (its message says it all).
    if (error instanceof PluginError && SELECTION_REFUSALS.has(error.code))
      throw new FigmentError("input", error.message);
    throw error;
  }
  io.signal.throwIfAborted();
  io.preparing();
  // A shape that covers nothing throws an input error: a check that failed, as the panel says it.
  return { source, mask: maskFromSource(source) };
}

export const targetOf = (source: MaskSource): InpaintTarget => ({
  nodeId: source.nodeId,
  name: source.name,
  original: source.image,
  width: source.width,
  height: source.height,
});

/** SD draws on its 8-px grid up to SD_SIDE.max a side: the image's size scaled to fit, its shape kept. */
export function sdSizeFor(width: number, height: number): { width: number; height: number } {
  const scale = Math.min(1, SD_SIDE.max / Math.max(width, height));
  return { width: onGrid(width * scale), height: onGrid(height * scale) };
}

/**
 * img2img with the image as the init image and SD's mask; steps, CFG, sampler, seed and negative prompt from the form.
 */
export function sdInpaintData(
  ask: InpaintAsk,
  form: ImageForm,
  settings: Pick<Settings, "sdModel" | "sdSampler"> & Partial<Pick<Settings, "imageSource">>,
  source: MaskSource,
  mask: Mask,
): SdRequestData {
  const size = sdSizeFor(source.width, source.height);
  const sized = {
    ...form,
    prompt: ask.prompt.trim(),
    sdWidth: String(size.width),
    sdHeight: String(size.height),
    count: 1,
    strength: ask.strength,
  };
  const check = checkSdForm(sized);
  const problem = Object.values(check.problems)[0];
  if (problem) throw new FigmentError("input", `${problem} (the image form's options are used for the repaint too)`);
  const data = sdRequestData(sized, settings, source.image);
  const sdMask: SdMaskData = {
    png: sdMaskPng(mask),
    blur: Math.round(ask.blur),
    fill: ask.fill,
    fullRes: ask.fullRes,
    fullResPadding: Math.round(ask.padding),
  };
  return { ...data, init: { ...data.init!, mask: sdMask } };
}

/** Why `model` cannot repaint an image of this shape (its answer would not fit the layer), with what to do instead. */
function shapeRefusal(source: Pick<MaskSource, "name" | "width" | "height">, model: string): string {
  const what =
    `${model} draws no size with the shape of “${source.name}”'s ${source.width}×${source.height} ` +
    `image, so a repaint would come back in another shape and not fit the layer.`;
  if (sizeRule(model) === "fixed")
    return (
      `${what} It draws only 1024×1024, 1536×1024 or 1024×1536: crop the ` +
      `image to 1:1, 3:2 or 2:3, or choose a gpt-image-2 model in Settings.`
    );
  return `${what} Crop the image to an aspect ratio of at most 3:1.`;
}

/**
 * The Images API's edit: the image to repaint first, the mask (255 = repaint) beside it, one image asked at the
 * image's own shape (the size `imageModel` takes nearest to the image's, never "auto", which may answer another
 * shape); a model that draws no such shape is refused before anything is sent.
 */
export function hostedInpaintData(
  ask: InpaintAsk,
  form: ImageForm,
  source: MaskSource,
  mask: Mask,
  imageModel: string,
): ImageRequestData {
  const prompt = ask.prompt.trim();
  const name = `${source.name.slice(0, 80) || "image"}.${imageInfo(source.image)?.format === "jpeg" ? "jpg" : "png"}`;
  const size = sizeKeepingShape({ width: source.width, height: source.height }, imageModel);
  if (!size) throw new FigmentError("input", shapeRefusal(source, imageModel));
  return {
    prompt,
    size,
    quality: form.quality,
    count: 1,
    partials: PARTIALS,
    references: [],
    refine: { image: { bytes: source.image, name } },
    mask: { width: mask.width, height: mask.height, coverage: mask.coverage },
  };
}

/**
 * How a repaint goes onto its layer, whose image must keep its shape: as it came (the original's size), scaled
 * back to the original's size (the same shape at another size, as asked within the model's sizes), or refused
 * (another shape: it would distort the layer's image).
 */
export function repaintFit(
  answer: { width: number; height: number },
  original: { width: number; height: number },
): "as-is" | "scale" | "refuse" {
  if (answer.width === original.width && answer.height === original.height) return "as-is";
  return sameShape(answer, original) ? "scale" : "refuse";
}

/** The layer's image as it was, as a version (numbered after `existing`): the repaint's parent, and the way back. */
export function originalVersion(
  target: InpaintTarget,
  provider: Provider,
  existing: readonly ImageVersion[],
  at: number,
): ImageVersion {
  const n = existing.reduce((max, v) => Math.max(max, v.n), 0) + 1;
  const format = imageInfo(target.original)?.format;
  return {
    id: `v${at.toString(36)}-${n}`,
    n,
    prompt: `The original image of “${target.name}”`,
    width: target.width,
    height: target.height,
    format: format === "jpeg" || format === "webp" || format === "gif" ? format : "png",
    quality: "auto",
    size: `${target.width}x${target.height}`,
    provider,
    api: "images",
    model: "original",
    imageModel: "original",
    createdAt: at,
    bytes: target.original,
    count: 1,
    index: 0,
    references: 0,
  };
}

/** The repaint's versions as children of the original. */
export const asRepaintOf = (original: ImageVersion, made: ImageVersion[]): ImageVersion[] =>
  made.map((v) => ({ ...v, parent: original.n, parentId: original.id }));

/** The toast once the layer shows the repaint. */
export function repaintedText(
  target: Pick<InpaintTarget, "name">,
  version: Pick<ImageVersion, "n">,
  original: Pick<ImageVersion, "n">,
): string {
  return (
    `Repainted the masked area of “${target.name}” (v${version.n}; the original is v${original.n}). ` +
    `The shapes used as the mask are left as they were: delete them when you are done.`
  );
}
