/**
 * CSS margins Figma's auto layout has no place for (issue 51's Design2Code pages): stretched items with margins
 * across their line, and the items of wrapping lines (a gutter grid: the row's negative margin, each item's margin;
 * an auto margin taking a line's room). Self-contained like the other readers (contract/layers-read.ts): evaluated in
 * the page as source, given the paint readers' px and s and the layout readers' inFlow.
 */
import type { LayerNode } from "./layers.js";

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
interface Style {
  getPropertyValue(name: string): string;
}
interface MarginElement {
  getBoundingClientRect(): Rect;
  /** An HTML element's untransformed size (an SVG element has none: its computed size stands in). */
  offsetWidth?: number;
  offsetHeight?: number;
}

/** What these readers use of layers-read.ts' readers (typed here: neither module imports the other). */
interface Paints {
  px(v: string): number;
  s(style: Style, name: string): string;
}

export function marginReaders<E extends MarginElement>(paints: Paints, inFlow: (el: E) => { el: E; style: Style }[]) {
  const { px, s } = paints;
  type DomElement = E;

  /**
   * The margins every pair of neighbours shares along the main axis (the code writes a negative gap, and some
   * pages their spacing, as margins): their sum when it is the same for all pairs, else 0.
   */
  const marginGap = (el: DomElement, row: boolean): number => {
    const items = inFlow(el);
    const [start, end] = row ? ["margin-left", "margin-right"] : ["margin-top", "margin-bottom"];
    // A turned item's margins that give it the room of its turned bounds (codegen's turnedItemMargins, as Figma's
    // auto layout spaces turned children) are the item's, not spacing: the item's layer is its turned bounds.
    const turnRoom = ({ el: item, style }: { el: DomElement; style: Style }): number => {
      if (s(style, "transform") === "none") return 0;
      // An inline <svg> has no offset size: its computed width and height are its box (no padding there).
      const size = (row ? item.offsetWidth : item.offsetHeight) ?? px(s(style, row ? "width" : "height"));
      const r = item.getBoundingClientRect();
      return Math.max(0, ((row ? r.width : r.height) - size) / 2);
    };
    let shared: number | undefined;
    for (let i = 1; i < items.length; i++) {
      const m =
        px(s(items[i - 1]!.style, end!)) -
        turnRoom(items[i - 1]!) +
        px(s(items[i]!.style, start!)) -
        turnRoom(items[i]!);
      if (shared !== undefined && Math.abs(m - shared) > 0.5) return 0;
      shared = m;
    }
    return shared ?? 0;
  };

  /** An element's margins: top, right, bottom, left (auto ones as the room they took). */
  const marginsOf = (style: Style): number[] =>
    ["top", "right", "bottom", "left"].map((side) => px(s(style, `margin-${side}`)));

  /**
   * Stretched items with margins across the line (a centred max-width container in a flex column body): Figma's fill
   * spans the whole line, so each is wrapped in a frame filling it whose padding is the margins, the item filling
   * the frame. `room` counts the wrapper against the layer limit.
   */
  const crossMarginWrap = (node: LayerNode, room: () => boolean): void => {
    const al = node.autoLayout;
    if (!al || al.mode === "GRID" || al.wrap || !node.children) return;
    const row = al.mode === "HORIZONTAL";
    const [cross, main] = row ? (["vertical", "horizontal"] as const) : (["horizontal", "vertical"] as const);
    const [before, after] = row ? (["top", "bottom"] as const) : (["left", "right"] as const);
    const size = row ? node.box.h : node.box.w;
    node.children.forEach((child, i) => {
      if (child.absolute || child.visible === false || child.sizing?.[cross].mode !== "FILL") return;
      const b = child.box;
      const lead = (row ? b.y : b.x) - al.padding[before];
      const trail = size - al.padding[after] - (row ? b.y + b.h : b.x + b.w);
      if ((lead <= 0.5 && trail <= 0.5) || lead < -0.5 || trail < -0.5 || !room()) return;
      const [l, t] = [Math.max(0, lead), Math.max(0, trail)];
      const fill = child.sizing[main].mode === "FILL";
      node.children![i] = {
        kind: "frame",
        name: `${child.name} margin`.slice(0, 200),
        box: row ? { ...b, y: b.y - l, h: b.h + l + t } : { ...b, x: b.x - l, w: b.w + l + t },
        sizing: {
          [cross]: { mode: "FILL" as const },
          [main]: { mode: fill ? ("FILL" as const) : ("HUG" as const) },
        } as NonNullable<LayerNode["sizing"]>,
        autoLayout: {
          mode: al.mode,
          gap: 0,
          padding: { top: 0, right: 0, bottom: 0, left: 0, [before]: l, [after]: t },
          primaryAlign: "MIN",
          counterAlign: "MIN",
          wrap: false,
        },
        children: [{ ...child, box: row ? { ...b, x: 0, y: l } : { ...b, x: l, y: 0 } }],
      };
    });
  };

  /**
   * The items of a wrapping line with margins (a gutter grid: the row's negative margin, each item's margin): Figma
   * lays out boxes without margins, CSS their margin boxes, so each is wrapped in a frame whose padding is its margins
   * (an auto margin as the room it took). `margins`: each child layer's top, right, bottom, left.
   */
  const wrapMargins = (node: LayerNode, margins: Map<LayerNode, number[]>, room: () => boolean): void => {
    const al = node.autoLayout;
    if (!al?.wrap || al.mode === "GRID" || !node.children) return;
    node.children.forEach((child, i) => {
      const m = margins.get(child);
      if (child.absolute || !m || m.some((v) => v < 0) || m.every((v) => v <= 0.5) || !room()) return;
      const [top, right, bottom, left] = m as [number, number, number, number];
      const own = (axis: "horizontal" | "vertical") => ({
        mode: child.sizing?.[axis].mode === "FILL" ? ("FILL" as const) : ("HUG" as const),
      });
      const b = child.box;
      node.children![i] = {
        kind: "frame",
        name: `${child.name} margin`.slice(0, 200),
        box: { x: b.x - left, y: b.y - top, w: b.w + left + right, h: b.h + top + bottom },
        sizing: { horizontal: own("horizontal"), vertical: own("vertical") },
        autoLayout: {
          mode: al.mode,
          gap: 0,
          padding: { top, right, bottom, left },
          primaryAlign: "MIN",
          counterAlign: "MIN",
          wrap: false,
        },
        children: [{ ...child, box: { ...b, x: left, y: top } }],
      };
    });
  };

  /**
   * A wrapping container's main-axis alignment as its lines show it: an auto margin takes a line's free room, so
   * justify-content no longer places the items (a row of icons at the start of a flex-end line). Figma places each
   * line by one alignment and no margins: of start, centre and end, the one that puts the items (weighted by their
   * size) nearest where the page draws them, when it is much nearer than the CSS's.
   */
  const wrapAlign = (el: DomElement, style: Style, al: NonNullable<LayerNode["autoLayout"]>): void => {
    const offsets = { MIN: 0, CENTER: 0.5, MAX: 1 } as const;
    type Align = keyof typeof offsets;
    if (!al.wrap || !(al.primaryAlign in offsets)) return;
    const row = al.mode === "HORIZONTAL";
    const rect = el.getBoundingClientRect();
    const [from, to] = row ? ["left", "right"] : ["top", "bottom"];
    const edge = (side: string): number => px(s(style, `padding-${side}`)) + px(s(style, `border-${side}-width`));
    const start = (row ? rect.x : rect.y) + edge(from!);
    const room = (row ? rect.width : rect.height) - edge(from!) - edge(to!);
    const lines: { at: number; size: number }[][] = [];
    let last = -Infinity;
    for (const { el: c } of inFlow(el)) {
      const r = c.getBoundingClientRect();
      const item = { at: row ? r.x : r.y, size: row ? r.width : r.height };
      if (lines.length === 0 || item.at < last - 0.5) lines.push([]);
      lines[lines.length - 1]!.push(item);
      last = item.at + item.size;
    }
    const error = (align: Align): number =>
      lines.reduce((sum, items) => {
        const free = room - items.reduce((n, i) => n + i.size, 0) - al.gap * (items.length - 1);
        let at = start + Math.max(0, free) * offsets[align];
        return items.reduce((e, i) => {
          const miss = i.size * Math.abs(i.at - at);
          at += i.size + al.gap;
          return e + miss;
        }, sum);
      }, 0);
    const current = error(al.primaryAlign as Align);
    const best = (Object.keys(offsets) as Align[]).reduce((a, b) => (error(b) < error(a) ? b : a));
    if (error(best) < current / 2) al.primaryAlign = best;
  };

  /**
   * The margins a frame's children keep once laid out by Figma: a wrapping line's alignment as the page draws it and
   * its items' margins; stretched items' margins across the line.
   */
  const keepMargins = (
    node: LayerNode,
    el: DomElement,
    style: Style,
    margins: Map<LayerNode, number[]>,
    room: () => boolean,
  ): void => {
    crossMarginWrap(node, room);
    if (!node.autoLayout?.wrap) return;
    wrapAlign(el, style, node.autoLayout);
    wrapMargins(node, margins, room);
  };

  return { marginsOf, marginGap, keepMargins };
}
