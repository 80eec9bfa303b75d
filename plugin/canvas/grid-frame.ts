/**
 * A grid of images (a Rows run's, or a Batch API batch's results): an auto layout frame named after it that wraps its
 * images into rows (about four columns of the first image's width), hugging its height; found again by id for its later
 * images.
 * Each image remembers its position in pluginData, so an item retried after later ones finished goes
 * back to its place.
 */
import { PluginError } from "../errors.js";
import { MAX_NAME } from "./placement.js";

/** Columns the grid is made wide enough for (the first image's width each). */
export const GRID_COLUMNS = 4;
/** Space between the images, across and down, and around them, in px. */
export const GRID_SPACING = 40;
export const GRID_PADDING = 40;
/** A grid's name when the run has none. */
export const DEFAULT_GRID_NAME = "Image grid";
/** pluginData key of an image's position in its grid (0-based, as text). */
export const GRID_INDEX_KEY = "figment.grid-index";

/** The frame's size for images of `width` × `height`: four columns wide, one row high (auto layout grows it). */
export function gridSize(width: number, height: number): { width: number; height: number } {
  return {
    width: GRID_PADDING * 2 + GRID_COLUMNS * width + (GRID_COLUMNS - 1) * GRID_SPACING,
    height: GRID_PADDING * 2 + height,
  };
}

/** One line, trimmed, at most MAX_NAME characters. */
export function gridName(name: string): string {
  const line = name.replace(/\s+/g, " ").trim();
  if (line === "") return DEFAULT_GRID_NAME;
  return line.length <= MAX_NAME ? line : `${line.slice(0, MAX_NAME - 1).trimEnd()}…`;
}

/**
 * Makes `frame` the grid: horizontal auto layout that wraps, a fixed width, a height that hugs its rows.
 * The layout mode comes first (Figma refuses wrap on a frame without auto layout, and turning auto layout on
 * resizes the frame), the size next, and hugging last, so a resize cannot leave the height fixed.
 */
export function makeGrid(frame: FrameNode, name: string, size: { width: number; height: number }): void {
  frame.name = gridName(name);
  frame.layoutMode = "HORIZONTAL";
  frame.layoutWrap = "WRAP";
  frame.primaryAxisSizingMode = "FIXED";
  frame.itemSpacing = GRID_SPACING;
  frame.counterAxisSpacing = GRID_SPACING;
  frame.paddingLeft = frame.paddingRight = frame.paddingTop = frame.paddingBottom = GRID_PADDING;
  frame.resize(size.width, size.height);
  frame.counterAxisSizingMode = "AUTO";
}

/** The grid frame by id; `not-found` (saying what to do) when it was deleted or is no frame. */
export async function findGrid(id: string): Promise<FrameNode> {
  const node = await figma.getNodeByIdAsync(id);
  if (!node || node.removed)
    throw new PluginError(
      "not-found",
      "The grid frame was deleted, so this image was not placed. Place it again " +
        "to start a new grid (or undo the deletion and retry). Nothing was changed.",
    );
  if (node.type !== "FRAME")
    throw new PluginError(
      "not-found",
      `The grid is now a ${node.type.toLowerCase().replace(/_/g, " ")}, not a frame, so ` +
        `this image was not placed. Place it again to start a new grid. Nothing was changed.`,
    );
  return node;
}

/** Where item `index` goes among the grid's children: before the first image of a later item (else last). */
export function slotFor(grid: FrameNode, index: number | undefined): number {
  const children = grid.children;
  if (index === undefined) return children.length;
  const later = children.findIndex((child) => {
    const text = child.getPluginData(GRID_INDEX_KEY);
    return text !== "" && Number(text) > index;
  });
  return later === -1 ? children.length : later;
}
