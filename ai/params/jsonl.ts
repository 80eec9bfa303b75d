/**
 * Parameter rows from JSONL: one JSON object per line, each value a string, number or boolean (numbers and
 * booleans become the text JSON writes: `3`, `true`). The columns are the keys in order of first appearance;
 * a row without a key has "" there (the template says so if it needs it). Blank lines are skipped; `{}` is
 * an error (an empty row), as is anything that is not an object of plain values — each with its line.
 */
import { at, ParamsError } from "./errors.js";
import type { ParamRow, ParamTable } from "./rows.js";

function fail(message: string): never {
  throw new ParamsError("rows", message);
}

function kindOf(value: unknown): string {
  return value === null
    ? "null"
    : Array.isArray(value)
      ? "an array"
      : typeof value === "object"
        ? "an object"
        : typeof value;
}

export function parseJsonlRows(input: string): ParamTable {
  const text = input.startsWith("\uFEFF") ? input.slice(1) : input;
  const columns: string[] = [];
  const rows: ParamRow[] = [];
  const skippedBlankLines: number[] = [];
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === "") lines.pop();
  lines.forEach((source, index) => {
    const line = index + 1;
    if (source.trim() === "") {
      skippedBlankLines.push(line);
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(source);
    } catch (error) {
      fail(
        `${at(line)}: not valid JSON (${(error as Error).message}); each ` +
          `line must be one object such as {"audience":"kids","mood":"calm"}`,
      );
    }
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed))
      fail(`${at(line)}: expected an object such as {"audience":"kids"}, found ${kindOf(parsed)}`);
    const entries = Object.entries(parsed as Record<string, unknown>);
    const row = rows.length + 1;
    if (entries.length === 0) fail(`${at(line)}: row ${row} is empty ({}); give it values or delete the line`);
    const values: Record<string, string> = {};
    for (const [key, value] of entries) {
      if (!key.trim()) fail(`${at(line)}: a key is empty; every value needs a parameter name`);
      if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean")
        fail(`${at(line)}: "${key}" is ${kindOf(value)}; values must be strings, numbers or booleans`);
      const name = key.trim();
      if (!columns.includes(name)) columns.push(name);
      values[name] = String(value);
    }
    if (Object.values(values).every((v) => v.trim() === ""))
      fail(`${at(line)}: row ${row} is empty (every value is ""); fill it in or delete the line`);
    rows.push({ row, line, values });
  });
  if (rows.length === 0) fail('no rows: the file holds no JSON objects (one per line, e.g. {"audience":"kids"})');
  // Keys a row left out read as "" so every row has every column.
  const full = rows.map((r) => ({ ...r, values: Object.fromEntries(columns.map((c) => [c, r.values[c] ?? ""])) }));
  return { columns, rows: full, skippedBlankLines };
}
