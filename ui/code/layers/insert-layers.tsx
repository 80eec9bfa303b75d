/**
 * "Insert as layers" on a Code result (or pasted HTML): the button with the width to lay the page out at (the
 * design's, 768, 390: a phone version in one click), then reading and building with progress and Cancel, and what
 * came of it — the layers inserted with their notes, the limit (what was built), cancelled (nothing left), or why not.
 */
import { useState } from "preact/hooks";
import { CloseIcon, ErrorIcon, InfoIcon } from "../../controls/icons.js";
import { Segmented } from "../../controls/segmented.js";
import { CancelledNotice, ErrorNotice } from "../../controls/status.js";
import { doneText, isInserting, type InsertState } from "./insert-state.js";
import { layerWidths, type LayerSource } from "./layer-source.js";
import type { InsertLayers } from "./use-insert-layers.js";
import { SmallButton } from "../../controls/small-button.js";

export interface InsertLayersProps {
  /** The page to read, or why it cannot be read now. */
  source: LayerSource | { unavailable: string };
  insert: InsertLayers;
  /** Another step of the panel is busy (the button waits). */
  disabled?: boolean;
}

const widthTitle = (width: number, design: number): string =>
  width === Math.round(design)
    ? `${width} px: the design's width`
    : width === 768
      ? "768 px: a tablet"
      : "390 px: a phone";

export function InsertLayersBar({ source, insert, disabled = false }: InsertLayersProps) {
  const ready = "html" in source ? source : undefined;
  const widths = layerWidths(ready?.design.width ?? 1440);
  const [chosen, setChosen] = useState<number | undefined>(undefined);
  const width = chosen !== undefined && widths.includes(chosen) ? chosen : widths[0]!;
  const { state } = insert;
  const busy = isInserting(state);
  const why = "unavailable" in source ? source.unavailable : undefined;
  return (
    <div class="layers">
      <div class="layers__bar">
        <SmallButton
          disabled={!ready || busy || disabled}
          title={why ?? `Build this page on the canvas as editable layers, ${width} px wide, beside its frame`}
          onClick={() => ready && insert.start(ready, width)}
        >
          Insert as layers
        </SmallButton>
        <span class="muted layers__at">at</span>
        <Segmented<string>
          label="Layers width"
          value={String(width)}
          disabled={busy}
          options={widths.map((w) => ({
            value: String(w),
            label: String(w),
            title: widthTitle(w, ready?.design.width ?? 1440),
          }))}
          onChange={(value) => setChosen(Number(value))}
        />
      </div>
      <InsertStatus state={state} onCancel={insert.cancel} onDismiss={insert.dismiss} />
    </div>
  );
}

function InsertStatus(props: { state: InsertState; onCancel(): void; onDismiss(): void }) {
  const { state, onCancel, onDismiss } = props;
  const cancel = <SmallButton onClick={onCancel}>Cancel</SmallButton>;
  const dismiss = (
    <button type="button" class="icon-button layers__dismiss" aria-label="Dismiss" title="Dismiss" onClick={onDismiss}>
      <CloseIcon />
    </button>
  );
  switch (state.phase) {
    case "idle":
      return null;
    case "reading":
    case "building": {
      const building = state.phase === "building";
      return (
        <div class="status layers__status" role="status" aria-live="polite">
          <div class="status__row">
            <span>{building ? `Building layers at ${state.width} px…` : `Reading the page at ${state.width} px…`}</span>
            {building && state.total > 0 ? <span class="muted">{`${state.done} / ${state.total}`}</span> : null}
            <span class="spacer" />
            {cancel}
          </div>
          <progress
            class="progress"
            max={1}
            value={building && state.done > 0 && state.total > 0 ? state.done / state.total : undefined}
            aria-label="Insert as layers progress"
          />
        </div>
      );
    }
    case "done":
    case "limit": {
      const limit = state.phase === "limit";
      return (
        <div
          class={`notice ${limit ? "notice--error" : "notice--info"} layers__done`}
          role={limit ? "alert" : "status"}
        >
          {limit ? <ErrorIcon /> : <InfoIcon />}
          <div class="notice__body">
            <p class="notice__title">{doneText(state)}</p>
            {state.notes.length > 0 ? (
              <ul class="layers__notes">
                {state.notes.map((note) => (
                  <li key={note}>{note}</li>
                ))}
              </ul>
            ) : (
              <p class="muted">Selected on the canvas, one undo step.</p>
            )}
          </div>
          {dismiss}
        </div>
      );
    }
    case "cancelled":
      return <CancelledNotice text="Nothing was inserted: the layers built so far were removed." />;
    case "failed":
      return <ErrorNotice title="The page could not be inserted as layers" detail={state.message} aside={dismiss} />;
  }
}
