/**
 * The design side of a fidelity measurement, pure (Node, the panel, the engine worker): which layers of a Figma
 * REST frame are visible and where, the text each shows, and how two boxes compare. The page side is the probe
 * (probe.ts); box-score.ts and score.ts turn both into figures.
 */
import { paintedRule } from "../design/rule.js";
import type { Box } from "./types.js";

/** The few fields of a Figma REST node (`@figma/rest-api-spec`) this measurement reads. */
export interface RestNode {
  id: string;
  name: string;
  type: string;
  visible?: boolean;
  children?: RestNode[];
  absoluteBoundingBox?: Box | null;
  characters?: string;
  layoutMode?: string;
  layoutPositioning?: string;
  clipsContent?: boolean;
  style?: { textCase?: string } | null;
}

export interface FrameFidelity {
  id: string;
  name: string;
  /** Mean IoU of design box vs rendered box over matched nodes (0 when none matched). */
  meanIoU: number;
  /** Share (0..1) of visible design nodes that have an element. */
  matched: number;
  /** Share (0..1) of visible TEXT characters found in the rendered text (1 when there is no text). */
  textCoverage: number;
  /** Share (0..1) of matched auto-layout flow children rendered `position: absolute|fixed` (0 if none). */
  absoluteInAutoLayout: number;
  /** Horizontal scroll at viewport width round(0.8 × frame width). */
  overflowAt80: boolean;
  width: number;
  height: number;
  /** Ids of visible nodes with no element, in document order, at most 20. */
  unmatched: string[];
  /** The matched nodes whose rendered box is furthest from the design's (lowest IoU first), at most MAX_WORST. */
  worst: { id: string; name: string; iou: number; design: Box; rendered: Box; hidden?: true }[];
}

export const MAX_WORST = 10;

export const MAX_UNMATCHED = 20;

/** A design node that is visible in the frame, with the facts the measurement needs. */
export interface VisibleNode {
  node: RestNode;
  /** The node's REST parent (undefined for the frame itself). */
  parent: RestNode | undefined;
  /** absoluteBoundingBox relative to the frame's absoluteBoundingBox. */
  box: Box;
}

/**
 * A node's absoluteBoundingBox when it is one: four finite numbers. A re-saved file may hold none, null, or `"NaN"`
 * where a number belongs (a C# client writes NaN so); such a layer has no box to measure, never a NaN one.
 */
export function boundsOf(node: Pick<RestNode, "absoluteBoundingBox">): Box | undefined {
  const box = node.absoluteBoundingBox;
  if (!box) return undefined;
  return [box.x, box.y, box.width, box.height].every((v) => typeof v === "number" && Number.isFinite(v))
    ? box
    : undefined;
}

/** A frame that cannot be measured, named as the layers panel names it; the id trails, to find it again. */
export function unboxedFrame(frame: Pick<RestNode, "id" | "name">): Error {
  return new Error(`frame “${frame.name}” has no absoluteBoundingBox (id ${frame.id})`);
}

/**
 * Thickness given to a degenerate dimension so a line still has an area. Figma stores lines as 0 or as
 * floating-point dust (1e-4 px) high, so anything under 0.01px counts as zero.
 */
function thicken(b: Box): Box {
  return { x: b.x, y: b.y, width: b.width < 0.01 ? 1 : b.width, height: b.height < 0.01 ? 1 : b.height };
}

/**
 * A box as painted: its edges on whole pixels (a browser snaps a box's background and borders to the pixel grid, and
 * Figma draws the same way), so that a 1-px rule laid out 0.2 px higher is the rule the reader sees, not 80 % off.
 */
function snapped(b: Box): Box {
  const x = Math.round(b.x);
  const y = Math.round(b.y);
  return { x, y, width: Math.round(b.x + b.width) - x, height: Math.round(b.y + b.height) - y };
}

function overlap(p: Box, q: Box): number {
  const ix = Math.max(0, Math.min(p.x + p.width, q.x + q.width) - Math.max(p.x, q.x));
  const iy = Math.max(0, Math.min(p.y + p.height, q.y + q.height) - Math.max(p.y, q.y));
  const inter = ix * iy;
  const union = p.width * p.height + q.width * q.height - inter;
  return union > 0 ? inter / union : 0;
}

/**
 * Intersection over union of the painted boxes; a zero width or height counts as 1px in each box independently. A box
 * is painted on the pixel grid (snapped) or, drawn by an SVG or turned, anti-aliased where it lies: the better of the
 * two. Snapping alone turns a few hundredths into a pixel at a half-pixel edge (Fitma's 1-px menu rule at y 81.5,
 * rendered by its icon's SVG at 81.498: rows 82 and 81, IoU 0; a 16.5-px icon at x 369.5, rendered at 369.46: 0.86).
 */
export function iou(a: Box, b: Box): number {
  return Math.max(overlap(thicken(snapped(a)), thicken(snapped(b))), overlap(thicken(a), thicken(b)));
}

function intersect(a: Box, b: Box): Box {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  return {
    x,
    y,
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - x),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - y),
  };
}

/** True when `box` (lines thickened to 1px) shares no area with `clip`. */
function entirelyOutside(box: Box, clip: Box): boolean {
  const b = thicken(box);
  return (
    b.x + b.width <= clip.x || b.x >= clip.x + clip.width || b.y + b.height <= clip.y || b.y >= clip.y + clip.height
  );
}

/**
 * The frame and its descendants that are visible in the design, in document order:
 * `visible !== false` down the whole ancestor chain; a non-null absoluteBoundingBox that is not 0×0;
 * not a GROUP (code may flatten groups; their children still count); not inside a BOOLEAN_OPERATION
 * (operands; the boolean node counts); not entirely outside the box of a clipping ancestor
 * (`clipsContent`; nested clips intersect).
 */
export function visibleNodes(frame: RestNode): VisibleNode[] {
  const origin = boundsOf(frame);
  if (!origin) throw unboxedFrame(frame);
  const out: VisibleNode[] = [];
  const rel = (b: Box): Box => ({ x: b.x - origin.x, y: b.y - origin.y, width: b.width, height: b.height });

  const walk = (node: RestNode, parent: RestNode | undefined, clip: Box | undefined): void => {
    if (node.visible === false) return;
    // A line is the band its stroke paints (a 5-px rule above its 0-px box), as a reader sees it.
    const abs = paintedRule(node as unknown as Record<string, unknown>) ?? boundsOf(node);
    const box = abs ? rel(abs) : undefined;
    const hasArea = !!box && (box.width > 0 || box.height > 0);
    const clippedAway = !!box && !!clip && entirelyOutside(box, clip);
    if (node.type !== "GROUP" && hasArea && !clippedAway && box) out.push({ node, parent, box });
    if (node.type === "BOOLEAN_OPERATION") return;
    let childClip = clip;
    if (node.clipsContent === true && box && node.type !== "GROUP") {
      childClip = clip ? intersect(clip, box) : box;
    }
    for (const child of node.children ?? []) walk(child, node, childClip);
  };
  walk(frame, undefined, undefined);
  return out;
}

export function collapseWhitespace(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

/**
 * How many characters (code points) of `design` appear in `rendered`: all of them when `rendered`
 * contains `design`, else the number matched in order, greedily (each design character is looked for
 * after the previous match; one not found is skipped). Both are taken as given (collapse first).
 */
export function matchedChars(design: string, rendered: string): number {
  const d = Array.from(design);
  if (rendered.includes(design)) return d.length;
  const r = Array.from(rendered);
  let at = 0;
  let count = 0;
  for (const ch of d) {
    const found = r.indexOf(ch, at);
    if (found >= 0) {
      count++;
      at = found + 1;
    }
  }
  return count;
}

/**
 * The text a design TEXT node shows: `characters`, whitespace-collapsed, with the node's `textCase`
 * UPPER/LOWER applied (Figma shows it that way, and code does it with text-transform, which innerText
 * reflects). For TITLE the comparison is case-insensitive (word-casing rules differ between tools).
 */
export function designText(node: RestNode): { text: string; foldCase: boolean } {
  let text = collapseWhitespace(node.characters ?? "");
  const textCase = node.style?.textCase;
  if (textCase === "UPPER") text = text.toUpperCase();
  else if (textCase === "LOWER") text = text.toLowerCase();
  return { text, foldCase: textCase === "TITLE" };
}

/** The frame's size, rounded: the viewport the design width is measured at. */
export function designViewport(frame: RestNode): { width: number; height: number } {
  const frameBox = boundsOf(frame);
  if (!frameBox) throw unboxedFrame(frame);
  return { width: Math.max(1, Math.round(frameBox.width)), height: Math.max(1, Math.round(frameBox.height)) };
}

/** The design's visible TEXT nodes with the number of characters each shows. */
export function designTexts(frame: RestNode): { id: string; chars: number }[] {
  return visibleNodes(frame)
    .filter((v) => v.node.type === "TEXT")
    .map((v) => ({ id: v.node.id, chars: Array.from(designText(v.node).text).length }));
}
