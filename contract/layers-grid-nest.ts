/**
 * A CSS grid Figma's grid cannot hold (contract/layers-grid.ts refuses it: two children in one cell, a child off
 * the track lines, a margin inside its cell, no tracks) as nested auto layout with the same boxes: the children are
 * cut into rows (or columns) where no child straddles the cut, each row into columns, and so on; every stack has one
 * gap and its padding, a child that does not sit where its stack puts it gets a cell frame whose alignment or
 * padding holds it. Only children overlapping both ways (stacked, overlaid) are kept where their boxes say, in a
 * frame without auto layout of their own. The reader's callers apply it (cli/layers/read-page.ts, the panel's
 * agent), so the builder, the REST writer and the round trip's measure all see the nested tree. Pure.
 */
import type { AutoLayout, LayerDocument, LayerNode } from "./layers.js";
import { gridPlan, paddingWithBorder } from "./layers-grid.js";

/** How far apart two edges may be and still be one, px. */
const NEAR = 0.5;

interface Span {
  from: number;
  to: number;
}
interface Region {
  x: Span;
  y: Span;
}
type Axis = "x" | "y";
type Align = "MIN" | "CENTER" | "MAX";

const other = (a: Axis): Axis => (a === "x" ? "y" : "x");
const spanOf = (c: LayerNode, a: Axis): Span =>
  a === "x" ? { from: c.box.x, to: c.box.x + c.box.w } : { from: c.box.y, to: c.box.y + c.box.h };
const near = (a: number, b: number): boolean => Math.abs(a - b) <= NEAR;

/** Where a span sits in a longer one, if at an edge or the middle. */
function alignIn(inner: Span, outer: Span): Align | undefined {
  if (near(inner.from, outer.from)) return "MIN";
  if (near(inner.to, outer.to)) return "MAX";
  if (near(inner.from - outer.from, outer.to - inner.to)) return "CENTER";
  return undefined;
}

/** The children cut along `a` where none straddles the cut: groups in order, each with its extent. */
function cut(items: LayerNode[], a: Axis): { items: LayerNode[]; span: Span }[] {
  const sorted = [...items].sort((p, q) => spanOf(p, a).from - spanOf(q, a).from);
  const groups: { items: LayerNode[]; span: Span }[] = [];
  for (const item of sorted) {
    const s = spanOf(item, a);
    const last = groups[groups.length - 1];
    if (last && s.from < last.span.to - NEAR) {
      last.items.push(item);
      last.span.to = Math.max(last.span.to, s.to);
    } else groups.push({ items: [item], span: { ...s } });
  }
  return groups;
}

/** Counts what the nesting made, for the builder's note and the measure. */
export interface NestCount {
  /** Grids nested as auto layout all through. */
  nested: number;
  /** Grids with some children kept where their boxes say (overlapping both ways). */
  placed: number;
  /** Children overlaid on a sibling (both inside one cell), positioned absolutely inside the auto layout. */
  overlaid: number;
}

/** A child moved into a region: its box relative to the region's origin. */
const moved = (c: LayerNode, r: Region): LayerNode => ({
  ...c,
  box: { ...c.box, x: c.box.x - r.x.from, y: c.box.y - r.y.from },
});

const sizeOf = (s: Span): number => Math.max(0, s.to - s.from);

/** The sizing a child keeps in a stack: fixed along it (its slot), filling across where it spans it. */
function sized(c: LayerNode, main: Axis, fills: boolean): LayerNode {
  // A child the reader gave no sizing keeps none (its box), unless it stretches.
  if (!c.sizing && !fills) return c;
  const read = c.sizing ?? { horizontal: { mode: "FIXED" as const }, vertical: { mode: "FIXED" as const } };
  const [along, across] = main === "x" ? (["horizontal", "vertical"] as const) : (["vertical", "horizontal"] as const);
  const mode = (m: "FIXED" | "HUG" | "FILL"): "FIXED" | "HUG" => (m === "FILL" ? "FIXED" : m);
  return {
    ...c,
    sizing: {
      ...read,
      [along]: { mode: mode(read[along].mode) },
      [across]: { mode: fills ? "FILL" : mode(read[across].mode) },
    } as NonNullable<LayerNode["sizing"]>,
  };
}

const layout = (mode: "HORIZONTAL" | "VERTICAL", gap: number, padding: AutoLayout["padding"]): AutoLayout => ({
  mode,
  gap,
  padding,
  primaryAlign: "MIN",
  counterAlign: "MIN",
  wrap: false,
});

const frame = (name: string, r: Region, main: Axis): LayerNode => ({
  kind: "frame",
  name,
  box: { x: r.x.from, y: r.y.from, w: sizeOf(r.x), h: sizeOf(r.y) },
  sizing: {
    horizontal: { mode: main === "y" ? "FILL" : "FIXED" },
    vertical: { mode: main === "x" ? "FILL" : "FIXED" },
  },
});

/** One child alone in its slot: a frame around it whose alignment (or padding) puts it where it was. */
function cell(child: LayerNode, r: Region, main: Axis): LayerNode | undefined {
  const at = moved(child, r);
  const inner: Region = { x: { from: 0, to: sizeOf(r.x) }, y: { from: 0, to: sizeOf(r.y) } };
  const [h, v] = [alignIn(spanOf(at, "x"), inner.x), alignIn(spanOf(at, "y"), inner.y)];
  // Before the cell's edge and not centred or at the end: no padding puts it there.
  if ((!h && at.box.x < -NEAR) || (!v && at.box.y < -NEAR)) return undefined;
  const padding = {
    top: v ? 0 : Math.max(0, at.box.y),
    left: h ? 0 : Math.max(0, at.box.x),
    right: 0,
    bottom: 0,
  };
  const fillsY = near(at.box.y, 0) && near(at.box.h, inner.y.to);
  return {
    ...frame("Cell", r, main),
    autoLayout: { ...layout("HORIZONTAL", 0, padding), primaryAlign: h ?? "MIN", counterAlign: v ?? "MIN" },
    children: [sized(at, "x", fillsY)],
  };
}

/**
 * The children of region `r` (boxes relative to the region's frame) as the auto layout of a frame over `r`, cut
 * along `first` if they can be, else across; undefined where they overlap both ways.
 */
function stack(
  items: LayerNode[],
  r: Region,
  first: Axis,
  count: NestCount,
): { autoLayout: AutoLayout; children: LayerNode[] } | undefined {
  for (const main of [first, other(first)]) {
    const groups = cut(items, main);
    if (groups.length < 2 && items.length > 1) continue;
    const made = along(groups, r, main, count);
    if (made) return made;
  }
  return undefined;
}

/**
 * Children that overlap both ways: the largest flows (alone in the stack) and the others, overlaid on it, are
 * positioned absolutely in the same auto layout frame (an input with its icons over it); the page's order kept.
 */
function overlaid(
  items: LayerNode[],
  r: Region,
  first: Axis,
  count: NestCount,
): { autoLayout: AutoLayout; children: LayerNode[] } | undefined {
  const area = (c: LayerNode): number => c.box.w * c.box.h;
  const base = items.reduce((a, b) => (area(b) > area(a) ? b : a));
  const made = stack([base], r, first, count);
  if (!made) return undefined;
  count.overlaid += items.length - 1;
  return {
    autoLayout: made.autoLayout,
    children: items.flatMap((c) => (c === base ? made.children : [{ ...c, absolute: true }])),
  };
}

/**
 * Groups cut along `main` as one stack: one gap (the smallest), each slot as wide as the region across. Undefined
 * where the first group starts before the region (no padding puts it there).
 */
function along(
  groups: { items: LayerNode[]; span: Span }[],
  r: Region,
  main: Axis,
  count: NestCount,
): { autoLayout: AutoLayout; children: LayerNode[] } | undefined {
  if (groups[0]!.span.from < r[main].from - NEAR) return undefined;
  const across = other(main);
  const gaps = groups.slice(1).map((g, i) => g.span.from - groups[i]!.span.to);
  const gap = gaps.length > 0 ? Math.max(0, Math.min(...gaps)) : 0;
  // Each slot runs to the next one's start less the gap (the last one to its own end); across, the whole region.
  const slots = groups.map((g, i) => {
    const next = groups[i + 1];
    const span = { from: g.span.from, to: next ? next.span.from - gap : g.span.to };
    return { items: g.items, region: (main === "x" ? { x: span, y: r[across] } : { x: r[across], y: span }) as Region };
  });
  // A lone child placed straight in the stack where it fills its slot along and sits at the stack's alignment
  // across; the alignment most of them share.
  const alone = slots.map((s) => {
    const c = s.items.length === 1 ? s.items[0]! : undefined;
    if (!c || !near(spanOf(c, main).from, s.region[main].from) || !near(spanOf(c, main).to, s.region[main].to))
      return undefined;
    const span = spanOf(c, across);
    const fills = near(span.from, r[across].from) && near(span.to, r[across].to);
    return { child: c, fills, align: fills ? undefined : alignIn(span, r[across]) };
  });
  const votes = new Map<Align, number>();
  for (const a of alone) if (a?.align) votes.set(a.align, (votes.get(a.align) ?? 0) + 1);
  const counterAlign = [...votes.entries()].sort((p, q) => q[1] - p[1])[0]?.[0] ?? "MIN";
  const children = slots.map((s, i) => {
    const a = alone[i];
    if (a && (a.fills || a.align === counterAlign)) return sized(a.child, main, a.fills);
    const alone1 = s.items.length === 1 ? cell(s.items[0]!, s.region, main) : undefined;
    if (alone1) return alone1;
    const local = s.items.map((c) => moved(c, s.region));
    const box = { x: { from: 0, to: sizeOf(s.region.x) }, y: { from: 0, to: sizeOf(s.region.y) } };
    const inner =
      s.items.length > 1 ? (stack(local, box, across, count) ?? overlaid(local, box, across, count)) : undefined;
    const wrapper = frame(main === "y" ? "Row" : "Column", s.region, main);
    if (inner) return { ...wrapper, ...inner };
    count.placed++;
    return { ...wrapper, name: "Stacked", children: s.items.map((c) => moved(c, s.region)) };
  });
  const last = groups[groups.length - 1]!;
  const [before, after] = main === "x" ? (["left", "right"] as const) : (["top", "bottom"] as const);
  const [crossBefore, crossAfter] = main === "x" ? (["top", "bottom"] as const) : (["left", "right"] as const);
  const padding = { top: 0, right: 0, bottom: 0, left: 0 };
  padding[before] = Math.max(0, groups[0]!.span.from - r[main].from);
  padding[after] = Math.max(0, r[main].to - last.span.to);
  padding[crossBefore] = 0;
  padding[crossAfter] = 0;
  const autoLayout = { ...layout(main === "x" ? "HORIZONTAL" : "VERTICAL", gap, padding), counterAlign };
  return { autoLayout, children };
}

/**
 * The grid's frame at its box: a hugging grid was sized by its tracks (a frame without auto layout keeps its box);
 * as auto layout it would hug stacks whose slots fill it.
 */
function fixed(layer: LayerNode): LayerNode {
  const s = layer.sizing;
  if (!s) return layer;
  const keep = (a: typeof s.horizontal): typeof s.horizontal => (a.mode === "HUG" ? { ...a, mode: "FIXED" } : a);
  return { ...layer, sizing: { horizontal: keep(s.horizontal), vertical: keep(s.vertical) } };
}

/**
 * A refused grid as nested auto layout (see the module's note), or undefined where it is not one or cannot be
 * (a child before the grid's own edge: no padding puts it there).
 */
export function nestGrid(
  layer: LayerNode,
  count: NestCount = { nested: 0, placed: 0, overlaid: 0 },
): LayerNode | undefined {
  const al = layer.autoLayout;
  if (al?.mode !== "GRID" || layer.kind !== "frame" || gridPlan(layer)) return undefined;
  const children = layer.children ?? [];
  const items = children.filter((c) => !c.absolute && c.visible !== false);
  const rest = children.filter((c) => c.absolute || c.visible === false).map((c) => ({ ...c, absolute: true }));
  const inset = paddingWithBorder(layer, al);
  // No children shown in the flow (none, hidden or positioned ones): a frame whose auto layout holds what is added
  // to it, they kept as drawn.
  if (items.length === 0) {
    count.nested++;
    return { ...fixed(layer), autoLayout: layout("VERTICAL", al.counterGap ?? 0, inset), children: rest };
  }
  // The content box (padding and border inside); a child may overflow it where its stack's alignment puts it.
  const r: Region = {
    x: { from: inset.left, to: Math.max(inset.left, layer.box.w - inset.right) },
    y: { from: inset.top, to: Math.max(inset.top, layer.box.h - inset.bottom) },
  };
  const placedBefore = count.placed;
  // Rows first: a grid's rows are what the page reads down.
  const made = stack(items, r, "y", count) ?? (items.length > 1 ? overlaid(items, r, "y", count) : undefined);
  if (!made) return undefined;
  const [a0, a1] = made.autoLayout.mode === "HORIZONTAL" ? (["top", "bottom"] as const) : (["left", "right"] as const);
  const padding = { ...made.autoLayout.padding };
  // The stack's padding across: from the frame's edges to the region's.
  const [from, to] =
    made.autoLayout.mode === "HORIZONTAL" ? ([r.y.from, r.y.to] as const) : ([r.x.from, r.x.to] as const);
  padding[a0] = from;
  padding[a1] = Math.max(0, (made.autoLayout.mode === "HORIZONTAL" ? layer.box.h : layer.box.w) - to);
  // Along: the stack's padding was measured from the region's start; the frame's edge is before it.
  const [m0, m1] = made.autoLayout.mode === "HORIZONTAL" ? (["left", "right"] as const) : (["top", "bottom"] as const);
  const mainSpan = made.autoLayout.mode === "HORIZONTAL" ? r.x : r.y;
  const size = made.autoLayout.mode === "HORIZONTAL" ? layer.box.w : layer.box.h;
  padding[m0] += mainSpan.from;
  padding[m1] += Math.max(0, size - mainSpan.to);
  if (count.placed === placedBefore) count.nested++;
  return {
    ...fixed(layer),
    autoLayout: { ...made.autoLayout, padding },
    children: [...made.children, ...rest],
  };
}

/**
 * Every refused grid of the document nested (nestGrid), what was made, and a note where children had to be kept
 * where their boxes say.
 */
export function nestGrids(doc: LayerDocument): { document: LayerDocument; count: NestCount } {
  const count: NestCount = { nested: 0, placed: 0, overlaid: 0 };
  const walk = (layer: LayerNode): LayerNode => {
    const children = layer.children?.map(walk);
    const next = children ? { ...layer, children } : layer;
    return nestGrid(next, count) ?? next;
  };
  const root = walk(doc.root);
  const notes = [...doc.notes];
  if (count.placed > 0)
    notes.push({
      kind: "unsupported",
      message:
        `${count.placed} groups of CSS grid children overlap both ways (stacked in one cell or overlaid): ` +
        "kept where the page drew them in a frame named Stacked, the rest of their grid as nested auto layout",
    });
  if (count.overlaid > 0)
    notes.push({
      kind: "unsupported",
      message:
        `${count.overlaid} CSS grid children lie over a sibling in the same cell: ` +
        "positioned absolutely inside their grid's auto layout, where the page drew them",
    });
  return { document: { ...doc, root, notes }, count };
}
