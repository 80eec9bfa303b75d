/**
 * What a History row can do, each reading the entry's payload (`load-history-entry`) only when asked:
 * reopen code in the code panel, place an image's stored preview again, select the layer it was placed as,
 * refine it in the Image panel, copy or show an analysis.
 */
import { useCallback } from "preact/hooks";
import type { CodeEntry, HistoryEntry, HistoryItem } from "../../contract/history.js";
import { PluginError, type MainRequests } from "../channel/requests.js";
import { copyText } from "../lib/clipboard.js";
import { analysisMarkdown } from "./analysis-markdown.js";
import type { HistorySession } from "./history-session.js";
import { messageOf } from "./use-history-list.js";

export interface EntryActionDeps {
  requests: MainRequests;
  session: HistorySession;
  /** Shows the saved files in the code panel (and goes there). */
  onOpenCode(entry: CodeEntry): void;
  /** Opens the Image panel on a stored version of this file; false when it is not there. */
  onRefineImage(versionId: string): Promise<boolean>;
  notify(text: string, tone?: "info" | "error"): void;
}

export interface EntryActions {
  openCode(item: HistoryItem): void;
  insertAgain(item: HistoryItem): void;
  selectLayer(item: HistoryItem): void;
  refine(item: HistoryItem): void;
  copyAnalysis(item: HistoryItem): void;
  showAnalysis(item: HistoryItem): void;
}

export function useEntryActions({
  requests,
  session,
  onOpenCode,
  onRefineImage,
  notify,
}: EntryActionDeps): EntryActions {
  const read = useCallback(
    async <K extends HistoryEntry["kind"]>(
      item: HistoryItem,
      kind: K,
    ): Promise<Extract<HistoryEntry, { kind: K }> | undefined> => {
      try {
        const { entry } = await requests.call("load-history-entry", { kind: item.kind, id: item.id });
        if (entry.kind === kind) return entry as Extract<HistoryEntry, { kind: K }>;
        notify(`“${item.title}” is not a ${kind} entry.`, "error");
      } catch (error) {
        notify(`Could not open “${item.title}”: ${messageOf(error)}`, "error");
      }
      return undefined;
    },
    [requests, notify],
  );
  const fail = (what: string) => (error: unknown) => notify(`${what}: ${messageOf(error)}`, "error");

  return {
    openCode: (item) => void read(item, "code").then((entry) => entry && onOpenCode(entry)),
    insertAgain: (item) =>
      void read(item, "image").then(async (entry) => {
        if (!entry) return;
        const { preview, record } = entry.version;
        // Only the ≤ 256 px preview is stored: that is what goes back on the canvas (the row says so).
        await requests
          .call("insert-image", {
            bytes: preview.bytes,
            width: preview.width,
            height: preview.height,
            name: `${record.prompt.slice(0, 80) || "Image"} (preview)`,
            record,
          })
          .then(
            () => notify(`Placed the ${preview.width}×${preview.height} preview`),
            fail("Could not insert the image"),
          );
      }),
    selectLayer: (item) => {
      const nodeId = item.placedAs?.nodeIds[0];
      if (!nodeId) return;
      requests.call("focus-node", { nodeId }).catch((error: unknown) => {
        const gone = error instanceof PluginError && error.code === "not-found";
        if (gone) session.markGone(item.id);
        // A deleted layer is news, not a failure: the row now offers Insert again.
        if (gone)
          notify(
            "The layer this image was placed as is no longer in the file: Insert again places its stored preview.",
          );
        else notify(`Could not select the layer: ${messageOf(error)}`, "error");
      });
    },
    refine: (item) => {
      onRefineImage(item.id).then(
        (opened) =>
          opened ||
          notify(
            "This image's version is not among this file's stored versions, so the Image panel cannot open it.",
            "error",
          ),
        fail("Could not open the Image panel"),
      );
    },
    copyAnalysis: (item) =>
      void read(item, "analysis").then(
        (entry) =>
          entry &&
          copyText(analysisMarkdown(entry)).then(
            () => notify("Copied the analysis as Markdown"),
            fail("Could not copy"),
          ),
      ),
    showAnalysis: (item) => void read(item, "analysis").then((entry) => entry && session.show(entry)),
  };
}
