/**
 * The flags `figment image` and `figment image --template` share: where the model is (provider, base URL, model,
 * API, timeout) and what image it makes (size, quality, background, format, references), each checked once.
 */
import {
  IMAGE_BACKGROUNDS,
  IMAGE_FORMATS,
  IMAGE_QUALITIES,
  parseSize,
  type ImageBackground,
  type ImageFormat,
  type ImageQuality,
  type SizeChoice,
} from "../../ai/image/options.js";
import { oneOf, present } from "../common/flags.js";
import { MODEL_FLAGS, modelConnectionArgs, providerFlag, type ModelConnectionArgs } from "../common/model-flags.js";
import { FigmentError } from "../../kernel/errors.js";

/** The shared flags' names, for readFlags (`--ref` may be given several times). */
export const IMAGE_MODEL_FLAGS = {
  string: [...MODEL_FLAGS, "api", "size", "quality", "background", "format"],
  list: ["ref"],
} as const;

export interface ImageModelArgs extends ModelConnectionArgs {
  api?: "images" | "responses";
  size: SizeChoice;
  quality: ImageQuality;
  background: ImageBackground;
  format: ImageFormat;
  refs: string[];
}

type ImageModelValues = { [K in (typeof IMAGE_MODEL_FLAGS.string)[number]]?: string } & { ref?: string[] };

export function imageModelArgs(v: ImageModelValues): ImageModelArgs {
  const provider = providerFlag(v.provider);
  const api = v.api === undefined ? undefined : oneOf("api", ["images", "responses"] as const, v.api, "images");
  if (api && provider !== "openai")
    throw new FigmentError(
      "input",
      `--api applies to --provider openai only; ${provider} uses chat completions with image output`,
    );
  const size = v.size === undefined ? "auto" : parseSize(v.size);
  if (!size)
    throw new FigmentError("input", `--size must be WIDTHxHEIGHT (e.g. 1536x1024) or auto, not ${v.size || '""'}`);
  return {
    ...modelConnectionArgs(v),
    ...present({ api }),
    size,
    quality: oneOf("quality", IMAGE_QUALITIES, v.quality, "auto"),
    background: oneOf("background", IMAGE_BACKGROUNDS, v.background, "auto"),
    format: oneOf("format", IMAGE_FORMATS, v.format, "png"),
    refs: v.ref ?? [],
  };
}
