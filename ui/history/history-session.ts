/**
 * Everything the History panel keeps at the app level, so it survives switching panels: the listing, the
 * filters, the chosen entries, a deletion awaiting confirmation, the results refused for space (and the
 * "free space" state that saves them again), the export, and the analysis on show.
 */
import { useCallback, useState } from "preact/hooks";
import type { AnalysisEntry, HistoryItem } from "../../contract/history.js";
import type { MainRequests } from "../channel/requests.js";
import type { Engine } from "../engine/engine.js";
import { sizeText, type ListFilter } from "./history-list.js";
import { bytesOf, bytesToFree, preselect } from "./free-space.js";
import { useHistoryExport, type ExportState } from "./use-history-export.js";
import { messageOf, useHistoryList, type HistoryList } from "./use-history-list.js";
import { entryWords, useRefusedSaves, type RefusedSaves } from "./use-refused-saves.js";
import { plural } from "../../kernel/plural.js";

export type HistoryFilter = ListFilter & { allFiles: boolean };

export interface HistorySession {
  list: HistoryList;
  /**
   * A note about the view the list comes back to (results saved once space was freed), for the part to show after the
   * change.
   */
  noteForList: string | undefined;
  takeNoteForList(): void;
  refused: RefusedSaves;
  filter: HistoryFilter;
  setFilter(patch: Partial<HistoryFilter>): void;
  /** Chosen entries, by `keyOf`. */
  selected: ReadonlySet<string>;
  toggle(item: HistoryItem): void;
  clearSelection(): void;
  /** Entries awaiting the user's yes before they are deleted. */
  confirming: HistoryItem[] | undefined;
  askDelete(items: HistoryItem[]): void;
  cancelDelete(): void;
  confirmDelete(): Promise<void>;
  /** The panel shows the refused results and what to delete for them. */
  freeingSpace: boolean;
  openFreeSpace(): Promise<void>;
  closeFreeSpace(): void;
  /** Deletes the chosen entries, then saves the refused results again. */
  deleteAndSave(): Promise<void>;
  exportState: ExportState;
  exportAll(): Promise<boolean>;
  shown: AnalysisEntry | undefined;
  show(entry: AnalysisEntry | undefined): void;
  /** Image entries whose placed layer is no longer in the file (found by Select layer). */
  goneLayers: ReadonlySet<string>;
  markGone(id: string): void;
}

export const keyOf = (item: { kind: string; id: string }): string => `${item.kind}:${item.id}`;
export const entriesText = (n: number): string => plural(n, "entry", "entries");

export function useHistorySession(
  requests: MainRequests,
  worker: Pick<Engine, "call">,
  notify: (text: string, tone?: "info" | "error") => void,
): HistorySession {
  const list = useHistoryList(requests);
  const refused = useRefusedSaves(requests);
  const exporter = useHistoryExport(requests, worker);
  const [filter, setFilterState] = useState<HistoryFilter>({ kind: "all", frameId: undefined, allFiles: false });
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [confirming, setConfirming] = useState<HistoryItem[] | undefined>(undefined);
  const [freeingSpace, setFreeingSpace] = useState(false);
  const [shown, show] = useState<AnalysisEntry | undefined>(undefined);
  const [goneLayers, setGone] = useState<ReadonlySet<string>>(new Set());
  // Said once the list is back on show: a toast shown before the view changes is cleared with the view it spoke of.
  const [noteForList, setNoteForList] = useState<string | undefined>(undefined);
  const markGone = useCallback((id: string) => setGone((s) => new Set([...s, id])), []);

  const setFilter = useCallback((patch: Partial<HistoryFilter>) => setFilterState((f) => ({ ...f, ...patch })), []);
  const toggle = useCallback(
    (item: HistoryItem) =>
      setSelected((s) =>
        s.has(keyOf(item)) ? new Set([...s].filter((k) => k !== keyOf(item))) : new Set([...s, keyOf(item)]),
      ),
    [],
  );
  const clearSelection = useCallback(() => setSelected(new Set()), []);

  const remove = useCallback(
    async (items: HistoryItem[]) => {
      const usage = await requests
        .call("delete-history-entries", { entries: items.map(({ kind, id }) => ({ kind, id })) })
        .then((r) => r.usage);
      list.setUsage(usage);
      setSelected(new Set());
      return usage;
    },
    [requests, list.setUsage],
  );

  const confirmDelete = useCallback(async () => {
    const items = confirming ?? [];
    setConfirming(undefined);
    try {
      await remove(items);
      notify(`Deleted ${entriesText(items.length)} (${sizeText(bytesOf(items))} freed)`);
    } catch (error) {
      notify(`Could not delete: ${messageOf(error)}. Nothing else changed.`, "error");
    }
    const listed = await list.refresh();
    // While freeing space, the choice follows what is still needed.
    if (freeingSpace && listed)
      setSelected(
        new Set(
          preselect(
            listed.entries,
            bytesToFree(
              listed.usage,
              refused.list.map((r) => r.full.needed),
            ),
          ).map(keyOf),
        ),
      );
  }, [confirming, remove, notify, list.refresh, freeingSpace, refused.list]);

  const openFreeSpace = useCallback(async () => {
    setFreeingSpace(true);
    setConfirming(undefined);
    const listed = await list.refresh();
    if (!listed) return;
    const toFree = bytesToFree(
      listed.usage,
      refused.list.map((r) => r.full.needed),
    );
    setSelected(new Set(preselect(listed.entries, toFree).map(keyOf)));
  }, [list.refresh, refused.list]);

  const closeFreeSpace = useCallback(() => {
    setFreeingSpace(false);
    setSelected(new Set());
  }, []);

  const deleteAndSave = useCallback(async () => {
    const items = list.entries.filter((e) => selected.has(keyOf(e)));
    try {
      if (items.length > 0) await remove(items);
      const { saved, left } = await refused.retry();
      const savedText =
        saved.length > 0 ? `Saved ${saved.map((r) => entryWords(r.entry)).join(", ")} to history` : undefined;
      const listed = await list.refresh();
      if (left.length === 0) {
        setNoteForList(savedText);
        return closeFreeSpace();
      }
      if (savedText) notify(savedText);
      // Still short of space: preselect again for what is left.
      if (listed)
        setSelected(
          new Set(
            preselect(
              listed.entries,
              bytesToFree(
                listed.usage,
                left.map((r) => r.full.needed),
              ),
            ).map(keyOf),
          ),
        );
    } catch (error) {
      notify(`Could not free up space: ${messageOf(error)}. The refused results are still held.`, "error");
      await list.refresh();
    }
  }, [list, selected, remove, refused, notify, closeFreeSpace]);

  const exportAll = useCallback(
    () => exporter.run(filter.allFiles || freeingSpace),
    [exporter.run, filter.allFiles, freeingSpace],
  );

  return {
    list,
    refused,
    filter,
    setFilter,
    selected,
    toggle,
    clearSelection,
    confirming,
    askDelete: setConfirming,
    cancelDelete: () => setConfirming(undefined),
    confirmDelete,
    freeingSpace,
    openFreeSpace,
    closeFreeSpace,
    deleteAndSave,
    noteForList,
    takeNoteForList: () => setNoteForList(undefined),
    exportState: exporter.state,
    exportAll,
    shown,
    show,
    goneLayers,
    markGone,
  };
}
