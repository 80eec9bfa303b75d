/**
 * One answered image of a batch onto the canvas: converted for Figma in the panel (ui/image/convert.ts),
 * placed in the batch's grid frame at its item's position, with a generation record like a live image's
 * (prompt, model; the version id says it came from batch <local id>). The provider's batch id never goes
 * into the record: records live in pluginData, which syncs to every collaborator. A grid deleted meanwhile
 * gets a new one.
 */
import { RECORD_LIMITS, type ImageRecord } from "../../../../contract/image.js";
import type { PendingBatch, PendingItem } from "../../../../contract/pending-batch.js";
import { PluginError, type MainRequests } from "../../../channel/requests.js";
import { placeBytesInGrid } from "../run/grid-place.js";

/** The record a placed batch image carries (pluginData): never the key, never the provider's ids. */
export function batchImageRecord(batch: PendingBatch, item: PendingItem): ImageRecord {
  return {
    versionId: `batch.${batch.id}-${item.row}`,
    createdAt: new Date().toISOString(),
    prompt: item.prompt.slice(0, RECORD_LIMITS.prompt),
    model: (batch.record.model ?? "gpt-image-2").slice(0, RECORD_LIMITS.model),
    provider: "openai",
    api: "images",
    size: batch.size,
    quality: batch.quality,
    background: "auto",
    format: "png",
    count: 1,
    index: 0,
  };
}

/** Placed as the live run places its images (run/grid-place.ts: the same layer size and naming). */
export async function placeResult(
  requests: MainRequests,
  batch: PendingBatch,
  item: PendingItem,
  index: number,
  bytes: Uint8Array,
): Promise<{ gridId: string; layerId: string; notes: string[] }> {
  const place = (grid: { id: string } | { name: string }) =>
    placeBytesInGrid(requests, bytes, batchImageRecord(batch, item), { stem: item.stem, index }, grid);
  try {
    return await place(batch.gridId ? { id: batch.gridId } : { name: batch.name });
  } catch (error) {
    if (!(batch.gridId && error instanceof PluginError && error.code === "not-found")) throw error;
    return place({ name: batch.name });
  }
}
