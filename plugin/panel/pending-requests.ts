/**
 * The Batch API list's requests: keep, list and forget this file's batches (plugin/storage/pending-batches.ts).
 * Each answers the file's list as it is now. Refusals are PluginErrors, sent as `error` on the request.
 */
import { deletePendingBatch, loadPendingBatches, savePendingBatch } from "../storage/pending-batches.js";
import type { SomeHandlers } from "./handler.js";

export const pendingHandlers = {
  // The stored API keys, which a batch must never hold.
  "save-pending-batch": async ({ batch }, session) => ({ batches: await savePendingBatch(batch, session.secrets()) }),
  "load-pending-batches": async () => ({ batches: await loadPendingBatches() }),
  "delete-pending-batch": async ({ id }) => ({ batches: await deletePendingBatch(id) }),
} satisfies SomeHandlers;
