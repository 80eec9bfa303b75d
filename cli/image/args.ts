/** Command-line parsing for `figment image`, on cli/common/flags.ts. Bad flags are input errors (exit 2). */
import { MAX_IMAGES, MAX_PARTIALS } from "../../ai/image/options.js";
import { PROVIDERS } from "../../contract/words.js";
import { oneOfWords, present, readFlags, wholeNumber } from "../common/flags.js";
import { IMAGE_MODEL_FLAGS, imageModelArgs, type ImageModelArgs } from "./model-flags.js";
import {
  countFlag,
  parseSdImageArgs,
  refuseSdFlags,
  SD_FLAGS,
  SD_MAX_COUNT,
  SD_DEFAULT_URL,
  SD_MAX_PARTIALS,
  LOCAL_PROVIDERS,
  COMFY_FLAGS,
  COMFY_DEFAULT_URL,
  type SdImageArgs,
} from "./sd-args.js";
import { FigmentError } from "../../kernel/errors.js";

export const IMAGE_USAGE = `figment image — images from a model, written under --out

Usage:
  figment image --prompt TEXT --out DIR
    [--provider openai|openrouter|custom] [--base-url URL] [--model M]
    [--api images|responses]            openai only; images = Images API (default), responses = Responses API
                                        with the image_generation tool (the model reasons, then draws)
    [--size WxH|auto] [--quality low|medium|high|auto] [--background auto|opaque|transparent]
    [--format png|jpeg|webp] [--n N | --count N]
    [--ref FILE]...                     reference images (Images API edits; Responses input_image; OpenRouter image_url)
    [--partials 0..3]                   stream partial images, each written under DIR/partials/
    [--previous RESPONSE_ID]            refine a Responses API image turn
    [--mask MASK.png]                   with --ref: inpaint the first --ref (Images API edits); white or
                                        transparent = repaint (either convention), the --ref image's size
    [--dry-run] [--json] [--timeout SECONDS]
  figment image --provider sdnext|a1111 --prompt TEXT --out DIR     a local Stable Diffusion server
    [--base-url URL]                    the server (default ${SD_DEFAULT_URL})
    [--negative TEXT]                   negative prompt
    [--seed N]                          0 or more; without it the server picks; each image's seed is reported
    [--steps N] [--cfg SCALE] [--sampler NAME]   sampling steps (1..150), CFG scale (1..30), sampler name
    [--size WxH]                        rounded to multiples of 8 (said when rounded); default: the --ref or
                                        --control image's size, else 1024x1024 (sdnext) or 512x512 (a1111)
    [--count N]                         images in one batch (batch_size), 1..${SD_MAX_COUNT}
    [--ref FILE] [--strength 0..1]      img2img: the init image and its denoising strength (default 0.75)
    [--mask MASK.png]                   with --ref: inpaint; white = repaint, black = keep (the --ref image's size)
    [--control FILE]                    ControlNet render keeping FILE's structure (SD.Next's control API, or
                                        AUTOMATIC1111's ControlNet extension); not with --ref
    [--control-type canny|lineart|scribble]   the ControlNet unit (default canny)
    [--control-strength 0..2]           the unit's weight (default 1)
    [--partials 0..${SD_MAX_PARTIALS}]                  write the first N live previews under DIR/partials/
    [--json] [--timeout SECONDS]        --timeout: interrupt the run after that long and keep what it made
  figment image --provider comfyui --prompt TEXT --out DIR          a local ComfyUI server
    [--base-url URL]                    the server (default ${COMFY_DEFAULT_URL}); the flags above mean the same
                                        (--count: one run per image, seeds N, N+1, …)
    [--model CHECKPOINT]                a checkpoint ComfyUI lists (default: its first); --sampler too
    [--scheduler NAME]                  KSampler's scheduler, one ComfyUI lists (default: normal)
    [--workflow FILE]                   your workflow, exported with Save (API), with {{prompt}}, {{negative}},
                                        {{seed}}, {{width}}, {{height}}, {{image}} (--ref), {{mask}} filled in
  figment image --template TEXT --rows FILE --out DIR ...   one image per row of parameters (--template --help)

Models: gpt-image-2 (Images API), gpt-5.4-image-2 drawing with gpt-image-2 (Responses API), and
openai/gpt-5.4-image-2 on OpenRouter (chat completions with image output; custom endpoints the same).
gpt-image-2 takes sizes whose sides are multiples of 16, the longest at most 3840 px, up to 3:1.
Keys come from the environment only: OPENAI_API_KEY (openai, custom) or OPENROUTER_API_KEY (openrouter).
--dry-run prints the estimate (tokens, cost, what would be sent) and sends nothing; it needs no key.
Each image is written as served (base64-decoded bytes) under --out; --json prints what was written.
Progress goes to stderr; Ctrl-C cancels and writes nothing.
Stable Diffusion: SD.Next, or AUTOMATIC1111 started with --api. A server started with --auth (SD.Next) or
--api-auth (AUTOMATIC1111) takes its user:password from the environment, SDNEXT_AUTH=user:password (never a
flag, never printed). --json lists each image with its seed. Ctrl-C interrupts the server and writes the
images it returns (exit 130). A file appears whole or not at all; a failed run leaves nothing under --out.

Exit codes: 0 done; 2 bad input or configuration, or a refused request (key, model, 400 including the
provider's safety system); 1 other failures (server errors, timeouts, rate limits after retries); 130 cancelled.`;

export interface ImageArgs extends ImageModelArgs {
  help: boolean;
  prompt: string;
  out?: string;
  n: number;
  partials: number;
  previous?: string;
  /** Inpainting: a PNG of the first --ref's size, white or transparent where it is repainted. */
  mask?: string;
  dryRun: boolean;
  json: boolean;
  timeoutSec?: number;
}

/** Whether the args are for a Stable Diffusion server (cli/image/sd-command.ts) rather than a hosted model. */
export function isSdArgs(args: ImageArgs | SdImageArgs): args is SdImageArgs {
  return (LOCAL_PROVIDERS as readonly string[]).includes(args.provider);
}

/** The flags `figment image` takes, hosted and Stable Diffusion (help.test.ts holds IMAGE_USAGE to them). */
export const IMAGE_FLAGS = {
  boolean: ["dry-run", "json"],
  string: [
    "prompt",
    "out",
    "n",
    "count",
    "partials",
    "previous",
    ...IMAGE_MODEL_FLAGS.string,
    ...SD_FLAGS,
    ...COMFY_FLAGS,
  ],
  list: IMAGE_MODEL_FLAGS.list,
} as const;

export function parseImageArgs(argv: string[]): ImageArgs | SdImageArgs {
  const { values: v } = readFlags(argv, { ...IMAGE_FLAGS, hint: "figment image --help lists the flags" });
  const help = v.help ?? false;
  const provider = oneOfWords("provider", [...PROVIDERS, ...LOCAL_PROVIDERS], v.provider, "openai");
  const prompt = v.prompt?.trim() ?? "";
  if (!help && !prompt)
    throw new FigmentError("input", '--prompt is required: figment image --prompt "a hero shot of …" --out DIR');
  const sd = provider === "sdnext" || provider === "a1111" || provider === "comfyui";
  if (sd && !help) return parseSdImageArgs(v, provider, prompt);
  // --mask also inpaints on the hosted providers (Images API edits); the other SD flags are SD's own.
  if (!sd) refuseSdFlags({ ...v, mask: undefined }, provider);
  const { provider: _sd, ...hosted } = v;
  const modelArgs = imageModelArgs(sd ? hosted : v);
  const dryRun = v["dry-run"] ?? false;
  if (!help && !dryRun && !v.out?.trim())
    throw new FigmentError("input", "--out DIR is required: the folder the images are written to");
  const previous = v.previous?.trim();
  if (v.previous !== undefined && !previous)
    throw new FigmentError("input", "--previous needs a response id (resp_…) from an earlier --api responses run");
  if (previous && modelArgs.api !== "responses")
    throw new FigmentError("input", "--previous refines a Responses API turn: add --api responses");
  const mask = v.mask?.trim();
  if (v.mask !== undefined && !mask)
    throw new FigmentError(
      "input",
      "--mask needs a PNG file: white (or transparent) where the --ref image is repainted",
    );
  if (mask && modelArgs.refs.length === 0)
    throw new FigmentError(
      "input",
      "--mask repaints part of an image: give that image with --ref (the mask applies to the first --ref)",
    );
  return {
    help,
    prompt,
    ...present({ out: v.out?.trim() || undefined }),
    ...modelArgs,
    n: countFlag(v, MAX_IMAGES) ?? 1,
    partials: wholeNumber("--partials", v.partials, { min: 0, max: MAX_PARTIALS }) ?? 0,
    ...present({ previous: previous || undefined, mask: mask || undefined }),
    dryRun,
    json: v.json ?? false,
  };
}
