/**
 * Command-line parsing for `figment image --template … --rows …`: one image per row of a parameters file,
 * each from the template filled with the row's values and the rules' additions. Shares the model and image
 * flags of `figment image`; the single-image flags that make no sense per row (--prompt, --n, --partials,
 * --previous) are refused by name. Bad flags are UsageErrors (exit 2).
 */
import { parseArgs } from "node:util";
import { IMAGE_BACKGROUNDS, IMAGE_FORMATS, IMAGE_QUALITIES, parseSize, type ImageBackground, type ImageFormat, type ImageQuality, type SizeChoice } from "../ai/image/options.js";
import type { ProviderName } from "./args.js";
import { UsageError } from "./io.js";
import { baseUrlFlag, modelFlag, providerFlag, timeoutFlag } from "./model-flags.js";

export const IMAGE_ROWS_USAGE = `figment image --template — one image per row of parameters, written under --out

Usage:
  figment image --template TEXT --rows FILE.csv|FILE.jsonl --out DIR
    [--rules RULES.json]                conditions on the parameters that add style notes or set parameters
    [--style TEXT]                      style text every row's prompt ends with
    [--consistent]                      after the first image, send it as a reference with every later row
    [--dry-run] [--json]                --dry-run prints every row's computed prompt and sends nothing
    [--batch-api]                       submit every row as one OpenAI Batch API job recorded in DIR/batch.json
                                        (half the price, within 24 h; then figment batch status|collect DIR)
    [--provider openai|openrouter|custom] [--base-url URL] [--model M] [--api images|responses]
    [--size WxH|auto] [--quality low|medium|high|auto] [--background auto|opaque|transparent]
    [--format png|jpeg|webp] [--ref FILE]... [--timeout SECONDS]

The template names parameters in braces ("A {style} hero image for {audience}"; {{ and }} are literal braces).
The rows file's header (CSV) or keys (JSONL) name the parameters. Images are named by row number and the
row's values (003-kids-winter.png) and never overwrite a file. A failed row is retried once alone and never
stops the others. Exit codes: 0 every row written; 1 some row failed (listed at the end); 2 bad input or a
refused configuration (key, model); 130 cancelled (finished images are kept).`;

export interface ImageRowsArgs {
  help: boolean;
  template: string;
  rows: string;
  rules?: string;
  style?: string;
  out?: string;
  consistent: boolean;
  batchApi: boolean;
  dryRun: boolean;
  json: boolean;
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

/** Whether `figment image` was asked for the per-row form. */
export function isRowsRun(argv: readonly string[]): boolean {
  return argv.some((a) => a === "--template" || a.startsWith("--template=") || a === "--rows" || a.startsWith("--rows="));
}

function oneOf<T extends string>(flag: string, values: readonly T[], value: string | undefined, fallback: T): T {
  if (value === undefined) return fallback;
  if ((values as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${flag} must be ${values.join(", ")}, not ${value || '""'}`);
}

const SINGLE_ONLY = ["prompt", "n", "partials", "previous"] as const;

export function parseImageRowsArgs(argv: string[]): ImageRowsArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: false,
      options: {
        help: { type: "boolean", short: "h" },
        template: { type: "string" },
        rows: { type: "string" },
        rules: { type: "string" },
        style: { type: "string" },
        out: { type: "string" },
        consistent: { type: "boolean" },
        "batch-api": { type: "boolean" },
        "dry-run": { type: "boolean" },
        json: { type: "boolean" },
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
        // Accepted only to be refused by name (below), rather than as "unknown option".
        prompt: { type: "string" },
        n: { type: "string" },
        partials: { type: "string" },
        previous: { type: "string" },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.replace(/\. To specify a positional argument.*$/s, "")} (figment image --template --help lists the flags)`);
  }
  const v = parsed.values;
  const help = v.help ?? false;
  for (const flag of SINGLE_ONLY) if (v[flag] !== undefined) throw new UsageError(`--${flag} applies to a single prompt; with --template each row makes one image from its computed prompt`);
  const template = v.template ?? "";
  const rows = v.rows?.trim() ?? "";
  const dryRun = v["dry-run"] ?? false;
  if (!help) {
    if (!template.trim()) throw new UsageError('--template is required with --rows: figment image --template "A {style} hero for {audience}" --rows rows.csv --out DIR');
    if (!rows) throw new UsageError("--rows FILE is required with --template: a CSV with a header row, or JSONL (one object per line)");
    if (!dryRun && !v.out?.trim()) throw new UsageError("--out DIR is required: the folder the images are written to");
  }
  const provider = providerFlag(v.provider);
  const api = v.api === undefined ? undefined : oneOf("api", ["images", "responses"] as const, v.api, "images");
  if (api && provider !== "openai") throw new UsageError(`--api applies to --provider openai only; ${provider} uses chat completions with image output`);
  const size = v.size === undefined ? "auto" : parseSize(v.size);
  if (!size) throw new UsageError(`--size must be WIDTHxHEIGHT (e.g. 1536x1024) or auto, not ${v.size || '""'}`);
  const model = modelFlag(v.model);
  const baseUrl = baseUrlFlag(v["base-url"]);
  const timeoutSec = timeoutFlag(v.timeout);
  if (v.rules !== undefined && !v.rules.trim()) throw new UsageError("--rules needs a file: a JSON rules file (see figment image --template --help)");
  return {
    help,
    template,
    rows,
    ...(v.rules?.trim() ? { rules: v.rules.trim() } : {}),
    ...(v.style?.trim() ? { style: v.style.trim() } : {}),
    ...(v.out?.trim() ? { out: v.out.trim() } : {}),
    consistent: v.consistent ?? false,
    batchApi: v["batch-api"] ?? false,
    dryRun,
    json: v.json ?? false,
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
