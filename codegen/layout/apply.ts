/**
 * Layout inference on one screen: every container drawn without auto layout gets a flow layout inferred
 * from its children's boxes (xy-cut.ts), written as the design tree's own FlexLayout (marked `inferred`) on
 * the existing nodes plus wrapper groups (no Figma id) for rows, columns and stacks, so that the flex
 * emitters draw it. What is not an item of the flow (roles.ts: its background, decorations, rotated or
 * hidden layers) stays absolutely positioned; decorations pin to their edge and hide on screens narrow
 * enough for them to cover text. Content reaching past the container's sides is not a reason to give up: a
 * full-bleed base stretches with its section, a row running past the right edge (a carousel) stays one line
 * at the design width and wraps below it. Pure: returns a new tree.
 */
import { copyNode, inferredGroup } from "../design/node.js";
import type { DesignNode } from "../design/types.js";
import { overlapArea, PHONE_GUTTER as GUTTER, type Box, type Item } from "./boxes.js";
import { PHONE_CONTENT, stackBelow } from "./fallback.js";
import { boxOf, dissolveCrossingGroups, hasText, holdsContent, layerRoles } from "./roles.js";
import type { LayoutCheckEngine } from "./decide.js";
import { planFlow, SNAP } from "./spacing.js";
import { flowBox, placeInFlow } from "./sizing.js";
import { xyCut, type Cut } from "./xy-cut.js";

/** Containers no larger than this (icons, badges) keep their exact absolute drawing. */
const ICON = 48;

interface Scope {
  designWidth: number;
  /**
   * The screen being inferred: without a word on it (a gallery, a component set of image variants) it still has a flow.
   */
  screen?: DesignNode;
  /** Tallies Figma's own inferred auto layouts (plugin only): seen, agreeing with ours, used where ours gave up. */
  report: LayoutReport;
}

export interface LayoutReport {
  /** Containers drawn without auto layout that layout inference read. */
  containers: number;
  /** Of those with two or more items in their flow, how many Figma suggested an auto layout for. */
  suggested: number;
  /** How many of Figma's suggestions have the direction ours found. */
  agreed: number;
  /** Where ours could not read the container (it would have scaled as a unit) and Figma's direction was used. */
  used: number;
  /** Sections whose flow did not reproduce their drawing: kept as drawn at the design width (fallback.ts), by name. */
  sectionsKept: string[];
  /** Each inferred frame's check at the design width: which engine, what it kept. */
  checked: FrameVerdict[];
}

/** How one frame's inferred layout was checked at the design width (decide.ts), for the notes. */
export type FrameVerdict = {
  frame: string;
  check: LayoutCheckEngine;
  /** Sections kept as drawn, by name. */
  kept: string[];
  /** Even with every section drawn the flow did not hold: the whole frame keeps its drawing, stacked below. */
  drawn: boolean;
  /** Even that did not hold: the frame is emitted as drawn at every width. */
  exact: boolean;
};

const CONTAINERS = new Set(["frame", "group", "section", "component", "instance"]);

/** Inference applies to an absolute container with text in it that is not an icon or drawn as one SVG. */
function eligible(node: DesignNode, scope: Scope): boolean {
  const children = node.children ?? [];
  let visible = 0;
  for (const c of children) if (!c.hidden) visible++;
  return (
    CONTAINERS.has(node.kind) &&
    !node.layout &&
    !node.scaled &&
    node.asset === undefined &&
    (node.w > ICON || node.h > ICON) &&
    !children.some((c) => c.mask) &&
    visible > 0 &&
    (hasText(node) || (node === scope.screen && visible > 1))
  );
}

/** The screen itself, drawn without auto layout, with something to show and nothing inference reads. */
const drawnScreen = (node: DesignNode, scope: Scope): boolean =>
  node === scope.screen &&
  CONTAINERS.has(node.kind) &&
  !node.layout &&
  !node.scaled &&
  node.asset === undefined &&
  !(node.children ?? []).some((c) => c.mask) &&
  (node.children ?? []).some((c) => !c.hidden);

/**
 * A box drawn without auto layout whose layers a mask cuts: its layers keep their places in the mask below the design
 * width (scaled as a unit), or, where that would shrink them past seeing, stack unmasked; reflowed inside the mask's
 * drawn shape, they moved out of it (a header band in an ellipse mask: its texts cut away on a phone).
 */
const masked = (node: DesignNode): boolean =>
  CONTAINERS.has(node.kind) && !node.layout && !node.scaled && (node.children ?? []).some((c) => c.mask && !c.hidden);

/** A layer keeps its absolute place, in percentages of its container, so it scales with it. */
function asLayer(node: DesignNode, origin: Box): DesignNode {
  const out = copyNode(node, { x: (node.x ?? 0) - origin.x, y: (node.y ?? 0) - origin.y, absolute: true });
  // Spanning the container (a background, a full-bleed image reaching past its sides) it stretches with it.
  const acrossH = out.x! <= 0.5 && out.x! + node.w >= origin.w - 0.5;
  const acrossV = out.y! <= 0.5 && out.y! + node.h >= origin.h - 0.5;
  out.constraintH = acrossH ? "left-right" : "scale";
  out.constraintV = acrossV ? "top-bottom" : "scale";
  return out;
}

function wrapper(name: string, box: Box): DesignNode {
  // x and y: its box in the inferred container (the flow ignores them; undo.ts needs them to place layers).
  return inferredGroup(name, box);
}

/** How far in from each side of the container the texts of the flow start (the narrowest gutter drawn). */
interface Gutters {
  left: number;
  right: number;
}

function guttersOf(children: DesignNode[], flow: Item[], own: Box): Gutters {
  const texts = flow.filter((i) => hasText(children[i.index]!)).map((i) => i.box);
  if (texts.length === 0) return { left: own.w, right: own.w };
  return {
    left: Math.max(0, Math.min(...texts.map((b) => b.x - own.x))),
    right: Math.max(0, Math.min(...texts.map((b) => own.x + own.w - b.x - b.w))),
  };
}

/**
 * A decoration keeps its size, pinned to the side and the end (top or bottom) it is nearest, and is hidden
 * below the width at which it would reach the texts: the texts' gutter shrinks from what is drawn by half the
 * missing width on each side (as the fluid side padding does, down to 16 px). One that lies away from both
 * sides (over a card) is hidden below the design width, where the flow starts to move.
 */
function asDecoration(node: DesignNode, own: Box, gutters: Gutters, scope: Scope): DesignNode {
  const out = copyNode(node, { absolute: true });
  const b = boxOf(node);
  const fromLeft = b.x + b.w - own.x;
  const fromRight = own.x + own.w - b.x;
  const left = fromLeft <= fromRight;
  // Left and top are the defaults (left unset, as the REST reader and the hint leave them).
  if (left) out.constraintH = undefined;
  else out.constraintH = "right";
  if (b.y + b.h / 2 <= own.y + own.h / 2) out.constraintV = undefined;
  else out.constraintV = "bottom";
  const reach = left ? fromLeft : fromRight;
  const gutter = left ? gutters.left : gutters.right;
  const atSide = b.x < own.x + GUTTER || b.x + b.w > own.x + own.w - GUTTER;
  // A picture judged a decoration (one lying mostly outside its container) is content all the same: never hidden.
  if (holdsContent(node)) return out;
  if (!atSide) out.hideBelow = Math.round(scope.designWidth);
  else if (reach > GUTTER)
    out.hideBelow = Math.round(Math.min(scope.designWidth, Math.max(0, scope.designWidth - 2 * (gutter - reach))));
  if (out.hideBelow === 0) out.hideBelow = undefined;
  return out;
}

/** What the cut's parts need to become nodes: the container's children, and the layers hosted by its stacks. */
interface Build {
  children: DesignNode[];
  scope: Scope;
  /** Layers drawn on a section (a stack's base) go into that stack, between its base and its content. */
  hosted: Map<Cut, number[]>;
  /** A layer of the container (by index), placed in `box`. */
  layerAt(index: number, box: Box): DesignNode;
}

export function inferNode(node: DesignNode, scope: Scope, parentW: number): DesignNode {
  const out = copyNode(node);
  // Figma's suggestion is an input of inference only: the inferred tree does not carry it.
  out.suggested = undefined;
  if (!node.children) return out;
  if (!eligible(node, scope)) {
    if (CONTAINERS.has(node.kind) && node.layout) out.children = node.children.map((c) => inferNode(c, scope, node.w));
    // A screen drawn without auto layout and without text (a page grouped whole, a band of pictures): as drawn at
    // the design width, scaled as a unit below it (or stacked, when that would shrink it past seeing) — placed as
    // drawn at every width, it ran past a phone's edge.
    else if (drawnScreen(node, scope) || masked(node)) return scaledBox(out, node, scope);
    return out;
  }
  const own: Box = { x: 0, y: 0, w: node.w, h: node.h };
  const children = dissolveCrossingGroups(node.children, own);
  const roles = layerRoles(children, own);
  const flowItems: Item[] = [];
  children.forEach((c, index) => {
    if (!roles.has(index)) flowItems.push({ box: flowBox(c), index });
  });
  if (flowItems.length === 0) return out;
  let cut = xyCut(flowItems, { clip: own, canBase: (i) => !hasText(children[i]!) });
  scope.report.containers++;
  const suggested = node.suggested;
  // One item has no direction to agree on (a frame around one text): only orders of two or more are compared.
  if (suggested && flowItems.length > 1) {
    scope.report.suggested++;
    if (directionOf(cut) === suggested.dir) scope.report.agreed++;
  }
  if (cut.kind === "loose") {
    // Ours cannot read it; Figma's own guess at a direction beats scaling the box as a unit.
    if (!suggested) return scaledBox(out, node, scope);
    scope.report.used++;
    cut = alongAxis(flowItems, suggested.dir);
  }
  const gutters = guttersOf(children, flowItems, own);
  const build: Build = {
    children,
    scope,
    hosted: new Map(),
    layerAt: (index, box) => {
      const child = inferNode(children[index]!, scope, node.w);
      // A layer the drawing covers shows nothing of its own: as drawn at the design width, hidden below it.
      if (roles.get(index) === "covered") return { ...asLayer(child, box), hideBelow: Math.round(scope.designWidth) };
      if (roles.get(index) !== "decoration") return asLayer(child, box);
      const moved = copyNode(child, { x: (child.x ?? 0) - box.x, y: (child.y ?? 0) - box.y });
      return asDecoration(moved, { ...own, x: own.x - box.x, y: 0, h: box.h }, gutters, scope);
    },
  };
  // Decorations and turned layers drawn over a section's background belong to that section; so do they, and layers
  // the drawing covers, drawn among a set of layers they overlap (that set paints as one: paint.ts).
  const loose: number[] = [];
  for (const [index, role] of roles) {
    const host =
      role === "decoration" || role === "rotated" || role === "covered"
        ? hostOf(cut, boxOf(children[index]!), index, own, role !== "covered")
        : undefined;
    if (host) build.hosted.set(host, [...(build.hosted.get(host) ?? []), index]);
    else loose.push(index);
  }
  // The flow's items were taken in drawing order: the first is the lowest drawn.
  const firstFlow = flowItems[0]!.index;
  loose.sort((a, b) => a - b);
  const below = loose.filter((i) => i < firstFlow).map((i) => build.layerAt(i, own));
  const above = loose.filter((i) => i > firstFlow).map((i) => build.layerAt(i, own));
  const flow = layoutInto(out, own, cut, build, parentW);
  out.children = [...below, ...flow, ...above];
  // Layers placed absolutely interleave with the flow in the drawing: each keeps its drawn place in the paint order
  // (a background drawn first stays under the nav drawn after it, wherever the element lands): paint.ts, once the
  // whole frame is inferred.
  // Content drawn running past the frame's bottom (a text taller than its frame): the frame keeps its drawn
  // height at the design width, content overflowing as in the drawing, and grows with it below that width.
  if (cut.box.y + cut.box.h > own.h + 1) out.growBelow = Math.round(scope.designWidth);
  return out;
}

/** The direction of the flow a cut lays its container out in (a stack: its content's). */
function directionOf(cut: Cut): "row" | "column" | undefined {
  if (cut.kind === "flow") return cut.dir;
  if (cut.kind === "stack") return cut.inner ? directionOf(cut.inner) : undefined;
  return undefined;
}

/** The items one after another along `dir`, by where they start (Figma's inferred direction). */
function alongAxis(items: Item[], dir: "row" | "column"): Cut {
  const axis = dir === "row" ? "x" : "y";
  const parts = [...items]
    .sort((a, b) => a.box[axis] - b.box[axis] || a.index - b.index)
    .map((item): Cut => ({ kind: "item", item, box: item.box }));
  const x = Math.min(...items.map((i) => i.box.x));
  const y = Math.min(...items.map((i) => i.box.y));
  const box = {
    x,
    y,
    w: Math.max(...items.map((i) => i.box.x + i.box.w)) - x,
    h: Math.max(...items.map((i) => i.box.y + i.box.h)) - y,
  };
  return { kind: "flow", dir, parts, box };
}

/** Every stack (a base with content on it) and set of layers of the cut. */
function hostsOf(cut: Cut): Extract<Cut, { kind: "stack" | "loose" }>[] {
  switch (cut.kind) {
    case "flow":
      return cut.parts.flatMap(hostsOf);
    case "stack":
      return [cut, ...(cut.inner ? hostsOf(cut.inner) : [])];
    case "loose":
      return [cut, ...cut.items.flatMap((i) => (xyCutPart(i) ? hostsOf(xyCutPart(i)!) : []))];
    default:
      return [];
  }
}

/**
 * What the layer belongs to, of what it overlaps most inside the container: a stack whose base is drawn under it (when
 * `onBases`), or a set of layers it is drawn among (a set paints as one: outside it, the layer could not lie between
 * two of its layers).
 */
function hostOf(cut: Cut, layer: Box, index: number, own: Box, onBases: boolean): Cut | undefined {
  let best: Cut | undefined;
  let most = 0;
  for (const host of hostsOf(cut)) {
    if (host.kind === "stack" ? !onBases || host.base.index > index : !drawnAmong(host, index)) continue;
    const area = overlapArea(placeIn(host.box, own), layer);
    // The innermost of nested hosts wins a tie (it comes later).
    if (area > 0 && area >= most) [best, most] = [host, area];
  }
  return best;
}

/** Whether the child at `index` is drawn above some layer of the cut and under another. */
function drawnAmong(cut: Cut, index: number): boolean {
  const indices = indicesOf(cut);
  return Math.min(...indices) < index && index < Math.max(...indices);
}

/** The indices of the children a cut lays out. */
function indicesOf(cut: Cut): number[] {
  switch (cut.kind) {
    case "item":
      return [cut.item.index];
    case "flow":
      return cut.parts.flatMap(indicesOf);
    case "stack":
      return [cut.base.index, ...(cut.inner ? indicesOf(cut.inner) : [])];
    case "loose":
      return cut.items.flatMap((i) => (xyCutPart(i) ? indicesOf(xyCutPart(i)!) : [i.index]));
  }
}

/**
 * Inference is unsure: the children keep their places, in percentages, so the box scales as a unit — unless it holds
 * text a phone could not read scaled so (stacksOnPhones): then, as a set of layers does, it keeps its drawing at the
 * design width and stacks its layers below it, instead of clipping its content to its drawn aspect ratio.
 */
function scaledBox(out: DesignNode, node: DesignNode, scope: Scope): DesignNode {
  const own: Box = { x: 0, y: 0, w: node.w, h: node.h };
  const children = (node.children ?? []).map((c) => asLayer(inferNode(c, scope, node.w), own));
  if (stacksOnPhones({ ...out, children }))
    return stackBelow({ ...out, children: children.map(asDrawnLayer) }, Math.round(scope.designWidth));
  out.scaled = true;
  out.children = children;
  for (const c of out.children)
    if (!(c.constraintH === "left-right" && c.constraintV === "top-bottom"))
      [c.constraintH, c.constraintV] = ["scale", "scale"];
  return out;
}

/**
 * The box a part takes in its container's flow: what reaches past the container's left side starts at it,
 * and a part running past its right side (a full-bleed image, a carousel) ends where its left margin mirrors.
 */
function placeIn(part: Box, box: Box): Box {
  const x = Math.max(part.x, box.x);
  let right = part.x + part.w;
  if (right > box.x + box.w + 1) {
    const mirrored = box.x + box.w - (x - box.x);
    right = mirrored > x ? mirrored : box.x + box.w;
  }
  return { x, y: part.y, w: Math.max(0, right - x), h: part.h };
}

/** Gives `target` (whose box is `box`) the flex layout of `cut` and returns its flow children. */
function layoutInto(target: DesignNode, box: Box, cut: Cut, build: Build, parentW: number): DesignNode[] {
  const parts = cut.kind === "flow" ? cut.parts : [cut];
  const dir = cut.kind === "flow" ? cut.dir : "column";
  // A row running past the container's right side is a carousel: its cards keep their drawn boxes.
  const carousel = dir === "row" && parts.some((p) => p.box.x + p.box.w > box.x + box.w + 1);
  // A picture (or a set of layers) drawn past the box's sides on a screen that clips it: as drawn, the screen cutting
  // it at its sides (a stack's base does so in its stack's box: stacks take the box inside).
  const bleeds = (p: Cut): boolean =>
    !!build.scope.screen?.clip &&
    (p.kind === "item" || p.kind === "loose") &&
    (p.box.x < box.x - SNAP || p.box.x + p.box.w > box.x + box.w + SNAP);
  const placed = carousel ? parts.map((p) => p.box) : parts.map((p) => (bleeds(p) ? p.box : placeIn(p.box, box)));
  const plan = planFlow(dir, box, placed);
  target.layout = { ...plan.layout, inferred: { within: parentW } };
  // A row stays on one line from the design width up, as drawn (a text a little wider than Figma measured it
  // must not send the last item to a line of its own), and wraps below it; a carousel runs on past its box.
  if (carousel || target.layout.wrap) target.layout.wrapBelow = Math.round(build.scope.designWidth);
  // Percentages in the items' own padding refer to this box's content width.
  const content = box.w - plan.layout.padding[1] - plan.layout.padding[3];
  return parts.map((part, i) => {
    const item = plan.items[i]!;
    return placeInFlow(materialize(part, placed[i]!, build, content), {
      dir,
      flow: item.flow,
      crossFill: item.crossFill,
      designWidth: build.scope.designWidth,
    });
  });
}

/** The nodes of one part of a cut; `at` is the box it takes in its container's flow. */
function materialize(cut: Cut, at: Box, build: Build, parentW: number): DesignNode {
  const { children, scope } = build;
  switch (cut.kind) {
    case "item":
      return inferNode(children[cut.item.index]!, scope, parentW);
    case "flow": {
      const group = wrapper(cut.dir === "row" ? "Row" : "Column", at);
      group.children = layoutInto(group, at, cut, build, parentW);
      return group;
    }
    case "stack": {
      const group = wrapper("Stack", at);
      // As tall as its base at least: content aligned to its bottom or middle keeps its drawn place.
      group.minH = at.h;
      const base = asLayer(inferNode(children[cut.base.index]!, scope, at.w), at);
      const flow = cut.inner ? layoutInto(group, at, cut.inner, build, parentW) : [];
      // Layers drawn on this section: under its content or over it, as drawn.
      const firstContent = cut.inner ? Math.min(...indicesOf(cut.inner)) : Infinity;
      const hosted = (build.hosted.get(cut) ?? []).sort((a, b) => a - b);
      const under = hosted.filter((i) => i < firstContent).map((i) => build.layerAt(i, at));
      const over = hosted.filter((i) => i > firstContent).map((i) => build.layerAt(i, at));
      group.children = [base, ...under, ...flow, ...over];
      // Content drawn running past its base's bottom (a picture moved up past the frame's top, its section's band
      // left where it was): the stack keeps its base's height at the design width, the content overflowing as drawn
      // (else the stack grows by that much and moves everything after it), and grows with it below that width.
      if (cut.inner && cut.inner.box.y + cut.inner.box.h > at.y + at.h + 1)
        group.growBelow = Math.round(scope.designWidth);
      return group;
    }
    case "loose": {
      const group = wrapper("Layers", cut.box);
      const items = cut.items.map((i): [number, DesignNode] => {
        const part = xyCutPart(i);
        const node = part
          ? materialize(part, part.box, build, cut.box.w)
          : inferNode(children[i.index]!, scope, cut.box.w);
        const layer = asLayer(node, cut.box);
        [layer.constraintH, layer.constraintV] = ["scale", "scale"];
        return [i.index, layer];
      });
      // Layers drawn among these (a decoration, a covered layer), in their drawn place.
      const hosted = (build.hosted.get(cut) ?? []).map((i): [number, DesignNode] => [i, build.layerAt(i, cut.box)]);
      group.children = [...items, ...hosted].sort((a, b) => a[0] - b[0]).map(([, layer]) => layer);
      // Layers holding text that a phone cannot hold as drawn: scaled as a unit their text would shrink out of
      // reach (20 px on 870 px is 8 px at 390), and what overlaps in part would overlap the more. They keep their
      // drawing at the design width and stack in reading order below it, as a section kept as drawn does.
      if (stacksOnPhones(group))
        return stackBelow(
          copyNode(group, { children: group.children.map(asDrawnLayer) }),
          Math.round(scope.designWidth),
        );
      group.scaled = true;
      return group;
    }
  }
}

/**
 * Layers with text wider than a phone holds (PHONE_CONTENT): they stack there instead of scaling as a unit, when
 * stacked they do fit a phone (reflowsToPhone).
 */
export function stacksOnPhones(group: DesignNode): boolean {
  return group.w > PHONE_CONTENT && hasText(group) && reflowsToPhone(group);
}

/**
 * Whether the text in `node` can take a phone's width once stacked: a text wraps, a flow inference made or a drawing
 * reflows as its parts do, but a designer's own auto layout is emitted as drawn — one wider than a phone (a row of
 * cards, a bar) only fits it scaled as a unit.
 */
function reflowsToPhone(node: DesignNode): boolean {
  if (node.hidden || node.text || !hasText(node)) return true;
  if (node.layout && !node.layout.inferred) return node.w <= PHONE_CONTENT;
  return (node.children ?? []).every(reflowsToPhone);
}

/** A layer of a stacking set at its drawn place in px (the set does not scale): pinned to its top left. */
function asDrawnLayer(layer: DesignNode): DesignNode {
  const out = copyNode(layer);
  out.constraintH = undefined;
  out.constraintV = undefined;
  return out;
}

/** The cut an item of a loose set stands for, when it is a stack made earlier (xy-cut.ts stackOnBases). */
function xyCutPart(item: Item): Cut | undefined {
  return (item as Item & { cut?: Cut }).cut;
}
