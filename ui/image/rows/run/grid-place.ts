/**
 * A finished run's image onto the canvas: made ready for Figma in the panel (WebP → PNG, > 4096 px scaled
 * down: ui/image/convert.ts), then one `place-in-grid` request — the run's first placement makes the grid
 * frame named after the run, later ones add to it by id at the item's index, so a retried item lands in its
 * own place. Each layer is named by the item's stem and carries its generation record.
 */
import type { GridLabels, ImageRecord } from "../../../../contract/image.js";
import type { MainRequests } from "../../../channel/requests.js";
import { readyForCanvas } from "../../convert.js";
import { recordOf } from "../../record.js";
import type { ImageVersion } from "../../versions.js";
import { gridLayerSize } from "./layer-size.js";

export interface GridPlaced {
  gridId: string;
  layerId: string;
  /** What was changed to fit Figma (converted, scaled), in words. */
  notes: string[];
}

/**
 * Image bytes as the item's layer in the run's grid: the live run's and the Batch API's results alike.
 * `grid`: the run's grid frame by id, or its name when the run has none yet (or it was deleted).
 */
export async function placeBytesInGrid(
  requests: MainRequests,
  bytes: Uint8Array,
  record: ImageRecord,
  item: { stem: string; index: number },
  grid: { id: string } | { name: string },
  labels?: GridLabels,
): Promise<GridPlaced> {
  const image = await readyForCanvas(bytes);
  const size = gridLayerSize(image.width, image.height);
  const reply = await requests.call("place-in-grid", {
    grid,
    bytes: image.bytes,
    ...size,
    name: item.stem,
    record,
    index: item.index,
    ...(labels && "name" in grid ? { labels } : {}),
  });
  const [gridId, layerId] = reply.nodeIds;
  if (!gridId || !layerId) throw new Error("The plugin placed the image but did not say where.");
  return { gridId, layerId, notes: image.notes };
}

/** A live run's finished version (its full bytes) in the grid. */
export async function placeInGrid(
  requests: MainRequests,
  version: ImageVersion,
  item: { stem: string; index: number },
  grid: { id: string } | { name: string },
  labels?: GridLabels,
): Promise<GridPlaced> {
  if (!version.bytes) throw new Error("Only the preview of this image was kept, so it cannot be placed.");
  return placeBytesInGrid(requests, version.bytes, recordOf(version), item, grid, labels);
}
