/**
 * Edits of the setup's parameters table: every edit returns a new table. The table's shape and its
 * conversions to and from ai/params' ParamTable live in ai/params/edit-table.ts (the engine worker needs them).
 * Pure.
 */
import { columnSpec, type EditTable } from "../../../../ai/params/edit-table.js";

export {
  choiceNotes,
  columnSpec,
  fromParamTable,
  toParamTable,
  type EditTable,
} from "../../../../ai/params/edit-table.js";

export const STARTER_TABLE: EditTable = { columns: ["subject"], rows: [[""]] };

/** A name not yet in the table: `param`, `param2`, … */
function freshName(table: EditTable, base = "param"): string {
  const names = new Set(table.columns.map((c) => columnSpec(c).name));
  for (let n = 1; ; n++) if (!names.has(n === 1 ? base : `${base}${n}`)) return n === 1 ? base : `${base}${n}`;
}

export function addColumn(table: EditTable, header = freshName(table)): EditTable {
  return { columns: [...table.columns, header], rows: table.rows.map((r) => [...r, ""]) };
}

export function renameColumn(table: EditTable, index: number, header: string): EditTable {
  return { ...table, columns: table.columns.map((c, i) => (i === index ? header : c)) };
}

export function removeColumn(table: EditTable, index: number): EditTable {
  return {
    columns: table.columns.filter((_, i) => i !== index),
    rows: table.rows.map((r) => r.filter((_, i) => i !== index)),
  };
}

/** Adds an empty row after `after` (default: at the end). */
export function addRow(table: EditTable, after = table.rows.length - 1): EditTable {
  const rows = [...table.rows];
  rows.splice(
    after + 1,
    0,
    table.columns.map(() => ""),
  );
  return { ...table, rows };
}

export function removeRow(table: EditTable, index: number): EditTable {
  return { ...table, rows: table.rows.filter((_, i) => i !== index) };
}

export function setCell(table: EditTable, row: number, column: number, value: string): EditTable {
  return { ...table, rows: table.rows.map((r, i) => (i === row ? r.map((c, j) => (j === column ? value : c)) : r)) };
}
