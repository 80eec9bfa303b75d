/**
 * A finished batch image onto the canvas: made ready for Figma in the panel (WebP → PNG, > 4096 px scaled
 * down: ui/image/convert.ts), then one `place-in-grid` request — the batch's first placement makes the grid
 * frame named after the batch, later ones add to it by id at the item's index, so a retried item lands in its
 * own place. Each layer is named by the item's stem and carries its generation record.
 */
import type { MainRequests } from "../../channel/requests.js";
import { readyForCanvas } from "../../image/convert.js";
import { recordOf } from "../../image/record.js";
import type { ImageVersion } from "../../image/versions.js";
import { gridLayerSize } from "./layer-size.js";

export interface GridPlaced {
  gridId: string;
  layerId: string;
  /** What was changed to fit Figma (converted, scaled), in words. */
  notes: string[];
}

/** `grid`: the batch's grid frame by id, or its name when the batch has none yet (or it was deleted). */
export async function placeInGrid(requests: MainRequests, version: ImageVersion, item: { stem: string; index: number }, grid: { id: string } | { name: string }): Promise<GridPlaced> {
  if (!version.bytes) throw new Error("Only the preview of this image was kept, so it cannot be placed.");
  const image = await readyForCanvas(version.bytes);
  const size = gridLayerSize(image.width, image.height);
  const reply = await requests.request("place-in-grid", { grid, bytes: image.bytes, ...size, name: item.stem, record: recordOf(version), index: item.index });
  const [gridId, layerId] = reply.nodeIds;
  if (!gridId || !layerId) throw new Error("The plugin placed the image but did not say where.");
  return { gridId, layerId, notes: image.notes };
}
