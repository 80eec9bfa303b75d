/**
 * From the flags to the list of requests, before anything is sent: reads the rows file (CSV or JSONL by its
 * extension), the rules file and the template, computes every row's prompt (ai/params) and builds one image
 * request per row. This list is the seam other senders take (e.g. a Batch API writer): `planRows` sends
 * nothing and needs no key. Problems in the inputs become usage errors naming the flag and file.
 */
import {
  ParamsError,
  computePrompts,
  parseCsvRows,
  parseJsonlRows,
  parseTemplate,
  readRules,
  rowRequests,
  rowsFormatOf,
  NO_RULES,
  type ComputedPrompts,
  type RowRequest,
  type ParamTable,
  type RuleSet,
  type SharedImageOptions,
} from "../../ai/params/index.js";
import type { ImageInput } from "../../ai/image/options.js";
import type { ImageRowsArgs } from "./rows-args.js";
import { readText } from "../common/io.js";
import { FigmentError } from "../../kernel/errors.js";

export interface RowsPlan {
  computed: ComputedPrompts;
  requests: RowRequest[];
  shared: SharedImageOptions;
}

function flagOf(error: ParamsError, args: ImageRowsArgs): string {
  if (error.source === "template") return "--template";
  if (error.source === "rules") return `--rules ${args.rules}`;
  return `--rows ${args.rows}`;
}

/** Runs `fn`, turning a ParamsError into an input error that names the flag (and file) it is about. */
function asUsage<T>(args: ImageRowsArgs, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof ParamsError) throw new FigmentError("input", `${flagOf(error, args)}: ${error.message}`);
    throw error;
  }
}

/** A grid without --rows: the template is the one prompt (a placeholder in it then names no column). */
const ONE_ROW: ParamTable = { columns: [], rows: [{ row: 1, line: 1, values: {} }], skippedBlankLines: [] };

async function readTable(args: ImageRowsArgs): Promise<ParamTable> {
  if (!args.rows) return ONE_ROW;
  const rowsText = await readText(args.rows).catch((error: Error) => {
    throw new FigmentError("input", `--rows: ${error.message}`);
  });
  return asUsage(args, () => (rowsFormatOf(args.rows) === "jsonl" ? parseJsonlRows(rowsText) : parseCsvRows(rowsText)));
}

export async function planRows(args: ImageRowsArgs, references: readonly ImageInput[]): Promise<RowsPlan> {
  const template = asUsage(args, () => parseTemplate(args.template));
  const table = await readTable(args);
  let rules: RuleSet = NO_RULES;
  if (args.rules) {
    const rulesText = await readText(args.rules).catch((error: Error) => {
      throw new FigmentError("input", `--rules: ${error.message}`);
    });
    rules = asUsage(args, () => readRules(rulesText));
  }
  const computed = asUsage(args, () => computePrompts(table, template, rules, args.style ? { style: args.style } : {}));
  const shared: SharedImageOptions = {
    size: args.size,
    quality: args.quality,
    background: args.background,
    format: args.format,
    references,
  };
  return { computed, requests: rowRequests(computed.rows, shared), shared };
}
