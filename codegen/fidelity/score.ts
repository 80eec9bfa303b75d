/**
 * One result's score (types.ts) from the measurement: the design width's boxes (box-score.ts) and what a reader sees
 * at each width (responsive.ts). The panel, the CLI's `--score` and the verify round all build it here.
 */
import { visibleNodes, type RestNode } from "./design-nodes.js";
import type { FrameFidelity } from "./design-nodes.js";
import type { WidthFigures } from "./responsive.js";
import {
  MAX_LAYERS,
  type FidelityScore,
  type LayerDiff,
  type TextProblem,
  type TextShares,
  type WidthScore,
} from "./types.js";

const round4 = (n: number): number => Math.round(n * 10000) / 10000;

/**
 * Most characters of a layer's name a score keeps: a layer named with a paragraph is cut, so the score can be kept
 * (contract/fidelity.ts).
 */
export const MAX_NAME = 200;

/** `name` cut to MAX_NAME characters (an ellipsis marks the cut). */
export function shortName(name: string): string {
  const chars = Array.from(name);
  return chars.length > MAX_NAME ? `${chars.slice(0, MAX_NAME - 1).join("")}…` : name;
}
const area = (d: LayerDiff): number => d.design.width * d.design.height;

/** The layers that are off, missing or hidden, worst first (lowest IoU; the larger layer first on a tie). */
export function layerDiffs(frame: RestNode, fidelity: FrameFidelity): LayerDiff[] {
  const byId = new Map(visibleNodes(frame).map((v) => [v.node.id, v]));
  const missing = fidelity.unmatched.flatMap((id): LayerDiff[] => {
    const v = byId.get(id);
    return v ? [{ nodeId: id, name: shortName(v.node.name), problem: "missing", iou: 0, design: v.box }] : [];
  });
  // Under a pixel each way is rounding (Figma keeps float positions), not a difference a designer would see.
  const visiblyOff = (w: FrameFidelity["worst"][number]): boolean =>
    w.hidden === true ||
    Math.max(
      Math.abs(w.rendered.x - w.design.x),
      Math.abs(w.rendered.y - w.design.y),
      Math.abs(w.rendered.width - w.design.width),
      Math.abs(w.rendered.height - w.design.height),
    ) >= 1;
  const off = fidelity.worst.filter(visiblyOff).map(
    (w): LayerDiff => ({
      nodeId: w.id,
      name: shortName(w.name),
      problem: w.hidden ? "hidden" : "off",
      iou: round4(w.iou),
      design: w.design,
      rendered: w.rendered,
    }),
  );
  return [...missing, ...off].sort((a, b) => a.iou - b.iou || area(b) - area(a)).slice(0, MAX_LAYERS);
}

/**
 * One width's score: what a reader sees of the text, the page as a whole, and the texts not (fully) seen, worst first.
 */
export function widthScore(figures: WidthFigures): WidthScore {
  const text: TextShares = {
    visible: round4(figures.textVisible),
    missing: round4(figures.textMissing),
    clipped: round4(figures.textClipped),
    covered: round4(figures.textCovered),
    illegible: round4(figures.textIllegible),
    "too-small": round4(figures.textTooSmall),
  };
  return {
    width: figures.width,
    textVisible: text.visible,
    text,
    overflow: figures.overflow,
    overflowPx: Math.round(figures.overflowPx),
    blankBelowPx: figures.blankBelowPx,
    viewportHeight: figures.viewportHeight,
    ...(figures.placement ? { placement: figures.placement } : {}),
    hiddenTexts: figures.problems.slice(0, MAX_LAYERS).map((v) => ({
      nodeId: v.id,
      name: shortName(v.name),
      visible: v.visible,
      problem: v.class as TextProblem,
      ...(v.detail ? { detail: v.detail } : {}),
    })),
    hiddenByDesign: figures.hiddenByDesign,
  };
}

/**
 * The score of `frame`'s result: IoU×matched at the design width, and per width (design width first) what a reader
 * sees; `fontsMissing`: the design's families the page could not load (its figures are then for fallback fonts).
 */
export function fidelityScore(
  frame: RestNode,
  fidelity: FrameFidelity,
  widths: readonly WidthFigures[],
  fontsMissing: readonly string[] = [],
): FidelityScore {
  const designWidth = Math.round(fidelity.width);
  const scored = widths.map(widthScore);
  scored.sort((a, b) => (a.width === designWidth ? -1 : b.width === designWidth ? 1 : a.width - b.width));
  return {
    frameId: frame.id,
    frameName: shortName(frame.name),
    iouMatched: round4(fidelity.meanIoU * fidelity.matched),
    meanIoU: round4(fidelity.meanIoU),
    matched: round4(fidelity.matched),
    designWidth,
    widths: scored,
    worst: layerDiffs(frame, fidelity),
    ...(fontsMissing.length > 0 ? { fontsMissing: [...fontsMissing] } : {}),
  };
}
