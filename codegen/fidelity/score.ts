/**
 * One result's score (types.ts) from the measurement: the design width's boxes (box-score.ts) and the text seen at
 * each width (responsive.ts). The panel, the CLI's `--score` and the verify round all build it here.
 */
import { visibleNodes, type RestNode } from "./design-nodes.js";
import type { FrameFidelity } from "./design-nodes.js";
import type { TextSample, WidthFigures } from "./responsive.js";
import { MAX_LAYERS, type FidelityScore, type LayerDiff, type WidthScore } from "./types.js";

const round4 = (n: number): number => Math.round(n * 10000) / 10000;
const area = (d: LayerDiff): number => d.design.width * d.design.height;

/** The layers that are off, missing or hidden, worst first (lowest IoU; the larger layer first on a tie). */
export function layerDiffs(frame: RestNode, fidelity: FrameFidelity): LayerDiff[] {
  const byId = new Map(visibleNodes(frame).map((v) => [v.node.id, v]));
  const missing = fidelity.unmatched.flatMap((id): LayerDiff[] => {
    const v = byId.get(id);
    return v ? [{ nodeId: id, name: v.node.name, problem: "missing", iou: 0, design: v.box }] : [];
  });
  // Under a pixel each way is rounding (Figma keeps float positions), not a difference a designer would see.
  const visiblyOff = (w: FrameFidelity["worst"][number]): boolean =>
    w.hidden === true || Math.max(Math.abs(w.rendered.x - w.design.x), Math.abs(w.rendered.y - w.design.y), Math.abs(w.rendered.width - w.design.width), Math.abs(w.rendered.height - w.design.height)) >= 1;
  const off = fidelity.worst.filter(visiblyOff).map((w): LayerDiff => ({ nodeId: w.id, name: w.name, problem: w.hidden ? "hidden" : "off", iou: round4(w.iou), design: w.design, rendered: w.rendered }));
  return [...missing, ...off].sort((a, b) => a.iou - b.iou || area(b) - area(a)).slice(0, MAX_LAYERS);
}

/** One width's score: the text seen, the overflow, and the texts a reader does not (fully) see, worst first. */
export function widthScore(frame: RestNode, figures: WidthFigures, samples: readonly TextSample[]): WidthScore {
  const names = new Map(visibleNodes(frame).map((v) => [v.node.id, v.node.name]));
  const hidden = samples
    .map((s) => {
      const points = s.seen + s.offscreen + s.clipped + s.covered;
      const visible = s.rendered && points > 0 ? s.seen / points : s.chars === 0 && s.rendered ? 1 : 0;
      return { nodeId: s.id, name: names.get(s.id) ?? s.id, visible: round4(visible), lost: Math.max(1, s.chars) * (1 - visible) };
    })
    .filter((t) => t.visible < 0.999)
    .sort((a, b) => b.lost - a.lost)
    .slice(0, MAX_LAYERS)
    .map(({ nodeId, name, visible }) => ({ nodeId, name, visible }));
  return { width: figures.width, textVisible: round4(figures.textVisible), overflow: figures.overflow, overflowPx: Math.round(figures.overflowPx), hiddenTexts: hidden };
}

/** The score of `frame`'s result: IoU×matched at the design width, and per width (design width first) the text seen. */
export function fidelityScore(frame: RestNode, fidelity: FrameFidelity, widths: readonly { figures: WidthFigures; samples: readonly TextSample[] }[]): FidelityScore {
  const designWidth = Math.round(fidelity.width);
  const scored = widths.map((w) => widthScore(frame, w.figures, w.samples));
  scored.sort((a, b) => (a.width === designWidth ? -1 : b.width === designWidth ? 1 : a.width - b.width));
  return {
    frameId: frame.id,
    frameName: frame.name,
    iouMatched: round4(fidelity.meanIoU * fidelity.matched),
    meanIoU: round4(fidelity.meanIoU),
    matched: round4(fidelity.matched),
    designWidth,
    widths: scored,
    worst: layerDiffs(frame, fidelity),
  };
}
