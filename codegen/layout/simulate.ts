/**
 * The design tree laid out at one width as the emitters' CSS lays it out (flexbox, as codegen/emit/css.ts and
 * responsive.ts write it), without a browser: the self-check of layout inference (check.ts) compares these boxes
 * with the drawing. Pure. What it models: flex rows and columns (gap, padding, justify, align, per-item margins and
 * self-alignment, wrapping rows), fixed / hug / fill sizes with their minimums and maximums, texts as tall as their
 * lines (the font's normal line height when the design gives none), and absolutely placed layers by their
 * constraints. What it does not: the exact width a text's letters take (a text is as wide as drawn), transforms.
 */
import type { DesignNode } from "../design/types.js";
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

/** Where each node of the tree lies (frame coordinates), by node. */
export type Placed = Map<DesignNode, Box>;

interface Size {
  w: number;
  h: number;
}

const inFlow = (c: DesignNode): boolean => !c.hidden && !c.absolute;
const clampTo = (v: number, min?: number, max?: number): number =>
  Math.max(min ?? -Infinity, Math.min(max ?? Infinity, v));

/** `node`'s own size when nothing stretches it: fixed as drawn, hugging its content, or a text's lines. */
function intrinsic(node: DesignNode, availableW: number): Size {
  if (node.text) {
    const w = node.sizeH === "fill" ? availableW : node.w;
    // A text sized by the flow is as tall as its lines, at least its drawn height (the emitters' min-height).
    const h =
      node.sizeV === "fixed" ||
      (node.sizeV === undefined && (node.text.resize === "none" || node.text.resize === "truncate"))
        ? node.h
        : Math.max(node.minH ?? 0, textLinesHeight(node));
    return { w, h };
  }
  const layout = node.layout;
  if (!layout) return { w: node.w, h: node.sizeV === "hug" ? node.h : node.h };
  const [t, r, b, l] = layout.padding;
  const innerW = (node.sizeH === "hug" ? availableW : node.w) - l - r;
  const items = (node.children ?? []).filter(inFlow);
  const sizes = items.map((c) => intrinsic(c, c.sizeH === "fill" && layout.dir === "column" ? innerW : innerW));
  const gaps = Math.max(0, items.length - 1) * layout.gap;
  const before = (c: DesignNode): number => (typeof c.flow?.before === "number" ? c.flow.before : 0);
  const offset = (c: DesignNode): number => c.flow?.offset ?? 0;
  let w: number;
  let h: number;
  if (layout.dir === "row") {
    w = l + r + sizes.reduce((s, z) => s + z.w, 0) + gaps + items.reduce((s, c) => s + before(c), 0);
    h = t + b + Math.max(0, ...sizes.map((z, i) => z.h + offset(items[i]!)));
  } else {
    w = l + r + Math.max(0, ...sizes.map((z, i) => z.w + offset(items[i]!)));
    h = t + b + sizes.reduce((s, z) => s + z.h, 0) + gaps + items.reduce((s, c) => s + before(c), 0);
  }
  return {
    w: clampTo(node.sizeH === "hug" ? w : node.w, node.minW, node.maxW),
    h: clampTo(node.sizeV === "hug" && node.growBelow === undefined ? h : node.h, node.minH, node.maxH),
  };
}

/**
 * Lays `node` out in `box` (its own box, frame coordinates) and records every descendant's box in `placed`. The
 * node's height may grow with its content (a hugging box): the box it ends up with is returned.
 */
export function layOut(node: DesignNode, box: Box, placed: Placed): Box {
  const layout = node.layout;
  const children = (node.children ?? []).filter((c) => !c.hidden);
  let own = box;
  if (layout) {
    const [t, r, b, l] = layout.padding;
    const row = layout.dir === "row";
    const inner = { x: box.x + l, y: box.y + t, w: box.w - l - r, h: box.h - t - b };
    const items = children.filter((c) => !c.absolute);
    const main = (z: Size): number => (row ? z.w : z.h);
    const crossOf = (z: Size): number => (row ? z.h : z.w);
    // Sizes along both axes; fill takes its share of what the fixed and hugging items leave.
    const sizes = items.map((c) => intrinsic(c, row ? c.w : inner.w));
    const fills = items.map((c) => (row ? c.sizeH : c.sizeV) === "fill");
    const before = items.map(
      (c, i) => (i > 0 ? layout.gap : 0) + (typeof c.flow?.before === "number" ? c.flow.before : 0),
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
      cursor += main({ w: laid.w, h: laid.h });
    });
    // A hugging box ends where its content ends.
    if (!row && node.sizeV === "hug" && node.growBelow === undefined)
      own = { ...box, h: Math.max(node.minH ?? 0, cursor - box.y + b) };
  } else {
    for (const c of children.filter((c) => !c.absolute && c.x === undefined))
      layOut(c, { ...box, w: c.w, h: c.h }, placed);
  }
  placed.set(node, own);
  // Layers placed absolutely, by their constraints against this box as it ended up.
  for (const c of children) {
    if (!(c.absolute || (!layout && c.x !== undefined))) continue;
    layOut(c, layerBox(c, node, own), placed);
  }
  return own;
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

/** Every node of `frame` laid out at its design width (its drawn width), frame coordinates from its top-left. */
export function simulateFrame(frame: DesignNode): Placed {
  const placed: Placed = new Map();
  layOut(frame, { x: 0, y: 0, w: frame.w, h: frame.h }, placed);
  return placed;
}
