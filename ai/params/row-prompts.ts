/**
 * The Rows setup's computed prompts, exactly as they will be sent: the template, the rules (optional JSON) and the
 * table go through ai/params `computePrompts` with the style sentence appended (plan.ts styleText). Each
 * problem is kept beside the part it belongs to (rows, template, rules) with where it is; nothing throws.
 * Runs in the engine worker (`row-prompts`, `read-rows`): ai/params stays out of ui.html's budget. Pure.
 */
import { computePrompts } from "./compute.js";
import { ParamsError, type ParamsSource } from "./errors.js";
import { NO_RULES, type RuleSet } from "./rule-types.js";
import { readRules } from "./rules-parse.js";
import { checkTemplate, parseTemplate, type Template } from "./template.js";
import { parseCsvRows } from "./csv.js";
import { parseJsonlRows } from "./jsonl.js";
import { jsonErrorOffset, lineColumn } from "../text/json-position.js";
import { choiceNotes, fromParamTable, toParamTable, type EditTable } from "./edit-table.js";

/** One row's prompt, as the Rows plan takes it (ui/image/rows/plan.ts PlanItem). */
export interface PromptItem {
  /** 1-based, as the user counts rows. */
  row: number;
  values: Record<string, string>;
  prompt: string;
  /** Names the layer and any file: row number and key values (names.ts). */
  stem: string;
}

export interface RowPrompts {
  items: PromptItem[];
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
function attempt<T>(errors: RowPrompts["errors"], run: () => T): T | undefined {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof ParamsError)) throw error;
    errors[error.source] ??= error.message;
    return undefined;
  }
}

export function rowPrompts(input: { table: EditTable; template: string; rules: string; style: string }): RowPrompts {
  const errors: RowPrompts["errors"] = {};
  const template: Template | undefined = attempt(errors, () => parseTemplate(input.template));
  const rules: RuleSet | undefined = input.rules.trim() ? attempt(errors, () => readRules(input.rules)) : NO_RULES;
  if (errors.rules) errors.rules = withLineColumn(errors.rules, input.rules);
  const table = attempt(errors, () => toParamTable(input.table));
  if (table && table.rows.length === 0)
    errors.rows = "no rows yet: fill in the table, paste CSV or JSONL, or fill it from the selection";
  // Broken rules still leave the template checked against the columns, so both problems show at once.
  if (template && !rules && table) attempt(errors, () => checkTemplate(template, table.columns));
  if (!template || !rules || !table || table.rows.length === 0) return { items: [], notes: [], errors };
  const computed = attempt(errors, () => computePrompts(table, template, rules, { style: input.style }));
  if (errors.rows) errors.rows = rowsWords(errors.rows);
  if (!computed) return { items: [], notes: [], errors };
  const notes = computed.notes.map((n) =>
    n.replace(
      /^skipped blank lines? ([\d, ]+) of the rows file$/,
      (_, rows: string) => `empty row${rows.includes(",") ? "s" : ""} ${rows} left out`,
    ),
  );
  return {
    items: computed.rows.map((r) => ({ row: r.row, values: r.values, prompt: r.prompt, stem: r.stem })),
    notes: [...notes, ...choiceNotes(input.table)],
    errors,
  };
}

/** The rows in the paste box: JSONL when its first non-blank character is "{", CSV otherwise. Throws ParamsError. */
export function readPasted(text: string): EditTable {
  return fromParamTable(text.trimStart().startsWith("{") ? parseJsonlRows(text) : parseCsvRows(text));
}
