/**
 * The style spec every image of the run shares, shown and editable before anything is sent: the user's
 * words, the file's colours as removable chips ("Write the file's colours into the style", on by default),
 * the selected layers as reference thumbnails, and the sentence appended to every prompt.
 */
import type { SelectionSummary } from "../../../../contract/messages.js";
import { CloseIcon } from "../../../controls/icons.js";
import { TextArea } from "../../../controls/text-area.js";
import { useObjectUrl } from "../../../lib/object-url.js";
import { styleText, type StyleReference } from "../plan.js";
import type { RowsSetup } from "./use-setup.js";
import { Checkbox } from "../../../controls/fields.js";

function Thumb({ reference, onRemove }: { reference: StyleReference; onRemove(): void }) {
  const url = useObjectUrl(reference.bytes);
  return (
    <li class="setup-ref" title={`${reference.name} · ${reference.width}×${reference.height}`}>
      {url ? <img src={url} alt={reference.name} /> : null}
      <button
        type="button"
        class="setup-ref__remove"
        aria-label={`Remove reference ${reference.name}`}
        onClick={onRemove}
      >
        <CloseIcon />
      </button>
    </li>
  );
}

export function StyleSection({ setup, selection }: { setup: RowsSetup; selection: SelectionSummary }) {
  const { spec } = setup.fields;
  const { setSpec, reads } = setup;
  const sentence = styleText(spec);
  const none = selection.nodes.length === 0;
  return (
    <section class="setup-section" aria-label="Style">
      <span class="field__label">Style, shared by every image</span>
      <TextArea
        class="input text-area"
        minRows={2}
        maxRows={5}
        aria-label="Style"
        placeholder={
          "Palette, medium, lighting, framing — e.g. “flat vector " +
          "illustration, soft morning light, centred subject, plenty of space”"
        }
        value={spec.text}
        onInput={(e) => setSpec({ text: e.currentTarget.value })}
      />
      <div class="setup-section__head">
        <Checkbox class="setup-grow" checked={spec.useColours} onCheck={(useColours) => setSpec({ useColours })}>
          Write the file's colours into the style
        </Checkbox>
        <button
          type="button"
          class="link-button"
          disabled={none || reads.colours.busy}
          title={
            none
              ? "Select layers to read their colours"
              : "Paint styles, colour variables and the most used colours of the selection"
          }
          onClick={reads.readColours}
        >
          {reads.colours.busy ? "Reading…" : "Read colours from selection"}
        </button>
      </div>
      {spec.colours.length ? (
        <ul class={`setup-chips${spec.useColours ? "" : " is-off"}`} aria-label="Colours">
          {spec.colours.map((c) => (
            <li
              key={c.hex}
              class="setup-chip"
              title={`${c.hex} · ${c.source === "fill" ? "a plain colour" : `a colour ${c.source}`} · used ${c.uses}×`}
            >
              <span class="setup-chip__swatch" style={{ background: c.hex }} />
              <span class="setup-chip__name one-line">{c.name ?? c.hex}</span>
              <button
                type="button"
                class="setup-chip__remove"
                aria-label={`Remove colour ${c.name ?? c.hex}`}
                onClick={() => setSpec({ colours: spec.colours.filter((o) => o.hex !== c.hex) })}
              >
                <CloseIcon />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {reads.colours.note ? (
        <p class="muted" role="status">
          {reads.colours.note}
        </p>
      ) : null}
      <div class="setup-section__head">
        <span class="muted setup-grow">
          {spec.references.length
            ? `References (${spec.references.length}), sent with every image`
            : "No reference images"}
        </span>
        <button
          type="button"
          class="link-button"
          disabled={none || reads.references.busy}
          title={none ? "Select layers to use them as references" : "Exports the selected layers as PNG"}
          onClick={reads.addSelected}
        >
          {reads.references.busy ? "Exporting…" : "Add selected layers as references"}
        </button>
      </div>
      {spec.references.length ? (
        <ul class="setup-refs" aria-label="References">
          {spec.references.map((r) => (
            <Thumb
              key={r.nodeId}
              reference={r}
              onRemove={() => setSpec({ references: spec.references.filter((o) => o.nodeId !== r.nodeId) })}
            />
          ))}
        </ul>
      ) : null}
      {reads.references.note ? (
        <p class="muted" role="status">
          {reads.references.note}
        </p>
      ) : null}
      <p class="setup-style-sentence" role="note" aria-label="Style sentence">
        {sentence ? (
          <>
            <span class="muted">Every prompt ends with: </span>Style: {sentence}
          </>
        ) : (
          <span class="muted">Nothing is added to the prompts yet.</span>
        )}
      </p>
    </section>
  );
}
