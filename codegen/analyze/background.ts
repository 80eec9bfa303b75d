/**
 * What is painted behind (and on) a text layer, at its box: a tiny compositor over the layers painted before
 * it — its ancestors' fills and earlier layers whose box contains the text's box — with paint, layer and
 * group opacity applied as Figma (and CSS) apply them. Anything it cannot know exactly (a gradient, an image,
 * a vector shape, a blend mode) under the text makes the result "unknown" rather than a guess, unless an
 * opaque solid fill covers it again.
 */
import type { Paint } from "../design/types.js";
import { contains, isWithin, type Placed } from "../design/placed.js";
import { over, parseCssColor, TRANSPARENT, type Rgba } from "./wcag.js";

export type Pixel = { color: Rgba } | { unknown: string };

const KNOWN_CLEAR: Pixel = { color: TRANSPARENT };

/** Why a paint cannot be composited exactly, or its colour. */
function paintPixel(paint: Paint, name: string): Pixel {
  const where = `"${name}"`;
  if (paint.blend) return { unknown: `a ${paint.blend} blend (${where})` };
  if (paint.kind === "gradient") return { unknown: `a gradient (${where})` };
  if (paint.kind === "image") return { unknown: `an image (${where})` };
  const color = parseCssColor(paint.color);
  return color ? { color } : { unknown: `an unreadable colour ${paint.color} on ${where}` };
}

function overPixel(top: Pixel, bottom: Pixel): Pixel {
  if ("unknown" in top || top.color.a >= 1) return top;
  // A see-through colour over something unknown stays unknown.
  if (top.color.a === 0 || "unknown" in bottom) return bottom;
  return { color: over(top.color, bottom.color) };
}

function withOpacity(pixel: Pixel, opacity: number | undefined): Pixel {
  if (opacity === undefined || opacity >= 1 || "unknown" in pixel) return pixel;
  return { color: { ...pixel.color, a: pixel.color.a * opacity } };
}

/** The layer's own fills as one pixel, or undefined when the layer paints nothing that covers a box. */
function ownFills({ node, name }: Placed): Pixel | undefined {
  const fills = node.fills ?? [];
  if (fills.length === 0 || node.kind === "text" || node.kind === "line" || node.mask) return undefined;
  // A vector's or boolean's fills follow its outline, which need not cover the text's box.
  if (node.kind === "vector" || node.kind === "boolean") return { unknown: `a vector shape ("${name}")` };
  return fills.reduce<Pixel>((below, paint) => overPixel(paintPixel(paint, name), below), KNOWN_CLEAR);
}

export interface Stack {
  /** Children of each placed layer, in paint order. */
  children: Map<Placed, Placed[]>;
}

export function buildStack(layers: Placed[]): Stack {
  const children = new Map<Placed, Placed[]>();
  for (const placed of layers) {
    if (!placed.parent) continue;
    const list = children.get(placed.parent);
    if (list) list.push(placed);
    else children.set(placed.parent, [placed]);
  }
  return { children };
}

/**
 * The pixel at `text`'s box within its frame, painting everything up to the text; with `ink` the text itself
 * is painted in that colour (its layer opacity applied), without it the result is the background.
 */
export function pixelAt(stack: Stack, text: Placed, ink?: Rgba): Pixel {
  let root = text;
  while (root.parent) root = root.parent;

  const paint = (layer: Placed): Pixel => {
    if (layer === text) return withOpacity(ink ? { color: ink } : KNOWN_CLEAR, layer.node.opacity);
    let pixel = ownFills(layer) ?? KNOWN_CLEAR;
    for (const child of stack.children.get(layer) ?? []) {
      if (child.order > text.order) break;
      if (!isWithin(text, child) && !contains(child.box, text.box)) continue;
      pixel = overPixel(paint(child), pixel);
    }
    // A layer blended (multiply, screen…) with what lies beneath it has no colour of its own to composite.
    // (An ancestor's blend is left out: it changes the text and its background alike.)
    const clear = "color" in pixel && pixel.color.a === 0;
    if (layer.node.blend && !clear && !isWithin(text, layer))
      return { unknown: `a ${layer.node.blend} blend ("${layer.name}")` };
    return withOpacity(pixel, layer.node.opacity);
  };
  return paint(root);
}
