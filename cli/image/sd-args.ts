/**
 * The flags of `figment image --provider sdnext|a1111` (a local Stable Diffusion server's API): the generation's
 * parameters (negative prompt, seed, steps, CFG, sampler, size, count), img2img (--ref, --strength, --mask) and
 * ControlNet (--control, --control-type, --control-strength), each checked here with its flag named, and the
 * flags of the hosted providers that mean nothing to SD refused by name. Bad flags are input errors (exit 2).
 */
import { DEFAULT_COMFY_URL as COMFY_DEFAULT_URL, DEFAULT_SD_URL as SD_DEFAULT_URL } from "../../contract/settings.js";
import type { ImageSize } from "../../ai/image/options.js";
import { parseSize } from "../../ai/image/options.js";
import type { SdControlType } from "../../ai/sdnext/index.js";
import { roundTo8 } from "../../ai/sdnext/latent-size.js";
import { firstGiven, oneOfWords, present, wholeNumber } from "../common/flags.js";
import { baseUrlFlag, timeoutFlag } from "../common/model-flags.js";
import { FigmentError } from "../../kernel/errors.js";

export const SD_PROVIDERS = ["sdnext", "a1111"] as const;
export type SdProviderName = (typeof SD_PROVIDERS)[number];
/** The local image servers: the SD APIs and ComfyUI (cli/image/comfy-command.ts), which share these flags. */
export const LOCAL_PROVIDERS = [...SD_PROVIDERS, "comfyui"] as const;
export type LocalProviderName = (typeof LOCAL_PROVIDERS)[number];
/** ComfyUI's own flags: the user's API-format workflow, and KSampler's scheduler (one the server lists). */
export const COMFY_FLAGS = ["workflow", "scheduler"] as const;

/** The flags only a Stable Diffusion server takes (readFlags's `string` list). */
export const SD_FLAGS = [
  "negative",
  "seed",
  "steps",
  "cfg",
  "sampler",
  "strength",
  "mask",
  "control",
  "control-type",
  "control-strength",
] as const;
/** What a --workflow file sets itself (no placeholder takes them): given with one, they would be silently unused. */
const WORKFLOW_OWN = [
  "steps",
  "cfg",
  "sampler",
  "scheduler",
  "model",
  "strength",
  "control",
  "control-type",
  "control-strength",
] as const;
/** The hosted providers' flags an SD server has no use for, refused by name with --provider sdnext|a1111. */
const HOSTED_ONLY = ["api", "quality", "background", "format", "previous", "model"] as const;

/** SD.Next and AUTOMATIC1111 both listen on port 7860 by default; ComfyUI on 8188 (the plugin's defaults too). */
export { DEFAULT_SD_URL as SD_DEFAULT_URL, DEFAULT_COMFY_URL as COMFY_DEFAULT_URL } from "../../contract/settings.js";
/** The default side when neither --size nor an input image says one: SD.Next's SDXL-era default, A1111's SD 1.5 one. */
const DEFAULT_SIDE: Readonly<Record<LocalProviderName, number>> = { sdnext: 1024, a1111: 512, comfyui: 1024 };
export const SD_SERVER_NAME: Readonly<Record<LocalProviderName, string>> = {
  sdnext: "SD.Next",
  a1111: "AUTOMATIC1111",
  comfyui: "ComfyUI",
};
export const SD_MAX_COUNT = 16;
/** Far past what a GPU holds in one image; a bigger number is a typo. */
export const SD_MAX_SIDE = 8192;
export const SD_MAX_PARTIALS = 20;
/** img2img's denoising strength when --strength is absent (AUTOMATIC1111's default). */
export const SD_DEFAULT_STRENGTH = 0.75;
export const SD_CONTROL_TYPES: readonly SdControlType[] = ["canny", "lineart", "scribble"];

export interface SdImageArgs {
  help: false;
  provider: LocalProviderName;
  baseUrl: string;
  prompt: string;
  out: string;
  negative?: string;
  /** -1: the server picks. */
  seed?: number;
  steps?: number;
  cfg?: number;
  sampler?: string;
  /** As given; undefined: the input image's size, else the server kind's default (see sdSize). */
  size?: ImageSize;
  defaultSide: number;
  count: number;
  partials: number;
  /** The img2img init image. */
  ref?: string;
  strength?: number;
  mask?: string;
  control?: string;
  controlType: SdControlType;
  controlStrength?: number;
  json: boolean;
  timeoutSec?: number;
  /** ComfyUI: a checkpoint it lists (SD servers draw with the loaded one). */
  model?: string;
  /** ComfyUI: the user's API-format workflow file. */
  workflow?: string;
  /** ComfyUI: KSampler's scheduler (karras, normal, …), one its /object_info lists. */
  scheduler?: string;
}

type SdValues = {
  [K in
    | (typeof SD_FLAGS)[number]
    | (typeof HOSTED_ONLY)[number]
    | (typeof COMFY_FLAGS)[number]
    | "provider"
    | "base-url"
    | "timeout"
    | "size"
    | "n"
    | "count"
    | "partials"
    | "out"]?: string;
} & { ref?: string[]; "dry-run"?: boolean; json?: boolean };

/** A decimal number within bounds; undefined when the flag is absent. */
function decimal(flag: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || n < min || n > max)
    throw new FigmentError("input", `${flag} must be a number from ${min} to ${max}, not ${value || '""'}`);
  return n;
}

function seedFlag(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === "" || !Number.isSafeInteger(n) || n < -1)
    throw new FigmentError(
      "input",
      `--seed must be a whole number of at least 0 (or --seed=-1: the server picks), not ${value || '""'}`,
    );
  return n;
}

function textFlag(flag: string, value: string | undefined, limit: number): string | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (!text || text.length > limit) throw new FigmentError("input", `${flag} needs a text of 1 to ${limit} characters`);
  return text;
}

/** The number of images: --count, or --n (the hosted providers' name for it); not both. */
export function countFlag(values: { n?: string; count?: string }, max: number): number | undefined {
  if (values.n !== undefined && values.count !== undefined)
    throw new FigmentError("input", "--count and --n are the same (the number of images): give one");
  const flag = values.count !== undefined ? "--count" : "--n";
  return wholeNumber(flag, values.count ?? values.n, { min: 1, max });
}

/** A flag of SD's given with a hosted provider: refused by name. */
export function refuseSdFlags(
  values: Partial<Record<(typeof SD_FLAGS)[number] | (typeof COMFY_FLAGS)[number], unknown>>,
  provider: string,
): void {
  const comfyOnly = firstGiven(values, COMFY_FLAGS);
  if (comfyOnly) throw new FigmentError("input", `--${comfyOnly} applies to --provider comfyui, not ${provider}`);
  const given = firstGiven(values, SD_FLAGS);
  if (given)
    throw new FigmentError(
      "input",
      `--${given} applies to a local server (--provider sdnext, a1111 or comfyui), not ${provider}`,
    );
}

export function parseSdImageArgs(v: SdValues, provider: LocalProviderName, prompt: string): SdImageArgs {
  const comfy = provider === "comfyui";
  const comfyOnly = comfy ? undefined : firstGiven(v, COMFY_FLAGS);
  if (comfyOnly) throw new FigmentError("input", `--${comfyOnly} applies to --provider comfyui, not ${provider}`);
  const unused = v.workflow !== undefined ? firstGiven(v, WORKFLOW_OWN) : undefined;
  if (unused)
    throw new FigmentError(
      "input",
      `--${unused} does not apply with --workflow: the file is sent with its own settings and only its ` +
        "placeholders filled ({{prompt}}, {{negative}}, {{seed}}, {{width}}, {{height}}, {{image}}, {{mask}})",
    );
  const hosted = firstGiven({ ...v, ...(comfy ? { model: undefined } : {}) }, HOSTED_ONLY);
  if (hosted)
    throw new FigmentError(
      "input",
      `--${hosted} applies to the hosted providers (openai, openrouter, custom), not --provider ` +
        `${provider}${hosted === "model" ? " (pick the checkpoint in the server)" : ""}`,
    );
  if (v["dry-run"])
    throw new FigmentError(
      "input",
      `--dry-run estimates a hosted provider's cost; ${SD_SERVER_NAME[provider]} ` +
        `runs on your own machine at no cost: run without it`,
    );
  const out = v.out?.trim();
  if (!out) throw new FigmentError("input", "--out DIR is required: the folder the images are written to");
  const baseUrl = baseUrlFlag(v["base-url"]) ?? (comfy ? COMFY_DEFAULT_URL : SD_DEFAULT_URL);
  if (/^https?:\/\/[^/]*@/.test(baseUrl))
    throw new FigmentError(
      "input",
      "--base-url must not hold a user name or password: put them in SDNEXT_AUTH=user:password (the environment)",
    );
  const refs = v.ref ?? [];
  if (refs.length > 1)
    throw new FigmentError("input", `--ref: ${SD_SERVER_NAME[provider]} takes one init image, not ${refs.length}`);
  const ref = refs[0];
  const size = v.size === undefined ? undefined : parseSize(v.size);
  if (size === undefined && v.size !== undefined)
    throw new FigmentError("input", `--size must be WIDTHxHEIGHT (e.g. 768x512), not ${v.size || '""'}`);
  if (
    size !== undefined &&
    size !== "auto" &&
    (Math.min(size.width, size.height) < 1 || Math.max(size.width, size.height) > SD_MAX_SIDE)
  )
    throw new FigmentError("input", `--size must have sides from 1 to ${SD_MAX_SIDE} px, not ${v.size}`);
  const strength = decimal("--strength", v.strength, 0, 1);
  if (strength !== undefined && !ref)
    throw new FigmentError("input", "--strength is img2img's denoising strength: give the init image with --ref");
  if (v.mask !== undefined && !ref)
    throw new FigmentError(
      "input",
      "--mask repaints part of an image: give that image with --ref (white in the mask = repaint)",
    );
  const control = v.control;
  if (control !== undefined && ref)
    throw new FigmentError(
      "input",
      "--control renders a new image that keeps the control image's structure; leave out --ref (img2img) or --control",
    );
  if (!control && (v["control-type"] !== undefined || v["control-strength"] !== undefined))
    throw new FigmentError(
      "input",
      `--${v["control-type"] !== undefined ? "control-type" : "control-strength"} ` +
        `needs the control image: --control FILE`,
    );
  return {
    help: false,
    provider,
    baseUrl,
    prompt,
    out,
    ...present({
      negative: textFlag("--negative", v.negative, 32_000),
      seed: seedFlag(v.seed),
      steps: wholeNumber("--steps", v.steps, { min: 1, max: 150 }),
      cfg: decimal("--cfg", v.cfg, 1, 30),
      sampler: textFlag("--sampler", v.sampler, 200),
      size: size === "auto" ? undefined : size,
      ref,
      strength,
      mask: v.mask,
      control,
      controlStrength: decimal("--control-strength", v["control-strength"], 0, 2),
      timeoutSec: timeoutFlag(v.timeout),
      model: comfy ? textFlag("--model", v.model, 400) : undefined,
      workflow: comfy ? textFlag("--workflow", v.workflow, 4096) : undefined,
      scheduler: comfy ? textFlag("--scheduler", v.scheduler, 200) : undefined,
    }),
    defaultSide: DEFAULT_SIDE[provider],
    count: countFlag(v, SD_MAX_COUNT) ?? 1,
    partials: wholeNumber("--partials", v.partials, { min: 0, max: SD_MAX_PARTIALS }) ?? 0,
    controlType: oneOfWords("control-type", SD_CONTROL_TYPES, v["control-type"], "canny"),
    json: v.json ?? false,
  };
}

/** The size sent: --size, else the input image's, else the default square; each side rounded to SD's multiple of 8. */
export function sdSize(
  args: Pick<SdImageArgs, "size" | "defaultSide">,
  input: ImageSize | undefined,
): { asked: ImageSize; sent: ImageSize } {
  const asked = args.size ?? input ?? { width: args.defaultSide, height: args.defaultSide };
  return { asked, sent: { width: roundTo8(asked.width), height: roundTo8(asked.height) } };
}

/** The sampling flags given (negative prompt, steps, CFG, sampler), as both servers' clients name them. */
export function samplingOf(args: Pick<SdImageArgs, "negative" | "steps" | "cfg" | "sampler">): {
  negativePrompt?: string;
  steps?: number;
  cfgScale?: number;
  sampler?: string;
} {
  return {
    ...(args.negative !== undefined ? { negativePrompt: args.negative } : {}),
    ...(args.steps !== undefined ? { steps: args.steps } : {}),
    ...(args.cfg !== undefined ? { cfgScale: args.cfg } : {}),
    ...(args.sampler !== undefined ? { sampler: args.sampler } : {}),
  };
}
