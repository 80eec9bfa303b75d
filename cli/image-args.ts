/** Command-line parsing for `figment image`, on node:util's parseArgs. Bad flags are UsageErrors (exit 2). */
import { parseArgs } from "node:util";
import { MAX_IMAGES, MAX_PARTIALS } from "../ai/image/options.js";
import { IMAGE_MODEL_OPTIONS, imageModelArgs, type ImageModelArgs } from "./image-model-flags.js";
import { UsageError } from "./io.js";

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

export interface ImageArgs extends ImageModelArgs {
  help: boolean;
  prompt: string;
  out?: string;
  n: number;
  partials: number;
  previous?: string;
  dryRun: boolean;
  json: boolean;
  timeoutSec?: number;
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
        ...IMAGE_MODEL_OPTIONS,
        n: { type: "string" },
        partials: { type: "string" },
        previous: { type: "string" },
        "dry-run": { type: "boolean" },
        json: { type: "boolean" },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.replace(/\. To specify a positional argument.*$/s, "")} (figment image --help lists the flags)`);
  }
  const v = parsed.values;
  const help = v.help ?? false;
  const modelArgs = imageModelArgs(v);
  const prompt = v.prompt?.trim() ?? "";
  if (!help && !prompt) throw new UsageError('--prompt is required: figment image --prompt "a hero shot of …" --out DIR');
  const dryRun = v["dry-run"] ?? false;
  if (!help && !dryRun && !v.out?.trim()) throw new UsageError("--out DIR is required: the folder the images are written to");
  const previous = v.previous?.trim();
  if (v.previous !== undefined && !previous) throw new UsageError("--previous needs a response id (resp_…) from an earlier --api responses run");
  if (previous && modelArgs.api !== "responses") throw new UsageError("--previous refines a Responses API turn: add --api responses");
  return {
    help,
    prompt,
    ...(v.out?.trim() ? { out: v.out.trim() } : {}),
    ...modelArgs,
    n: whole("n", v.n, 1, MAX_IMAGES, 1),
    partials: whole("partials", v.partials, 0, MAX_PARTIALS, 0),
    ...(previous ? { previous } : {}),
    dryRun,
    json: v.json ?? false,
  };
}
