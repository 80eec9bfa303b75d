/**
 * The parameters table: a header cell per parameter (`mood: calm|bold` lists its allowed values), a row per
 * image, each cell a compact input. Enter moves down a column (adding a row at the end), Shift+Enter up;
 * Tab moves across as usual. Columns and rows are added and removed with the small buttons.
 */
import { useRef } from "preact/hooks";
import { CloseIcon } from "../../../controls/icons.js";
import { addColumn, addRow, removeColumn, removeRow, renameColumn, setCell } from "./table.js";
import type { RowsSetup } from "./use-setup.js";
import { SmallButton } from "../../../controls/small-button.js";

/** Focuses the cell at (row, column) once the table has re-rendered. */
function focusCell(table: HTMLTableElement | null, row: number, column: number): void {
  requestAnimationFrame(() => table?.querySelector<HTMLInputElement>(`input[data-cell="${row}:${column}"]`)?.focus());
}

export function RowsTable({ setup }: { setup: RowsSetup }) {
  const { table } = setup.fields;
  const { editTable } = setup;
  const ref = useRef<HTMLTableElement>(null);
  const onCellKey = (event: KeyboardEvent, row: number, column: number) => {
    if (event.key !== "Enter") return;
    event.preventDefault();
    const next = row + (event.shiftKey ? -1 : 1);
    if (next < 0) return;
    if (next >= table.rows.length) editTable((t) => addRow(t));
    focusCell(ref.current, next, column);
  };
  return (
    <div class="setup-table-wrap">
      <table class="setup-table" ref={ref} aria-label="Parameters">
        <thead>
          <tr>
            <th class="setup-table__num" aria-label="Row" />
            {table.columns.map((header, j) => (
              <th key={j}>
                <span class="setup-table__head">
                  <input
                    class="setup-cell setup-cell--head"
                    style={{ width: `${Math.min(26, Math.max(9, header.length + 2))}ch` }}
                    aria-label={`Column ${j + 1} name`}
                    title="A parameter name; list allowed values after a colon: mood: calm|bold"
                    value={header}
                    spellcheck={false}
                    onInput={(e) => editTable((t) => renameColumn(t, j, e.currentTarget.value))}
                  />
                  <button
                    type="button"
                    class="icon-button setup-table__remove"
                    aria-label={`Remove column ${header || j + 1}`}
                    title="Remove this column"
                    disabled={table.columns.length === 1}
                    onClick={() => editTable((t) => removeColumn(t, j))}
                  >
                    <CloseIcon />
                  </button>
                </span>
              </th>
            ))}
            <th class="setup-table__add">
              <SmallButton
                title="Add a parameter column"
                onClick={() => (editTable((t) => addColumn(t)), focusHead(ref.current, table.columns.length))}
              >
                + Column
              </SmallButton>
            </th>
          </tr>
        </thead>
        <tbody>
          {table.rows.map((cells, i) => (
            <tr key={i}>
              <td class="setup-table__num muted">{i + 1}</td>
              {cells.map((value, j) => (
                <td key={j}>
                  <input
                    class="setup-cell"
                    data-cell={`${i}:${j}`}
                    aria-label={`Row ${i + 1} ${table.columns[j] || `column ${j + 1}`}`}
                    value={value}
                    onInput={(e) => editTable((t) => setCell(t, i, j, e.currentTarget.value))}
                    onKeyDown={(e) => onCellKey(e, i, j)}
                  />
                </td>
              ))}
              <td class="setup-table__add">
                <button
                  type="button"
                  class="icon-button setup-table__remove"
                  aria-label={`Remove row ${i + 1}`}
                  title="Remove this row"
                  disabled={table.rows.length === 1}
                  onClick={() => editTable((t) => removeRow(t, i))}
                >
                  <CloseIcon />
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <SmallButton
        class="setup-table__add-row"
        onClick={() => (editTable((t) => addRow(t)), focusCell(ref.current, table.rows.length, 0))}
      >
        + Row
      </SmallButton>
    </div>
  );
}

function focusHead(table: HTMLTableElement | null, column: number): void {
  requestAnimationFrame(() => {
    const input = table?.querySelector<HTMLInputElement>(`input[aria-label="Column ${column + 1} name"]`);
    input?.focus();
    input?.select();
  });
}
