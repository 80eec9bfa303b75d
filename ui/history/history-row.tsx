/** One History entry: its kind (or image preview), title, frame, model, when, size, and what can be done with it. */
import type { HistoryItem } from "../../contract/history.js";
import { useObjectUrl } from "../lib/object-url.js";
import { relativeTime } from "../lib/time-ago.js";
import { fullDate } from "../lib/time-ago.js";
import { KIND_LABEL, sizeText } from "./history-list.js";
import type { EntryActions } from "./use-entry-actions.js";
import { SmallButton } from "../controls/small-button.js";

export interface HistoryRowProps {
  item: HistoryItem;
  preview: Uint8Array | undefined;
  /** An image's placed layer is known to be gone from the file. */
  layerGone: boolean;
  selected: boolean;
  now: Date;
  actions: EntryActions;
  onToggle(): void;
  onDelete(): void;
}

const GLYPH = { code: "</>", analysis: "A", image: "IMG" } as const;

function Actions({ item, actions, layerGone }: { item: HistoryItem; actions: EntryActions; layerGone: boolean }) {
  const elsewhere = item.thisFile ? undefined : "Made in another file: its layers are not here";
  switch (item.kind) {
    case "code":
      return <SmallButton onClick={() => actions.openCode(item)}>Open in Code panel</SmallButton>;
    case "analysis":
      return (
        <>
          <SmallButton onClick={() => actions.showAnalysis(item)}>Show</SmallButton>
          <SmallButton
            title="Copy the findings and the model's critique as Markdown"
            onClick={() => actions.copyAnalysis(item)}
          >
            Copy
          </SmallButton>
        </>
      );
    case "image": {
      // The full image is on the canvas where it was placed: select that layer while it exists; else place the stored
      // preview.
      const placedHere = item.placedAs !== undefined && item.thisFile && !layerGone;
      return (
        <>
          {placedHere ? (
            <SmallButton
              title="Select the layer this image was placed as (the full image)"
              onClick={() => actions.selectLayer(item)}
            >
              Select layer
            </SmallButton>
          ) : (
            <SmallButton
              title="Places the stored 256 px preview: the full image is kept only on the canvas"
              onClick={() => actions.insertAgain(item)}
            >
              Insert again
            </SmallButton>
          )}
          <SmallButton
            disabled={!item.thisFile}
            title={elsewhere ?? "Open this version in the Image panel to refine it"}
            onClick={() => actions.refine(item)}
          >
            Refine
          </SmallButton>
        </>
      );
    }
  }
}

export function HistoryRow({ item, preview, layerGone, selected, now, actions, onToggle, onDelete }: HistoryRowProps) {
  const url = useObjectUrl(preview);
  const details = [
    KIND_LABEL[item.kind],
    item.kind !== "image" ? undefined : item.frame?.name,
    item.model,
    sizeText(item.bytes),
  ]
    .filter(Boolean)
    .join(" · ");
  return (
    <li class={`history-row${selected ? " is-selected" : ""}`} data-kind={item.kind} data-id={item.id}>
      <input
        type="checkbox"
        class="history-row__check"
        checked={selected}
        aria-label={`Choose “${item.title}”`}
        onChange={onToggle}
      />
      <span class={`history-row__thumb history-row__thumb--${item.kind}`} aria-hidden="true">
        {url ? <img src={url} alt="" /> : GLYPH[item.kind]}
      </span>
      <div class="history-row__body">
        <div class="history-row__top">
          <span class="history-row__title one-line" title={item.title}>
            {item.title}
          </span>
          <time class="history-row__time muted" dateTime={item.createdAt} title={fullDate(item.createdAt)}>
            {relativeTime(item.createdAt, now)}
          </time>
        </div>
        <div class="history-row__meta muted one-line">
          {details}
          {item.thisFile ? "" : " · other file"}
          {item.kind === "image"
            ? layerGone
              ? " · layer deleted, 256 px preview kept"
              : " · 256 px preview kept"
            : ""}
        </div>
        {item.score ? (
          <div class="history-row__score" title={item.score}>
            {item.score}
          </div>
        ) : null}
        <div class="history-row__actions">
          <Actions item={item} actions={actions} layerGone={layerGone} />
          <button
            type="button"
            class="button button--ghost button--small history-row__delete"
            title="Delete this entry (asks first)"
            onClick={onDelete}
          >
            Delete
          </button>
        </div>
      </div>
    </li>
  );
}
