/**
 * Everything the Image panel's batch mode keeps at the app level, so it survives switching panels: which
 * mode the panel shows, the setup (style spec, rows, template, rules, prompts), the live run, and the
 * batches sent to the Batch API. Each part is its own hook; this only puts them together.
 */
import { useState } from "preact/hooks";
import type { BatchSessionDeps } from "./deps.js";
import { usePendingBatches, type PendingBatches } from "./batch-api/use-pending.js";
import { useBatchSetup, type BatchSetup } from "./setup/use-setup.js";
import { useBatchRun, type BatchRun } from "./run/use-run.js";

export type ImageMode = "one" | "batch";

export interface BatchSession {
  mode: ImageMode;
  setMode(mode: ImageMode): void;
  setup: BatchSetup;
  run: BatchRun;
  batchApi: PendingBatches;
}

export type { BatchSessionDeps } from "./deps.js";

export function useBatchSession(deps: BatchSessionDeps): BatchSession {
  const [mode, setMode] = useState<ImageMode>("one");
  const setup = useBatchSetup(deps, mode === "batch");
  const run = useBatchRun(deps);
  const batchApi = usePendingBatches(deps);
  return { mode, setMode, setup, run, batchApi };
}
