/**
 * The fidelity score of one result, as the panel, the CLI (`figment code --score`, `--json`) and the verify round
 * (issue 25) all speak it. Computed by one implementation (codegen/fidelity/) from what a probe in the rendered page
 * reports; the probe runs in Playwright (CLI, tests, bench) and in the panel's sandboxed preview iframe.
 */

/** A box in px, relative to the frame's top-left. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One width's figures: how much of the text a reader sees, and whether the page scrolls sideways. */
export interface WidthScore {
  width: number;
  /** Character-weighted share (0..1) of the design's text that is seen at this width. */
  textVisible: number;
  overflow: boolean;
  /** px the page sticks out past the viewport (0 when it does not). */
  overflowPx: number;
  /** Ids of texts not (fully) seen at this width, worst first, at most MAX_LAYERS. */
  hiddenTexts: { nodeId: string; name: string; visible: number }[];
}

/** A layer that is off: where the design has it and where the code put it, worst first. */
export interface LayerDiff {
  nodeId: string;
  name: string;
  /** "off": rendered elsewhere or at another size; "missing": no element carries its id; "hidden": an element with no box. */
  problem: "off" | "missing" | "hidden";
  /** IoU of the two boxes (0 for missing or hidden). */
  iou: number;
  design: Box;
  /** Absent when missing. */
  rendered?: Box;
}

export interface FidelityScore {
  /** Frame id and name the score is for. */
  frameId: string;
  frameName: string;
  /** meanIoU × matched at the design width: the headline figure (0..1). */
  iouMatched: number;
  meanIoU: number;
  /** Share (0..1) of visible design layers that have an element. */
  matched: number;
  designWidth: number;
  /** The design width, 390 and 768 (design width first). */
  widths: WidthScore[];
  /** The layers furthest off, worst first, at most MAX_LAYERS. */
  worst: LayerDiff[];
}

/** How many layers a score lists (worst first). */
export const MAX_LAYERS = 20;
