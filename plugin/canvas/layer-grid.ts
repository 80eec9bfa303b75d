/**
 * A CSS grid built as Figma's grid auto layout (contract/layers-grid.ts's plan): the frame's tracks, gaps and
 * padding, then each child in its cell with its span and its alignment there; a child that fills its cells fills
 * them in Figma too (it follows the tracks when the grid is resized).
 */
import type { GridCell, GridPlan } from "../../contract/layers-grid.js";

export function buildGrid(frame: FrameNode, plan: GridPlan): void {
  frame.layoutMode = "GRID";
  frame.gridColumnCount = plan.columns.length;
  frame.gridRowCount = plan.rows.length;
  frame.gridColumnGap = plan.columnGap;
  frame.gridRowGap = plan.rowGap;
  const tracks: [readonly GridTrackSize[], GridPlan["columns"]][] = [
    [frame.gridColumnSizes, plan.columns],
    [frame.gridRowSizes, plan.rows],
  ];
  for (const [live, wanted] of tracks)
    wanted.forEach((t, i) => {
      const track = live[i];
      if (!track) return;
      track.type = t.type;
      if (t.type !== "HUG") track.value = t.value;
    });
  frame.paddingTop = plan.padding.top;
  frame.paddingRight = plan.padding.right;
  frame.paddingBottom = plan.padding.bottom;
  frame.paddingLeft = plan.padding.left;
  frame.primaryAxisSizingMode = "FIXED";
  frame.counterAxisSizingMode = "FIXED";
}

/** The child's span and alignment in its cell (appendChildAt put it at its anchor). */
export function placeInGrid(node: SceneNode, cell: GridCell): void {
  if (!("gridRowSpan" in node)) return;
  if (cell.rowSpan > 1) node.gridRowSpan = cell.rowSpan;
  if (cell.columnSpan > 1) node.gridColumnSpan = cell.columnSpan;
  node.gridChildHorizontalAlign = cell.horizontal;
  node.gridChildVerticalAlign = cell.vertical;
  if (node.type !== "FRAME") return;
  if (cell.fillsWidth) node.layoutSizingHorizontal = "FILL";
  if (cell.fillsHeight) node.layoutSizingVertical = "FILL";
}
