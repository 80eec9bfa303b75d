/**
 * What the drawing itself shows of each text, from the frame's REST JSON (pure): how large it is, the contrast the
 * designer gave it, how much of it the drawing covers with a layer painted above it, and how much a clipping frame
 * cuts. The page side measures the same things in the rendered code (probe.ts); classify.ts compares the two, so
 * that what the design itself hides or dims is never counted against the code.
 */
import { contrastRatio, over, TRANSPARENT, type Rgba } from "../analyze/wcag.js";
import { boundsOf, designText, unboxedFrame, visibleNodes, type RestNode } from "./design-nodes.js";
import type { Box } from "./types.js";

/** The contrast under which text counts as illegible, unless the design's own is lower (WCAG's for large text). */
export const LEGIBLE_CONTRAST = 3;

/** A text layer of the design, with the facts its verdict is judged against. */
export interface DesignText {
  id: string;
  name: string;
  /** Characters the design shows (reading order and the overlap pairs use them). */
  chars: number;
  /** The layer's box relative to the frame: its area weighs the text in the shares. */
  box: Box;
  /** px; 0 when the JSON has no size. */
  fontSize: number;
  /** The first family of the text's style, when the JSON names one. */
  family?: string;
  /**
   * The contrast the design gives the text over what is drawn behind it; undefined when that cannot be known (an image,
   * a gradient).
   */
  contrast?: number;
  /**
   * Below this contrast the rendered text is illegible: LEGIBLE_CONTRAST, or a little under the design's own contrast
   * when the design has less (a designer's faint caption is not the code's fault).
   */
  minContrast: number;
  /** Whether a colour the compositor knows lies behind the text in the design (else an image or a gradient). */
  backdropKnown: boolean;
  /** Share (0..1) of the text's box under a layer the drawing paints above it (a dialog's backdrop over a page). */
  covered: number;
  /** Share (0..1) of the text's box outside the frames that clip it in the drawing. */
  clipped: number;
  /** Where its lines sit in its box, when not at the left (Figma's textAlignHorizontal): a box wider than its words. */
  align?: "center" | "right";
}

/** A text the drawing hides this much of is not expected to be seen: it counts neither as seen nor as lost. */
export const HIDDEN_BY_DESIGN = 0.5;

interface RestPaint {
  type?: string;
  visible?: boolean;
  opacity?: number;
  color?: { r: number; g: number; b: number; a?: number };
}

/** The REST fields read here beyond design-nodes.ts's RestNode. */
type PaintedNode = RestNode & {
  fills?: RestPaint[];
  opacity?: number;
  isMask?: boolean;
  style?: { textCase?: string; fontSize?: number; fontFamily?: string; textAlignHorizontal?: string } | null;
};

/**
 * A layer that paints: its box cut by the frames that clip it, its order, and its fills as one colour (undefined: not
 * known).
 */
interface Painter {
  order: number;
  box: Box;
  color: Rgba | undefined;
  /** Whether it paints over what lies under it at all (hit-testing's sense: some fill with alpha over 0.1). */
  paints: boolean;
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

const inside = (p: { x: number; y: number }, b: Box): boolean =>
  p.x >= b.x && p.x < b.x + b.width && p.y >= b.y && p.y < b.y + b.height;

/** A node's visible fills as one colour with `opacity` applied; undefined when a fill is an image or gradient. */
function fillColor(fills: RestPaint[], opacity: number): { color: Rgba | undefined; alpha: number } {
  let color: Rgba | undefined = TRANSPARENT;
  let alpha = 0;
  for (const paint of fills) {
    if (paint.visible === false) continue;
    const paintOpacity = (paint.opacity ?? 1) * opacity;
    if (paint.type === "SOLID" && paint.color) {
      const c = { r: paint.color.r, g: paint.color.g, b: paint.color.b, a: (paint.color.a ?? 1) * paintOpacity };
      color = color ? over(c, color) : c.a >= 0.999 ? c : undefined;
      alpha = Math.max(alpha, c.a);
    } else {
      // An image or a gradient: its colour is not in the JSON.
      color = undefined;
      alpha = Math.max(alpha, paintOpacity);
    }
  }
  return { color, alpha };
}

/** Sample points over a box: three rows, a column every 16 px (1–24 columns), as the page samples a line. */
function samplePoints(box: Box): { x: number; y: number }[] {
  const columns = Math.min(24, Math.max(1, Math.ceil(box.width / 16)));
  const out: { x: number; y: number }[] = [];
  for (const row of [0.3, 0.5, 0.7])
    for (let i = 0; i < columns; i++)
      out.push({ x: box.x + ((i + 0.5) * box.width) / columns, y: box.y + row * box.height });
  return out;
}

/** The visible TEXT layers of `frame`, in document order, with what the drawing shows of each. */
export function designTextFacts(frame: RestNode): DesignText[] {
  const origin = boundsOf(frame);
  if (!origin) throw unboxedFrame(frame);
  const painters: Painter[] = [];
  const texts = new Map<
    string,
    { node: PaintedNode; order: number; box: Box; clip: Box | undefined; opacity: number }
  >();
  let order = 0;
  const walk = (node: PaintedNode, clip: Box | undefined, opacity: number): void => {
    if (node.visible === false) return;
    const abs = boundsOf(node);
    const box = abs ? { x: abs.x - origin.x, y: abs.y - origin.y, width: abs.width, height: abs.height } : undefined;
    const own = opacity * (node.opacity ?? 1);
    const at = order++;
    if (node.type === "TEXT" && box) texts.set(node.id, { node, order: at, box, clip, opacity: own });
    else if (box && node.type !== "GROUP" && !node.isMask && node.fills && node.fills.length > 0) {
      const { color, alpha } = fillColor(node.fills, own);
      if (alpha > 0) painters.push({ order: at, box: clip ? intersect(box, clip) : box, color, paints: alpha > 0.1 });
    }
    if (node.type === "BOOLEAN_OPERATION") return;
    const childClip =
      node.clipsContent === true && box && node.type !== "GROUP" ? (clip ? intersect(clip, box) : box) : clip;
    for (const child of node.children ?? []) walk(child as PaintedNode, childClip, own);
  };
  walk(frame as PaintedNode, undefined, 1);

  const visibleTexts = visibleNodes(frame).filter((v) => v.node.type === "TEXT");
  return visibleTexts.map((v) => {
    const { node, order: at, box, clip, opacity } = texts.get(v.node.id)!;
    const points = samplePoints(box);
    const above = painters.filter(
      (p) => p.order > at && p.paints && intersect(p.box, box).width > 0 && intersect(p.box, box).height > 0,
    );
    const covered =
      above.length === 0 ? 0 : points.filter((pt) => above.some((p) => inside(pt, p.box))).length / points.length;
    const clipped = clip ? points.filter((pt) => !inside(pt, clip)).length / points.length : 0;
    // What is painted behind the text's middle: the page's white, then every layer before it that covers the point.
    const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    let backdrop: Rgba | undefined = { r: 1, g: 1, b: 1, a: 1 };
    for (const p of painters) {
      if (p.order > at) break;
      if (!inside(centre, p.box)) continue;
      backdrop = p.color && p.color.a >= 0.999 ? p.color : p.color && backdrop ? over(p.color, backdrop) : undefined;
    }
    const ink = fillColor(
      ((node as PaintedNode).fills ?? []).filter((f) => f.type === "SOLID").slice(0, 1),
      opacity,
    ).color;
    const contrast = backdrop && ink ? contrastRatio(over(ink, backdrop), backdrop) : undefined;
    const style = (node as PaintedNode).style;
    return {
      id: node.id,
      name: node.name,
      chars: Array.from(designText(node).text).length,
      box,
      fontSize: typeof style?.fontSize === "number" ? style.fontSize : 0,
      ...(typeof style?.fontFamily === "string" && style.fontFamily.trim() !== ""
        ? { family: style.fontFamily.trim() }
        : {}),
      ...(contrast !== undefined ? { contrast: Math.round(contrast * 100) / 100 } : {}),
      minContrast:
        contrast !== undefined && contrast < LEGIBLE_CONTRAST ? Math.max(1, contrast * 0.9) : LEGIBLE_CONTRAST,
      backdropKnown: backdrop !== undefined,
      // A text the designer set to no opacity is drawn by nothing.
      covered: opacity <= 0.001 ? 1 : Math.round(covered * 1000) / 1000,
      clipped: Math.round(clipped * 1000) / 1000,
      ...alignOf(style),
    };
  });
}

/** A text's horizontal alignment when its lines do not start at its box's left side. */
function alignOf(style: { textAlignHorizontal?: string } | null | undefined): Pick<DesignText, "align"> {
  const a = style?.textAlignHorizontal;
  return a === "CENTER" ? { align: "center" } : a === "RIGHT" ? { align: "right" } : {};
}

/** What the score compares the page with, made once per frame: its texts, size, where its content ends, its fonts. */
export interface DesignFacts {
  frameId: string;
  width: number;
  height: number;
  texts: DesignText[];
  /** The bottom of the lowest layer the drawing shows (frame-wide backgrounds left out), px from the frame's top. */
  contentBottom: number;
  /** The font families its texts are set in. */
  families: string[];
  /** Every visible layer's name by id (the verdicts name what covers a text). */
  names: Map<string, string>;
}

export function designFacts(frame: RestNode): DesignFacts {
  const nodes = visibleNodes(frame);
  const frameBox = nodes[0]?.box ?? { x: 0, y: 0, width: 0, height: 0 };
  const area = frameBox.width * frameBox.height;
  let contentBottom = 0;
  for (const v of nodes.slice(1)) {
    const leaf = v.node.type === "TEXT" || !(v.node.children ?? []).some((c) => c.visible !== false);
    if (!leaf || v.box.width * v.box.height >= 0.5 * area) continue;
    contentBottom = Math.max(contentBottom, Math.min(frameBox.height, v.box.y + v.box.height));
  }
  const texts = designTextFacts(frame);
  return {
    frameId: frame.id,
    width: Math.max(1, Math.round(frameBox.width)),
    height: Math.max(1, Math.round(frameBox.height)),
    texts,
    contentBottom,
    families: [...new Set(texts.flatMap((t) => (t.family ? [t.family] : [])))],
    names: new Map(nodes.map((v) => [v.node.id, v.node.name])),
  };
}
