/**
 * "Paste CSV or JSONL": a box read into the table on demand; an error names its line and column and the table stays as
 * it was.
 */
import { TextArea } from "../../../controls/text-area.js";
import type { RowsSetup } from "./use-setup.js";

export function PasteRows({ setup, onDone }: { setup: RowsSetup; onDone(): void }) {
  const { fields, set, pasteRows } = setup;
  return (
    <div class="setup-paste">
      <TextArea
        class="input text-area setup-mono"
        minRows={3}
        maxRows={8}
        aria-label="CSV or JSONL rows"
        placeholder={
          'audience,mood\nkids,calm\nteens,bold\n\nor one JSON object a line: {"audience":"kids","mood":"calm"}'
        }
        value={fields.paste}
        onInput={(e) => set({ paste: e.currentTarget.value, pasteError: undefined })}
      />
      {fields.pasteError ? (
        <p class="field__error" role="alert" data-part="paste">
          {fields.pasteError}
        </p>
      ) : null}
      <div class="head-row">
        <span class="muted setup-grow">The first CSV line names the columns; the table is replaced.</span>
        <button
          type="button"
          class="button button--secondary"
          disabled={!fields.paste.trim()}
          onClick={() => void pasteRows().then((ok) => ok && onDone())}
        >
          Use these rows
        </button>
      </div>
    </div>
  );
}
