/**
 * Every row's computed prompt: the rules applied to the row's values (rules-eval.ts), the template filled
 * with the resulting values, then the rules' style notes and the shared style text appended in a fixed
 * form. Only this text ever reaches the model: rules are never sent, and values are quoted into the prompt
 * as they are — a value that reads like an instruction is still just a value the user wrote.
 */
import { rowStem } from "./names.js";
import type { ParamRow, ParamTable } from "./rows.js";
import { paramsRead, paramsSet, type RuleSet } from "./rule-types.js";
import { applyRules, ruleWarnings } from "./rules-eval.js";
import { checkTemplate, fillTemplate, unusedColumns, type Template } from "./template.js";
import { agree } from "../../kernel/plural.js";

export interface ComputedRow {
  row: number;
  line: number;
  prompt: string;
  /** The row's values after the rules' `set`s. */
  values: Record<string, string>;
  /** The rules' style notes, in order. */
  additions: string[];
  /** Indexes of the rules that held. */
  applied: number[];
  /** A safe file stem: row number and key values (names.ts). */
  stem: string;
}

export interface ComputedPrompts {
  rows: ComputedRow[];
  /** Not errors, but worth saying: unused columns, rules reading unknown parameters, skipped blank lines. */
  notes: string[];
}

export interface ComputeOptions {
  /** Style text shared by every row (e.g. `--style`), appended after the rules' notes. */
  style?: string;
}

/** "Style notes: a; b." — a sentence ends once, whatever the last note ends with. */
function sentence(label: string, parts: readonly string[]): string {
  const body = parts.join("; ");
  return `${label}: ${/[.!?]$/.test(body) ? body : `${body}.`}`;
}

/** The prompt from its pieces: the filled template, the rules' notes, the shared style. */
export function composePrompt(filled: string, additions: readonly string[], style?: string): string {
  const blocks = [filled.trim()];
  if (additions.length > 0) blocks.push(sentence("Style notes", additions));
  if (style?.trim()) blocks.push(sentence("Style", [style.trim()]));
  return blocks.join("\n\n");
}

function computeRow(
  row: ParamRow,
  total: number,
  template: Template,
  rules: RuleSet,
  options: ComputeOptions,
): ComputedRow {
  const outcome = applyRules(rules, row.values);
  const filled = fillTemplate(template, outcome.values, row);
  const keyValues = template.params.map((p) => outcome.values[p] ?? "");
  return {
    row: row.row,
    line: row.line,
    prompt: composePrompt(filled, outcome.additions, options.style),
    values: outcome.values,
    additions: outcome.additions,
    applied: outcome.applied,
    stem: rowStem(row.row, total, keyValues),
  };
}

/** Throws ParamsError for an unknown placeholder or an empty value; notes the rest. */
export function computePrompts(
  table: ParamTable,
  template: Template,
  rules: RuleSet,
  options: ComputeOptions = {},
): ComputedPrompts {
  checkTemplate(template, table.columns, paramsSet(rules));
  const readByRules = new Set(rules.rules.flatMap((r) => paramsRead(r.when)));
  const unused = unusedColumns(template, table.columns).filter((c) => !readByRules.has(c));
  const notes = [
    ...(unused.length
      ? [
          `${agree(unused.length, "column")} ${unused.map((c) => `"${c}"`).join(", ")} ` +
            `not used by the template or any rule (allowed; ignored)`,
        ]
      : []),
    ...ruleWarnings(rules, table.columns),
    ...(table.skippedBlankLines.length
      ? [
          `skipped blank ${agree(table.skippedBlankLines.length, "line")} ` +
            `${table.skippedBlankLines.join(", ")} of the rows file`,
        ]
      : []),
  ];
  return { rows: table.rows.map((row) => computeRow(row, table.rows.length, template, rules, options)), notes };
}
