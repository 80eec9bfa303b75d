/** The entries as a list, by day (or in one run while freeing space), or why there are none. */
import type { HistoryItem } from "../../contract/history.js";
import { groupByDay } from "./history-list.js";
import { HistoryRow } from "./history-row.js";
import { keyOf } from "./history-session.js";
import type { EntryActions } from "./use-entry-actions.js";
import type { ListStatus } from "./use-history-list.js";
import { agree, plural } from "../../kernel/plural.js";
import { SmallButton } from "../controls/small-button.js";

export interface HistoryEntriesProps {
  status: ListStatus;
  entries: HistoryItem[];
  /** Entries before the kind and frame filters (to tell "none yet" from "none match"). */
  total: number;
  /** Entries of other files, not shown ("This file"). */
  elsewhere: number;
  grouped: boolean;
  previews: ReadonlyMap<string, Uint8Array>;
  goneLayers: ReadonlySet<string>;
  selected: ReadonlySet<string>;
  actions: EntryActions;
  onToggle(item: HistoryItem): void;
  onDelete(item: HistoryItem): void;
  onRetry(): void;
}

export function HistoryEntries({
  status,
  entries,
  total,
  elsewhere,
  grouped,
  previews,
  goneLayers,
  selected,
  actions,
  onToggle,
  onDelete,
  onRetry,
}: HistoryEntriesProps) {
  if (status.phase === "failed")
    return (
      <div class="history-empty" role="alert">
        <p>{status.message}</p>
        <SmallButton onClick={onRetry}>Try again</SmallButton>
      </div>
    );
  if (status.phase !== "ready") return <p class="history-empty muted">Reading the history…</p>;
  if (total === 0 && elsewhere > 0)
    return (
      <div class="history-empty">
        <p class="history-empty__title">Nothing from this file yet</p>
        <p class="muted">
          {plural(elsewhere, "entry", "entries")} {agree(elsewhere, "was", "were")} made in other files: choose All
          files to see {agree(elsewhere, "it", "them")} (they can be deleted to free up space).
        </p>
      </div>
    );
  if (total === 0)
    return (
      <div class="history-empty">
        <p class="history-empty__title">No history yet</p>
        <p class="muted">
          Code results, images placed on the canvas and analyses made in this file are kept here, so closing the plugin
          loses nothing.
        </p>
      </div>
    );
  if (entries.length === 0) return <p class="history-empty muted">No entries match these filters.</p>;
  const now = new Date();
  const groups = grouped ? groupByDay(entries, now) : [{ label: "Oldest first", entries }];
  return (
    <div class="history-list">
      {groups.map((group) => (
        <section key={group.label} aria-label={group.label}>
          <h3 class="history-list__day">{group.label}</h3>
          <ul class="history-list__rows">
            {group.entries.map((item) => (
              <HistoryRow
                key={keyOf(item)}
                item={item}
                preview={item.kind === "image" ? previews.get(item.id) : undefined}
                layerGone={goneLayers.has(item.id)}
                selected={selected.has(keyOf(item))}
                now={now}
                actions={actions}
                onToggle={() => onToggle(item)}
                onDelete={() => onDelete(item)}
              />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
