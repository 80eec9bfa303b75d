/**
 * The main thread's export of the selection, as a job sees it: the job starts exports with ids from here
 * and hears progress, result and failure only for the export it is waiting for. Messages for its own older
 * exports (cancelled or replaced) are logged and dropped; other jobs' exports are not its business.
 */
import { useCallback, useEffect, useRef } from "preact/hooks";
import type { ErrorCode, ExportedFrame, ToUi } from "../../contract/messages.js";
import type { Bridge } from "./bridge.js";
import { newRequestId } from "./ids.js";

export interface ExportEvents {
  /** The export the job waits for now, if any. */
  waitingFor(): string | undefined;
  progress(message: ToUi["export-progress"]): void;
  result(frames: ExportedFrame[]): void;
  failed(code: ErrorCode, message: string): void;
}

/** Subscribes for the job's lifetime; returns the function that makes a new export's id. */
export function useExportRequests(bridge: Bridge, prefix: string, events: ExportEvents): () => string {
  const latest = useRef(events);
  latest.current = events;
  const own = useRef(new Set<string>());
  const newExportId = useCallback(() => {
    const id = newRequestId(prefix);
    own.current.add(id);
    return id;
  }, [prefix]);

  useEffect(() => {
    /** True for the awaited export; logs and forgets the job's own stale ones. */
    const awaited = (requestId: string, what: string): boolean => {
      if (latest.current.waitingFor() === requestId) return true;
      if (own.current.has(requestId)) console.info(`Figment UI: ignored ${what} export ${requestId} (cancelled or replaced)`);
      return false;
    };
    const offProgress = bridge.on("export-progress", (message) => {
      if (latest.current.waitingFor() === message.requestId) latest.current.progress(message);
    });
    const offResult = bridge.on("export-result", (message) => {
      const done = awaited(message.requestId, "the result of");
      own.current.delete(message.requestId);
      if (done) latest.current.result(message.frames);
    });
    const offError = bridge.on("error", (message) => {
      if (message.requestId === undefined) return; // the app shows these
      const failed = awaited(message.requestId, `an error (${message.message}) for`);
      own.current.delete(message.requestId);
      if (failed) latest.current.failed(message.code, message.message);
    });
    return () => {
      offProgress();
      offResult();
      offError();
    };
  }, [bridge]);

  return newExportId;
}
