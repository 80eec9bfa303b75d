/** Command-line parsing for `figment image`, on cli/flags.ts. Bad flags are UsageErrors (exit 2). */
import { MAX_IMAGES, MAX_PARTIALS } from "../ai/image/options.js";
import { present, readFlags, wholeNumber } from "./flags.js";
import { IMAGE_MODEL_FLAGS, imageModelArgs, type ImageModelArgs } from "./image-model-flags.js";
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

export function parseImageArgs(argv: string[]): ImageArgs {
  const { values: v } = readFlags(argv, {
    boolean: ["dry-run", "json"],
    string: ["prompt", "out", "n", "partials", "previous", ...IMAGE_MODEL_FLAGS.string],
    list: IMAGE_MODEL_FLAGS.list,
    hint: "figment image --help lists the flags",
  });
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
    ...present({ out: v.out?.trim() || undefined }),
    ...modelArgs,
    n: wholeNumber("--n", v.n, { min: 1, max: MAX_IMAGES }) ?? 1,
    partials: wholeNumber("--partials", v.partials, { min: 0, max: MAX_PARTIALS }) ?? 0,
    ...present({ previous: previous || undefined }),
    dryRun,
    json: v.json ?? false,
  };
}
