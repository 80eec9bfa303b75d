/**
 * What goes wrong in conditional generation's inputs (rows, template, rules), said with where: the file's
 * line and column, the row, or the rule's JSON path. One error class, so the CLI turns any of them into a
 * usage error (exit 2) and the panel can show them beside the field they belong to.
 */
import { FigmentError } from "../../kernel/errors.js";

/** The part of the input a problem is in: the rows file, the template or the rules file. */
export type ParamsSource = "rows" | "template" | "rules";

/** Bad input that names its part (`source`), so a surface can say which file or field to fix. */
export class ParamsError extends FigmentError {
  override readonly name = "ParamsError";
  constructor(
    readonly source: ParamsSource,
    message: string,
  ) {
    super("input", message);
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
