/**
 * Parameter checks before anything is sent: each problem names the field it is about (so a panel can point
 * at its control and the CLI at its flag) and says what would be accepted. Notes are not errors: they say
 * what the chosen API does differently (chat endpoints send no partial images, …). Words about the request
 * and the model only; no UI terms.
 */
import { maskSizeProblem } from "../mask/mask.js";
import { imageInfo } from "./bytes.js";
import type { ImageConfig } from "./config.js";
import { sizeProblem } from "./limits.js";
import { imagesPrompt } from "./prompt.js";
import {
  IMAGE_BACKGROUNDS,
  IMAGE_FORMATS,
  IMAGE_QUALITIES,
  MAX_IMAGES,
  MAX_PARTIALS,
  MAX_PROMPT_CHARS,
  MAX_REFERENCES,
  MIN_IMAGES,
  resolveRequest,
  type ImageRequest,
} from "./options.js";
import { FigmentError } from "../../kernel/errors.js";

export type ImageField =
  | "prompt"
  | "size"
  | "quality"
  | "background"
  | "format"
  | "count"
  | "partials"
  | "references"
  | "refine"
  | "mask";

export interface ImageProblem {
  field: ImageField;
  message: string;
}

export interface ImageCheck {
  problems: ImageProblem[];
  notes: string[];
}

/** Thrown by generateImages when the request does not pass `checkImageRequest`; nothing was sent. */
export class ImageOptionsError extends FigmentError {
  override readonly name = "ImageOptionsError";
  constructor(readonly problems: readonly ImageProblem[]) {
    super("input", problems.map((p) => p.message).join(" "));
  }
}

const oneOf = (values: readonly string[]): string =>
  `${values.slice(0, -1).join(", ")} or ${values[values.length - 1]}`;

/** Whole numbers from `min` to `max`. */
const inRange = (n: number, min: number, max: number): boolean => Number.isInteger(n) && n >= min && n <= max;

/** Why a mask cannot go with this request: another API, no image to repaint, another size, nothing to repaint. */
function maskProblem(
  api: ImageConfig["api"],
  mask: NonNullable<ImageRequest["mask"]>,
  first: Uint8Array | undefined,
): string | undefined {
  if (api !== "images")
    return (
      `Only the Images API's edits take a mask; the ${api === "responses" ? "Responses API" : "chat endpoint"} ` +
      `would repaint the whole image. Use the Images API to repaint an area.`
    );
  if (!(mask.width > 0 && mask.height > 0 && mask.coverage.length === mask.width * mask.height))
    return `The mask's ${mask.coverage.length} bytes are not ${mask.width} × ${mask.height} px.`;
  if (!first) return "A mask needs the image to repaint: send the image to refine (or a reference) with it.";
  const info = imageInfo(first);
  if (!info) return undefined; // the image's own problem is reported under references
  const size = maskSizeProblem(mask, info);
  if (size) return size;
  if (!mask.coverage.some((c) => c > 0)) return "The mask covers none of the image: nothing would be repainted.";
  return undefined;
}

export function checkImageRequest(config: Pick<ImageConfig, "api" | "imageModel">, request: ImageRequest): ImageCheck {
  const r = resolveRequest(request);
  const problems: ImageProblem[] = [];
  const notes: string[] = [];
  const add = (field: ImageField, message: string): void => void problems.push({ field, message });

  if (!r.prompt.trim())
    add("prompt", r.refine ? "Say what to change in the image." : "Describe the image to draw: the prompt is empty.");
  else if (r.prompt.length > MAX_PROMPT_CHARS)
    add(
      "prompt",
      `The prompt has ${r.prompt.length.toLocaleString("en-US")} ` +
        `characters; the limit is ${MAX_PROMPT_CHARS.toLocaleString("en-US")}.`,
    );
  const size = sizeProblem(r.size, config.imageModel);
  if (size) add("size", size);
  if (!(IMAGE_QUALITIES as readonly string[]).includes(r.quality))
    add("quality", `Quality must be ${oneOf(IMAGE_QUALITIES)}, not ${r.quality}.`);
  if (!(IMAGE_BACKGROUNDS as readonly string[]).includes(r.background))
    add("background", `Background must be ${oneOf(IMAGE_BACKGROUNDS)}, not ${r.background}.`);
  if (!(IMAGE_FORMATS as readonly string[]).includes(r.format))
    add("format", `Format must be ${oneOf(IMAGE_FORMATS)}, not ${r.format}.`);
  else if (r.background === "transparent" && r.format === "jpeg")
    add("format", "A transparent background needs png or webp: JPEG has no transparency.");
  if (!inRange(r.count, MIN_IMAGES, MAX_IMAGES))
    add("count", `The number of images must be a whole number from ${MIN_IMAGES} to ${MAX_IMAGES}, not ${r.count}.`);
  else if (config.api === "responses" && r.count > 1)
    add("count", "The Responses API draws one image per turn; ask for one image, or use the Images API for several.");
  if (!inRange(r.partials, 0, MAX_PARTIALS))
    add("partials", `Partial images must be a whole number from 0 to ${MAX_PARTIALS}, not ${r.partials}.`);

  const inputs = [...(r.refine?.image ? [r.refine.image] : []), ...r.references];
  if (inputs.length > MAX_REFERENCES)
    add("references", `At most ${MAX_REFERENCES} images can go with a request, not ${inputs.length}.`);
  inputs.forEach((input, i) => {
    const info = imageInfo(input.bytes);
    const name =
      input.name ??
      (i === 0 && r.refine?.image ? "the image to refine" : `reference ${i + 1 - (r.refine?.image ? 1 : 0)}`);
    if (!info || info.format === "gif") add("references", `${name} is not a PNG, JPEG or WebP image.`);
    else if (!(info.width > 0 && info.height > 0))
      add("references", `${name} has no pixels (${info.width}×${info.height}).`);
  });
  if (r.keepComposition && r.references.length === 0)
    add("references", "A render that keeps a frame's composition needs the frame's picture as its reference image.");
  if (r.refine && config.api === "responses" && r.refine.conversation?.kind !== "responses" && !r.refine.image)
    add("refine", "A Responses API refinement needs the previous response's id (or the image to start from).");
  if (r.refine && config.api === "chat" && !r.refine.image)
    add(
      "refine",
      "A refinement on a chat endpoint needs the image to start from (chat replies cannot be referred to by id).",
    );

  if (r.mask) {
    const problem = maskProblem(config.api, r.mask, inputs[0]?.bytes);
    if (problem) add("mask", problem);
  }

  if (config.api === "chat") {
    if (r.partials > 0) notes.push("Chat endpoints send each image whole: no partial images will stream.");
    notes.push(
      "Chat endpoints take no image parameters: the size, background and " +
        "format are asked for in the message, and the model may not follow them.",
    );
  }
  if (config.api === "images" && r.designHint) {
    if (r.references.length === 0 && !r.refine?.image)
      notes.push(
        "The design hint goes into the prompt as data; without a reference image the model does not see the selection.",
      );
    if (imagesPrompt(r).hintCut)
      notes.push(
        `The design hint was shortened to fit the Images API's ` +
          `${MAX_PROMPT_CHARS.toLocaleString("en-US")}-character prompt.`,
      );
  }
  return { problems, notes };
}
