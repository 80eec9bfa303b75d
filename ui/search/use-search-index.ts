/**
 * The file's search index in the panel: the stored one at once (`load-search-index`), then a scan of every page
 * in the background (`scan-frames`, with progress and Cancel) whose answer replaces it; each answer is rebuilt
 * into the search worker's orama index (build-index.ts), which starts on the first open. Opening the panel again
 * scans again (the document may have changed).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { ScanChanges, ScanSkip, SearchIndex } from "../../contract/search.js";
import type { MainRequests } from "../channel/requests.js";
import { searchWorkerFromMain } from "../search-worker/from-main.js";
import { buildIndex, type LoadedIndex } from "./build-index.js";
import { withExtras } from "./merge-extras.js";

export type ScanState =
  | { phase: "idle" }
  | { phase: "scanning"; label: string; done: number; total: number }
  | { phase: "done"; changes?: ScanChanges; skipped: ScanSkip[]; notStored?: string }
  | { phase: "failed"; message: string }
  | { phase: "cancelled" };

export interface SearchIndexJob {
  /** The live index; undefined until the stored one has loaded. */
  loaded: LoadedIndex | undefined;
  /** Why the stored index could not be read (the scan still runs). */
  loadError: string | undefined;
  scan: ScanState;
  /** Loads the stored index the first time, then scans. */
  open(): void;
  rescan(): void;
  cancel(): void;
  /** The model's additions (enrich), laid onto the newest index (a scan may have answered meanwhile), rebuilt. */
  addExtras(made: SearchIndex): void;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function useSearchIndex(requests: MainRequests): SearchIndexJob {
  const [loaded, setLoaded] = useState<LoadedIndex | undefined>(undefined);
  const [loadError, setLoadError] = useState<string | undefined>(undefined);
  const [scan, setScan] = useState<ScanState>({ phase: "idle" });
  const started = useRef(false);
  const scanning = useRef<AbortController | undefined>(undefined);
  const worker = useMemo(() => searchWorkerFromMain(requests), [requests]);
  useEffect(() => () => worker.dispose(), [worker]);

  // Once a scan has answered, the stored index (slower to arrive, in theory) is stale.
  const scanned = useRef(false);

  // The newest index asked to be shown (scan, stored, or with additions): what additions are laid onto.
  const latest = useRef<SearchIndex | undefined>(undefined);

  const show = useCallback(
    (index: SearchIndex) => {
      latest.current = index;
      setLoaded(buildIndex(index, worker));
    },
    [worker],
  );

  const rescan = useCallback(() => {
    if (scanning.current) return;
    const controller = new AbortController();
    scanning.current = controller;
    setScan({ phase: "scanning", label: "Reading pages…", done: 0, total: 0 });
    requests
      .call(
        "scan-frames",
        {},
        {
          signal: controller.signal,
          onEvent: (p) => setScan({ phase: "scanning", label: p.label, done: p.done, total: p.total }),
        },
      )
      .then((reply) => {
        scanned.current = true;
        show(reply.index);
        setScan({
          phase: "done",
          skipped: reply.skipped ?? [],
          ...(reply.changes ? { changes: reply.changes } : {}),
          ...(reply.notStored ? { notStored: reply.notStored } : {}),
        });
      })
      .catch((error: unknown) =>
        setScan(controller.signal.aborted ? { phase: "cancelled" } : { phase: "failed", message: message(error) }),
      )
      .finally(() => {
        if (scanning.current === controller) scanning.current = undefined;
      });
  }, [requests, show]);

  /** The first time: the stored index and a scan at once (the stored one is searchable while the scan runs). */
  const open = useCallback(() => {
    if (!started.current) {
      started.current = true;
      requests
        .call("load-search-index", {})
        .then((reply) => (scanned.current ? undefined : show(reply.index)))
        .catch((error: unknown) => setLoadError(message(error)));
    }
    rescan();
  }, [requests, show, rescan]);

  const cancel = useCallback(() => scanning.current?.abort(), []);
  const addExtras = useCallback(
    (made: SearchIndex) => show(latest.current ? withExtras(latest.current, made) : made),
    [show],
  );
  return { loaded, loadError, scan, open, rescan, cancel, addExtras };
}
