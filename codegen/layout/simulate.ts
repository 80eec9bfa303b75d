/**
 * The design tree laid out at one width as the emitters' CSS lays it out (flexbox, as codegen/emit/css.ts and
 * responsive.ts write it), without a browser: the self-check of layout inference (check.ts) compares these boxes
 * with the drawing. Pure. What it models: flex rows and columns (gap, padding, justify, align, per-item margins and
 * self-alignment, wrapping rows), fixed / hug / fill sizes with their minimums and maximums, texts as tall as their
 * lines (the font's normal line height when the design gives none), and absolutely placed layers by their
 * constraints; grids (tracks, gaps, each item in its area, as codegen/emit/grid.ts writes them). What it does not: the
 * exact width a text's letters take (a text is as wide as drawn), transforms.
 */
import { alignIn, contentOf, spanOf, trackSizes, trackStarts } from "../design/grid.js";
import { flexOf, gridOf } from "../design/layout-kind.js";
import type { DesignNode, FlexLayout, GridLayout } from "../design/types.js";
import { googleFamily, systemFamily } from "../fonts/catalog.js";
import type { Box } from "./boxes.js";

/** A line height when neither the design nor the font's metrics say one (browsers' `normal` for most faces). */
const NORMAL_LINE = 1.2;

/** The CSS `normal` line height of `family` at `size` px, from the font's metrics where they are known. */
export function normalLineHeight(family: string, size: number): number {
  const m = (googleFamily(family) ?? systemFamily(family))?.metrics;
  if (!m || m.unitsPerEm <= 0) return NORMAL_LINE * size;
  // Chromium rounds the ascent, the descent and the line gap to whole pixels each (Poppins 16 px: 17 + 6 + 2 = 25,
  // not 24): a 24 px box drawn in Figma renders a pixel taller unless its line height is set.
  const px = (units: number): number => Math.round((Math.abs(units) / m.unitsPerEm) * size);
  return px(m.ascent) + px(m.descent) + px(m.lineGap);
}

/** The height a text's lines take: the drawn number of lines at the line height the CSS gives them. */
export function textLinesHeight(node: DesignNode): number {
  const text = node.text!;
  // Trimmed to its capitals: the drawn lines from cap height to baseline are its box.
  if (text.trim) return node.h;
  const lh = text.style.lineHeight ?? normalLineHeight(text.style.family, text.style.size);
  // As many lines as drawn: the same words at the same width (the box keeps its drawn width at the design width).
  const drawnLh = text.style.lineHeight ?? lh;
  // Paragraph spacing after each paragraph but the last (the emitters' margins; build.ts paragraphs).
  const breaks = text.chars.endsWith("\n") ? 0 : text.chars.split("\n").length - 1;
  const gaps = text.paragraphSpacing && text.paragraphSpacing > 0 ? breaks * text.paragraphSpacing : 0;
  // Whole lines that fit the drawn box (a 30-px box of 20-px lines holds one line, the rest is its minimum height).
  const lines = Math.max(1, Math.floor((node.h - gaps) / Math.max(1, drawnLh) + 0.25));
  return lines * lh + gaps;
}

/** A text's fixed line height when its lines make its box, else undefined (a run or paragraph spacing sets its own). */
function plainLineHeight(node: DesignNode): number | undefined {
  const text = node.text;
  const lh = text?.style.lineHeight;
  if (!text || lh === undefined || lh <= 0 || text.paragraphSpacing) return undefined;
  return text.runs?.some((r) => r.style.lineHeight !== undefined) ? undefined : lh;
}

/**
 * Figma's whole-pixel text box, which the emitters keep in a flow (css.ts roundedTextHeight): lines less than a pixel
 * shorter than the drawn box (two 52.8-px lines in a 106-px box) are as tall as the box (min-height).
 */
function wholePixelText(node: DesignNode): number | undefined {
  const lh = node.text?.style.lineHeight;
  if (lh === undefined || lh <= 0) return undefined;
  const short = node.h - Math.round(node.h / lh) * lh;
  return Math.round(node.h / lh) >= 1 && short > 0.01 && short < 1 ? node.h : undefined;
}

/**
 * The other way of the same rounding (css.ts roundedTextOverhang): lines less than a pixel taller than the drawn box
 * (one 31.2-px line in a 31-px box) give the difference back below it, a negative margin in the designer's own auto
 * layout, which Chromium lays out in 1/64 px (css.ts snappedMargin: 0.2 px is written 0.21, taken as 0.1875).
 */
export function givesBack(node: DesignNode, parent: FlexLayout): number {
  const text = node.text;
  if (!text || parent.inferred || node.maxH !== undefined || node.absolute) return 0;
  if (text.resize === "none" || text.resize === "truncate") return 0;
  const lh = plainLineHeight(node);
  if (lh === undefined) return 0;
  const lines = Math.round(node.h / lh);
  const over = Math.round((lines * lh - node.h) * 100) / 100;
  if (lines < 1 || over <= 0.01 || over >= 1) return 0;
  const written = Math.round(((Math.round(over * 64) + 0.5) / 64) * 100) / 100;
  return Math.floor(written * 64) / 64;
}

/** Where each node of the tree lies (frame coordinates), by node. */
export type Placed = Map<DesignNode, Box>;

interface Size {
  w: number;
  h: number;
}

const inFlow = (c: DesignNode): boolean => !c.hidden && !c.absolute;
const clampTo = (v: number, min?: number, max?: number): number =>
  Math.max(min ?? -Infinity, Math.min(max ?? Infinity, v));

/**
 * A text's height in a flow: as drawn when its height is fixed, else as tall as its lines, at least its minimum and
 * Figma's whole-pixel box (the emitters' min-heights).
 */
export function flowTextHeight(node: DesignNode): number {
  const text = node.text!;
  if (node.sizeV === "fixed" || (node.sizeV === undefined && (text.resize === "none" || text.resize === "truncate")))
    return node.h;
  return Math.max(node.minH ?? 0, textLinesHeight(node), node.minH === undefined ? (wholePixelText(node) ?? 0) : 0);
}

/**
 * Each node's intrinsic size by available width, while one frame is laid out (simulateFrame): every level of a flow
 * asks for its items' sizes, which ask for theirs, so without it a layer deep in the tree was sized once per
 * container above it. Kept for one layout only: the tree is not changed while it is laid out.
 */
let sizesByNode: Map<DesignNode, Map<number, Size>> | undefined;

/** `node`'s own size when nothing stretches it: fixed as drawn, hugging its content, or a text's lines. */
function intrinsic(node: DesignNode, availableW: number): Size {
  if (!sizesByNode) return measured(node, availableW);
  let byWidth = sizesByNode.get(node);
  if (!byWidth) sizesByNode.set(node, (byWidth = new Map()));
  let size = byWidth.get(availableW);
  if (!size) byWidth.set(availableW, (size = measured(node, availableW)));
  return size;
}

function measured(node: DesignNode, availableW: number): Size {
  if (node.text) return { w: node.sizeH === "fill" ? availableW : node.w, h: flowTextHeight(node) };
  if (gridOf(node)) {
    const { w, h } = gridGeometry(node, node.sizeH === "hug" ? undefined : node.w, undefined);
    return {
      w: clampTo(node.sizeH === "hug" ? w : node.w, node.minW, node.maxW),
      h: clampTo(node.sizeV === "hug" && node.growBelow === undefined ? h : node.h, node.minH, node.maxH),
    };
  }
  const layout = flexOf(node);
  if (!layout) return { w: node.w, h: node.sizeV === "hug" ? node.h : node.h };
  const [t, r, b, l] = layout.padding;
  const innerW = (node.sizeH === "hug" ? availableW : node.w) - l - r;
  const items = (node.children ?? []).filter(inFlow);
  const sizes = items.map((c) => intrinsic(c, c.sizeH === "fill" && layout.dir === "column" ? innerW : innerW));
  const gaps = Math.max(0, items.length - 1) * gapOf(layout);
  const before = (c: DesignNode): number => (typeof c.flow?.before === "number" ? c.flow.before : 0);
  const offset = (c: DesignNode): number => c.flow?.offset ?? 0;
  let w: number;
  let h: number;
  if (wraps(layout)) {
    // Wrapped into lines across the box's width (or height): each line as long as the box, as tall as its tallest.
    const row = layout.dir === "row";
    const room = row ? innerW : node.h - t - b;
    const mains = lineLengths(items, sizes, row);
    const lines = wrapLines(mains, room, gapOf(layout));
    const crosses = lines.map((line) =>
      Math.max(0, ...line.map((i) => (row ? sizes[i]!.h : sizes[i]!.w) + offset(items[i]!))),
    );
    const across = crosses.reduce((s, c) => s + c, 0) + lineGap(layout) * Math.max(0, lines.length - 1);
    const along = Math.max(
      0,
      ...lines.map((line) => line.reduce((s, i) => s + mains[i]!, 0) + gapOf(layout) * (line.length - 1)),
    );
    w = row ? l + r + along : l + r + across;
    h = row ? t + b + across : t + b + along;
  } else if (layout.dir === "row") {
    w = l + r + sizes.reduce((s, z) => s + z.w, 0) + gaps + items.reduce((s, c) => s + before(c), 0);
    h = t + b + Math.max(0, ...sizes.map((z, i) => z.h + offset(items[i]!)));
  } else {
    w = l + r + Math.max(0, ...sizes.map((z, i) => z.w + offset(items[i]!)));
    h =
      t +
      b +
      sizes.reduce((s, z) => s + z.h, 0) +
      gaps +
      items.reduce((s, c) => s + before(c) - givesBack(c, layout), 0);
  }
  return {
    w: clampTo(node.sizeH === "hug" ? w : node.w, node.minW, node.maxW),
    h: clampTo(node.sizeV === "hug" && node.growBelow === undefined ? h : node.h, node.minH, node.maxH),
  };
}

/**
 * The gap between a flow's items: Figma's negative spacing (items overlapping) is no CSS gap; the emitters write it as
 * each later item's negative margin (css.ts placementDecls), which a flow that does not wrap lays out as drawn.
 */
export const gapOf = (layout: FlexLayout): number => (layout.wrap ? Math.max(0, layout.gap) : layout.gap);

/**
 * Whether a flow wraps at the design width: the designer's wrapping auto layout does; a row inference or reflow.ts
 * keeps on one line down to the design width (`wrapBelow`) is `nowrap` there (responsive.ts).
 */
export const wraps = (layout: FlexLayout): boolean => !!layout.wrap && layout.wrapBelow === undefined;

/**
 * Each item's length along a wrapping flow's main axis when its lines are broken (CSS: its hypothetical main size): a
 * filling item's flex basis (css.ts fillBasis: the largest padding along the axis among the filling items), else its
 * own size; at least its minimum.
 */
function lineLengths(items: readonly DesignNode[], sizes: readonly Size[], row: boolean): number[] {
  const fills = items.map((c) => (row ? c.sizeH : c.sizeV) === "fill");
  const padding = (c: DesignNode): number => {
    const p = c.layout?.padding;
    return p ? (row ? p[1] + p[3] : p[0] + p[2]) : 0;
  };
  const basis = Math.max(0, ...items.filter((_, i) => fills[i]).map(padding));
  return items.map((c, i) => clampTo(fills[i] ? basis : row ? sizes[i]!.w : sizes[i]!.h, row ? c.minW : c.minH));
}

/** The cross-axis gap between the lines of a wrapping flow (css.ts: `row-gap`, else the one `gap`). */
export const lineGap = (layout: FlexLayout): number => Math.max(0, layout.crossGap ?? layout.gap);

/**
 * A wrapping flow's items in lines (indices), as CSS breaks them: an item starts a new line when it would run past
 * the content box's main size after the items before it on its line.
 */
function wrapLines(mains: readonly number[], room: number, gap: number): number[][] {
  const lines: number[][] = [];
  let used = 0;
  mains.forEach((main, i) => {
    const line = lines[lines.length - 1];
    if (line && used + gap + main <= room + 0.01) {
      line.push(i);
      used += gap + main;
    } else {
      lines.push([i]);
      used = main;
    }
  });
  return lines;
}

/**
 * Lays `node` out in `box` (its own box, frame coordinates) and records every descendant's box in `placed`. The
 * node's height may grow with its content (a hugging box): the box it ends up with is returned.
 */
export function layOut(node: DesignNode, box: Box, placed: Placed, root = false): Box {
  const layout = flexOf(node);
  const children = (node.children ?? []).filter((c) => !c.hidden);
  let own = box;
  if (gridOf(node)) {
    const hugs = node.sizeV === "hug" && node.growBelow === undefined;
    const grid = gridGeometry(node, box.w, hugs ? undefined : box.h);
    for (const [c, area] of grid.areas) layOut(c, { ...area, x: box.x + area.x, y: box.y + area.y }, placed);
    if (hugs) own = { ...box, h: Math.max(node.minH ?? 0, grid.h) };
  } else if (layout) {
    const [t, r, b, l] = layout.padding;
    const row = layout.dir === "row";
    const inner = { x: box.x + l, y: box.y + t, w: box.w - l - r, h: box.h - t - b };
    const items = children.filter((c) => !c.absolute);
    const end = layOutLines(node, layout, inner, items, placed);
    // A hugging box ends where its content ends. A screen's root is at least as tall as drawn (css.ts rootDecls:
    // `min-height`) and grows with its content, a section pushed down by one drawn above the frame's top too.
    const hugs = node.sizeV === "hug" && node.growBelow === undefined;
    const bottom = !row || wraps(layout) ? end : Math.max(box.y, ...items.map((c) => boxBottom(placed.get(c))));
    if (hugs && (!row || wraps(layout))) own = { ...box, h: Math.max(node.minH ?? 0, bottom - box.y + b) };
    else if (root && !node.scaled) own = { ...box, h: Math.max(hugs ? (node.minH ?? 0) : node.h, bottom - box.y + b) };
  } else {
    for (const c of children.filter((c) => !c.absolute && c.x === undefined))
      layOut(c, { ...box, w: c.w, h: c.h }, placed);
  }
  placed.set(node, own);
  // Layers placed absolutely, by their constraints against this box as it ended up.
  for (const c of children) {
    if (!(c.absolute || (!node.layout && c.x !== undefined))) continue;
    layOut(c, layerBox(c, node, own), placed);
  }
  return own;
}

/**
 * A flow's items laid out in its content box `inner`: one line, or for a wrapping flow as many lines as its items
 * take (each line as tall as its tallest item, stretched to share a container's fixed height: `align-content:
 * normal`). Returns where the content ends across a wrapping flow, along the main axis of a single line.
 */
function layOutLines(node: DesignNode, layout: FlexLayout, inner: Box, items: DesignNode[], placed: Placed): number {
  const row = layout.dir === "row";
  if (!wraps(layout)) return layOutLine(layout, inner, items, placed);
  const room = row ? inner.w : inner.h;
  const sizes = items.map((c) => intrinsic(c, row ? c.w : inner.w));
  const mains = lineLengths(items, sizes, row);
  const lines = wrapLines(mains, room, gapOf(layout)).map((line) => line.map((i) => items[i]!));
  const gap = lineGap(layout);
  const crosses = lines.map((line) =>
    Math.max(0, ...line.map((c) => (row ? intrinsic(c, c.w).h : intrinsic(c, inner.w).w) + (c.flow?.offset ?? 0))),
  );
  const fixedCross = row ? node.sizeV !== "hug" || node.growBelow !== undefined : node.sizeH !== "hug";
  const used = crosses.reduce((s, c) => s + c, 0) + gap * Math.max(0, lines.length - 1);
  const extra = fixedCross ? Math.max(0, (row ? inner.h : inner.w) - used) / Math.max(1, lines.length) : 0;
  let cursor = row ? inner.y : inner.x;
  lines.forEach((line, k) => {
    const cross = crosses[k]! + extra;
    const lineBox = row ? { ...inner, y: cursor, h: cross } : { ...inner, x: cursor, w: cross };
    layOutLine(layout, lineBox, line, placed);
    cursor += cross + gap;
  });
  return lines.length > 0 ? cursor - gap : cursor;
}

/** One line of a flow's items in `inner`; returns where its last item ends along the main axis. */
function layOutLine(layout: FlexLayout, inner: Box, items: DesignNode[], placed: Placed): number {
  const row = layout.dir === "row";
  const main = (z: Size): number => (row ? z.w : z.h);
  const crossOf = (z: Size): number => (row ? z.h : z.w);
  // Sizes along both axes; fill takes its share of what the fixed and hugging items leave.
  const sizes = items.map((c) => intrinsic(c, row ? c.w : inner.w));
  const fills = items.map((c) => (row ? c.sizeH : c.sizeV) === "fill");
  const before = items.map(
    (c, i) => (i > 0 ? gapOf(layout) : 0) + (typeof c.flow?.before === "number" ? c.flow.before : 0),
  );
  const room =
    (row ? inner.w : inner.h) -
    sizes.reduce((s, z, i) => s + (fills[i] ? 0 : main(z)), 0) -
    before.reduce((s, v) => s + v, 0);
  const share = fills.filter(Boolean).length > 0 ? Math.max(0, room) / fills.filter(Boolean).length : 0;
  items.forEach((c, i) => {
    if (!fills[i]) return;
    sizes[i] = row
      ? { ...sizes[i]!, w: clampTo(share, c.minW, c.maxW) }
      : { ...sizes[i]!, h: clampTo(share, c.minH, c.maxH) };
  });
  // Across: stretched items take the line's size (capped by their maximum).
  const crossSize = row ? inner.h : inner.w;
  items.forEach((c, i) => {
    const fillAcross =
      (row ? c.sizeV : c.sizeH) === "fill" ||
      (layout.align === "stretch" && !c.flow?.self && (row ? c.sizeV : c.sizeH) !== "fixed");
    if (fillAcross)
      sizes[i] = row
        ? { ...sizes[i]!, h: clampTo(crossSize, c.minH, c.maxH) }
        : { ...sizes[i]!, w: clampTo(crossSize, c.minW, c.maxW) };
    // A text as wide as its column wraps there: its lines follow its new width (a text keeps its drawn width).
  });
  const used = sizes.reduce((s, z) => s + main(z), 0) + before.reduce((s, v) => s + v, 0);
  const free = (row ? inner.w : inner.h) - used;
  const autos = items.filter((c) => c.flow?.before === "auto").length;
  let cursor =
    (row ? inner.x : inner.y) +
    (autos === 0 && layout.justify === "center" ? free / 2 : autos === 0 && layout.justify === "end" ? free : 0);
  const gapExtra =
    autos === 0 && layout.justify === "space-between" && items.length > 1 ? free / (items.length - 1) : 0;
  items.forEach((c, i) => {
    cursor += before[i]! + (c.flow?.before === "auto" ? Math.max(0, free) / autos : 0) + (i > 0 ? gapExtra : 0);
    const z = sizes[i]!;
    const align = c.flow?.self ?? (layout.align === "baseline" ? "start" : layout.align);
    const offset = c.flow?.offset ?? 0;
    const space = crossSize - crossOf(z) - offset;
    const crossStart =
      (row ? inner.y : inner.x) + offset + (align === "center" ? space / 2 : align === "end" ? space : 0);
    const childBox: Box = row
      ? { x: cursor, y: crossStart, w: z.w, h: z.h }
      : { x: crossStart, y: cursor, w: z.w, h: z.h };
    const laid = layOut(c, childBox, placed);
    cursor += main({ w: laid.w, h: laid.h }) - (row ? 0 : givesBack(c, layout));
  });
  return cursor;
}

/**
 * A grid laid out `width` wide (undefined: as wide as its content) and `height` tall (undefined: as tall as its
 * content): its size, and each item's box relative to the grid's. An item fills its area along an axis it fills,
 * keeps its size along one it is fixed on, and takes its content's along one it hugs; it lies in its area as aligned.
 */
function gridGeometry(
  node: DesignNode,
  width: number | undefined,
  height: number | undefined,
): { w: number; h: number; areas: Map<DesignNode, Box> } {
  const layout = gridOf(node) as GridLayout;
  const [t, r, b, l] = layout.padding;
  const items = (node.children ?? []).filter((c) => inFlow(c) && c.cell !== undefined);
  const own = items.map((c) => intrinsic(c, c.w));
  const columns = trackSizes(
    layout.columns,
    width === undefined ? undefined : width - l - r,
    layout.columnGap,
    contentOf(
      items.map((c, i) => ({ cell: c.cell!, size: own[i]!.w })),
      "column",
    ),
  );
  const columnStarts = trackStarts(columns, layout.columnGap);
  // Heights from the widths the items get in their columns (a text that fills its area wraps there).
  const sized = items.map((c, i) => {
    const [, areaW] = spanOf(columnStarts, columns, c.cell!.column, c.cell!.columnSpan);
    return c.sizeH === "fill" ? intrinsic(c, areaW) : own[i]!;
  });
  const rows = trackSizes(
    layout.rows,
    height === undefined ? undefined : height - t - b,
    layout.rowGap,
    contentOf(
      items.map((c, i) => ({ cell: c.cell!, size: c.sizeV === "fill" ? 0 : sized[i]!.h })),
      "row",
    ),
    true,
  );
  const rowStarts = trackStarts(rows, layout.rowGap);
  const areas = new Map<DesignNode, Box>();
  items.forEach((c, i) => {
    const cell = c.cell!;
    const [x, areaW] = spanOf(columnStarts, columns, cell.column, cell.columnSpan);
    const [y, areaH] = spanOf(rowStarts, rows, cell.row, cell.rowSpan);
    const w = c.sizeH === "fill" ? clampTo(areaW, c.minW, c.maxW) : sized[i]!.w;
    const h = c.sizeV === "fill" ? clampTo(areaH, c.minH, c.maxH) : sized[i]!.h;
    areas.set(c, { x: l + alignIn(x, areaW, w, cell.alignH), y: t + alignIn(y, areaH, h, cell.alignV), w, h });
  });
  const sum = (sizes: number[], gap: number): number =>
    sizes.reduce((s, v) => s + v, 0) + gap * Math.max(0, sizes.length - 1);
  return {
    w: width ?? l + r + sum(columns, layout.columnGap),
    h: height ?? t + b + sum(rows, layout.rowGap),
    areas,
  };
}

/**
 * One axis of a positioned layer: its start and length in a container now `atLength` long at `atStart`, drawn `drawn`
 * long.
 */
function placeOnAxis(
  start: number,
  length: number,
  drawn: number,
  atStart: number,
  atLength: number,
  constraint: "start" | "end" | "center" | "both" | "scale" | undefined,
): [number, number] {
  if (constraint === "end") return [atStart + atLength - (drawn - start - length) - length, length];
  if (constraint === "center") return [atStart + atLength / 2 - (drawn / 2 - start), length];
  if (constraint === "both") return [atStart + start, atLength - start - (drawn - start - length)];
  if (constraint === "scale") {
    const d = drawn > 0 ? drawn : 1;
    return [atStart + (start / d) * atLength, (length / d) * atLength];
  }
  return [atStart + start, length];
}

const AXIS = {
  right: "end",
  bottom: "end",
  center: "center",
  "left-right": "both",
  "top-bottom": "both",
  scale: "scale",
} as const;

/**
 * A positioned layer's box in its container's box `at`, as the emitters' constraints place it (css.ts placementDecls).
 */
function layerBox(c: DesignNode, parent: DesignNode, at: Box): Box {
  const axis = (k: string | undefined) => (k !== undefined && k in AXIS ? AXIS[k as keyof typeof AXIS] : undefined);
  const [x, w] = placeOnAxis(c.x ?? 0, c.w, parent.w, at.x, at.w, axis(c.constraintH));
  const [y, h] = placeOnAxis(c.y ?? 0, c.h, parent.h, at.y, at.h, axis(c.constraintV));
  return { x, y, w, h };
}

const boxBottom = (box: Box | undefined): number => (box ? box.y + box.h : -Infinity);

/** Every node of `frame` laid out at its design width (its drawn width), frame coordinates from its top-left. */
export function simulateFrame(frame: DesignNode): Placed {
  const placed: Placed = new Map();
  sizesByNode = new Map();
  try {
    layOut(frame, { x: 0, y: 0, w: frame.w, h: frame.h }, placed, true);
  } finally {
    sizesByNode = undefined;
  }
  return placed;
}
