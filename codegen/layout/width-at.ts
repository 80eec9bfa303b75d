/**
 * How wide a box is on a screen narrower than the design, as the emitted CSS makes it there (an estimate, for marks
 * that say below which width something changes: a grid's columns, layout/reflow.ts). Down the path from the screen's
 * root: each level's side padding as the CSS has it at that width (wide padding gives way: nav.ts sideAt), a box that
 * fills its container takes what the container has (less what the items beside it in a row take), a box of its own
 * width keeps it while it fits and is never wider than its container below the design width (fitBelow), an item of a
 * grid gets its share of the grid, and a layer placed absolutely keeps its drawn width.
 */
import { flexOf, gridOf } from "../design/layout-kind.js";
import type { DesignNode } from "../design/types.js";
import { sideAt } from "./nav.js";

const inFlow = (c: DesignNode): boolean => !c.hidden && !c.absolute;

/** A box's content width (less its padding at that width), from its own width `width`. */
export function contentAt(node: DesignNode, width: number): number {
  const [, right, , left] = node.layout?.padding ?? [0, 0, 0, 0];
  return width - sideAt(node, left, right, width) - sideAt(node, right, left, width);
}

/** The width of `child` in `parent`, `parent` being `width` wide. */
function childAt(parent: DesignNode, child: DesignNode, width: number): number {
  // A layer placed absolutely keeps its width (an item of an inferred flow keeps its drawn x and y: it is in the flow).
  if (child.absolute || !parent.layout) return child.w;
  const inner = contentAt(parent, width);
  const [, right, , left] = parent.layout.padding;
  const drawnInner = parent.w - left - right;
  if (gridOf(parent)) return drawnInner > 0 ? Math.min(child.w, (child.w * inner) / drawnInner) : child.w;
  const flex = flexOf(parent)!;
  if (flex.dir === "row" && child.sizeH === "fill") {
    const others = (parent.children ?? []).filter((c) => inFlow(c) && c !== child);
    const taken = others.reduce((sum, c) => sum + (c.sizeH === "fill" ? 0 : c.w), 0) + flex.gap * others.length;
    const fills = others.filter((c) => c.sizeH === "fill").length + 1;
    return Math.max(0, (inner - taken) / fills);
  }
  const offset = flex.dir === "column" ? (child.flow?.offset ?? 0) : 0;
  const across = flex.dir === "column" && (child.sizeH === "fill" || (flex.align === "stretch" && !child.flow?.self));
  return across ? Math.max(0, inner - offset) : Math.min(child.w, Math.max(0, inner - offset));
}

/** The width of the last box of `path` (the screen's root first) on a screen `viewport` px wide. */
export function widthAt(path: readonly DesignNode[], viewport: number): number {
  const root = path[0];
  if (!root) return 0;
  let width = Math.min(viewport, root.w);
  for (let k = 1; k < path.length; k++) width = childAt(path[k - 1]!, path[k]!, width);
  return width;
}
