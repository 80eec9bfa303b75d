/**
 * A parameter grid's frame (an X/Y plot): the grid of a run (grid-frame.ts) made exactly one header column and
 * `columns` cells wide, holding a text layer over each column ("CFG 7"), one before each row ("Seed 2") when
 * the rows have names, and a grey placeholder for each cell until its image arrives. The wrapping auto layout
 * keeps the cells under their headers only while every place is filled, so the placeholders hold the places of
 * the cells still drawing (or failed). Every child carries its position in pluginData: headers between the
 * cells' whole indexes (a row's header at `line × columns − 0.5`), so slotFor orders anything added later.
 */
import type { GridLabels } from "../../contract/image.js";
import { GRID_INDEX_KEY, GRID_PADDING, GRID_SPACING } from "./grid-frame.js";

export const LABEL_FONT: FontName = { family: "Inter", style: "Regular" };
export const LABEL_SIZE = 24;
/** The row headers' column, in px. */
export const ROW_HEADER_WIDTH = 200;
/** pluginData key marking a cell's placeholder (its value: "1"). */
export const PLACEHOLDER_KEY = "figment.grid-placeholder";
const PLACEHOLDER_FILL: Paint = { type: "SOLID", color: { r: 0.93, g: 0.93, b: 0.93 } };

export const hasRowHeaders = (labels: GridLabels): boolean => labels.rows.some((label) => label.trim() !== "");

/** The frame's width: padding, the header column (when there is one), `columns` cells and the gaps between. */
export function labelledGridWidth(labels: GridLabels, cellWidth: number): number {
  const columns = Math.max(1, labels.columns.length);
  const header = hasRowHeaders(labels) ? ROW_HEADER_WIDTH + GRID_SPACING : 0;
  return GRID_PADDING * 2 + header + columns * cellWidth + (columns - 1) * GRID_SPACING;
}

function tagged<T extends SceneNode>(node: T, index: number): T {
  node.setPluginData(GRID_INDEX_KEY, String(index));
  return node;
}

function header(text: string, width: number, index: number): TextNode {
  const node = figma.createText();
  node.fontName = LABEL_FONT;
  node.fontSize = LABEL_SIZE;
  node.characters = text;
  node.name = text || "Header";
  node.resize(width, node.height);
  node.textAutoResize = "HEIGHT";
  return tagged(node, index);
}

/**
 * Fills a new grid frame with its headers and placeholders, in reading order; returns what it made. `made` collects
 * them as they are made.
 */
export function fillLabelledGrid(
  grid: FrameNode,
  labels: GridLabels,
  cell: { width: number; height: number },
  made: SceneNode[],
): void {
  const columns = Math.max(1, labels.columns.length);
  const rowHeaders = hasRowHeaders(labels);
  const add = (node: SceneNode): void => {
    made.push(node);
    grid.appendChild(node);
  };
  if (labels.columns.length > 0) {
    if (rowHeaders) add(header("", ROW_HEADER_WIDTH, -1));
    labels.columns.forEach((label, c) => add(header(label, cell.width, -1 + ((c + 1) / (columns + 1)) * 0.4)));
  }
  labels.rows.forEach((rowLabel, line) => {
    if (rowHeaders) add(header(rowLabel, ROW_HEADER_WIDTH, line * columns - 0.5));
    for (let c = 0; c < columns; c++) {
      const placeholder = tagged(figma.createRectangle(), line * columns + c);
      placeholder.resize(cell.width, cell.height);
      placeholder.fills = [PLACEHOLDER_FILL];
      placeholder.name =
        `Waiting: ` +
        `${[labels.columns[c], rowLabel].filter(Boolean).join(" · ") || `cell ${line * columns + c + 1}`}`;
      placeholder.setPluginData(PLACEHOLDER_KEY, "1");
      add(placeholder);
    }
  });
}

/** The placeholder still holding cell `index`'s place, if any. */
export function placeholderFor(grid: FrameNode, index: number | undefined): SceneNode | undefined {
  if (index === undefined) return undefined;
  return grid.children.find(
    (child) => child.getPluginData(PLACEHOLDER_KEY) === "1" && child.getPluginData(GRID_INDEX_KEY) === String(index),
  );
}
