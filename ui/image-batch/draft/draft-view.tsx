/** The batch draft on screen: style spec, rows, template and rules, then the computed prompt of every row. */
import { useState } from "preact/hooks";
import type { DraftViewProps } from "./draft-props.js";
import { PasteRows } from "./paste-rows.js";
import { PromptList } from "./prompt-list.js";
import { SendBar } from "./send-bar.js";
import { TemplateField } from "./template-field.js";
import "./draft.css";

export function DraftView(props: DraftViewProps) {
  const draft = props.session.draft;
  const [pasting, setPasting] = useState(false);
  return (
    <div class="draft">
      <div class="draft__scroll">
        <section class="draft-section" aria-label="Rows">
          <div class="draft-section__head">
            <span class="field__label">Rows</span>
            <button type="button" class="link-button" aria-expanded={pasting} onClick={() => setPasting(!pasting)}>
              Paste CSV or JSONL
            </button>
          </div>
          {pasting ? <PasteRows draft={draft} onDone={() => setPasting(false)} /> : null}
        </section>
        <TemplateField draft={draft} />
        <PromptList draft={draft} />
      </div>
      <SendBar {...props} />
    </div>
  );
}
