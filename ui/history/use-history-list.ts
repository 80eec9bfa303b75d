/**
 * The History panel's data: every file's listing lines (one request; "This file" is a filter here), the
 * usage, and the stored image previews (one `load-image-versions` for all of them — cheaper than reading
 * each image entry's payload).
 */
import { useCallback, useRef, useState } from "preact/hooks";
import type { HistoryItem, HistoryUsage } from "../../contract/history.js";
import type { MainRequests } from "../channel/requests.js";

export type ListStatus = { phase: "idle" | "loading" | "ready" } | { phase: "failed"; message: string };

export interface HistoryList {
  status: ListStatus;
  entries: HistoryItem[];
  usage: HistoryUsage | undefined;
  /** Preview bytes of image entries, by version id (PNG or JPEG, ≤ 256 px). */
  previews: ReadonlyMap<string, Uint8Array>;
  /** Reads the listing again; resolves with it (undefined when it could not be read: `status` says why). */
  refresh(): Promise<{ entries: HistoryItem[]; usage: HistoryUsage } | undefined>;
  setUsage(usage: HistoryUsage): void;
}

export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function useHistoryList(requests: MainRequests): HistoryList {
  const [status, setStatus] = useState<ListStatus>({ phase: "idle" });
  const [entries, setEntries] = useState<HistoryItem[]>([]);
  const [usage, setUsage] = useState<HistoryUsage | undefined>(undefined);
  const [previews, setPreviews] = useState<ReadonlyMap<string, Uint8Array>>(new Map());
  const previewsRef = useRef(previews);
  previewsRef.current = previews;

  const refresh = useCallback(async () => {
    setStatus((s) => (s.phase === "ready" ? s : { phase: "loading" }));
    try {
      const listed = await requests.call("load-history", { allFiles: true });
      setEntries(listed.entries);
      setUsage(listed.usage);
      setStatus({ phase: "ready" });
      const missing = listed.entries.some((e) => e.kind === "image" && !previewsRef.current.has(e.id));
      if (missing) {
        // Previews are a nicety: a failure leaves the rows without pictures, not the list.
        const { versions } = await requests
          .call("load-image-versions", { allFiles: true })
          .catch(() => ({ versions: [] }));
        setPreviews(new Map(versions.map((v) => [v.id, v.preview.bytes])));
      }
      return listed;
    } catch (error) {
      setStatus({ phase: "failed", message: `Could not read the history: ${messageOf(error)}` });
      return undefined;
    }
  }, [requests]);

  return { status, entries, usage, previews, refresh, setUsage };
}
