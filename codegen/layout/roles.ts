/**
 * What each child of an absolute container is, before its flow is inferred: an item of the flow, or a layer
 * that keeps a positioned place — its background, a decoration (a shape without text mostly outside the
 * container, at an edge, or over the corner of a card), something rotated, hidden, or clipped away. Decided
 * per child, never for the whole container: one child that does not fit is a layer, not a reason to give up.
 *
 * Groups that paint nothing are a drawing convenience, not layout: one that cuts across its siblings (a
 * group spanning parts of two sections) is dissolved into its container first.
 */
import { copyNode } from "../design/node.js";
import type { DesignNode } from "../design/types.js";
import { contains, overlapArea, type Box } from "./boxes.js";

/** A child covering this share of its container is its background, not an item of its flow. */
const BACKGROUND = 0.85;
/** Decorations at an edge are at most this large on each side, or this thin. */
const SMALL_SHAPE = 320;
const THIN_SHAPE = 16;
/** "At an edge": within this many px of the container's left or right side. */
const EDGE = 8;
/**
 * Decorations at edges and over cards are a page's (or a section's) business: in smaller containers a shape at
 * the edge is an icon in a row or a badge, laid out with the rest.
 */
const PAGE_SCALE = 600;

export type LayerRole = "hidden" | "background" | "decoration" | "rotated" | "outside" | "covered";

export const boxOf = (n: DesignNode): Box => ({ x: n.x ?? 0, y: n.y ?? 0, w: n.w, h: n.h });

export function hasText(node: DesignNode): boolean {
  return node.text !== undefined || (node.children ?? []).some((c) => !c.hidden && hasText(c));
}

const hasImage = (n: DesignNode): boolean => (n.fills ?? []).some((f) => f.kind === "image");

/**
 * Whether a layer holds content a reader needs — a text, a picture (an image fill) — which no width may hide
 * (issue 49); a decoration is a shape without either.
 */
export function holdsContent(node: DesignNode): boolean {
  if (node.hidden) return false;
  return node.text !== undefined || hasImage(node) || (node.children ?? []).some(holdsContent);
}

/** A group that only holds layers: no paint, effect, clip, mask, rotation or opacity of its own. */
export function plainGroup(n: DesignNode): boolean {
  return (
    n.kind === "group" &&
    !n.inferred &&
    !n.hidden &&
    !n.fills?.length &&
    !n.stroke &&
    !n.effects &&
    n.opacity === undefined &&
    !n.blend &&
    !n.clip &&
    n.rotation === undefined &&
    !(n.children ?? []).some((c) => c.mask)
  );
}

/** Partly over each other: they share area, and neither holds the other. */
function crosses(a: Box, b: Box): boolean {
  return overlapArea(a, b) > 0 && !contains(a, b, 1) && !contains(b, a, 1);
}

/**
 * The children with every plain group that cuts across a sibling (overlaps it in part, or has a sibling lying
 * inside its box that is not one of its own) replaced by its children, moved into the container's coordinates.
 * Groups that hold a clean unit (a card) stay, and so does a group without text drawn around the whole
 * container (a window's shadow in nine slices, a frame border): it is the container's background, not content.
 */
export function dissolveCrossingGroups(children: DesignNode[], own?: Box): DesignNode[] {
  let out = children;
  for (let pass = 0; pass < 4; pass++) {
    let changed = false;
    const next: DesignNode[] = [];
    for (const child of out) {
      const g = boxOf(child);
      const surrounds = own !== undefined && !hasText(child) && contains(g, own, 1);
      const cuts =
        plainGroup(child) &&
        !surrounds &&
        out.some(
          (s) =>
            s !== child &&
            !s.hidden &&
            (crosses(g, boxOf(s)) || (contains(g, boxOf(s), 0) && !contains(boxOf(s), g, 0))),
        );
      if (!cuts) {
        next.push(child);
        continue;
      }
      changed = true;
      for (const c of child.children ?? []) next.push(copyNode(c, { x: (c.x ?? 0) + g.x, y: (c.y ?? 0) + g.y }));
    }
    out = next;
    if (!changed) break;
  }
  return out;
}

const SHAPES = new Set(["ellipse", "vector", "line", "boolean", "rect"]);

/**
 * Carousel content: something reaching past the container's right edge that continues a row drawn inside it
 * (an item inside the container at the same top and height), as cards of a carousel the frame clips.
 */
function continuesRow(node: DesignNode, own: Box, siblings: DesignNode[]): boolean {
  const b = boxOf(node);
  if (b.x + b.w <= own.x + own.w + 1 || b.x <= own.x) return false;
  return siblings.some((s) => {
    const o = boxOf(s);
    return s !== node && o.x + o.w <= own.x + own.w + 1 && Math.abs(o.y - b.y) <= 2 && Math.abs(o.h - b.h) <= 2;
  });
}

/** How much of `node` lies in `own`, as a share of its area. */
export function insideShare(node: DesignNode, own: Box): number {
  return overlapArea(boxOf(node), own) / Math.max(node.w * node.h, 1);
}

/**
 * A decoration: a shape without text that lies mostly outside, sits at an edge while small or thin, or crosses a card.
 */
function isDecoration(node: DesignNode, own: Box, siblings: DesignNode[]): boolean {
  if (hasText(node) || continuesRow(node, own, siblings)) return false;
  const b = boxOf(node);
  const outside = insideShare(node, own) < 0.5;
  // Full-bleed content (an image or band crossing both sides) is a section's base, not a decoration.
  const fullBleed = b.x <= own.x + 1 && b.x + b.w >= own.x + own.w - 1;
  if (outside && !fullBleed) return true;
  if (own.w < PAGE_SCALE) return false;
  if (!SHAPES.has(node.kind) && !(node.kind === "group" && !hasImage(node))) return false;
  const picture = hasImage(node);
  const small = (b.w <= SMALL_SHAPE && b.h <= SMALL_SHAPE) || Math.min(b.w, b.h) <= THIN_SHAPE;
  const crossesEdge = b.x < own.x - 0.5 || b.x + b.w > own.x + own.w + 0.5;
  if (crossesEdge && small && !fullBleed && !picture) return true;
  // Touching an edge from inside: only drawn shapes (a rectangle there is more often a bar or a divider).
  const atEdge = b.x <= own.x + EDGE || b.x + b.w >= own.x + own.w - EDGE;
  if (atEdge && small && !picture && node.kind !== "rect" && node.kind !== "group") return true;
  // An ellipse or drawn shape over part of a card or a text, drawn under it or see-through: decoration (a
  // rectangle there may be content).
  if (drawnShape(node) && !picture) {
    const index = siblings.indexOf(node);
    return siblings.some(
      (s, i) =>
        s !== node && !s.hidden && crosses(b, boxOf(s)) && (i > index || (node.opacity ?? 1) < 1) && !faintShape(s),
    );
  }
  return false;
}

const drawnShape = (n: DesignNode): boolean => n.kind === "ellipse" || n.kind === "vector" || n.kind === "boolean";
/** A see-through drawn shape without text: never the content a decoration lies on. */
const faintShape = (n: DesignNode): boolean => drawnShape(n) && !hasText(n) && (n.opacity ?? 1) < 1;

/** Painted opaque all over its box: a solid fill without see-through, on a layer without opacity or blending. */
function opaque(n: DesignNode): boolean {
  if (n.hidden || n.text || (n.opacity ?? 1) < 1 || n.blend || n.mask || n.rotation !== undefined) return false;
  if (n.radius !== undefined && (typeof n.radius === "number" ? n.radius > 0 : n.radius.some((r) => r > 0)))
    return false;
  return (n.fills ?? []).some((f) => f.kind === "solid" && /^#[0-9a-f]{6}$/i.test(f.color) && !f.blend);
}

/**
 * Drawn entirely under an opaque layer drawn after it (an earlier version of a navigation bar left under the
 * header's band): the drawing does not show it. It keeps its place under its cover at the design width, and is
 * hidden below it, where its cover no longer covers it (the band is as tall as the bar's new content, or hidden).
 */
function coveredBy(node: DesignNode, above: DesignNode[]): boolean {
  return above.some((s) => opaque(s) && contains(boxOf(s), boxOf(node), 0));
}

/** A text (or a box of texts) turned a few degrees, as designers tilt a label: it flows, its box the turned one. */
const SLIGHT_TURN = 5;
const slightlyTurnedText = (c: DesignNode): boolean =>
  hasText(c) && Math.abs(((((c.rotation ?? 0) % 180) + 270) % 180) - 90) <= SLIGHT_TURN;

/** The role of each child that is a layer (by index); the others are items of the flow. */
export function layerRoles(children: DesignNode[], own: Box): Map<number, LayerRole> {
  const roles = new Map<number, LayerRole>();
  children.forEach((c, i) => {
    if (c.hidden) roles.set(i, "hidden");
    else if (c.absolute) roles.set(i, "outside");
    // Turned by a half turn the box is the same: it flows like any other.
    else if (c.rotation !== undefined && Math.abs(Math.abs(c.rotation) - 180) > 0.5 && !slightlyTurnedText(c))
      roles.set(i, "rotated");
    else if (overlapArea(boxOf(c), own) === 0 && !continuesRow(c, own, children)) roles.set(i, "outside");
    else if (hasText(c) && coveredBy(c, children.slice(i + 1))) roles.set(i, "covered");
    // A layer without text covering the container is its background (one holding text is its content), even where it
    // crosses a picture drawn over it (a page's backdrop under a figure running past its bottom): not a decoration.
    else if (!hasText(c) && overlapArea(boxOf(c), own) >= BACKGROUND * own.w * own.h) roles.set(i, "background");
    else if (isDecoration(c, own, children)) roles.set(i, "decoration");
  });
  return roles;
}
