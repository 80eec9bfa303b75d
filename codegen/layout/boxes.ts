/** Axis-aligned boxes and the 1-D bands that XY-cut splits them by. */

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * The narrowest screen's gutter, px: what inferred layouts keep between content and a phone's edges (fluid side
 * padding, centred columns, indents, fitted headings), and how far in from an edge a decoration may reach
 * without covering text.
 */
export const PHONE_GUTTER = 16;

/** A box with the index of the child it stands for (its z-order: higher is drawn above). */
export interface Item {
  box: Box;
  index: number;
}

export type Axis = "x" | "y";

export const start = (b: Box, axis: Axis): number => (axis === "x" ? b.x : b.y);
export const size = (b: Box, axis: Axis): number => (axis === "x" ? b.w : b.h);
export const end = (b: Box, axis: Axis): number => start(b, axis) + size(b, axis);

/** The smallest box holding every box (one pass: xy-cut asks for it at every level of every container). */
export function union(boxes: readonly Box[]): Box {
  let [x, y, r, btm] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const b of boxes) {
    x = Math.min(x, b.x);
    y = Math.min(y, b.y);
    r = Math.max(r, b.x + b.w);
    btm = Math.max(btm, b.y + b.h);
  }
  return { x, y, w: r - x, h: btm - y };
}

/** `outer` holds `inner`, allowing `slack` px on each side. */
export function contains(outer: Box, inner: Box, slack = 1): boolean {
  return (
    inner.x >= outer.x - slack &&
    inner.y >= outer.y - slack &&
    inner.x + inner.w <= outer.x + outer.w + slack &&
    inner.y + inner.h <= outer.y + outer.h + slack
  );
}

export function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Boxes that touch, or overlap by less than this many px along an axis (a drawing's rounding: a section 465.6 px
 * tall drawn as 466), still count as separate bands.
 */
const TOUCH = 1.5;

/**
 * Groups items into bands along `axis`: items whose extents overlap (by more than half a pixel) share a
 * band; bands come in order along the axis with whitespace between them.
 */
export function bands(items: Item[], axis: Axis): Item[][] {
  const sorted = [...items].sort((a, b) => start(a.box, axis) - start(b.box, axis) || a.index - b.index);
  const out: Item[][] = [];
  let reach = -Infinity;
  for (const item of sorted) {
    const current = out[out.length - 1];
    if (current && start(item.box, axis) < reach - TOUCH) {
      current.push(item);
      reach = Math.max(reach, end(item.box, axis));
    } else {
      out.push([item]);
      reach = end(item.box, axis);
    }
  }
  // Keep each band in z-order, so that flow order follows the design's drawing order within a band.
  for (const band of out) band.sort((a, b) => a.index - b.index);
  return out;
}
