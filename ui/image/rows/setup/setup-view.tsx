/** The Rows setup on screen: style spec, rows, template and rules, then the computed prompt of every row. */
import { useEffect, useState } from "preact/hooks";
import type { RowsViewProps } from "../view-props.js";
import { FillRows } from "./fill-rows.js";
import { OptionsSection } from "./options-section.js";
import { PasteRows } from "./paste-rows.js";
import { PromptList } from "./prompt-list.js";
import { RowsTable } from "./rows-table.js";
import { SendBar } from "./send-bar.js";
import { StyleSection } from "./style-section.js";
import { SweepSection } from "./sweep-section.js";
import { selectionKey } from "./use-style-reads.js";
import { TemplateField } from "./template-field.js";
import "./setup.css";

export function SetupView(props: RowsViewProps) {
  const setup = props.session.setup;
  const [pasting, setPasting] = useState(false);
  // Opening Rows with a selection reads its colours (on-brand by default), once per selection.
  useEffect(() => {
    if (props.selection.nodes.length > 0 && setup.reads.coloursFrom !== selectionKey(props.selection))
      setup.reads.readColours();
  }, []);
  return (
    <div class="setup">
      <div class="setup__scroll">
        <StyleSection setup={setup} selection={props.selection} />
        <section class="setup-section" aria-label="Rows">
          <div class="setup-section__head">
            <span class="field__label">Rows</span>
            <button type="button" class="link-button" aria-expanded={pasting} onClick={() => setPasting(!pasting)}>
              Paste CSV or JSONL
            </button>
          </div>
          {pasting ? <PasteRows setup={setup} onDone={() => setPasting(false)} /> : null}
          <RowsTable setup={setup} />
          <FillRows
            setup={setup}
            hasKey={props.hasKey}
            hasSelection={props.selection.nodes.length > 0}
            onOpenSettings={props.onOpenSettings}
          />
        </section>
        <TemplateField setup={setup} />
        <PromptList setup={setup} />
        <OptionsSection setup={setup} selection={props.selection} settings={props.settings} samplers={props.samplers} />
        <SweepSection setup={setup} settings={props.settings} selection={props.selection} />
      </div>
      <SendBar {...props} />
    </div>
  );
}
