/**
 * Place in grid: a Rows run's (or a Batch API batch's) result as a rectangle with the image fill (FILL) in its grid
 * frame — a new one (`grid.name`) beside the selection or at the viewport centre, selected and scrolled into view; or
 * the existing one (`grid.id`), at the item's position when `index` is given. Adding to an existing grid leaves the
 * selection and viewport alone: the designer may be working elsewhere while the run goes on. Everything is checked
 * before the canvas changes, each placement is one undo step, and a failure midway removes what it made.
 */
import type { GridLabels, GridTarget, ImageRecord } from "../../contract/image.js";
import { createImage } from "./image-bytes.js";
import { encodeRecord, writeRecord } from "./image-record.js";
import { findGrid, GRID_INDEX_KEY, gridSize, makeGrid, slotFor } from "./grid-frame.js";
import { fillLabelledGrid, LABEL_FONT, labelledGridWidth, placeholderFor } from "./grid-labels.js";
import type { Placed } from "./insert-image.js";
import { layerName, spotFor } from "./placement.js";
import { oneUndoStep, requireEditable } from "./undo-step.js";

export interface PlaceInGrid {
  grid: GridTarget;
  bytes: Uint8Array;
  /** The layer's size at 1× (normally the image's pixel size). */
  width: number;
  height: number;
  name?: string;
  record: ImageRecord;
  /** The item's position in its batch (0-based). */
  index?: number;
  /** A parameter grid's headers: a new grid is made with them and a placeholder for each cell. */
  labels?: GridLabels;
}

export async function placeInGrid(request: PlaceInGrid, secrets: readonly string[]): Promise<Placed> {
  requireEditable("place images");
  const encoded = encodeRecord(request.record, secrets);
  // Found last before the write (no await after it), so the grid cannot disappear in between.
  const existing = "id" in request.grid ? await findGrid(request.grid.id) : undefined;
  const image = createImage(request.bytes);
  const labels = existing ? undefined : request.labels;
  if (labels) await figma.loadFontAsync(LABEL_FONT);
  const made: SceneNode[] = [];
  const { grid, rect } = oneUndoStep(() => {
    try {
      let grid = existing;
      if (!grid) {
        const plain = gridSize(request.width, request.height);
        const size = labels ? { ...plain, width: labelledGridWidth(labels, request.width) } : plain;
        const spot = spotFor(figma.currentPage.selection, size, "beside");
        grid = figma.createFrame();
        made.push(grid);
        makeGrid(grid, "name" in request.grid ? request.grid.name : "", size);
        if (labels) fillLabelledGrid(grid, labels, request, made);
        grid.x = spot.x;
        grid.y = spot.y;
      }
      const rect = figma.createRectangle();
      made.push(rect);
      rect.resize(request.width, request.height);
      rect.name = layerName(request.name, request.record.prompt);
      rect.fills = [{ type: "IMAGE", imageHash: image.hash, scaleMode: "FILL" }];
      if (request.index !== undefined) rect.setPluginData(GRID_INDEX_KEY, String(request.index));
      writeRecord(rect, request.record, encoded);
      const placeholder = placeholderFor(grid, request.index);
      grid.insertChild(placeholder ? grid.children.indexOf(placeholder) : slotFor(grid, request.index), rect);
      placeholder?.remove();
      return { grid, rect };
    } catch (error) {
      for (const node of made.reverse()) if (!node.removed) node.remove();
      throw error;
    }
  });
  if (!existing) {
    figma.currentPage.selection = [grid];
    figma.viewport.scrollAndZoomIntoView([grid]);
  }
  return { nodeIds: [grid.id, rect.id] };
}
