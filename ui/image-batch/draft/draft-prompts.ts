/**
 * The draft's computed prompts, exactly as they will be sent: the template, the rules (optional JSON) and the
 * table go through ai/params `computePrompts` with the style sentence appended (plan.ts styleText). Each
 * problem is kept beside the part it belongs to (rows, template, rules) with where it is; nothing throws.
 * Also the batch's default name and the plan itself. Pure.
 */
import { computePrompts } from "../../../ai/params/compute.js";
import { ParamsError, type ParamsSource } from "../../../ai/params/errors.js";
import { NO_RULES, type RuleSet } from "../../../ai/params/rule-types.js";
import { readRules } from "../../../ai/params/rules-parse.js";
import { parseTemplate, type Template } from "../../../ai/params/template.js";
import type { ImageQuality, SizeChoice } from "../../../ai/image/options.js";
import { styleText, type BatchItem, type BatchPlan, type StyleSpec } from "../plan.js";
import { jsonErrorOffset, lineColumn } from "./json-position.js";
import { choiceNotes, toParamTable, type EditTable } from "./table.js";

export interface DraftPrompts {
  items: BatchItem[];
  /** Not errors: unused columns, rules reading unknown parameters, empty rows left out, values off their choices. */
  notes: string[];
  /** The first problem per part; while any is set, `items` is empty. */
  errors: Partial<Record<ParamsSource, string>>;
}

/** The rules' JSON syntax error said by where it is ("not valid JSON: unexpected "}" at line 2, column 10"). */
export function withLineColumn(message: string, text: string): string {
  const offset = message.startsWith("not valid JSON") ? jsonErrorOffset(text) : undefined;
  if (offset === undefined) return message;
  const found = offset < text.length ? `unexpected ${JSON.stringify(text[offset])}` : "the text ends too soon";
  return `not valid JSON: ${found} at ${lineColumn(text, offset)}`;
}

/** The table's rows are their own lines: "row 2 (line 2)" says the row once. */
const rowsWords = (message: string): string => message.replace(/\brow (\d+) \(line \1\)/g, "row $1");

/** Runs one step; a ParamsError goes to the part it names (an empty value is the rows', not the template's). */
function attempt<T>(errors: DraftPrompts["errors"], run: () => T): T | undefined {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof ParamsError)) throw error;
    errors[error.source] ??= error.message;
    return undefined;
  }
}

export function draftPrompts(input: { table: EditTable; template: string; rules: string; spec: StyleSpec }): DraftPrompts {
  const errors: DraftPrompts["errors"] = {};
  const template: Template | undefined = attempt(errors, () => parseTemplate(input.template));
  const rules: RuleSet | undefined = input.rules.trim() ? attempt(errors, () => readRules(input.rules)) : NO_RULES;
  if (errors.rules) errors.rules = withLineColumn(errors.rules, input.rules);
  const table = attempt(errors, () => toParamTable(input.table));
  if (table && table.rows.length === 0) errors.rows = "no rows yet: fill in the table, paste CSV or JSONL, or fill it from the selection";
  if (!template || !rules || !table || table.rows.length === 0) return { items: [], notes: [], errors };
  const computed = attempt(errors, () => computePrompts(table, template, rules, { style: styleText(input.spec) }));
  if (errors.rows) errors.rows = rowsWords(errors.rows);
  if (!computed) return { items: [], notes: [], errors };
  const notes = computed.notes.map((n) => n.replace(/^skipped blank lines? ([\d, ]+) of the rows file$/, (_, rows: string) => `empty row${rows.includes(",") ? "s" : ""} ${rows} left out`));
  return { items: computed.rows.map((r) => ({ row: r.row, values: r.values, prompt: r.prompt, stem: r.stem })), notes: [...notes, ...choiceNotes(input.table)], errors };
}

const EDGE_WORDS = new Set(["a", "an", "the", "for", "of", "with", "in", "on", "and", "to", "at", "by"]);

/** "A {style} hero image for {audience}" → "Hero image batch": the template's own words, placeholders out. */
export function defaultBatchName(template: string): string {
  const words = template
    .replace(/\{[^}]*\}/g, " ")
    .replace(/[^\p{L}\p{N}\s-]/gu, " ")
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 8);
  while (words.length && EDGE_WORDS.has(words[0]!.toLowerCase())) words.shift();
  const kept = words.slice(0, 4);
  while (kept.length && EDGE_WORDS.has(kept.at(-1)!.toLowerCase())) kept.pop();
  if (kept.length === 0) return "Image batch";
  const text = kept.join(" ");
  return `${text[0]!.toUpperCase()}${text.slice(1)} batch`;
}

export interface PlanOptions {
  name: string;
  size: SizeChoice;
  quality: ImageQuality;
  acceptFirst: boolean;
  reasonFirst: boolean;
}

/** The plan the run and the Batch API take: the computed items with the style and options they share. */
export function buildPlan(items: readonly BatchItem[], spec: StyleSpec, options: PlanOptions, template: string): BatchPlan {
  return { name: options.name.trim() || defaultBatchName(template), items: [...items], style: spec, size: options.size, quality: options.quality, acceptFirst: options.acceptFirst, reasonFirst: options.reasonFirst };
}
