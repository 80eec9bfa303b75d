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
import type { Box } from "./boxes.js";
import { drawnBoxes } from "./decide.js";
import { PHONE_GUTTER } from "./boxes.js";
import { hasText, holdsContent, layerRoles } from "./roles.js";
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
  const children = node.children;
  if (!children || children.length === 0) return out;
  if (keepsDrawing(node)) {
    if (!hasText(node) && node.w > PHONE_CONTENT) out.scaled = true;
    return out;
  }
  if (node.layout) {
    // A flow of the designer's own: kept, its positioned children (if any) left as they are.
    out.children = children.map((c) => (c.absolute ? c : stackBelow(c, width)));
    return out;
  }
  const own: Box = { x: 0, y: 0, w: node.w, h: node.h };
  // Placed absolutely is how a drawing places everything: not a reason to leave a layer out of the stack.
  const roles = layerRoles(
    children.map((c) => copyNode(c, { absolute: undefined })),
    own,
  );
  const reading = children
    .map((c, i) => ({ i, y: c.y ?? 0, x: c.x ?? 0 }))
    .sort((a, b) => a.y - b.y || a.x - b.x)
    .map((e, order) => [e.i, order + 1] as const);
  const orderOf = new Map(reading);
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
