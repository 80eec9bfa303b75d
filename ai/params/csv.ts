/**
 * Parameter rows from CSV (RFC 4180): the first row names the parameters; fields are separated by commas,
 * records by CRLF or LF; a field in double quotes may hold commas, line breaks and `""` for a quote. A UTF-8
 * BOM is dropped. A quote inside an unquoted field is kept as a character (as spreadsheets write `5" tall`).
 *
 * Blank lines are skipped (a trailing newline, spacing between groups) and listed in `skippedBlankLines`;
 * a row whose cells are all empty (`,,`) is an error: it is usually a deleted spreadsheet row, and it would
 * make a prompt from nothing. Every error names the line (and column where one character is at fault).
 */
import { at, ParamsError } from "./errors.js";
import type { ParamRow, ParamTable } from "./rows.js";
import { plural } from "../../kernel/plural.js";

interface CsvRecord {
  line: number;
  cells: string[];
  /** A line with nothing on it (one empty, unquoted field). */
  blank: boolean;
}

function fail(message: string): never {
  throw new ParamsError("rows", message);
}

/** Splits the text into records; quoted fields may span lines. */
export function csvRecords(input: string): CsvRecord[] {
  const text = input.startsWith("\uFEFF") ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = "";
  let quotedAny = false;
  let line = 1;
  let column = 1;
  let recordLine = 1;
  let i = 0;
  const endRecord = (): void => {
    cells.push(cell);
    records.push({ line: recordLine, cells, blank: cells.length === 1 && cell === "" && !quotedAny });
    cells = [];
    cell = "";
    quotedAny = false;
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"' && cell === "" && !quotedAny) {
      // A quoted field: read to its closing quote.
      const openLine = line;
      const openColumn = column;
      quotedAny = true;
      i++;
      column++;
      for (;;) {
        if (i >= text.length)
          fail(
            `${at(openLine, openColumn)}: a quoted field is not closed; ` +
              `add the closing " (a quote inside it is written "")`,
          );
        const c = text[i]!;
        if (c === '"' && text[i + 1] === '"') {
          cell += '"';
          i += 2;
          column += 2;
        } else if (c === '"') {
          i++;
          column++;
          break;
        } else {
          cell += c;
          i++;
          if (c === "\n" || (c === "\r" && text[i] !== "\n")) {
            line++;
            column = 1;
          } else if (c !== "\r") column++;
        }
      }
      const next = text[i];
      if (next !== undefined && next !== "," && next !== "\n" && next !== "\r")
        fail(
          `${at(line, column)}: unexpected ${JSON.stringify(next)} after ` +
            `a closing quote; a quote inside a quoted field is written ""`,
        );
      continue;
    }
    if (ch === ",") {
      cells.push(cell);
      cell = "";
      quotedAny = false;
      i++;
      column++;
      continue;
    }
    if (ch === "\r" || ch === "\n") {
      endRecord();
      i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
      line++;
      column = 1;
      recordLine = line;
      continue;
    }
    if (quotedAny)
      fail(
        `${at(line, column)}: unexpected ${JSON.stringify(ch)} after ` +
          `a closing quote; a quote inside a quoted field is written ""`,
      );
    cell += ch;
    i++;
    column++;
  }
  // The last record, unless the text ended with a line break.
  if (cell !== "" || cells.length > 0 || quotedAny) endRecord();
  return records;
}

/** The header's names, trimmed: each non-empty and unique. */
function headerOf(record: CsvRecord): string[] {
  const names = record.cells.map((c) => c.trim());
  names.forEach((name, i) => {
    if (!name)
      fail(
        `${at(record.line)}: header cell ${i + 1} is empty; every ` +
          `column needs a name (the header row names the parameters)`,
      );
    const first = names.indexOf(name);
    if (first !== i)
      fail(
        `${at(record.line)}: column name "${name}" appears twice (header cells ${first + 1} and ${i + 1}); rename one`,
      );
  });
  return names;
}

export function parseCsvRows(text: string): ParamTable {
  const records = csvRecords(text);
  const skippedBlankLines = records.filter((r) => r.blank).map((r) => r.line);
  const filled = records.filter((r) => !r.blank);
  const head = filled[0];
  if (!head) fail("the file is empty: the first line must name the parameters, e.g. audience,season,mood");
  const columns = headerOf(head);
  const rows: ParamRow[] = filled.slice(1).map((record, index) => {
    const row = index + 1;
    const n = record.cells.length;
    if (n !== columns.length) {
      const hint = n > columns.length ? ' (a value with a comma needs quotes: "warm, soft")' : "";
      fail(`${at(record.line)}: row ${row} has ${plural(n, "cell")}, the header has ${columns.length}${hint}`);
    }
    if (record.cells.every((c) => c.trim() === ""))
      fail(`${at(record.line)}: row ${row} is empty (every cell is empty); fill it in or delete the line`);
    return { row, line: record.line, values: Object.fromEntries(columns.map((name, i) => [name, record.cells[i]!])) };
  });
  if (rows.length === 0) fail(`no rows: the header (${at(head.line)}) is followed by no data rows`);
  return { columns, rows, skippedBlankLines };
}
