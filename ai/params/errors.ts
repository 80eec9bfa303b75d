/**
 * What goes wrong in conditional generation's inputs (rows, template, rules), said with where: the file's
 * line and column, the row, or the rule's JSON path. One error class, so the CLI turns any of them into a
 * usage error (exit 2) and the panel can show them beside the field they belong to.
 */

/** The part of the input a problem is in: the rows file, the template or the rules file. */
export type ParamsSource = "rows" | "template" | "rules";

export class ParamsError extends Error {
  override readonly name = "ParamsError";
  constructor(
    readonly source: ParamsSource,
    message: string,
  ) {
    super(message);
  }
}

/** "line 3, column 7: …" — lines and columns count from 1, as editors show them. */
export function at(line: number, column?: number): string {
  return column === undefined ? `line ${line}` : `line ${line}, column ${column}`;
}

/** "row 2 (line 3)": a data row by its number (header excluded) and where it starts in the file. */
export function rowLabel(row: { row: number; line: number }): string {
  return `row ${row.row} (line ${row.line})`;
}
