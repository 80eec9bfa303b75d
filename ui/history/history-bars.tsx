/** The bars under and over the list: chosen entries (with the delete confirmation) and the export's outcome. */
import type { HistoryItem } from "../../contract/history.js";
import { sizeText } from "./history-list.js";
import { entriesText } from "./history-session.js";
import { bytesOf } from "./free-space.js";
import type { ExportState } from "./use-history-export.js";
import { SmallButton } from "../controls/small-button.js";

export interface SelectionBarProps {
  chosen: HistoryItem[];
  confirming: HistoryItem[] | undefined;
  onAsk(): void;
  onClear(): void;
  onConfirm(): void;
  onCancel(): void;
}

export function SelectionBar({ chosen, confirming, onAsk, onClear, onConfirm, onCancel }: SelectionBarProps) {
  if (confirming && confirming.length > 0)
    return (
      <div class="history-bar history-bar--confirm" role="alertdialog" aria-label="Confirm deletion">
        <span class="history-bar__text">
          Delete {confirming.length === 1 ? `“${confirming[0]!.title}”` : entriesText(confirming.length)} (
          {sizeText(bytesOf(confirming))})? It cannot be restored.
        </span>
        <button type="button" class="button button--danger button--small" onClick={onConfirm}>
          Delete
        </button>
        <SmallButton onClick={onCancel}>Cancel</SmallButton>
      </div>
    );
  if (chosen.length === 0) return null;
  return (
    <div class="history-bar" role="toolbar" aria-label="Chosen entries">
      <span class="history-bar__text">
        {entriesText(chosen.length)} chosen · {sizeText(bytesOf(chosen))}
      </span>
      <button type="button" class="button button--danger button--small" onClick={onAsk}>
        Delete chosen
      </button>
      <button type="button" class="button button--ghost button--small" onClick={onClear}>
        Clear
      </button>
    </div>
  );
}

export function ExportNotice({ state }: { state: ExportState }) {
  if (state.phase === "failed")
    return (
      <p class="history-export is-failed" role="alert">
        {state.message}
      </p>
    );
  if (state.phase !== "done") return null;
  return (
    <p class="history-export" role="status">
      Exported {entriesText(state.count)} to {state.fileName} ({sizeText(state.bytes)})
      {state.damaged > 0 ? ` · ${entriesText(state.damaged)} could not be read (named in index.json)` : ""}.
    </p>
  );
}
