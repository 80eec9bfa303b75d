/**
 * Paint order as drawn (issue 49): grouping never changes which of two overlapping layers is on top. Pure.
 *
 * Inference regroups a container's layers into wrappers (rows, columns, stacks, sets of layers, sections kept as
 * drawn) whose element order follows the flow, not the drawing. Where that order puts a layer before one drawn under
 * it that it overlaps, the container's layers — its children as drawn, wherever the wrappers put them — each get
 * their drawn place (`z`, written as `z-index`; the container is then a stacking context of its own: the emitters'
 * `isolation`). A wrapper is no element of the drawing and paints nothing, so it must not confine its layers to
 * its own place in the order: one that is a stacking context all the same (confines) takes the place of the highest
 * layer in it, so that what is drawn over all of it stays over it and what is drawn under any of it stays under.
 *
 * Run last on an inferred frame: it sees every wrapper inference and its fallback made.
 */
import { copyNode } from "../design/node.js";
import { placeLayers } from "../design/placed.js";
import type { DesignNode } from "../design/types.js";
import { overlapArea, type Box } from "./boxes.js";

/** Each layer of the drawing by id: its place in paint order (document order) and its box in the frame. */
interface Drawn {
  rank: Map<string, number>;
  box: Map<string, Box>;
  /** The frame's width: what reaches past it is cut at its sides. */
  width: number;
}

function drawnOf(frame: DesignNode): Drawn {
  const rank = new Map<string, number>();
  const box = new Map<string, Box>();
  for (const placed of placeLayers([frame]))
    if (placed.node.id && !rank.has(placed.node.id)) {
      rank.set(placed.node.id, placed.order);
      box.set(placed.node.id, placed.box);
    }
  return { rank, box, width: frame.w };
}

/**
 * Whether a wrapper inference added is a stacking context of its own: a set of layers scaled as a unit (its container
 * units: `container-type`), or one placed absolutely that reaches past the screen's sides (the emitters cut it there
 * with a `clip-path`: emit/page.ts overhangClip).
 */
function confines(wrapper: DesignNode, drawn: Drawn): boolean {
  if (wrapper.scaled) return true;
  if (!wrapper.absolute) return false;
  const boxes = layersOf(wrapper.children ?? []).flatMap((l) => drawn.box.get(l.id) ?? []);
  return boxes.some((b) => b.x < -0.5 || b.x + b.w > drawn.width + 0.5);
}

/** The layers of a container: its real descendants through the wrappers inference added, in element order. */
function layersOf(children: DesignNode[], into: DesignNode[] = []): DesignNode[] {
  for (const c of children) {
    if (!c.inferred) into.push(c);
    else if (c.children) layersOf(c.children, into);
  }
  return into;
}

/** Whether element order paints some two overlapping layers the other way round from the drawing. */
function outOfOrder(layers: DesignNode[], drawn: Drawn): boolean {
  for (let i = 0; i < layers.length; i++) {
    const a = layers[i]!;
    const ra = drawn.rank.get(a.id);
    const ba = drawn.box.get(a.id);
    if (ra === undefined || !ba) continue;
    for (let j = i + 1; j < layers.length; j++) {
      const b = layers[j]!;
      const rb = drawn.rank.get(b.id);
      const bb = drawn.box.get(b.id);
      if (rb !== undefined && bb && rb < ra && overlapArea(ba, bb) > 0) return true;
    }
  }
  return false;
}

/**
 * `frame` (inferred) with every container's layers painted in their drawn order; `drawn` is the frame as drawn (the
 * layers' ids, order and boxes). A new tree where anything changes; a subtree it leaves as it is comes back the same
 * object (a frame's builds share most of theirs), so nothing here changes a node it did not copy.
 */
export function paintAsDrawn(frame: DesignNode, drawn: DesignNode): DesignNode {
  return ordered(frame, drawnOf(drawn));
}

/** A copy of `node` without its drawn place. */
function withoutZ(node: DesignNode): DesignNode {
  const out = copyNode(node);
  out.z = undefined;
  return out;
}

/** `children` mapped by `each`: the same array when every child comes back the same. */
function mapShared(children: DesignNode[], each: (c: DesignNode) => DesignNode): DesignNode[] {
  let out: DesignNode[] | undefined;
  for (let i = 0; i < children.length; i++) {
    const c = children[i]!;
    const next = each(c);
    if (next !== c && !out) out = children.slice(0, i);
    out?.push(next);
  }
  return out ?? children;
}

function ordered(node: DesignNode, drawn: Drawn): DesignNode {
  if (!node.children) return node.z !== undefined ? withoutZ(node) : node;
  let children = mapShared(node.children, (c) => copied(c, drawn));
  const layers = layersOf(children);
  // Anything placed absolutely among them (a decoration, a background, a stack's base) or a wrapper confining its
  // layers: each layer its drawn place, whatever the flow's order; else only where the element order is wrong.
  const needed =
    layers.some((l) => l.absolute) || children.some((c) => confining(c, drawn)) || outOfOrder(layers, drawn);
  if (needed) {
    // The places are written on copies: the layers, and the wrappers between them and this container.
    children = children.map(owned);
    const own = layersOf(children);
    const byRank = [...own].sort((a, b) => (drawn.rank.get(a.id) ?? Infinity) - (drawn.rank.get(b.id) ?? Infinity));
    byRank.forEach((l, i) => {
      l.z = i + 1;
    });
    for (const c of children) if (c.inferred) lift(c, drawn, own);
  } else if (children === node.children && node.z === undefined) return node;
  const out = withoutZ(node);
  out.children = children;
  return out;
}

/** A child as a real layer ordered as a container of its own, a wrapper with its real layers so (the same if so). */
function copied(child: DesignNode, drawn: Drawn): DesignNode {
  if (!child.inferred) return ordered(child, drawn);
  const children = child.children ? mapShared(child.children, (c) => copied(c, drawn)) : undefined;
  if (children === child.children && child.z === undefined) return child;
  const out = withoutZ(child);
  if (children) out.children = children;
  return out;
}

/** A fresh copy of a container's child whose place is written: a real layer, or a wrapper with its children so. */
function owned(child: DesignNode): DesignNode {
  const out = copyNode(child);
  if (child.inferred && child.children) out.children = child.children.map(owned);
  return out;
}

const confining = (c: DesignNode, drawn: Drawn): boolean =>
  !!c.inferred && (confines(c, drawn) || (c.children ?? []).some((x) => confining(x, drawn)));

/**
 * A wrapper that confines its layers takes the place among `context` (the layers painted in the same stacking context)
 * of one of its layers: the highest, unless a layer outside it drawn among its own layers and overlapping them (a line
 * across a card whose text is drawn over it) is then painted the wrong way round with fewer of them at a lower place
 * (its copy, changed in place).
 */
function lift(wrapper: DesignNode, drawn: Drawn, context: DesignNode[]): void {
  const own = layersOf(wrapper.children ?? []);
  const confined = confines(wrapper, drawn);
  for (const c of wrapper.children ?? []) if (c.inferred) lift(c, drawn, confined ? own : context);
  if (!confined) return;
  const places = own.flatMap((l) => (l.z !== undefined ? [l.z] : [])).sort((a, b) => b - a);
  if (places.length === 0) return;
  const pairs: [outside: number, inside: number][] = [];
  for (const o of context) {
    const bo = drawn.box.get(o.id);
    if (o.z === undefined || !bo || own.includes(o)) continue;
    for (const i of own) {
      const bi = drawn.box.get(i.id);
      if (i.z !== undefined && bi && overlapArea(bo, bi) > 0) pairs.push([o.z, i.z]);
    }
  }
  const wrong = (z: number): number => pairs.filter(([o, i]) => o > i !== o > z).length;
  wrapper.z = places.reduce((best, z) => (wrong(z) < wrong(best) ? z : best));
}
