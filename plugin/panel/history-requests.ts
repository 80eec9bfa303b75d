/**
 * The panel's history requests (plugin/storage/history-store.ts): save a result, list, read one, delete,
 * export. Each answer goes to its request; a save that does not fit is an answer (`full`), not an error,
 * so the panel can offer the entries to delete. Other refusals are PluginErrors, sent as `error`.
 */
import type { MainMessage } from "../../contract/messages.js";
import { deleteHistoryEntries, exportHistory, listHistory, loadHistoryEntry, saveHistoryEntry } from "../storage/history-store.js";
import { post } from "./post.js";

export type HistoryRequest = Extract<MainMessage, { type: "save-history-entry" | "load-history" | "load-history-entry" | "delete-history-entries" | "export-history" }>;

export async function answerHistory(message: HistoryRequest): Promise<void> {
  const { requestId } = message;
  switch (message.type) {
    case "save-history-entry":
      return post("history-saved", { requestId, ...(await saveHistoryEntry(message.entry)) });
    case "load-history": {
      const { kind, frameId, allFiles } = message;
      return post("history", { requestId, ...(await listHistory({ ...(kind ? { kind } : {}), ...(frameId ? { frameId } : {}), allFiles: allFiles === true })) });
    }
    case "load-history-entry":
      return post("history-entry", { requestId, entry: await loadHistoryEntry({ kind: message.kind, id: message.id }) });
    case "delete-history-entries":
      return post("history-usage", { requestId, usage: await deleteHistoryEntries(message.entries) });
    case "export-history": {
      const { entries, damaged } = await exportHistory(message.allFiles === true);
      return post("history-export", { requestId, entries, ...(damaged.length > 0 ? { damaged } : {}) });
    }
    default:
      message satisfies never;
  }
}
