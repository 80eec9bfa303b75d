/**
 * The computed prompt of every row, exactly as it will be sent (the style sentence included), numbered with
 * the row's stem; the notes (unused columns, empty rows left out…) above; or why no prompt computes yet.
 */
import type { RowsSetup } from "./use-setup.js";
import { plural } from "../../../../kernel/plural.js";

export function PromptList({ setup }: { setup: RowsSetup }) {
  const { prompts, fields } = setup;
  const { items, notes, errors } = prompts;
  const rowsError = errors.rows && !/^no rows yet/.test(errors.rows) ? errors.rows : undefined;
  return (
    <section class="setup-section" aria-label="Computed prompts">
      <div class="setup-section__head">
        <span class="field__label">Prompts</span>
        {items.length ? <span class="muted">{plural(items.length, "image")}, as they will be sent</span> : null}
      </div>
      {rowsError ? (
        <p class="field__error" role="alert" data-part="rows">
          Rows: {rowsError}
        </p>
      ) : null}
      {notes.length ? (
        <ul class="setup-notes muted" aria-label="Notes">
          {notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
      {items.length ? (
        <ol class="setup-prompts">
          {items.map((item) => (
            <li key={item.stem} class="setup-prompt" data-stem={item.stem}>
              <span class="setup-prompt__stem">{item.stem}</span>
              <p class="setup-prompt__text">{item.prompt}</p>
            </li>
          ))}
        </ol>
      ) : !rowsError && !errors.template && !errors.rules ? (
        <p class="muted">
          {!fields.template.trim()
            ? "Write a template with {placeholders} for the table's columns: " +
              "every row's prompt shows here before anything is sent."
            : "Fill in the table's rows: every row's prompt shows here before anything is sent."}
        </p>
      ) : null}
    </section>
  );
}
