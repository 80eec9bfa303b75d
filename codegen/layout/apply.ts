/**
 * Layout inference on one screen: every container drawn without auto layout gets a flow layout inferred
 * from its children's boxes (xy-cut.ts), written as the design tree's own FlexLayout (marked `inferred`) on
 * the existing nodes plus wrapper groups (no Figma id) for rows, columns and stacks, so that the flex
 * emitters draw it. Background layers (a box covering the container, a rotated layer, one mostly outside)
 * stay absolutely positioned, stretched or scaled with their container. Pure: returns a new tree.
 */
import type { DesignNode } from "../design/types.js";
import { contains, overlapArea, type Box, type Item } from "./boxes.js";
import { planFlow } from "./spacing.js";
import { placeInFlow } from "./sizing.js";
import { xyCut, type Cut } from "./xy-cut.js";

/** Containers no larger than this (icons, badges) keep their exact absolute drawing. */
const ICON = 48;
/** A child covering this share of its container is its background, not an item of its flow. */
const BACKGROUND = 0.85;

interface Scope {
  designWidth: number;
}

const CONTAINERS = new Set(["frame", "group", "section", "component", "instance"]);

function hasText(node: DesignNode): boolean {
  return node.text !== undefined || (node.children ?? []).some((c) => !c.hidden && hasText(c));
}

/** Inference applies to an absolute container with text in it that is not an icon or drawn as one SVG. */
function eligible(node: DesignNode): boolean {
  const children = node.children ?? [];
  return (
    CONTAINERS.has(node.kind) &&
    !node.layout &&
    !node.scaled &&
    node.asset === undefined &&
    (node.w > ICON || node.h > ICON) &&
    !children.some((c) => c.mask) &&
    children.some((c) => !c.hidden) &&
    hasText(node)
  );
}

const boxOf = (n: DesignNode): Box => ({ x: n.x ?? 0, y: n.y ?? 0, w: n.w, h: n.h });

function isLayer(child: DesignNode, parent: DesignNode): boolean {
  if (child.hidden || child.absolute || child.rotation) return true;
  const area = Math.max(child.w * child.h, 1);
  const inside = overlapArea(boxOf(child), { x: 0, y: 0, w: parent.w, h: parent.h });
  if (inside < area / 2) return true;
  return child.text === undefined && inside >= BACKGROUND * parent.w * parent.h;
}

/** A layer keeps its absolute place, in percentages of its container, so it scales with it. */
function asLayer(node: DesignNode, origin: Box): DesignNode {
  const out: DesignNode = { ...node, x: (node.x ?? 0) - origin.x, y: (node.y ?? 0) - origin.y, absolute: true };
  const full = out.x === 0 && out.y === 0 && node.w === origin.w && node.h === origin.h;
  out.constraintH = full ? "left-right" : "scale";
  out.constraintV = full ? "top-bottom" : "scale";
  return out;
}

function wrapper(name: string, box: Box): DesignNode {
  // x and y: its box in the inferred container (the flow ignores them; undo.ts needs them to place layers).
  return { id: "", name, kind: "group", x: box.x, y: box.y, w: box.w, h: box.h, inferred: true };
}

export function inferNode(node: DesignNode, scope: Scope, parentW: number): DesignNode {
  const out: DesignNode = { ...node };
  if (!node.children) return out;
  if (!eligible(node)) {
    if (CONTAINERS.has(node.kind) && node.layout) out.children = node.children.map((c) => inferNode(c, scope, node.w));
    return out;
  }
  const children = node.children;
  const flowItems: Item[] = [];
  children.forEach((c, index) => {
    if (!isLayer(c, node)) flowItems.push({ box: boxOf(c), index });
  });
  const own: Box = { x: 0, y: 0, w: node.w, h: node.h };
  const layerAt = (index: number): DesignNode => asLayer(inferNode(children[index]!, scope, node.w), own);
  const firstFlow = Math.min(...flowItems.map((i) => i.index));
  const below = children.flatMap((c, i) => (i < firstFlow && !flowItems.some((f) => f.index === i) ? [layerAt(i)] : []));
  const above = children.flatMap((c, i) => (i > firstFlow && !flowItems.some((f) => f.index === i) ? [layerAt(i)] : []));
  if (flowItems.length === 0) return out;
  const cut = xyCut(flowItems);
  // Content that reaches outside its container's box would make a flow container grow: keep it as drawn.
  if (!contains(own, cut.box, 1)) return out;
  if (cut.kind === "loose") return scaledBox(out, node, scope);
  const flow = layoutInto(out, own, cut, children, scope, parentW);
  out.children = [...below, ...flow, ...above];
  return out;
}

/** Inference is unsure: the children keep their places, in percentages, so the box scales as a unit. */
function scaledBox(out: DesignNode, node: DesignNode, scope: Scope): DesignNode {
  const own: Box = { x: 0, y: 0, w: node.w, h: node.h };
  out.scaled = true;
  out.children = (node.children ?? []).map((c) => asLayer(inferNode(c, scope, node.w), own));
  for (const c of out.children) if (!(c.constraintH === "left-right" && c.constraintV === "top-bottom")) [c.constraintH, c.constraintV] = ["scale", "scale"];
  return out;
}

/** Gives `target` (whose box is `box`) the flex layout of `cut` and returns its flow children. */
function layoutInto(target: DesignNode, box: Box, cut: Cut, children: DesignNode[], scope: Scope, parentW: number): DesignNode[] {
  const parts = cut.kind === "flow" ? cut.parts : [cut];
  const dir = cut.kind === "flow" ? cut.dir : "column";
  const plan = planFlow(dir, box, parts.map((p) => p.box));
  target.layout = { ...plan.layout, inferred: { within: parentW } };
  // Percentages in the items' own padding refer to this box's content width.
  const content = box.w - plan.layout.padding[1] - plan.layout.padding[3];
  return parts.map((part, i) => {
    const item = plan.items[i]!;
    return placeInFlow(materialize(part, children, scope, content), { dir, flow: item.flow, crossFill: item.crossFill, designWidth: scope.designWidth });
  });
}

function materialize(cut: Cut, children: DesignNode[], scope: Scope, parentW: number): DesignNode {
  switch (cut.kind) {
    case "item":
      return inferNode(children[cut.item.index]!, scope, parentW);
    case "flow": {
      const group = wrapper(cut.dir === "row" ? "Row" : "Column", cut.box);
      group.children = layoutInto(group, cut.box, cut, children, scope, parentW);
      return group;
    }
    case "stack": {
      const group = wrapper("Stack", cut.box);
      const base = asLayer(inferNode(children[cut.base.index]!, scope, cut.box.w), cut.box);
      const flow = cut.inner ? layoutInto(group, cut.box, cut.inner, children, scope, parentW) : [];
      group.children = [base, ...flow];
      return group;
    }
    case "loose": {
      const group = wrapper("Layers", cut.box);
      group.scaled = true;
      group.children = cut.items.map((i) => {
        const layer = asLayer(inferNode(children[i.index]!, scope, cut.box.w), cut.box);
        [layer.constraintH, layer.constraintV] = ["scale", "scale"];
        return layer;
      });
      return group;
    }
  }
}
