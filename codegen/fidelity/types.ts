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

/** What a reader sees of one text at one width (the first that applies, in this order after "missing"). */
export type TextClass = "visible" | "missing" | "clipped" | "covered" | "illegible" | "too-small";

/** The classes of text a reader does not (fully) see. */
export type TextProblem = Exclude<TextClass, "visible">;

/**
 * Share (0..1) of the design's text area in each class at one width; they add up to 1 (texts the drawing itself hides
 * are left out).
 */
export type TextShares = Record<TextClass, number>;

/** A text a reader does not (fully) see at one width, and why. */
export interface TextVerdictRow {
  nodeId: string;
  name: string;
  /** Share (0..1) of its sample points seen: what remains of it on screen. */
  visible: number;
  /** Absent in scores kept before the classes existed (read as "clipped"). */
  problem?: TextProblem;
  /**
   * What the reader meets, in words: "cut to “FRONTIE”", "under “Card”", "contrast 1.1:1 (design 4.5:1)", "10 px
   * (design 16 px)".
   */
  detail?: string;
}

/** Where the content sits at a width wider than the design's. */
export type Placement = "centred" | "spans" | "pinned-left" | "pinned-right";

/** One width's figures: what a reader sees of the text, and the page as a whole. */
export interface WidthScore {
  width: number;
  /** Share (0..1) of the design's text area that a reader sees at this width (TextShares.visible). */
  textVisible: number;
  /** The text area in each class (absent in scores kept before the classes existed). */
  text?: TextShares;
  overflow: boolean;
  /** px the page sticks out past the viewport (0 when it does not). */
  overflowPx: number;
  /** px of page below the last thing it shows (the page longer than its content). */
  blankBelowPx?: number;
  /** The viewport's height the page was measured in (blankBelowPx is judged against it). */
  viewportHeight?: number;
  /** Only at widths wider than the design. */
  placement?: Placement;
  /** Texts not (fully) seen at this width, worst first, at most MAX_LAYERS. */
  hiddenTexts: TextVerdictRow[];
  /** How many texts the drawing itself covers or clips (not expected to show: counted neither way). */
  hiddenByDesign?: number;
}
/** A layer that is off: where the design has it and where the code put it, worst first. */
export interface LayerDiff {
  nodeId: string;
  name: string;
  /**
   * "off": rendered elsewhere or at another size; "missing": no element carries its id; "hidden": an element with no
   * box.
   */
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
  /** Font families the design uses that the page could not load: the text figures are for fallback fonts. */
  fontsMissing?: string[];
  /**
   * A page drawn at several widths (codegen/fidelity/drawings.ts): each drawing's score at its drawn width against its
   * own frame, widest first; the fields above are the first's (the page's frame). Absent for one drawing.
   */
  drawings?: FidelityScore[];
}

/** How many layers a score lists (worst first). */
export const MAX_LAYERS = 20;
