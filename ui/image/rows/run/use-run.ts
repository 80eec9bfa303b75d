/**
 * A Rows run live: one image request per item, a few at a time, each item's progress, a failed item retried
 * alone, Cancel keeping what finished, the first image accepted as the style's reference, and every result
 * placed in the run's grid frame (run-driver.ts does the work; this keeps it at the app level for Preact).
 * "Edit rows" goes back to the setup and keeps the results; a new start while items still run waits for
 * the user to confirm it replaces them.
 */
import { useCallback, useMemo, useRef, useState } from "preact/hooks";
import type { RowsSessionDeps } from "../deps.js";
import type { RowsPlan } from "../plan.js";
import { RunDriver } from "./run-driver.js";
import { isRunning, type RunState } from "./run-state.js";

export interface RowsRun {
  /** A run is under way or its results are on show. */
  active: boolean;
  start(plan: RowsPlan): void;
  /** The run (kept while the setup is on show), if one was started. */
  state: RunState | undefined;
  /** A start that waits for the user's word because the run on show still has items drawing or queued. */
  replacing: RowsPlan | undefined;
  confirmReplace(): void;
  keepRunning(): void;
  cancel(): void;
  retry(index: number): void;
  /** Accept first: the first image becomes the style of the rest, or is drawn again. */
  accept(): void;
  redoFirst(): void;
  placeRefused(): void;
  selectGrid(): void;
  /** Back to the setup (the results stay) and back to the run. */
  edit(): void;
  show(): void;
}

export function useRowsRun(deps: RowsSessionDeps): RowsRun {
  const [state, setState] = useState<RunState | undefined>(undefined);
  const [active, setActive] = useState(false);
  const [replacing, setReplacing] = useState<RowsPlan | undefined>(undefined);
  const live = useRef(deps);
  live.current = deps;
  const driver = useMemo(
    () =>
      new RunDriver(
        {
          requests: deps.requests,
          worker: deps.worker,
          vault: deps.vault,
          settings: () => live.current.settings,
          prices: () => live.current.prices,
        },
        setState,
      ),
    [deps.requests, deps.worker, deps.vault],
  );

  const start = useCallback(
    (plan: RowsPlan) => {
      setActive(true);
      if (driver.state && isRunning(driver.state)) return setReplacing(plan);
      setReplacing(undefined);
      driver.start(plan);
    },
    [driver],
  );
  const confirmReplace = useCallback(() => {
    setReplacing((plan) => {
      if (plan) queueMicrotask(() => driver.start(plan));
      return undefined;
    });
  }, [driver]);

  const selectGrid = useCallback(() => {
    const gridId = driver.state?.gridId;
    if (gridId)
      live.current.requests
        .call("focus-node", { nodeId: gridId })
        .catch((error: unknown) =>
          live.current.report(
            `Could not select the grid: ${error instanceof Error ? error.message : String(error)}`,
            "error",
          ),
        );
  }, [driver]);

  return {
    active,
    start,
    state,
    replacing,
    confirmReplace,
    keepRunning: useCallback(() => setReplacing(undefined), []),
    cancel: useCallback(() => driver.cancel(), [driver]),
    retry: useCallback((index: number) => driver.retry(index), [driver]),
    accept: useCallback(() => driver.accept(), [driver]),
    redoFirst: useCallback(() => driver.redoFirst(), [driver]),
    placeRefused: useCallback(() => driver.placeRefused(), [driver]),
    selectGrid,
    edit: useCallback(() => setActive(false), []),
    show: useCallback(() => setActive(true), []),
  };
}
