/**
 * Design nodes of one shape. A layer's optional fields are many and each layer has a few of them: built by adding
 * fields as they apply, the nodes took dozens of hidden classes (V8's maps), so every pass over the tree read them
 * through polymorphic lookups and was deoptimised again and again while it warmed up. Every node is made here, with
 * every field present in one order (`undefined` where the layer has none), and copied with `copyNode`. Clear a
 * field by setting it to `undefined`, never with `delete` (that turns the object into a slow dictionary); test a
 * field with `!== undefined`, never with `in`.
 */
import type { DesignNode, FlowItem, NodeKind } from "./types.js";

/** A node with its identity and size, every other field undefined: set the ones the layer has. */
export function designNode(id: string, name: string, kind: NodeKind, w: number, h: number): DesignNode {
  return {
    id,
    name,
    kind,
    x: undefined,
    y: undefined,
    w,
    h,
    rotation: undefined,
    hidden: undefined,
    layout: undefined,
    cell: undefined,
    sizeH: undefined,
    sizeV: undefined,
    minW: undefined,
    maxW: undefined,
    minH: undefined,
    maxH: undefined,
    absolute: undefined,
    constraintH: undefined,
    constraintV: undefined,
    fills: undefined,
    stroke: undefined,
    radius: undefined,
    effects: undefined,
    opacity: undefined,
    blend: undefined,
    clip: undefined,
    mask: undefined,
    maskType: undefined,
    text: undefined,
    asset: undefined,
    parts: undefined,
    component: undefined,
    children: undefined,
    inferred: undefined,
    laid: undefined,
    flow: undefined,
    scaled: undefined,
    suggested: undefined,
    hideBelow: undefined,
    z: undefined,
    stackBelow: undefined,
    stack: undefined,
    stackTop: undefined,
    backdrop: undefined,
    beside: undefined,
    fillBelow: undefined,
    lineBelow: undefined,
    growBelow: undefined,
    nav: undefined,
  };
}

/**
 * A copy of `node` in the one shape, `changes` written over it. Not `{ ...node }`: where a spread has seen copies of
 * several shapes, V8 builds its copies through a slow path, each in a shape of its own.
 */
export function copyNode(node: DesignNode, changes?: Partial<DesignNode>): DesignNode {
  const copy: DesignNode = {
    id: node.id,
    name: node.name,
    kind: node.kind,
    x: node.x,
    y: node.y,
    w: node.w,
    h: node.h,
    rotation: node.rotation,
    hidden: node.hidden,
    layout: node.layout,
    cell: node.cell,
    sizeH: node.sizeH,
    sizeV: node.sizeV,
    minW: node.minW,
    maxW: node.maxW,
    minH: node.minH,
    maxH: node.maxH,
    absolute: node.absolute,
    constraintH: node.constraintH,
    constraintV: node.constraintV,
    fills: node.fills,
    stroke: node.stroke,
    radius: node.radius,
    effects: node.effects,
    opacity: node.opacity,
    blend: node.blend,
    clip: node.clip,
    mask: node.mask,
    maskType: node.maskType,
    text: node.text,
    asset: node.asset,
    parts: node.parts,
    component: node.component,
    children: node.children,
    inferred: node.inferred,
    laid: node.laid,
    flow: node.flow,
    scaled: node.scaled,
    suggested: node.suggested,
    hideBelow: node.hideBelow,
    z: node.z,
    stackBelow: node.stackBelow,
    stack: node.stack,
    stackTop: node.stackTop,
    backdrop: node.backdrop,
    beside: node.beside,
    fillBelow: node.fillBelow,
    lineBelow: node.lineBelow,
    growBelow: node.growBelow,
    nav: node.nav,
  };
  return changes === undefined ? copy : Object.assign(copy, changes);
}

/**
 * A wrapper layout inference adds (a row, a column, a stack, a set of layers): no Figma id, its box in the inferred
 * container (the flow ignores x and y; undo.ts places layers by them).
 */
export function inferredGroup(
  name: string,
  box: { x: number; y: number; w: number; h: number },
  children?: DesignNode[],
): DesignNode {
  const group = designNode("", name, "group", box.w, box.h);
  group.x = box.x;
  group.y = box.y;
  group.inferred = true;
  group.children = children;
  return group;
}

/** An item's place in an inferred flow, nothing marked yet (one shape whichever marks it gets). */
export const flowItem = (): FlowItem => ({ before: undefined, self: undefined, offset: undefined });

/** Whether a flow item marks anything. */
export const marksFlow = (flow: FlowItem): boolean =>
  flow.before !== undefined || flow.self !== undefined || flow.offset !== undefined;
