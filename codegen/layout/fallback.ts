/**
 * Sections whose inferred flow does not reproduce their drawing (check.ts) keep their drawn positions at the design
 * width and get a simpler stacked flow below it (issue 37). Pure.
 *
 * A section here is a child of the frame (an item of its inferred flow, or a layer of it). It is replaced by its
 * drawing — its layers where the designer put them, absolutely placed in its drawn box — keeping its place in the
 * frame's flow. Below the design width every container of it with absolutely placed children stacks them (`stack`,
 * `stackBelow`): its background stays behind, stretched; decorations hide; the rest flow one under the other in
 * reading order (top to bottom, then left to right), each as wide as the screen allows, texts wrapping, pictures
 * keeping their aspect ratio. Only what the drawing does not show (a layer covered, one its clipping container cuts
 * away) and shapes without content hide: a text or a picture judged a decoration still takes its place in the stack.
 */
import { copyNode, inferredGroup } from "../design/node.js";
import type { DesignNode } from "../design/types.js";
import { PHONE_GUTTER, type Box } from "./boxes.js";
import { drawnBoxes } from "./decide.js";
import { boxOf, hasText, holdsContent, insideShare, layerRoles, plainGroup, type LayerRole } from "./roles.js";
import { fluidText } from "./sizing.js";

/** Each real layer of `drawn` by id. */
function byIdOf(drawn: DesignNode): Map<string, DesignNode> {
  const out = new Map<string, DesignNode>();
  const walk = (n: DesignNode): void => {
    if (n.id) out.set(n.id, n);
    for (const c of n.children ?? []) walk(c);
  };
  walk(drawn);
  return out;
}

/** The topmost real layers inside `node` (through the wrappers inference added). */
function realLayers(node: DesignNode): DesignNode[] {
  return node.id ? [node] : (node.children ?? []).flatMap(realLayers);
}

/** The narrowest phone the stacks are made for (390 px less its gutters: what a picture may take across). */
export const PHONE_CONTENT = 390 - 2 * PHONE_GUTTER;

/**
 * A container of absolutely placed layers that a stack leaves as drawn: a picture (no text: an icon on its blob, a
 * photo in its mask) or a small unit a phone holds as drawn (a link with its arrow, a badge), PHONE_CONTENT wide at
 * most. It keeps its drawn box in the stack (emit/responsive.ts stackedDecls), scaling as a unit when wider.
 */
export function keepsDrawing(node: DesignNode): boolean {
  return !node.layout && (node.children ?? []).some((c) => !c.hidden) && (!hasText(node) || node.w <= PHONE_CONTENT);
}

/**
 * Below `width`, every container in `node` whose children are placed absolutely (it has no flow of its own) stacks
 * them: each child its role there and its place in reading order; a picture or a small unit keeps its drawing
 * (keepsDrawing).
 */
export function stackBelow(node: DesignNode, width: number): DesignNode {
  const out = copyNode(node);
  if (!node.children || node.children.length === 0) return out;
  if (keepsDrawing(node)) {
    if (!hasText(node) && node.w > PHONE_CONTENT) out.scaled = true;
    return out;
  }
  if (node.layout) {
    // A flow of the designer's own: kept, its positioned children (if any) left as they are.
    out.children = node.children.map((c) => (c.absolute ? c : stackBelow(c, width)));
    return out;
  }
  const own: Box = { x: 0, y: 0, w: node.w, h: node.h };
  // Placed absolutely is how a drawing places everything: not a reason to leave a layer out of the stack.
  const rolesOf = (layers: DesignNode[]) =>
    backgroundsUnderTexts(
      layers,
      layerRoles(
        layers.map((c) => copyNode(c, { absolute: undefined })),
        own,
      ),
    );
  const drawn = acrossBackdrops(node.children, rolesOf(node.children));
  let roles = rolesOf(drawn);
  const children = onBackdrops(drawn, roles);
  if (children !== drawn) roles = rolesOf(children);
  // A background spans the rest: read apart from them, it would join every row and column into one.
  const placed = children.map((c, i) => ({ i, box: boxOf(c) }));
  const read = readingOrder(placed.filter((p) => roles.get(p.i) !== "background"));
  const order = [...read, ...placed.filter((p) => roles.get(p.i) === "background").map((p) => p.i)];
  const orderOf = new Map(order.map((i, n) => [i, n + 1]));
  out.stackBelow = width;
  out.children = children.map((c, i) => {
    const role = roles.get(i);
    // Content judged a decoration, or lying outside a box that does not clip it, is still content.
    const shown =
      role === undefined ||
      role === "rotated" ||
      ((role === "decoration" || role === "outside") && holdsContent(c) && !(role === "outside" && node.clip));
    const stacked = role === "background" ? "background" : shown ? "item" : "hidden";
    const child = stackBelow(c, width);
    child.stack = { role: stacked, order: orderOf.get(i) ?? i + 1, below: width };
    // A large heading scales down with the screen in the stack, as in a flow (exact at the design width).
    const fluid =
      child.text && !child.text.fluid
        ? fluidText(child.text, width, child.text.resize === "width" ? child.w : undefined)
        : undefined;
    if (fluid && child.text) child.text = { ...child.text, fluid };
    return child;
  });
  return out;
}

interface Placed {
  i: number;
  box: Box;
}

/** Overlaps this small along an axis (a drawing's rounding) still leave a gap between bands. */
const BAND_SLACK = 2;

/** `items` split where nothing crosses between them along `axis`, each band in order along it; one band if none. */
function bands(items: Placed[], axis: "x" | "y"): Placed[][] {
  const size = axis === "x" ? "w" : "h";
  const sorted = [...items].sort((a, b) => a.box[axis] - b.box[axis] || a.i - b.i);
  const out: Placed[][] = [];
  let end = -Infinity;
  for (const item of sorted) {
    if (out.length === 0 || item.box[axis] >= end - BAND_SLACK) out.push([item]);
    else out[out.length - 1]!.push(item);
    end = Math.max(end, item.box[axis] + item.box[size]);
  }
  return out;
}

/**
 * The order a reader takes layers in when they stack: rows top to bottom, and within a row its columns left to right,
 * each read the same way (an XY cut): a label drawn beside its paragraph precedes it, though drawn lower. Layers that
 * cross both ways are read top to bottom, then left to right.
 */
function readingOrder(items: Placed[]): number[] {
  if (items.length <= 1) return items.map((p) => p.i);
  const rows = bands(items, "y");
  if (rows.length > 1) return rows.flatMap(readingOrder);
  const columns = bands(items, "x");
  if (columns.length > 1) return columns.flatMap(readingOrder);
  return [...items].sort((a, b) => a.box.y - b.box.y || a.box.x - b.box.x || a.i - b.i).map((p) => p.i);
}

/** A share of a layer's area inside a backdrop's box that makes it a layer drawn on the backdrop. */
const ON_BACKDROP = 0.9;

/** Whether a layer paints its box: a visible fill (a colour, a gradient, a picture). */
function paintsBox(n: DesignNode): boolean {
  if (n.hidden || n.opacity === 0 || n.mask) return false;
  return (n.fills ?? []).some((f) => f.kind !== "solid" || !/^rgba\([^)]*,\s*0\)$/.test(f.color));
}

/**
 * A backdrop: a layer without text that paints its box (a hero's photo, a dark band, a card's shape), drawn under
 * layers with text lying on it. Its layers: those drawn after it inside its box.
 */
function backdropLayers(children: DesignNode[], index: number, roles: Map<number, LayerRole>): number[] {
  const base = children[index]!;
  // A shape judged a decoration (crossing a card, see-through) is a backdrop all the same when texts lie on it (a bar
  // of a chart with its figure).
  const role = roles.get(index);
  if ((role !== undefined && role !== "decoration") || hasText(base) || !paintsBox(base) || base.rotation !== undefined)
    return [];
  const b = boxOf(base);
  const on: number[] = [];
  for (let j = index + 1; j < children.length; j++) {
    const c = children[j]!;
    if (c.hidden || roles.get(j) === "background") continue;
    if (insideShare(c, b) >= ON_BACKDROP) on.push(j);
  }
  return on.some((j) => hasText(children[j]!)) ? on : [];
}

/**
 * `roles` less the backgrounds that a text of the container lies mostly outside of (a card's photo over 88 % of it, its
 * label below): behind the whole stack, it would be under that text, which the drawing does not put on it. Such a
 * layer is a picture of the stack (or a backdrop of the texts it does hold).
 */
function backgroundsUnderTexts(children: DesignNode[], roles: Map<number, LayerRole>): Map<number, LayerRole> {
  for (const [i, role] of roles) {
    if (role !== "background") continue;
    const b = boxOf(children[i]!);
    const outside = children.some((c, j) => j !== i && !c.hidden && hasText(c) && insideShare(c, b) < 0.5);
    if (outside) roles.delete(i);
  }
  return roles;
}

/** Whether `node` lies partly on `base`: some of it inside the box, not ON_BACKDROP of it. */
function partlyOn(node: DesignNode, base: Box): boolean {
  const inside = insideShare(node, base);
  return inside > 0 && inside < ON_BACKDROP;
}

/**
 * `children` with each plain group drawn partly on a backdrop (grouped by eye: a hero's heading and button with the
 * next section's title) replaced by its layers, in the container's coordinates, so that those on the backdrop stack on
 * it and the rest with the page. The same array when there is none.
 */
function acrossBackdrops(children: DesignNode[], roles: Map<number, LayerRole>): DesignNode[] {
  const bases = children.filter((_, i) => backdropLayers(children, i, roles).length > 0).map(boxOf);
  if (bases.length === 0) return children;
  let changed = false;
  const out = children.flatMap((child) => {
    if (!plainGroup(child) || !bases.some((b) => partlyOn(child, b))) return [child];
    changed = true;
    const g = boxOf(child);
    return (child.children ?? []).map((c) => copyNode(c, { x: (c.x ?? 0) + g.x, y: (c.y ?? 0) + g.y }));
  });
  return changed ? out : children;
}

/**
 * `children` with each backdrop and the layers drawn on it in a wrapper of the backdrop's box (largest backdrop first;
 * one inside another is its wrapper's business), so that stacked below the design width the backdrop stays behind
 * them as its wrapper's background instead of becoming a block of its own above or below them (white text left on a
 * white page). At the design width the wrapper is the backdrop's box and its layers keep their drawn places; paint.ts
 * keeps the drawn paint order across it. The same array when there is none.
 */
function onBackdrops(children: DesignNode[], roles: Map<number, LayerRole>): DesignNode[] {
  const bySize = children.map((c, i) => ({ i, area: c.w * c.h })).sort((a, b) => b.area - a.area || a.i - b.i);
  const taken = new Set<number>();
  const groups = new Map<number, number[]>();
  for (const { i } of bySize) {
    if (taken.has(i)) continue;
    const on = backdropLayers(children, i, roles).filter((j) => !taken.has(j));
    if (!on.some((j) => hasText(children[j]!))) continue;
    groups.set(i, on);
    taken.add(i);
    for (const j of on) taken.add(j);
  }
  if (groups.size === 0) return children;
  const out: DesignNode[] = [];
  children.forEach((child, i) => {
    const on = groups.get(i);
    if (on)
      out.push(
        backdropGroup(
          child,
          on.map((j) => children[j]!),
        ),
      );
    else if (!taken.has(i)) out.push(child);
  });
  return out;
}

/** The wrapper of a backdrop and its layers: placed as the backdrop is, the backdrop filling it, the layers in it. */
function backdropGroup(base: DesignNode, layers: DesignNode[]): DesignNode {
  const b = boxOf(base);
  const inside = (n: DesignNode) => copyNode(n, { x: (n.x ?? 0) - b.x, y: (n.y ?? 0) - b.y });
  const backdrop = copyNode(base, { x: 0, y: 0, constraintH: "left-right", constraintV: "top-bottom" });
  const group = inferredGroup(base.name || "Backdrop", b, [backdrop, ...layers.map(inside)]);
  group.absolute = true;
  group.constraintH = base.constraintH;
  group.constraintV = base.constraintV;
  group.backdrop = true;
  return group;
}

/** `node` as drawn (from `drawn`), its layers absolutely placed in its drawn box. */
function asDrawn(node: DesignNode, byId: Map<string, DesignNode>, boxes: Map<string, Box>, at: Box): DesignNode {
  if (node.id) {
    const drawnNode = byId.get(node.id);
    if (drawnNode) return copyNode(drawnNode);
  }
  // A wrapper inference added: its real layers, each at its drawn place in the wrapper's box, in their drawn order
  // (the flow's order is not the drawing's: a text written before the box it is drawn on would be covered by it,
  // and, read as drawn under it, hidden on narrower screens).
  const rank = new Map([...byId.keys()].map((id, i) => [id, i]));
  const layers = realLayers(node).sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0));
  const children = layers.flatMap((layer): DesignNode[] => {
    const drawnNode = byId.get(layer.id);
    const box = boxes.get(layer.id);
    if (!drawnNode || !box) return [];
    return [copyNode(drawnNode, { x: box.x - at.x, y: box.y - at.y, absolute: true })];
  });
  return inferredGroup(node.name, at, children);
}

/**
 * `frame` (inferred) with each of `sections` (children of it) replaced by its drawing, stacked below
 * `designWidth`, keeping the section's place in the frame: its flow marks, sizes and paint order.
 */
export function withDrawnSections(
  frame: DesignNode,
  drawn: DesignNode,
  sections: ReadonlySet<DesignNode>,
  designWidth: number,
): DesignNode {
  if (sections.size === 0) return frame;
  const byId = byIdOf(drawn);
  const boxes = drawnBoxes(drawn);
  const children = (frame.children ?? []).map((section) => {
    if (!sections.has(section)) return section;
    const at: Box = section.id
      ? (boxes.get(section.id) ?? { x: section.x ?? 0, y: section.y ?? 0, w: section.w, h: section.h })
      : { x: section.x ?? 0, y: section.y ?? 0, w: section.w, h: section.h };
    const replaced = stackBelow(asDrawn(section, byId, boxes, at), designWidth);
    // Its place in the frame stays the section's: a flow item as placed, or a layer where it lies.
    const placed = copyNode(replaced, { w: at.w, h: at.h, sizeV: "fixed" });
    for (const key of ["flow", "sizeH", "absolute", "constraintH", "constraintV", "z", "hideBelow"] as const) {
      (placed as unknown as Record<string, unknown>)[key] = section[key];
    }
    if (!section.absolute) {
      // A flow item ignores x and y (the form planner reads them: its drawn place).
      placed.x = at.x;
      placed.y = at.y;
    }
    placed.stackTop = true;
    return placed;
  });
  return copyNode(frame, { children });
}
