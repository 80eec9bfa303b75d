/**
 * The design width's figures from the boxes probe (probe.ts) reported: mean IoU of design vs rendered boxes over
 * the layers that have an element, the share that have one, the text found, and the layers furthest off.
 */
import {
  boundsOf,
  collapseWhitespace,
  designText,
  iou,
  matchedChars,
  MAX_UNMATCHED,
  MAX_WORST,
  unboxedFrame,
  visibleNodes,
  type FrameFidelity,
  type RestNode,
  type VisibleNode,
} from "./design-nodes.js";
import type { BoxProbe } from "./probe.js";
import type { Box } from "./types.js";

/**
 * The ids the boxes probe is asked for: the frame's visible layers, in document order; and its groups (not compared,
 * but code may draw one as a picture, an icon group exported as one SVG).
 */
export function probeIds(frame: RestNode): { nodes: VisibleNode[]; ids: string[]; groups: string[] } {
  const nodes = visibleNodes(frame);
  const groups: string[] = [];
  const walk = (node: RestNode): void => {
    if (node.visible === false) return;
    if (node.type === "GROUP") groups.push(node.id);
    for (const child of node.children ?? []) walk(child);
  };
  walk(frame);
  return { nodes, ids: nodes.map((v) => v.node.id), groups };
}

/** Each REST node's parent, by id, over the whole frame (groups included). */
function parents(frame: RestNode): Map<string, RestNode> {
  const out = new Map<string, RestNode>();
  const walk = (node: RestNode): void => {
    for (const child of node.children ?? []) {
      out.set(child.id, node);
      walk(child);
    }
  };
  walk(frame);
  return out;
}

/**
 * FrameFidelity of `frame` from `probe` (one entry per visibleNodes(frame)), with the overflow found at 80 % width.
 * A layer with no element of its own whose nearest ancestor with an element is drawn as one picture (an icon group
 * exported as one SVG, a vector flattened into an image) is drawn by that picture: it is neither matched nor
 * missing, and the picture's own box is what is compared.
 */
export function scoreBoxes(
  frame: RestNode,
  nodes: VisibleNode[],
  probe: BoxProbe,
  overflowAt80: boolean,
): FrameFidelity {
  const frameBox = boundsOf(frame);
  if (!frameBox) throw unboxedFrame(frame);
  const origin = probe.root ?? { x: 0, y: 0 };
  let matched = 0;
  let iouSum = 0;
  let textTotal = 0;
  let textFound = 0;
  let autoLayoutChildren = 0;
  let absoluteChildren = 0;
  const unmatched: string[] = [];
  const scored: FrameFidelity["worst"] = [];
  const index = new Map(nodes.map((v, i) => [v.node.id, i]));
  const groupIndex = new Map(probeIds(frame).groups.map((id, i) => [id, i]));
  const parentOf = parents(frame);
  const drawnByPicture = (id: string): boolean => {
    for (let p = parentOf.get(id); p; p = parentOf.get(p.id)) {
      const i = index.get(p.id);
      const m = i === undefined ? null : (probe.elements[i] ?? null);
      if (m) return m.picture === true;
      const g = groupIndex.get(p.id);
      const group = g === undefined ? null : (probe.groups?.[g] ?? null);
      if (group !== null) return group;
    }
    return false;
  };
  let drawnInside = 0;

  nodes.forEach((v, i) => {
    const m = probe.elements[i] ?? null;
    if (!m && drawnByPicture(v.node.id)) {
      drawnInside++;
      return;
    }
    const design = v.node.type === "TEXT" ? designText(v.node) : undefined;
    if (design) textTotal += Array.from(design.text).length;
    if (!m) {
      if (unmatched.length < MAX_UNMATCHED) unmatched.push(v.node.id);
      return;
    }
    matched++;
    const rect: Box = { x: m.x - origin.x, y: m.y - origin.y, width: m.width, height: m.height };
    const score = m.rendered ? iou(v.box, rect) : 0;
    iouSum += score;
    if (score < 0.999)
      scored.push({
        id: v.node.id,
        name: v.node.name,
        iou: score,
        design: v.box,
        rendered: rect,
        ...(m.rendered ? {} : { hidden: true }),
      });
    if (design) {
      let rendered = collapseWhitespace(m.text);
      let text = design.text;
      if (design.foldCase) {
        rendered = rendered.toLowerCase();
        text = text.toLowerCase();
      }
      textFound += matchedChars(text, rendered);
    }
    const parentMode = v.parent?.layoutMode;
    const flowParent = parentMode === "HORIZONTAL" || parentMode === "VERTICAL" || parentMode === "GRID";
    if (flowParent && v.node.layoutPositioning !== "ABSOLUTE") {
      autoLayoutChildren++;
      if (m.position === "absolute" || m.position === "fixed") absoluteChildren++;
    }
  });

  return {
    id: frame.id,
    name: frame.name,
    meanIoU: matched > 0 ? iouSum / matched : 0,
    matched: nodes.length - drawnInside > 0 ? matched / (nodes.length - drawnInside) : 0,
    textCoverage: textTotal > 0 ? textFound / textTotal : 1,
    absoluteInAutoLayout: autoLayoutChildren > 0 ? absoluteChildren / autoLayoutChildren : 0,
    overflowAt80,
    width: frameBox.width,
    height: frameBox.height,
    unmatched,
    worst: scored.sort((a, b) => a.iou - b.iou).slice(0, MAX_WORST),
  };
}
