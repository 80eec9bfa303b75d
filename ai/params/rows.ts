/**
 * The parameter table both readers produce: the column names in file order and one row per data line, each
 * value a string (JSONL numbers and booleans are written as JSON writes them). Rows carry their number
 * (1 = the first data row) and the line they start on, so every later message can point back into the file.
 */
export interface ParamRow {
  /** 1-based, data rows only (a CSV header is not a row). */
  row: number;
  /** 1-based line in the file where the row starts. */
  line: number;
  values: Readonly<Record<string, string>>;
}

export interface ParamTable {
  columns: readonly string[];
  rows: readonly ParamRow[];
  /** Lines that were blank and skipped (1-based), for a note; never an error. */
  skippedBlankLines: readonly number[];
}

/** Which reader a rows file needs, by its name: `.jsonl` / `.ndjson` → JSONL, anything else → CSV. */
export function rowsFormatOf(path: string): "csv" | "jsonl" {
  return /\.(jsonl|ndjson)$/i.test(path) ? "jsonl" : "csv";
}
