/**
 * Everything the Image panel's Rows mode keeps at the app level, so it survives switching panels: which
 * mode the panel shows, the setup (style spec, rows, template, rules, prompts), the live run, and the
 * batches sent to the Batch API. Each part is its own hook; this only puts them together.
 */
import { useState } from "preact/hooks";
import type { RowsSessionDeps } from "./deps.js";
import { usePendingBatches, type PendingBatches } from "./batch-api/use-pending.js";
import { useRowsSetup, type RowsSetup } from "./setup/use-setup.js";
import { useRowsRun, type RowsRun } from "./run/use-run.js";

export type ImageMode = "one" | "rows";

export interface RowsSession {
  mode: ImageMode;
  setMode(mode: ImageMode): void;
  setup: RowsSetup;
  run: RowsRun;
  batchApi: PendingBatches;
}

export type { RowsSessionDeps } from "./deps.js";

export function useRowsSession(deps: RowsSessionDeps): RowsSession {
  const [mode, setMode] = useState<ImageMode>("one");
  const setup = useRowsSetup(deps, mode === "rows");
  const run = useRowsRun(deps);
  const batchApi = usePendingBatches(deps);
  return { mode, setMode, setup, run, batchApi };
}
