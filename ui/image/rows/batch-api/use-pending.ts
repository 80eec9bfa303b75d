/**
 * Batches sent to OpenAI's Batch API from the panel: submit and close, the batch id kept in clientStorage
 * (never the document), status when the panel reopens (and every ~30 s while open), and the results
 * inserted into the grid when done — automatically. Each step is in batch-steps.ts; this keeps the list,
 * what is under way, and stores every change in order.
 */
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import type { BatchRecord } from "../../../../ai/batch/record.js";
import type { PendingBatch } from "../../../../contract/pending-batch.js";
import type { RowsSessionDeps } from "../deps.js";
import { collectInto, refreshBatch, resubmitBatch, type StepDeps } from "./batch-steps.js";
import { awaitingPlacement } from "./record-merge.js";
import { finished } from "./status-text.js";
import { useSubmit, type SubmitState } from "./use-submit.js";

/** What the hook needs of the batch session. */
export type PendingDeps = Pick<RowsSessionDeps, "requests" | "worker" | "vault" | "settings" | "report">;

export type BatchActivity = "sending" | "checking" | "inserting" | "resubmitting" | "removing";
export interface Inserted {
  count: number;
  gridId: string;
  notes: string[];
}

export interface PendingBatches extends SubmitState {
  batches: PendingBatch[];
  activity: Record<string, BatchActivity>;
  errors: Record<string, string>;
  inserted: Record<string, Inserted>;
  check(id: string): void;
  resubmit(id: string): void;
  /** Forgets the batch; `force` when its results were not all inserted (the view asks first). */
  remove(id: string): void;
  select(nodeId: string): void;
}

/** How often statuses refresh while the panel is open and a batch is still running. */
export const POLL_MS = 30_000;
const needsCheck = (b: PendingBatch): boolean =>
  !finished(b.record as BatchRecord) || awaitingPlacement(b.record as BatchRecord).length > 0;

export function usePendingBatches(deps: PendingDeps): PendingBatches {
  const [batches, setBatches] = useState<PendingBatch[]>([]);
  const [activity, setActivity] = useState<Record<string, BatchActivity>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [inserted, setInserted] = useState<Record<string, Inserted>>({});
  const latest = useRef({ deps, batches, activity });
  latest.current = { deps, batches, activity };
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  /** Batches being submitted: their record is the submit's until it answers (a refresh would upload again). */
  const submitting = useRef(new Set<string>());

  /** Stores in order; the list shown is the main thread's answer to the last save. */
  const store = useCallback((batch: PendingBatch): Promise<void> => {
    const run = queue.current.then(async () =>
      setBatches((await latest.current.deps.requests.call("save-pending-batch", { batch })).batches),
    );
    queue.current = run.catch(() => undefined);
    return run;
  }, []);

  const step = useCallback(
    async (id: string, what: BatchActivity, work: (steps: StepDeps, batch: PendingBatch) => Promise<void>) => {
      const batch = latest.current.batches.find((b) => b.id === id);
      if (!batch || latest.current.activity[id] || submitting.current.has(id)) return;
      setActivity((a) => ({ ...a, [id]: what }));
      setErrors(({ [id]: _gone, ...rest }) => rest);
      try {
        await work(latest.current.deps, batch);
      } catch (error) {
        setErrors((e) => ({ ...e, [id]: error instanceof Error ? error.message : String(error) }));
      } finally {
        setActivity(({ [id]: _done, ...rest }) => rest);
      }
    },
    [],
  );

  const check = useCallback(
    (id: string) =>
      void step(id, "checking", async (steps, batch) => {
        const now = finished(batch.record as BatchRecord) ? batch : await refreshBatch(steps, batch, store);
        if (!finished(now.record as BatchRecord) || awaitingPlacement(now.record as BatchRecord).length === 0) return;
        setActivity((a) => ({ ...a, [id]: "inserting" }));
        const done = await collectInto(steps, now, store);
        if (done.inserted > 0 && done.batch.gridId)
          setInserted((i) => ({
            ...i,
            [id]: { count: done.inserted + (i[id]?.count ?? 0), gridId: done.batch.gridId!, notes: done.notes },
          }));
      }),
    [step, store],
  );

  const resubmit = useCallback(
    (id: string) =>
      void step(id, "resubmitting", async (steps, batch) => void (await resubmitBatch(steps, batch, store))),
    [step, store],
  );
  const remove = useCallback(
    (id: string) =>
      void step(id, "removing", async (steps) => {
        await queue.current;
        setBatches((await steps.requests.call("delete-pending-batch", { id })).batches);
      }),
    [step],
  );
  const select = useCallback(
    (nodeId: string) =>
      void deps.requests
        .call("focus-node", { nodeId })
        .catch((e: unknown) => deps.report(e instanceof Error ? e.message : String(e), "error")),
    [deps.requests, deps.report],
  );

  const sending = useCallback((id: string, on: boolean) => {
    if (on) submitting.current.add(id);
    else submitting.current.delete(id);
    setActivity(({ [id]: _was, ...rest }) => (on ? { ...rest, [id]: "sending" } : rest));
  }, []);
  const submitState = useSubmit(deps, store, sending);

  useEffect(() => {
    deps.requests.call("load-pending-batches", {}).then(
      (r) => setBatches(r.batches),
      (e: unknown) =>
        deps.report(
          `Batches sent to the Batch API could not be read: ${e instanceof Error ? e.message : String(e)}`,
          "error",
        ),
    );
  }, [deps.requests]);

  // On open (once the key is known) and every POLL_MS while a batch is running: check what may have moved.
  const hasKey = deps.vault.hasKeyFor(deps.settings);
  const ids = batches
    .filter(needsCheck)
    .map((b) => b.id)
    .join(",");
  useEffect(() => {
    if (!hasKey || ids === "") return;
    const checkAll = () => latest.current.batches.filter(needsCheck).forEach((b) => check(b.id));
    checkAll();
    const timer = setInterval(checkAll, POLL_MS);
    return () => clearInterval(timer);
  }, [hasKey, ids === "", check]);

  return { batches, activity, errors, inserted, check, resubmit, remove, select, ...submitState };
}
