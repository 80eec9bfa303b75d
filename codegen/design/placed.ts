/**
 * Where each visible layer sits on the frame, in absolute pixels. The design tree keeps x/y only for
 * absolutely placed layers; auto layout children get theirs from the layout, replayed here from their
 * final sizes (Figma's sizes are already resolved, so only positions along the flow need computing).
 */
import type { DesignNode, FlexLayout } from "./types.js";
import { alignIn, contentOf, spanOf, trackSizes, trackStarts } from "./grid.js";
import { displayName } from "./layer-label.js";
import { flexOf, gridOf } from "./layout-kind.js";

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A visible layer with its absolute box, its parent and the frame it belongs to, in paint order. */
export interface Placed {
  node: DesignNode;
  /** The layer's name as Figma's layers panel shows it (design/layer-label.ts displayName). */
  name: string;
  box: Box;
  parent: Placed | undefined;
  /** Index of the top-level frame in DesignDocument.frames. */
  frame: number;
  /** Position in paint order over the whole document (pre-order: a parent before its children). */
  order: number;
  /** One past the last `order` inside this layer: its layers are those with order in [order, end). */
  end: number;
}

/** `inner` is `outer` or lies inside it. */
export function isWithin(inner: Placed, outer: Placed): boolean {
  return inner.order >= outer.order && inner.order < outer.end;
}

function isFlowChild(parent: DesignNode, child: DesignNode): boolean {
  return parent.layout !== undefined && !child.absolute && child.x === undefined && child.y === undefined;
}

/** Offsets of the flow children along one auto layout line, from `justify`. */
function mainOffsets(sizes: number[], inner: number, gap: number, justify: FlexLayout["justify"]): number[] {
  const total = sizes.reduce((s, v) => s + v, 0);
  const n = sizes.length;
  let step = gap;
  let start = 0;
  if (justify === "space-between" && n > 1) step = (inner - total) / (n - 1);
  else if (justify === "center") start = (inner - total - gap * (n - 1)) / 2;
  else if (justify === "end") start = inner - total - gap * (n - 1);
  const out: number[] = [];
  let at = start;
  for (const size of sizes) {
    out.push(at);
    at += size + step;
  }
  return out;
}

function crossOffset(size: number, line: number, align: FlexLayout["align"]): number {
  if (align === "center") return (line - size) / 2;
  if (align === "end") return line - size;
  return 0;
}

/** Absolute boxes of the auto layout children of `parent` (placed at `box`), keyed by child. */
function flowBoxes(parent: DesignNode, box: Box, flow: DesignNode[]): Map<DesignNode, Box> {
  if (gridOf(parent)) return gridBoxes(parent, box, flow);
  const layout = flexOf(parent);
  const out = new Map<DesignNode, Box>();
  if (!layout || flow.length === 0) return out;
  const [pt, pr, pb, pl] = layout.padding;
  const row = layout.dir === "row";
  const innerMain = row ? box.w - pl - pr : box.h - pt - pb;
  const innerCross = row ? box.h - pt - pb : box.w - pl - pr;
  const main = (n: DesignNode): number => (row ? n.w : n.h);
  const cross = (n: DesignNode): number => (row ? n.h : n.w);
  // Wrapping breaks lines where the next child would overflow; without wrap there is one line.
  const lines: DesignNode[][] = [];
  let used = 0;
  for (const child of flow) {
    const current = lines[lines.length - 1];
    if (current && (!layout.wrap || used + layout.gap + main(child) <= innerMain + 0.5)) {
      current.push(child);
      used += layout.gap + main(child);
    } else {
      lines.push([child]);
      used = main(child);
    }
  }
  let lineStart = 0;
  for (const line of lines) {
    const lineCross = lines.length === 1 ? innerCross : Math.max(...line.map(cross));
    const offsets = mainOffsets(line.map(main), innerMain, layout.gap, layout.justify);
    line.forEach((child, i) => {
      const m = offsets[i]!;
      const c = lineStart + crossOffset(cross(child), lineCross, layout.align);
      out.set(
        child,
        row
          ? { x: box.x + pl + m, y: box.y + pt + c, w: child.w, h: child.h }
          : { x: box.x + pl + c, y: box.y + pt + m, w: child.w, h: child.h },
      );
    });
    lineStart += lineCross + (layout.crossGap ?? layout.gap);
  }
  return out;
}

/**
 * Absolute boxes of the children of a grid (placed at `box`) in its flow: each in its area, aligned as set (at the
 * area's start unless centred or at its end). Figma's sizes are resolved already; only the tracks need computing, from
 * the grid's drawn size (the grid's content box) and its children's sizes (for tracks that hug them).
 */
function gridBoxes(parent: DesignNode, box: Box, flow: DesignNode[]): Map<DesignNode, Box> {
  const layout = gridOf(parent)!;
  const out = new Map<DesignNode, Box>();
  const [pt, pr, pb, pl] = layout.padding;
  const items = flow.filter((c) => c.cell !== undefined);
  const widths = contentOf(
    items.map((c) => ({ cell: c.cell!, size: c.w })),
    "column",
  );
  const heights = contentOf(
    items.map((c) => ({ cell: c.cell!, size: c.h })),
    "row",
  );
  const columns = trackSizes(layout.columns, box.w - pl - pr, layout.columnGap, widths);
  const rows = trackSizes(layout.rows, box.h - pt - pb, layout.rowGap, heights);
  const columnStarts = trackStarts(columns, layout.columnGap);
  const rowStarts = trackStarts(rows, layout.rowGap);
  for (const child of items) {
    const cell = child.cell!;
    const [x, w] = spanOf(columnStarts, columns, cell.column, cell.columnSpan);
    const [y, h] = spanOf(rowStarts, rows, cell.row, cell.rowSpan);
    out.set(child, {
      x: box.x + pl + alignIn(x, w, child.w, cell.alignH),
      y: box.y + pt + alignIn(y, h, child.h, cell.alignV),
      w: child.w,
      h: child.h,
    });
  }
  return out;
}

/** Absolute boxes of the visible children of `node` (placed at `box`), in paint order. */
export function childBoxes(node: DesignNode, box: Box): { child: DesignNode; box: Box }[] {
  const visible = (node.children ?? []).filter((c) => !c.hidden);
  const flow = flowBoxes(
    node,
    box,
    visible.filter((c) => isFlowChild(node, c)),
  );
  return visible.map((child) => ({
    child,
    box: flow.get(child) ?? { x: box.x + (child.x ?? 0), y: box.y + (child.y ?? 0), w: child.w, h: child.h },
  }));
}

/**
 * Every visible layer of the document in paint order, each frame at its own origin (frames are analysed
 * one by one, so their canvas positions do not matter). Layers at zero opacity are not visible.
 */
export function placeLayers(frames: DesignNode[], layerNames: Readonly<Record<string, string>> = {}): Placed[] {
  const out: Placed[] = [];
  const visit = (node: DesignNode, box: Box, parent: Placed | undefined, frame: number): void => {
    if (node.hidden || node.opacity === 0) return;
    const placed: Placed = {
      node,
      name: displayName(node, layerNames),
      box,
      parent,
      frame,
      order: out.length,
      end: out.length + 1,
    };
    out.push(placed);
    for (const { child, box: childBox } of childBoxes(node, box)) visit(child, childBox, placed, frame);
    placed.end = out.length;
  };
  frames.forEach((frame, i) => visit(frame, { x: 0, y: 0, w: frame.w, h: frame.h }, undefined, i));
  return out;
}

/** `outer` contains `inner`, with half a pixel of slack for rounding. */
export function contains(outer: Box, inner: Box): boolean {
  const slack = 0.5;
  return (
    inner.x >= outer.x - slack &&
    inner.y >= outer.y - slack &&
    inner.x + inner.w <= outer.x + outer.w + slack &&
    inner.y + inner.h <= outer.y + outer.h + slack
  );
}
