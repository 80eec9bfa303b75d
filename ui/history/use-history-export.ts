/** Export: every entry's payload (`export-history`) laid out as a zip (history-zip.ts) and downloaded. */
import { useCallback, useState } from "preact/hooks";
import type { MainRequests } from "../channel/requests.js";
import type { Engine } from "../engine/engine.js";
import { downloadBytes } from "../lib/download.js";
import { zipFilesLater } from "../engine/load-zip.js";
import { historyZipFiles } from "./history-zip.js";
import { messageOf } from "./use-history-list.js";

export type ExportState =
  | { phase: "idle" | "busy" }
  | { phase: "done"; fileName: string; count: number; bytes: number; damaged: number }
  | { phase: "failed"; message: string };

export function useHistoryExport(
  requests: MainRequests,
  worker: Pick<Engine, "call">,
): { state: ExportState; run(allFiles: boolean): Promise<boolean> } {
  const [state, setState] = useState<ExportState>({ phase: "idle" });
  const run = useCallback(
    async (allFiles: boolean) => {
      setState({ phase: "busy" });
      try {
        const { entries, damaged = [] } = await requests.call("export-history", { allFiles });
        const zip = await zipFilesLater(worker, historyZipFiles(entries, damaged));
        const fileName = `figment-history-${new Date().toISOString().slice(0, 10)}.zip`;
        downloadBytes(zip, fileName, "application/zip");
        setState({ phase: "done", fileName, count: entries.length, bytes: zip.length, damaged: damaged.length });
        return true;
      } catch (error) {
        setState({ phase: "failed", message: `Could not export the history: ${messageOf(error)}` });
        return false;
      }
    },
    [requests, worker],
  );
  return { state, run };
}
