/**
 * The flags `figment image` and `figment image --template` share: where the model is (provider, base URL, model,
 * API, timeout) and what image it makes (size, quality, background, format, references), each checked once.
 */
import { IMAGE_BACKGROUNDS, IMAGE_FORMATS, IMAGE_QUALITIES, parseSize, type ImageBackground, type ImageFormat, type ImageQuality, type SizeChoice } from "../ai/image/options.js";
import type { ProviderName } from "./args.js";
import { UsageError } from "./io.js";
import { baseUrlFlag, modelFlag, providerFlag, timeoutFlag } from "./model-flags.js";

/** For node:util parseArgs. */
export const IMAGE_MODEL_OPTIONS = {
  provider: { type: "string" },
  "base-url": { type: "string" },
  model: { type: "string" },
  api: { type: "string" },
  size: { type: "string" },
  quality: { type: "string" },
  background: { type: "string" },
  format: { type: "string" },
  ref: { type: "string", multiple: true },
  timeout: { type: "string" },
} as const;

export interface ImageModelArgs {
  provider: ProviderName;
  baseUrl?: string;
  model?: string;
  api?: "images" | "responses";
  size: SizeChoice;
  quality: ImageQuality;
  background: ImageBackground;
  format: ImageFormat;
  refs: string[];
  timeoutSec?: number;
}

type ImageModelValues = { [K in Exclude<keyof typeof IMAGE_MODEL_OPTIONS, "ref">]?: string } & { ref?: string[] };

export function oneOf<T extends string>(flag: string, values: readonly T[], value: string | undefined, fallback: T): T {
  if (value === undefined) return fallback;
  if ((values as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${flag} must be ${values.join(", ")}, not ${value || '""'}`);
}

export function imageModelArgs(v: ImageModelValues): ImageModelArgs {
  const provider = providerFlag(v.provider);
  const api = v.api === undefined ? undefined : oneOf("api", ["images", "responses"] as const, v.api, "images");
  if (api && provider !== "openai") throw new UsageError(`--api applies to --provider openai only; ${provider} uses chat completions with image output`);
  const size = v.size === undefined ? "auto" : parseSize(v.size);
  if (!size) throw new UsageError(`--size must be WIDTHxHEIGHT (e.g. 1536x1024) or auto, not ${v.size || '""'}`);
  const model = modelFlag(v.model);
  const baseUrl = baseUrlFlag(v["base-url"]);
  const timeoutSec = timeoutFlag(v.timeout);
  return {
    provider,
    ...(baseUrl ? { baseUrl } : {}),
    ...(model ? { model } : {}),
    ...(api ? { api } : {}),
    size,
    quality: oneOf("quality", IMAGE_QUALITIES, v.quality, "auto"),
    background: oneOf("background", IMAGE_BACKGROUNDS, v.background, "auto"),
    format: oneOf("format", IMAGE_FORMATS, v.format, "png"),
    refs: v.ref ?? [],
    ...(timeoutSec !== undefined ? { timeoutSec } : {}),
  };
}
