/**
 * The design width's figures from the boxes probe (probe.ts) reported: mean IoU of design vs rendered boxes over
 * the layers that have an element, the share that have one, the text found, and the layers furthest off.
 */
import { collapseWhitespace, designText, iou, matchedChars, MAX_UNMATCHED, MAX_WORST, visibleNodes, type FrameFidelity, type RestNode, type VisibleNode } from "./design-nodes.js";
import type { BoxProbe } from "./probe.js";
import type { Box } from "./types.js";

/** The ids the boxes probe is asked for: the frame's visible layers, in document order. */
export function probeIds(frame: RestNode): { nodes: VisibleNode[]; ids: string[] } {
  const nodes = visibleNodes(frame);
  return { nodes, ids: nodes.map((v) => v.node.id) };
}

/** FrameFidelity of `frame` from `probe` (one entry per visibleNodes(frame)), with the overflow found at 80 % width. */
export function scoreBoxes(frame: RestNode, nodes: VisibleNode[], probe: BoxProbe, overflowAt80: boolean): FrameFidelity {
  const frameBox = frame.absoluteBoundingBox;
  if (!frameBox) throw new Error(`frame ${frame.id} (${frame.name}) has no absoluteBoundingBox`);
  const origin = probe.root ?? { x: 0, y: 0 };
  let matched = 0;
  let iouSum = 0;
  let textTotal = 0;
  let textFound = 0;
  let autoLayoutChildren = 0;
  let absoluteChildren = 0;
  const unmatched: string[] = [];
  const scored: FrameFidelity["worst"] = [];

  nodes.forEach((v, i) => {
    const m = probe.elements[i] ?? null;
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
    if (score < 0.999) scored.push({ id: v.node.id, name: v.node.name, iou: score, design: v.box, rendered: rect, ...(m.rendered ? {} : { hidden: true }) });
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
    if ((parentMode === "HORIZONTAL" || parentMode === "VERTICAL") && v.node.layoutPositioning !== "ABSOLUTE") {
      autoLayoutChildren++;
      if (m.position === "absolute" || m.position === "fixed") absoluteChildren++;
    }
  });

  return {
    id: frame.id,
    name: frame.name,
    meanIoU: matched > 0 ? iouSum / matched : 0,
    matched: nodes.length > 0 ? matched / nodes.length : 0,
    textCoverage: textTotal > 0 ? textFound / textTotal : 1,
    absoluteInAutoLayout: autoLayoutChildren > 0 ? absoluteChildren / autoLayoutChildren : 0,
    overflowAt80,
    width: frameBox.width,
    height: frameBox.height,
    unmatched,
    worst: scored.sort((a, b) => a.iou - b.iou).slice(0, MAX_WORST),
  };
}
