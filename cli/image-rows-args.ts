/**
 * Command-line parsing for `figment image --template … --rows …`: one image per row of a parameters file,
 * each from the template filled with the row's values and the rules' additions. Shares the model and image
 * flags of `figment image`; the single-image flags that make no sense per row (--prompt, --n, --partials,
 * --previous) are refused by name. Bad flags are UsageErrors (exit 2).
 */
import { firstGiven, present, readFlags } from "./flags.js";
import { IMAGE_MODEL_FLAGS, imageModelArgs, type ImageModelArgs } from "./image-model-flags.js";
import { UsageError } from "./io.js";

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

export interface ImageRowsArgs extends ImageModelArgs {
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
}

/** Whether `figment image` was asked for the per-row form. */
export function isRowsRun(argv: readonly string[]): boolean {
  return argv.some((a) => a === "--template" || a.startsWith("--template=") || a === "--rows" || a.startsWith("--rows="));
}

const SINGLE_ONLY = ["prompt", "n", "partials", "previous"] as const;

export function parseImageRowsArgs(argv: string[]): ImageRowsArgs {
  const { values: v } = readFlags(argv, {
    boolean: ["consistent", "batch-api", "dry-run", "json"],
    // The single-image flags are accepted only to be refused by name (below), rather than as "unknown option".
    string: ["template", "rows", "rules", "style", "out", ...IMAGE_MODEL_FLAGS.string, ...SINGLE_ONLY],
    list: IMAGE_MODEL_FLAGS.list,
    hint: "figment image --template --help lists the flags",
  });
  const help = v.help ?? false;
  const single = firstGiven(v, SINGLE_ONLY);
  if (single) throw new UsageError(`--${single} applies to a single prompt; with --template each row makes one image from its computed prompt`);
  const template = v.template ?? "";
  const rows = v.rows?.trim() ?? "";
  const dryRun = v["dry-run"] ?? false;
  if (!help) {
    if (!template.trim()) throw new UsageError('--template is required with --rows: figment image --template "A {style} hero for {audience}" --rows rows.csv --out DIR');
    if (!rows) throw new UsageError("--rows FILE is required with --template: a CSV with a header row, or JSONL (one object per line)");
    if (!dryRun && !v.out?.trim()) throw new UsageError("--out DIR is required: the folder the images are written to");
  }
  const modelArgs = imageModelArgs(v);
  if (v.rules !== undefined && !v.rules.trim()) throw new UsageError("--rules needs a file: a JSON rules file (see figment image --template --help)");
  return {
    help,
    template,
    rows,
    ...present({ rules: v.rules?.trim() || undefined, style: v.style?.trim() || undefined, out: v.out?.trim() || undefined }),
    consistent: v.consistent ?? false,
    batchApi: v["batch-api"] ?? false,
    dryRun,
    json: v.json ?? false,
    ...modelArgs,
  };
}
