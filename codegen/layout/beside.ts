/**
 * A picture drawn beside the texts of a designer's auto layout (a split hero: the heading and its button on the left,
 * a photo placed absolutely on the right, often in a background component spanning the section) stays beside them at
 * the design width and, below it, joins the flow after them (before them when drawn on their left), as wide as the
 * section, in its drawn proportion. Left placed as drawn, its share of the section stayed on the right while the texts
 * took the whole width: they ran onto the photo (issue 69: text never lands on a layer it was not on at the design
 * width). Pure; idempotent.
 */
import { copyNode } from "../design/node.js";
import { placeLayers } from "../design/placed.js";
import type { DesignNode } from "../design/types.js";
import { overlapArea, type Box } from "./boxes.js";
import { hasText } from "./roles.js";

/** A picture at least this share of its section's width is one a reader looks at, not an icon. */
const PICTURE_SHARE = 0.3;

const hasImage = (n: DesignNode): boolean => (n.fills ?? []).some((f) => f.kind === "image");

/** Every visible layer's box in the frame, by node. */
function boxesOf(frame: DesignNode): Map<DesignNode, Box> {
  return new Map(placeLayers([frame]).map((p) => [p.node, p.box]));
}

/** The texts inside `node` (itself included), visible. */
function textsIn(node: DesignNode, out: DesignNode[] = []): DesignNode[] {
  if (node.hidden) return out;
  if (node.text) out.push(node);
  for (const c of node.children ?? []) textsIn(c, out);
  return out;
}

/** The picture of an absolutely placed layer without text: itself, or its largest child with an image fill. */
function pictureOf(layer: DesignNode): DesignNode | undefined {
  if (layer.hidden || hasText(layer)) return undefined;
  if (hasImage(layer)) return layer;
  const pictures = (layer.children ?? []).filter((c) => !c.hidden && hasImage(c) && !c.children?.length);
  return pictures.sort((a, b) => b.w * b.h - a.w * a.h)[0];
}

/** What `layer` (an absolute child of `section`) becomes below the design width, if it is a picture beside texts. */
function besideOf(
  section: DesignNode,
  layer: DesignNode,
  boxes: Map<DesignNode, Box>,
): { picture: DesignNode; first: boolean } | undefined {
  const picture = pictureOf(layer);
  const at = picture && boxes.get(picture);
  const own = boxes.get(section);
  if (!picture || !at || !own || at.w < PICTURE_SHARE * own.w) return undefined;
  const texts = (section.children ?? [])
    .filter((c) => !c.absolute && !c.hidden)
    .flatMap((c) => textsIn(c))
    .flatMap((t) => boxes.get(t) ?? []);
  if (texts.length === 0 || texts.some((t) => overlapArea(t, at) > 0)) return undefined;
  const top = Math.min(...texts.map((t) => t.y));
  const bottom = Math.max(...texts.map((t) => t.y + t.h));
  // Beside them: level with the texts, not above or below them (those stack in order already).
  if (at.y >= bottom || at.y + at.h <= top) return undefined;
  const left = Math.min(...texts.map((t) => t.x));
  const right = Math.max(...texts.map((t) => t.x + t.w));
  if (at.x < right && at.x + at.w > left) return undefined;
  return { picture, first: at.x + at.w <= left };
}

/** `frame` with each picture beside a designer's section's texts marked to join the flow below `designWidth`. */
export function markBeside(frame: DesignNode, designWidth: number): DesignNode {
  const boxes = boxesOf(frame);
  const visit = (node: DesignNode): DesignNode => {
    const children = node.children;
    if (!children) return node;
    let changed = false;
    const out = children.map((child) => {
      let next = visit(child);
      const designers = node.layout !== undefined && !node.layout.inferred;
      const found = designers && child.absolute && !child.beside ? besideOf(node, child, boxes) : undefined;
      if (found) {
        const { picture, first } = found;
        const below = Math.round(designWidth);
        const marked = copyNode(next, {
          beside: { below, first, w: Math.round(picture.w), h: Math.round(picture.h) },
        });
        const index = child.children?.indexOf(picture) ?? -1;
        if (index >= 0)
          marked.children = marked.children!.map((c, i) => (i === index ? copyNode(c, { fillBelow: below }) : c));
        next = marked;
      }
      if (next !== child) changed = true;
      return next;
    });
    return changed ? copyNode(node, { children: out }) : node;
  };
  return visit(frame);
}
