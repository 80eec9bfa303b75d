/**
 * What `figment image --template` prints: every row's computed prompt for --dry-run (plain, or --json
 * `{ prompts: [{ row, prompt }], notes }`) and, with --sweep, each cell with the request it would send (`grid`,
 * `cells`), a progress line per row on stderr, and at the end what was written
 * and a summary line that lists the failed rows (plain), or all of it as JSON.
 */
import type { ComputedPrompts, Grid, SweepValue } from "../../ai/params/index.js";
import type { Output } from "../common/design-files.js";
import type { RowEvent, RowsRunResult } from "./rows-run.js";
import { agree, plural } from "../../kernel/plural.js";

/** A parameter grid's cell as --dry-run shows it: its row, file stem, swept values and the request it would send. */
export interface PlannedCell {
  row: number;
  stem: string;
  params: Record<string, SweepValue>;
  /** The request's parameters but the prompt (the row's, printed above), in the order they read. */
  request: Record<string, string | number>;
}

const gridJson = (grid: Grid) => ({
  columns: grid.columns,
  rows: grid.rowLabels.length,
  columnLabels: grid.columnLabels,
  rowLabels: grid.rowLabels,
});

/** "cfg 4, seed 1" and "txt2img 512×512 · steps 12 · cfg 4": a cell's values and its request in one line each. */
const valuesText = (values: Record<string, string | number>): string =>
  Object.entries(values)
    .map(([k, v]) => `${k} ${v}`)
    .join(", ");

/**
 * --dry-run: every row's computed prompt and, with --sweep, every cell of the grid with its request; nothing is sent.
 */
export function printPrompts(
  computed: ComputedPrompts,
  json: boolean,
  io: Output,
  grid?: { grid: Grid; cells: PlannedCell[] },
): void {
  if (json) {
    io.out(
      JSON.stringify(
        {
          prompts: computed.rows.map((r) => ({ row: r.row, prompt: r.prompt })),
          notes: computed.notes,
          ...(grid ? { grid: gridJson(grid.grid), cells: grid.cells } : {}),
        },
        null,
        2,
      ),
    );
    return;
  }
  const n = computed.rows.length;
  io.out(`Computed prompts (--dry-run): ${plural(n, "row")}, nothing was sent.`);
  for (const r of computed.rows) {
    io.out("");
    io.out(
      `row ${r.row} (line ${r.line}) → ` +
        `${r.stem}.*${r.applied.length ? `  [rules ${r.applied.map((i) => i + 1).join(", ")}]` : ""}`,
    );
    for (const line of r.prompt.split("\n")) io.out(line ? `  ${line}` : "");
  }
  if (!grid) return;
  io.out("");
  io.out(
    `Grid (--sweep): ${grid.grid.columns}×${grid.grid.rowLabels.length}, ` +
      `${plural(grid.cells.length, "image")}, sent in this order:`,
  );
  for (const cell of grid.cells)
    io.out(`  ${cell.stem}.*  row ${cell.row}: ${valuesText(cell.params)}  →  ${valuesText(cell.request)}`);
}

const lineOf = (computed: ComputedPrompts, row: number): number | undefined =>
  computed.rows.find((r) => r.row === row)?.line;
const label = (computed: ComputedPrompts, row: number): string => `row ${row} (line ${lineOf(computed, row)})`;

export function rowEventLine(event: RowEvent, computed: ComputedPrompts): string {
  if (event.type === "written") {
    const w = event.written;
    return (
      `  ${label(computed, w.row)} → ${w.path} (${w.width}×${w.height} ` +
      `${w.format}${w.attempts > 1 ? ", on the retry" : ""})`
    );
  }
  if (event.type === "retry") return `  ${label(computed, event.row)}: ${event.error.message}; retrying this row once`;
  return `  ${label(computed, event.failed.row)} failed: ${event.failed.error.message}`;
}

export interface RunFacts {
  out: string;
  json: boolean;
  provider: string;
  /** The model that drew the images; a local SD server's only when it said which (omitted from --json otherwise). */
  model?: string;
  api: string;
  consistent: boolean;
  /** A parameter grid's shape and headers, for --json. */
  grid?: Grid;
}

/** "3 rows: 2 written, 1 failed (row 2)" — the line a script or a person reads first. */
export function summaryLine(result: RowsRunResult, total: number, noun: "row" | "image" = "row"): string {
  const parts = [`${result.written.length} written`];
  if (result.failed.length)
    parts.push(
      `${result.failed.length} failed (${agree(result.failed.length, "row")} ` +
        `${result.failed.map((f) => f.row).join(", ")})`,
    );
  if (result.notSent.length)
    parts.push(
      `${result.notSent.length} not sent (${agree(result.notSent.length, "row")} ${result.notSent.join(", ")})`,
    );
  return `${plural(total, noun)}: ${parts.join(", ")}${result.cancelled ? "; cancelled (finished images kept)" : ""}`;
}

export function printRowsResult(result: RowsRunResult, computed: ComputedPrompts, facts: RunFacts, io: Output): void {
  const total = facts.grid?.cells.length ?? computed.rows.length;
  if (facts.json) {
    const prompt = (row: number): string => computed.rows.find((r) => r.row === row)?.prompt ?? "";
    io.out(
      JSON.stringify(
        {
          images: result.written.map((w) => ({
            row: w.row,
            path: w.path,
            width: w.width,
            height: w.height,
            bytes: w.bytes,
            format: w.format,
            attempts: w.attempts,
            ...(w.params ? { params: w.params } : {}),
            ...(w.seed !== undefined ? { seed: w.seed } : {}),
            prompt: prompt(w.row),
          })),
          failures: result.failed.map((f) => ({
            row: f.row,
            line: lineOf(computed, f.row),
            kind: f.error.reason,
            message: f.error.message,
            attempts: f.attempts,
          })),
          notSent: result.notSent,
          summary: summaryLine(result, total, facts.grid ? "image" : "row"),
          notes: computed.notes,
          ...(facts.model ? { model: facts.model } : {}),
          provider: facts.provider,
          api: facts.api,
          consistent: facts.consistent,
          ...(facts.grid ? { grid: gridJson(facts.grid) } : {}),
        },
        null,
        2,
      ),
    );
    return;
  }
  if (result.written.length) io.out(`wrote ${plural(result.written.length, "image")} to ${facts.out}`);
  for (const w of result.written)
    io.out(`  ${w.path}\t${w.width}×${w.height} ${w.format}${w.seed !== undefined ? `\tseed ${w.seed}` : ""}`);
  for (const f of result.failed) io.out(`failed: ${label(computed, f.row)}: ${f.error.message}`);
  io.out(summaryLine(result, total, facts.grid ? "image" : "row"));
}
