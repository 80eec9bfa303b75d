/** The batch draft on screen: style spec, rows, template and rules, then the computed prompt of every row. */
import { useEffect, useState } from "preact/hooks";
import type { BatchViewProps } from "../view-props.js";
import { FillRows } from "./fill-rows.js";
import { OptionsSection } from "./options-section.js";
import { PasteRows } from "./paste-rows.js";
import { PromptList } from "./prompt-list.js";
import { RowsTable } from "./rows-table.js";
import { SendBar } from "./send-bar.js";
import { StyleSection } from "./style-section.js";
import { selectionKey } from "./use-style-reads.js";
import { TemplateField } from "./template-field.js";
import "./draft.css";

export function DraftView(props: BatchViewProps) {
  const draft = props.session.draft;
  const [pasting, setPasting] = useState(false);
  // Opening the batch with a selection reads its colours (on-brand by default), once per selection.
  useEffect(() => {
    if (props.selection.nodes.length > 0 && draft.reads.coloursFrom !== selectionKey(props.selection)) draft.reads.readColours();
  }, []);
  return (
    <div class="draft">
      <div class="draft__scroll">
        <StyleSection draft={draft} selection={props.selection} />
        <section class="draft-section" aria-label="Rows">
          <div class="draft-section__head">
            <span class="field__label">Rows</span>
            <button type="button" class="link-button" aria-expanded={pasting} onClick={() => setPasting(!pasting)}>
              Paste CSV or JSONL
            </button>
          </div>
          {pasting ? <PasteRows draft={draft} onDone={() => setPasting(false)} /> : null}
          <RowsTable draft={draft} />
          <FillRows draft={draft} hasKey={props.hasKey} hasSelection={props.selection.nodes.length > 0} onOpenSettings={props.onOpenSettings} />
        </section>
        <TemplateField draft={draft} />
        <PromptList draft={draft} />
        <OptionsSection draft={draft} selection={props.selection} settings={props.settings} />
      </div>
      <SendBar {...props} />
    </div>
  );
}
