/**
 * The Rows setup's parameters table as the user edits it (header cells and rows of strings, always
 * rectangular) and its conversions to and from the ParamTable that prompts are computed from. A header cell
 * names a parameter and may list its allowed values after a colon (`mood: calm|bold`). Shared by the panel,
 * which edits the table, and the engine worker, which computes the prompts (row-prompts.ts). Pure.
 */
import { ParamsError } from "./errors.js";
import type { ParamRow, ParamTable } from "./rows.js";

export interface EditTable {
  /** Header cells as typed: `audience`, `mood: calm|bold`. */
  columns: string[];
  /** One string per column in every row. */
  rows: string[][];
}

/** A header cell's parameter name and its allowed values (`mood: calm|bold` → mood, [calm, bold]). */
export function columnSpec(header: string): { name: string; choices: string[] } {
  const colon = header.indexOf(":");
  if (colon < 0) return { name: header.trim(), choices: [] };
  const choices = header
    .slice(colon + 1)
    .split("|")
    .map((c) => c.trim())
    .filter(Boolean);
  return { name: header.slice(0, colon).trim(), choices: [...new Set(choices)] };
}

/** A parsed rows file (CSV, JSONL, the model's rows) as an editable table. */
export function fromParamTable(table: ParamTable): EditTable {
  return { columns: [...table.columns], rows: table.rows.map((r) => table.columns.map((c) => r.values[c] ?? "")) };
}

const isBlank = (row: readonly string[]): boolean => row.every((c) => c.trim() === "");

/**
 * The rows for computing prompts: rows with every cell empty are left out (a row just added is no error) and
 * listed in `skippedBlankLines` by row number. Throws ParamsError("rows") for a header without a name or a
 * name used twice, naming the column.
 */
export function toParamTable(table: EditTable): ParamTable {
  const names = table.columns.map((header, i) => {
    const { name } = columnSpec(header);
    if (!name) throw new ParamsError("rows", `column ${i + 1} has no name; name it (e.g. "audience") or remove it`);
    return name;
  });
  names.forEach((name, i) => {
    const first = names.indexOf(name);
    if (first !== i)
      throw new ParamsError(
        "rows",
        `column name "${name}" appears twice (columns ${first + 1} and ${i + 1}); rename one`,
      );
  });
  const rows: ParamRow[] = [];
  const skippedBlankLines: number[] = [];
  table.rows.forEach((cells, i) => {
    if (isBlank(cells)) skippedBlankLines.push(i + 1);
    else rows.push({ row: i + 1, line: i + 1, values: Object.fromEntries(names.map((n, j) => [n, cells[j] ?? ""])) });
  });
  return { columns: names, rows, skippedBlankLines };
}

/** Cells outside their column's allowed values, as notes ("row 2: mood is "loud", not one of calm, bold"). */
export function choiceNotes(table: EditTable): string[] {
  const notes: string[] = [];
  table.columns.forEach((header, j) => {
    const { name, choices } = columnSpec(header);
    if (choices.length === 0) return;
    table.rows.forEach((cells, i) => {
      const value = (cells[j] ?? "").trim();
      if (value && !choices.includes(value))
        notes.push(`row ${i + 1}: ${name} is "${value}", not one of ${choices.join(", ")}`);
    });
  });
  return notes;
}
