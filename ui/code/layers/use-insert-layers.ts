/**
 * One "Insert as layers" at a time: the page read at the chosen width in its sandboxed iframe (the reader comes with
 * the draft part), checked, then sent to the main thread to be built beside its frame with progress; Cancel stops
 * either step (the main thread removes what it built: a cancelled insertion leaves nothing).
 */
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import type { MainRequests } from "../../channel/requests.js";
import { isCancelled } from "../../../kernel/cancelled.js";
import { loadDraft } from "../draft-loader.js";
import { countLayers, type InsertState, noteLines } from "./insert-state.js";
import { type LayerSource, viewportHeight } from "./layer-source.js";

export interface InsertLayers {
  state: InsertState;
  start(source: LayerSource, width: number): void;
  cancel(): void;
  dismiss(): void;
}

/** `onInserted`: the top layer made, now the selection (a result keeps being the current one for it). */
export function useInsertLayers(requests: MainRequests, onInserted?: (rootId: string) => void): InsertLayers {
  const [state, setState] = useState<InsertState>({ phase: "idle" });
  const running = useRef<AbortController | undefined>(undefined);
  // Closing the result (or the panel) stops what runs.
  useEffect(() => () => running.current?.abort(), []);

  const start = useCallback(
    (source: LayerSource, width: number) => {
      running.current?.abort();
      const stop = new AbortController();
      running.current = stop;
      const set = (next: InsertState) => running.current === stop && setState(next);
      set({ phase: "reading", width });
      void (async () => {
        try {
          const draft = await loadDraft(requests);
          const height = viewportHeight(source, width);
          const name = `${source.name} · ${width}`;
          const layers = await draft.readPageLayers({ html: source.html, width, height, name }, stop.signal);
          set({ phase: "building", width, done: 0, total: countLayers(layers.root) });
          const reply = await requests.call(
            "insert-layers",
            { layers, ...(source.besideId ? { besideId: source.besideId } : {}) },
            {
              signal: stop.signal,
              onEvent: ({ done, total }) => set({ phase: "building", width, done, total }),
            },
          );
          const notes = noteLines([...reply.notes], source.external);
          set({ phase: layers.truncated ? "limit" : "done", width, built: reply.built, notes });
          if (reply.rootId !== undefined && running.current === stop) onInserted?.(reply.rootId);
        } catch (error) {
          if (isCancelled(error)) set({ phase: "cancelled", width });
          else set({ phase: "failed", width, message: error instanceof Error ? error.message : String(error) });
        } finally {
          if (running.current === stop) running.current = undefined;
        }
      })();
    },
    [requests, onInserted],
  );
  const cancel = useCallback(() => running.current?.abort(), []);
  const dismiss = useCallback(() => setState({ phase: "idle" }), []);
  return { state, start, cancel, dismiss };
}
