/**
 * Command-line parsing for `figment image --template … --rows …`: one image per row of a parameters file,
 * each from the template filled with the row's values and the rules' additions. Shares the model and image
 * flags of `figment image`; the single-image flags that make no sense per row (--prompt, --n, --partials,
 * --previous) are refused by name. Bad flags are input errors (exit 2).
 */
import { checkSweeps, parseSweep, sweepRefusal, type Sweep, workflowSweepRefusal } from "../../ai/params/sweep.js";
import { firstGiven, oneOfWords, present, readFlags } from "../common/flags.js";
import { IMAGE_MODEL_FLAGS, imageModelArgs, type ImageModelArgs } from "./model-flags.js";
import {
  COMFY_FLAGS,
  LOCAL_PROVIDERS,
  parseSdImageArgs,
  refuseSdFlags,
  SD_FLAGS,
  type LocalProviderName,
  type SdImageArgs,
} from "./sd-args.js";
import { PROVIDERS } from "../../contract/words.js";
import { FigmentError, isFigmentError } from "../../kernel/errors.js";

export const IMAGE_ROWS_USAGE =
  `figment image --template — one image per row of parameters, written under --out

Usage:
  figment image --template TEXT --rows FILE.csv|FILE.jsonl --out DIR
  figment image --template TEXT [--rows FILE] --sweep cfg=4,7,10 [--sweep seed=1,2] --provider sdnext --out DIR
    [--rules RULES.json]                conditions on the parameters that add style notes or set parameters
    [--style TEXT]                      style text every row's prompt ends with
    [--consistent]                      after the first image, send it as a reference with every later row
    [--dry-run] [--json]                --dry-run prints every row's computed prompt (and each --sweep cell's ` +
  `request) and sends nothing
    [--batch-api]                       submit every row as one OpenAI Batch API batch recorded in DIR/batch.json
                                        (half the price, within 24 h; then figment batch status|collect DIR)
    [--provider openai|openrouter|custom] [--base-url URL] [--model M] [--api images|responses]
    [--size WxH|auto] [--quality low|medium|high|auto] [--background auto|opaque|transparent]
    [--format png|jpeg|webp] [--ref FILE]... [--timeout SECONDS]
    [--sweep PARAM=V1,V2,…]             a parameter grid (X/Y plot): every row once per value; a second --sweep
                                        adds the grid's rows. PARAM: seed (whole, or -1), cfg (1–30), steps
                                        (1–150), strength (0–1, with --ref), sampler — on sdnext|a1111|comfyui;
                                        quality on the hosted providers (their APIs have no seed, CFG or steps).
                                        Files are named by the values (cfg-7_seed-2.png); --json lists each with its
                                        seed. Without --rows the template is the one prompt.
  With --provider sdnext|a1111|comfyui the rows run one at a time on the server (its GPU runs one job at a time)
  with --negative --seed --steps --cfg --sampler --strength --size --base-url (see figment image --help); on
  comfyui also --model (a checkpoint it lists), --scheduler NAME (one it lists) and --workflow FILE (your own
  API-format workflow, its placeholders filled per row; only seed is swept then). --consistent there keeps one
  seed for every row (--seed, else the first image's); --timeout bounds the whole run: the server is interrupted
  and the images written are kept.

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
  /** The parameter grid's sweeps (columns, then rows); [] for a plain batch. */
  sweeps: Sweep[];
  /** Set with --provider sdnext|a1111: the server and its generation flags (the ImageModelArgs are then unused). */
  sd?: SdImageArgs;
}

/** Whether `figment image` was asked for the per-row form. */
export function isRowsRun(argv: readonly string[]): boolean {
  return argv.some(
    (a) => a === "--template" || a.startsWith("--template=") || a === "--rows" || a.startsWith("--rows="),
  );
}

export const SINGLE_ONLY = [
  "prompt",
  "n",
  "count",
  "partials",
  "previous",
  "mask",
  "control",
  "control-type",
  "control-strength",
] as const;

const isLocalProvider = (provider: string): provider is LocalProviderName =>
  (LOCAL_PROVIDERS as readonly string[]).includes(provider);

function sweepsOf(texts: readonly string[], provider: string, local: boolean, workflow: boolean): Sweep[] {
  try {
    const sweeps = texts.map(parseSweep);
    checkSweeps(sweeps);
    for (const sweep of sweeps) {
      const refusal = sweepRefusal(sweep.param, local ? "sd" : "hosted", provider);
      if (refusal) throw new FigmentError("input", refusal);
      const ignored = workflow ? workflowSweepRefusal(sweep.param) : undefined;
      if (ignored) throw new FigmentError("input", ignored);
    }
    return sweeps;
  } catch (error) {
    throw isFigmentError(error, "input") ? new FigmentError("input", `--sweep ${error.message}`) : error;
  }
}

/**
 * The flags `figment image --template` takes (help.test.ts holds IMAGE_ROWS_USAGE to them); the single-image
 * flags (SINGLE_ONLY) are accepted only to be refused by name, rather than as "unknown option".
 */
export const IMAGE_ROWS_FLAGS = {
  boolean: ["consistent", "batch-api", "dry-run", "json"],
  string: [
    "template",
    "rows",
    "rules",
    "style",
    "out",
    ...IMAGE_MODEL_FLAGS.string,
    ...SD_FLAGS,
    ...COMFY_FLAGS,
    ...SINGLE_ONLY,
  ],
  list: [...IMAGE_MODEL_FLAGS.list, "sweep"],
} as const;

export function parseImageRowsArgs(argv: string[]): ImageRowsArgs {
  const { values: v } = readFlags(argv, {
    ...IMAGE_ROWS_FLAGS,
    hint: "figment image --template --help lists the flags",
  });
  const help = v.help ?? false;
  const single = firstGiven(v, SINGLE_ONLY);
  if (single)
    throw new FigmentError(
      "input",
      `--${single} applies to a single prompt; with --template each row makes one image from its computed prompt`,
    );
  const template = v.template ?? "";
  const rows = v.rows?.trim() ?? "";
  const dryRun = v["dry-run"] ?? false;
  const provider = oneOfWords("provider", [...PROVIDERS, ...LOCAL_PROVIDERS], v.provider, "openai");
  const local = isLocalProvider(provider);
  if (!local) refuseSdFlags(v, provider);
  const sweeps = sweepsOf(v.sweep ?? [], provider, local, local && v.workflow !== undefined);
  if (!help) {
    if (!template.trim())
      throw new FigmentError(
        "input",
        "--template is required with --rows: figment image --template " +
          '"A {style} hero for {audience}" --rows rows.csv --out DIR',
      );
    if (!rows && sweeps.length === 0)
      throw new FigmentError(
        "input",
        "--rows FILE is required with --template: a CSV with a header row, or JSONL " +
          "(one object per line); or --sweep PARAM=V1,V2 for a grid of the one prompt",
      );
    if (!dryRun && !v.out?.trim())
      throw new FigmentError("input", "--out DIR is required: the folder the images are written to");
  }
  if (sweeps.some((s) => s.param === "strength") && (v.ref ?? []).length === 0)
    throw new FigmentError(
      "input",
      "--sweep strength sweeps img2img's denoising strength: give the init image with --ref",
    );
  if (local && !help) {
    if (v["batch-api"])
      throw new FigmentError(
        "input",
        `--batch-api submits to OpenAI's Batch API; --provider ${provider} runs on your own server: leave it out`,
      );
    const { "dry-run": _dry, ...forSd } = v;
    const sd = parseSdImageArgs({ ...forSd, out: v.out ?? (dryRun ? "-" : undefined) }, provider, template);
    const base = {
      help,
      template,
      rows,
      ...present({
        rules: v.rules?.trim() || undefined,
        style: v.style?.trim() || undefined,
        out: v.out?.trim() || undefined,
      }),
    };
    return {
      ...base,
      consistent: v.consistent ?? false,
      batchApi: false,
      dryRun,
      json: v.json ?? false,
      sweeps,
      sd,
      ...imageModelArgs({}),
    };
  }
  const { provider: _p, ...hosted } = v;
  const modelArgs = imageModelArgs(local ? hosted : v);
  if (v.rules !== undefined && !v.rules.trim())
    throw new FigmentError("input", "--rules needs a file: a JSON rules file (see figment image --template --help)");
  return {
    help,
    template,
    rows,
    ...present({
      rules: v.rules?.trim() || undefined,
      style: v.style?.trim() || undefined,
      out: v.out?.trim() || undefined,
    }),
    consistent: v.consistent ?? false,
    batchApi: v["batch-api"] ?? false,
    dryRun,
    json: v.json ?? false,
    sweeps,
    ...modelArgs,
  };
}
