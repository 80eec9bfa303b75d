/**
 * The Batch API list's requests: keep, list and forget this file's batches (plugin/storage/pending-batches.ts).
 * Each answers the file's list as it is now. Refusals are PluginErrors, sent as `error` on the request.
 */
import type { MainMessage } from "../../contract/messages.js";
import { deletePendingBatch, loadPendingBatches, savePendingBatch } from "../storage/pending-batches.js";
import { post } from "./post.js";

export type PendingRequest = Extract<MainMessage, { type: "save-pending-batch" | "load-pending-batches" | "delete-pending-batch" }>;

/** `secrets`: the stored API keys, which a batch must never hold. */
export async function answerPending(message: PendingRequest, secrets: readonly string[]): Promise<void> {
  const { requestId } = message;
  switch (message.type) {
    case "save-pending-batch":
      return post("pending-batches", { requestId, batches: await savePendingBatch(message.batch, secrets) });
    case "load-pending-batches":
      return post("pending-batches", { requestId, batches: await loadPendingBatches() });
    case "delete-pending-batch":
      return post("pending-batches", { requestId, batches: await deletePendingBatch(message.id) });
    default:
      message satisfies never;
  }
}
