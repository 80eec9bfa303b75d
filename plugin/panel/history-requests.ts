/**
 * The panel's history requests (plugin/storage/history-store.ts): save a result, list, read one, delete,
 * export. Each answer goes to its request; a save that does not fit is an answer (`full`), not an error,
 * so the panel can offer the entries to delete. Other refusals are PluginErrors, sent as `error`.
 */
import {
  deleteHistoryEntries,
  exportHistory,
  listHistory,
  loadHistoryEntry,
  saveHistoryEntry,
} from "../storage/history-store.js";
import type { SomeHandlers } from "./handler.js";

export const historyHandlers = {
  "save-history-entry": ({ entry }) => saveHistoryEntry(entry),
  "load-history": ({ kind, frameId, allFiles }) =>
    listHistory({ ...(kind ? { kind } : {}), ...(frameId ? { frameId } : {}), allFiles: allFiles === true }),
  "load-history-entry": async ({ kind, id }) => ({ entry: await loadHistoryEntry({ kind, id }) }),
  "delete-history-entries": async ({ entries }) => ({ usage: await deleteHistoryEntries(entries) }),
  "export-history": async ({ allFiles }) => {
    const { entries, damaged } = await exportHistory(allFiles === true);
    return { entries, ...(damaged.length > 0 ? { damaged } : {}) };
  },
} satisfies SomeHandlers;
