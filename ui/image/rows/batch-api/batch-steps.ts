/**
 * The Batch API steps as the panel runs them: each asks the worker (ui/engine/jobs/batch-job.ts) with the key of
 * the settings' endpoint, and stores every record the worker reports at once (`store`, which the hook
 * serialises), so closing the plugin at any point loses nothing. Collecting converts each answered image
 * for the canvas and places it in the batch's grid; a line is marked done only once placed. Not a hook.
 */
import type { BatchRecord } from "../../../../ai/batch/record.js";
import type { PendingBatch } from "../../../../contract/pending-batch.js";
import type { Settings } from "../../../../contract/settings.js";
import type { MainRequests } from "../../../channel/requests.js";
import type { ApiKeyVault } from "../../../model/api-key.js";
import type { Engine } from "../../../engine/engine.js";
import type { EventOf } from "../../../engine/protocol/index.js";
import type { RowsPlan } from "../plan.js";
import { placeResult } from "./place-result.js";
import { afterCollect, markPlaced } from "./record-merge.js";

export interface StepDeps {
  requests: MainRequests;
  worker: Engine;
  vault: ApiKeyVault;
  settings: Settings;
}

/** Stores a batch (serialised by the caller); resolves once stored. */
export type Store = (batch: PendingBatch) => Promise<void>;

function model(deps: StepDeps) {
  const apiKey = deps.vault.revealFor(deps.settings);
  if (!apiKey) throw new Error(`No API key for ${deps.settings.provider}: add one in Settings to check batches.`);
  return { settings: deps.settings, apiKey, timeoutMs: deps.settings.timeoutSec * 1000 };
}

/** "1536x1024" or "auto", as the record and the Images API write a size. */
export const sizeString = (size: RowsPlan["size"]): string =>
  size === "auto" ? "auto" : `${size.width}x${size.height}`;

/** A fresh local id (a storage key part; never the provider's batch id). */
export const localId = (): string => `b${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

/** Submits the plan; the batch is stored from the first save on (before the upload), then after each step. */
export async function submitPlan(
  deps: StepDeps,
  plan: RowsPlan,
  store: Store,
  onId: (id: string) => void = () => undefined,
): Promise<PendingBatch> {
  const base = {
    id: localId(),
    name: plan.name.trim() || "Batch",
    createdAt: new Date().toISOString(),
    items: plan.items.map(({ row, stem, prompt }) => ({ row, stem, prompt })),
    size: sizeString(plan.size),
    quality: plan.quality,
  };
  onId(base.id);
  let last: PendingBatch | undefined;
  const keep = (record: PendingBatch["record"], inputs: Record<string, string>): void => {
    last = { ...base, record, inputs };
    void store(last);
  };
  const reply = await deps.worker.call(
    "batch-submit",
    { ...model(deps), items: base.items, size: base.size, quality: base.quality },
    { onEvent: (saved) => keep(saved.record, saved.inputs) },
  );
  keep(reply.record, reply.inputs);
  await store(last!);
  return last!;
}

/** Asks where the batch stands (resuming a run whose batch was never created); stores what changed. */
export async function refreshBatch(deps: StepDeps, batch: PendingBatch, store: Store): Promise<PendingBatch> {
  let next = batch;
  const onEvent = (saved: EventOf<"batch-refresh">): void => {
    next = { ...batch, record: saved.record, inputs: saved.inputs };
    void store(next);
  };
  const reply = await deps.worker.call(
    "batch-refresh",
    { ...model(deps), record: batch.record, inputs: batch.inputs },
    { onEvent },
  );
  next = { ...batch, record: reply.record, inputs: reply.inputs };
  await store(next);
  return next;
}

/** Downloads what is not placed yet and places it in the grid (item order); stores after each image. */
export async function collectInto(
  deps: StepDeps,
  batch: PendingBatch,
  store: Store,
): Promise<{ batch: PendingBatch; inserted: number; notes: string[] }> {
  const reply = await deps.worker.call("batch-collect", { ...model(deps), record: batch.record, inputs: batch.inputs });
  let next: PendingBatch = { ...batch, record: afterCollect(batch.record as BatchRecord, reply.record as BatchRecord) };
  await store(next);
  let inserted = 0;
  const notes = new Set<string>();
  for (const result of reply.results) {
    if (!result.image) continue;
    const line = next.record.lines.find((l) => l.customId === result.customId);
    const index = next.items.findIndex((i) => i.row === line?.row);
    const item = next.items[index];
    if (!line || !item) continue;
    const placed = await placeResult(deps.requests, next, item, index, result.image.bytes);
    placed.notes.forEach((n) => notes.add(n));
    next = {
      ...next,
      gridId: placed.gridId,
      record: markPlaced(next.record as BatchRecord, line.customId, [placed.layerId]),
    };
    await store(next);
    inserted++;
  }
  return { batch: next, inserted, notes: [...notes] };
}

/** Sends the failed lines again as a new batch of their own. */
export async function resubmitBatch(deps: StepDeps, batch: PendingBatch, store: Store): Promise<PendingBatch> {
  let next = batch;
  const onEvent = (saved: EventOf<"batch-resubmit">): void => {
    next = { ...batch, record: saved.record, inputs: saved.inputs };
    void store(next);
  };
  const reply = await deps.worker.call(
    "batch-resubmit",
    { ...model(deps), record: batch.record, inputs: batch.inputs },
    { onEvent },
  );
  next = { ...batch, record: reply.record, inputs: reply.inputs };
  await store(next);
  return next;
}
