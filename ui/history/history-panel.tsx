/**
 * The History panel: the space used and Export, the "free space" state when a result was refused, filters,
 * and the entries newest first (oldest first while freeing space), by day, each with its actions; chosen
 * entries are deleted only after the user confirms.
 */
import { useEffect, useMemo } from "preact/hooks";
import type { SelectionSummary } from "../../contract/messages.js";
import { AnalysisView } from "./analysis-view.js";
import { HistoryFilters } from "./history-filters.js";
import { filterEntries, framesOf, selectedFrameWithEntries } from "./history-list.js";
import { HistoryEntries } from "./history-entries.js";
import { keyOf, type HistorySession } from "./history-session.js";
import { ExportNotice, SelectionBar } from "./history-bars.js";
import { FreeSpaceView } from "./free-space-view.js";
import { useEntryActions, type EntryActionDeps } from "./use-entry-actions.js";
import { UsageBar } from "./usage-bar.js";
import { agree, plural } from "../../kernel/plural.js";
import { SmallButton } from "../controls/small-button.js";
import "./history.css";

export interface HistoryPanelProps extends Omit<EntryActionDeps, "session"> {
  session: HistorySession;
  selection: SelectionSummary;
  onFocusNode(nodeId: string): void;
}

export function HistoryPanel({ session, selection, onFocusNode, ...deps }: HistoryPanelProps) {
  const { list, filter, freeingSpace } = session;
  const actions = useEntryActions({ ...deps, session });
  useEffect(() => void list.refresh(), [list.refresh]);

  const scoped = useMemo(
    () => (filter.allFiles || freeingSpace ? list.entries : list.entries.filter((e) => e.thisFile)),
    [list.entries, filter.allFiles, freeingSpace],
  );
  const frames = useMemo(() => framesOf(scoped), [scoped]);
  const shownEntries = useMemo(
    () => (freeingSpace ? [...scoped].reverse() : filterEntries(scoped, filter)),
    [scoped, filter, freeingSpace],
  );
  const chosen = list.entries.filter((e) => session.selected.has(keyOf(e)));

  if (session.shown) {
    const entry = session.shown;
    const here = list.entries.some((e) => e.kind === "analysis" && e.id === entry.id && e.thisFile);
    return (
      <div class="panel panel--history">
        <AnalysisView
          entry={entry}
          onClose={() => session.show(undefined)}
          onCopy={() =>
            actions.copyAnalysis({
              kind: "analysis",
              id: entry.id,
              title: `Analysis of ${entry.frame.name}`,
              createdAt: entry.createdAt,
              bytes: 0,
              thisFile: here,
            })
          }
          {...(here ? { onFocus: onFocusNode } : {})}
        />
      </div>
    );
  }

  return (
    <div class="panel panel--history">
      <div class="panel__head history-head">
        <div class="history-head__row">
          <UsageBar usage={list.usage} />
          <SmallButton
            disabled={session.exportState.phase === "busy" || (freeingSpace ? list.entries : scoped).length === 0}
            title={filter.allFiles ? "A zip of every file's entries" : "A zip of this file's entries"}
            onClick={() => void session.exportAll()}
          >
            {session.exportState.phase === "busy" ? "Exporting…" : "Export"}
          </SmallButton>
        </div>
        <ExportNotice state={session.exportState} />
        {!freeingSpace && session.refused.list.length > 0 ? (
          <p class="history-waiting" role="status">
            {plural(session.refused.list.length, "result")} {agree(session.refused.list.length, "is", "are")} waiting
            for space (held until the plugin closes).{" "}
            <button type="button" class="link-button" onClick={() => void session.openFreeSpace()}>
              Free up space
            </button>
          </p>
        ) : null}
        {freeingSpace ? (
          <FreeSpaceView
            refused={session.refused.list}
            usage={list.usage}
            chosen={chosen}
            exporting={session.exportState.phase === "busy"}
            onDeleteAndSave={() => void session.deleteAndSave()}
            onExport={() => void session.exportAll()}
            onClose={session.closeFreeSpace}
            onDrop={() => {
              session.refused.drop();
              session.closeFreeSpace();
            }}
          />
        ) : list.entries.length === 0 ? null : (
          <HistoryFilters
            filter={filter}
            frames={frames}
            selectedFrame={selectedFrameWithEntries(selection, frames)}
            onChange={session.setFilter}
          />
        )}
      </div>
      <HistoryEntries
        status={list.status}
        entries={shownEntries}
        total={scoped.length}
        elsewhere={list.entries.length - scoped.length}
        grouped={!freeingSpace}
        previews={list.previews}
        goneLayers={session.goneLayers}
        selected={session.selected}
        actions={actions}
        onToggle={session.toggle}
        onDelete={(item) => session.askDelete([item])}
        onRetry={() => void list.refresh()}
      />
      {/* While freeing space the choice is the free-space head's; a single row's Delete still asks here. */}
      <SelectionBar
        chosen={freeingSpace ? [] : chosen}
        confirming={session.confirming}
        onAsk={() => session.askDelete(chosen)}
        onClear={session.clearSelection}
        onConfirm={() => void session.confirmDelete()}
        onCancel={session.cancelDelete}
      />
    </div>
  );
}
