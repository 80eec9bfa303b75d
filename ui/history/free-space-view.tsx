/**
 * The "free space" head: which results were refused and are held, how much must go, and the user's choice —
 * delete the chosen entries (the oldest are preselected) and save, export first, or leave it for now.
 */
import type { HistoryItem, HistoryUsage } from "../../contract/history.js";
import { WarningIcon } from "../controls/icons.js";
import { sizeText } from "./history-list.js";
import { entriesText } from "./history-session.js";
import { bytesOf, bytesToFree } from "./free-space.js";
import { entryWords, type RefusedSave } from "./use-refused-saves.js";
import { SmallButton } from "../controls/small-button.js";

export interface FreeSpaceProps {
  refused: RefusedSave[];
  usage: HistoryUsage | undefined;
  chosen: HistoryItem[];
  exporting: boolean;
  onDeleteAndSave(): void;
  onExport(): void;
  onClose(): void;
  onDrop(): void;
}

export function FreeSpaceView({
  refused,
  usage,
  chosen,
  exporting,
  onDeleteAndSave,
  onExport,
  onClose,
  onDrop,
}: FreeSpaceProps) {
  if (refused.length === 0)
    return (
      <section class="free-space" aria-label="Free up space">
        <p class="free-space__line">Every held result is saved. Nothing is waiting for space.</p>
        <div class="free-space__actions">
          <SmallButton onClick={onClose}>Done</SmallButton>
        </div>
      </section>
    );
  const toFree = usage
    ? bytesToFree(
        usage,
        refused.map((r) => r.full.needed),
      )
    : undefined;
  const freeing = bytesOf(chosen);
  const enough = toFree !== undefined && freeing >= toFree;
  return (
    <section class="free-space" aria-label="Free up space">
      <p class="free-space__line free-space__line--head">
        <WarningIcon />
        <span>
          <strong>Waiting for space:</strong>{" "}
          {refused.map((r) => `${entryWords(r.entry)} (${sizeText(r.full.needed)})`).join(", ")}.
        </span>
      </p>
      <p class="free-space__line muted">
        {toFree === undefined
          ? "Reading the space used…"
          : `Free at least ${sizeText(toFree)}. The oldest entries are chosen below; ` +
            `change the choice, or export first. Nothing is deleted until you press Delete.`}
      </p>
      <div class="free-space__actions">
        <button
          type="button"
          class="button button--primary button--small"
          disabled={chosen.length === 0 && !enough}
          onClick={onDeleteAndSave}
        >
          {chosen.length === 0 ? "Save now" : `Delete ${entriesText(chosen.length)} (${sizeText(freeing)}) and save`}
        </button>
        <SmallButton disabled={exporting} onClick={onExport}>
          {exporting ? "Exporting…" : "Export first"}
        </SmallButton>
        <span class="spacer" />
        <button
          type="button"
          class="button button--ghost button--small"
          title="Keep the held results in memory until the plugin closes"
          onClick={onClose}
        >
          Not now
        </button>
        <button
          type="button"
          class="button button--ghost button--small"
          title="Give up the held results: they will not be saved"
          onClick={onDrop}
        >
          Discard
        </button>
      </div>
      {!enough && chosen.length > 0 && toFree !== undefined ? (
        <p class="free-space__line free-space__short">The chosen entries free {sizeText(freeing)}: not enough yet.</p>
      ) : null}
    </section>
  );
}
