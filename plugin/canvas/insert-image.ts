/**
 * Insert: a new rectangle with the image as its fill (FILL), beside the selection (or a given layer), at the
 * viewport's centre, or into the selected frame; named from the prompt; the record and relaunch buttons on it; selected
 * and scrolled into view. Everything is checked before the canvas changes, the write is one undo step, and a failure
 * midway removes the rectangle again.
 */
import type { ImageRecord, Placement } from "../../contract/image.js";
import { PluginError } from "../errors.js";
import { createImage } from "./image-bytes.js";
import { encodeRecord, writeRecord } from "./image-record.js";
import { layerName, spotFor } from "./placement.js";
import { oneUndoStep, requireEditable } from "./undo-step.js";

export interface InsertImage {
  bytes: Uint8Array;
  /** The layer's size at 1× (normally the image's pixel size). */
  width: number;
  height: number;
  name?: string;
  record: ImageRecord;
  placement?: Placement;
  /** Beside this layer (resolved to `anchor` by anchorLayer) instead of the selection. */
  besideId?: string;
}

export interface Placed {
  nodeIds: string[];
  note?: string;
}

/** `anchor`: the layer to go beside instead of the selection (a render goes beside the frame it renders). */
export function insertImage(request: InsertImage, secrets: readonly string[], anchor?: SceneNode): Placed {
  requireEditable("place images");
  const encoded = encodeRecord(request.record, secrets);
  const spot = spotFor(
    anchor ? [anchor] : figma.currentPage.selection,
    { width: request.width, height: request.height },
    anchor ? "beside" : (request.placement ?? "beside"),
  );
  const image = createImage(request.bytes);
  const rect = oneUndoStep(() => {
    const node = figma.createRectangle();
    try {
      spot.parent?.appendChild(node);
      node.resize(spot.width, spot.height);
      node.x = spot.x;
      node.y = spot.y;
      node.name = layerName(request.name, request.record.prompt);
      node.fills = [{ type: "IMAGE", imageHash: image.hash, scaleMode: "FILL" }];
      writeRecord(node, request.record, encoded);
      return node;
    } catch (error) {
      if (!node.removed) node.remove();
      throw error;
    }
  });
  figma.currentPage.selection = [rect];
  figma.viewport.scrollAndZoomIntoView([rect]);
  return { nodeIds: [rect.id], ...(spot.note ? { note: spot.note } : {}) };
}

/** The layer a render goes beside, by id: refused, changing nothing, when it is no longer in the file. */
export async function anchorLayer(id: string): Promise<SceneNode> {
  const found = await figma.getNodeByIdAsync(id);
  if (!found || found.removed || found.type === "PAGE" || found.type === "DOCUMENT")
    throw new PluginError(
      "not-found",
      "The frame this image renders is no longer in the file. Nothing " +
        "was changed: insert the version from the panel instead.",
    );
  return found as SceneNode;
}
