/** Command-line parsing for `figment image`, on node:util's parseArgs. Bad flags are UsageErrors (exit 2). */
import { parseArgs } from "node:util";
import { IMAGE_BACKGROUNDS, IMAGE_FORMATS, IMAGE_QUALITIES, MAX_IMAGES, MAX_PARTIALS, parseSize, type ImageBackground, type ImageFormat, type ImageQuality, type SizeChoice } from "../ai/image/options.js";
import type { ProviderName } from "./args.js";
import { UsageError } from "./io.js";
import { baseUrlFlag, modelFlag, timeoutFlag } from "./model-flags.js";

export const IMAGE_USAGE = `figment image — images from a model, written under --out

Usage:
  figment image --prompt TEXT --out DIR
    [--provider openai|openrouter|custom] [--base-url URL] [--model M]
    [--api images|responses]            openai only; images = Images API (default), responses = Responses API
                                        with the image_generation tool (the model reasons, then draws)
    [--size WxH|auto] [--quality low|medium|high|auto] [--background auto|opaque|transparent]
    [--format png|jpeg|webp] [--n N]
    [--ref FILE]...                     reference images (Images API edits; Responses input_image; OpenRouter image_url)
    [--partials 0..3]                   stream partial images, each written under DIR/partials/
    [--previous RESPONSE_ID]            refine a Responses API image turn
    [--dry-run] [--json] [--timeout SECONDS]
  figment image --template TEXT --rows FILE --out DIR ...   one image per row of parameters (--template --help)

Models: gpt-image-2 (Images API), gpt-5.4-image-2 drawing with gpt-image-2 (Responses API), and
openai/gpt-5.4-image-2 on OpenRouter (chat completions with image output; custom endpoints the same).
gpt-image-2 takes sizes whose sides are multiples of 16, the longest at most 3840 px, up to 3:1.
Keys come from the environment only: OPENAI_API_KEY (openai, custom) or OPENROUTER_API_KEY (openrouter).
--dry-run prints the estimate (tokens, cost, what would be sent) and sends nothing; it needs no key.
Each image is written as served (base64-decoded bytes) under --out; --json prints what was written.
Progress goes to stderr; Ctrl-C cancels and writes nothing.

Exit codes: 0 done; 2 bad input or configuration, or a refused request (key, model, 400 including the
provider's safety system); 1 other failures (server errors, timeouts, rate limits after retries); 130 cancelled.`;

export interface ImageArgs {
  help: boolean;
  prompt: string;
  out?: string;
  provider: ProviderName;
  baseUrl?: string;
  model?: string;
  api?: "images" | "responses";
  size: SizeChoice;
  quality: ImageQuality;
  background: ImageBackground;
  format: ImageFormat;
  n: number;
  refs: string[];
  partials: number;
  previous?: string;
  dryRun: boolean;
  json: boolean;
  timeoutSec?: number;
}

function oneOf<T extends string>(flag: string, values: readonly T[], value: string | undefined, fallback: T): T {
  if (value === undefined) return fallback;
  if ((values as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${flag} must be ${values.join(", ")}, not ${value || '""'}`);
}

function whole(flag: string, value: string | undefined, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (value.trim() === "" || !Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${flag} must be a whole number from ${min} to ${max}, not ${value || '""'}`);
  return n;
}

export function parseImageArgs(argv: string[]): ImageArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: false,
      options: {
        help: { type: "boolean", short: "h" },
        prompt: { type: "string" },
        out: { type: "string" },
        provider: { type: "string" },
        "base-url": { type: "string" },
        model: { type: "string" },
        api: { type: "string" },
        size: { type: "string" },
        quality: { type: "string" },
        background: { type: "string" },
        format: { type: "string" },
        n: { type: "string" },
        ref: { type: "string", multiple: true },
        partials: { type: "string" },
        previous: { type: "string" },
        "dry-run": { type: "boolean" },
        json: { type: "boolean" },
        timeout: { type: "string" },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.replace(/\. To specify a positional argument.*$/s, "")} (figment image --help lists the flags)`);
  }
  const v = parsed.values;
  const help = v.help ?? false;
  const provider = oneOf<ProviderName>("provider", ["openai", "openrouter", "custom"], v.provider, "openai");
  const api = v.api === undefined ? undefined : oneOf("api", ["images", "responses"] as const, v.api, "images");
  if (api && provider !== "openai") throw new UsageError(`--api applies to --provider openai only; ${provider} uses chat completions with image output`);
  const prompt = v.prompt?.trim() ?? "";
  if (!help && !prompt) throw new UsageError('--prompt is required: figment image --prompt "a hero shot of …" --out DIR');
  const dryRun = v["dry-run"] ?? false;
  if (!help && !dryRun && !v.out?.trim()) throw new UsageError("--out DIR is required: the folder the images are written to");
  const size = v.size === undefined ? "auto" : parseSize(v.size);
  if (!size) throw new UsageError(`--size must be WIDTHxHEIGHT (e.g. 1536x1024) or auto, not ${v.size || '""'}`);
  const model = modelFlag(v.model);
  const baseUrl = baseUrlFlag(v["base-url"]);
  const previous = v.previous?.trim();
  if (v.previous !== undefined && !previous) throw new UsageError("--previous needs a response id (resp_…) from an earlier --api responses run");
  if (previous && api !== "responses") throw new UsageError("--previous refines a Responses API turn: add --api responses");
  const timeoutSec = timeoutFlag(v.timeout);
  return {
    help,
    prompt,
    ...(v.out?.trim() ? { out: v.out.trim() } : {}),
    provider,
    ...(baseUrl ? { baseUrl } : {}),
    ...(model ? { model } : {}),
    ...(api ? { api } : {}),
    size,
    quality: oneOf("quality", IMAGE_QUALITIES, v.quality, "auto"),
    background: oneOf("background", IMAGE_BACKGROUNDS, v.background, "auto"),
    format: oneOf("format", IMAGE_FORMATS, v.format, "png"),
    n: whole("n", v.n, 1, MAX_IMAGES, 1),
    refs: v.ref ?? [],
    partials: whole("partials", v.partials, 0, MAX_PARTIALS, 0),
    ...(previous ? { previous } : {}),
    dryRun,
    json: v.json ?? false,
    ...(timeoutSec !== undefined ? { timeoutSec } : {}),
  };
}
