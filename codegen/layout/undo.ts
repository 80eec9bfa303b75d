/**
 * The frame as drawn, rebuilt from an inferred tree that came without it (a parsed model hint): the form
 * planner pairs labels with fields among the siblings of the drawing, which inferred wrappers split up.
 * Wrappers are dissolved into their container, flow marks dropped, and layers placed in a wrapper's box
 * moved back by that box (flow items kept the container's coordinates: see sizing.ts).
 */
import { copyNode } from "../design/node.js";
import type { DesignNode } from "../design/types.js";

export function hasInferred(node: DesignNode): boolean {
  return !!node.layout?.inferred || (node.children ?? []).some(hasInferred);
}

export function undoInference(node: DesignNode): DesignNode {
  const out = copyNode(node);
  out.flow = undefined;
  out.scaled = undefined;
  out.hideBelow = undefined;
  out.growBelow = undefined;
  out.lineBelow = undefined;
  out.z = undefined;
  out.stackBelow = undefined;
  out.stack = undefined;
  out.stackTop = undefined;
  out.nav = undefined;
  out.laid = undefined;
  if (!node.children) return out;
  if (node.layout?.inferred) {
    out.layout = undefined;
    out.children = dissolve(node.children, 0, 0);
  } else {
    // A wrapper inference added under a container it did not lay out (a background group of a frame kept as drawn)
    // is dissolved too: the drawing has no such box (a field's box to the form planner).
    out.children = node.children.flatMap((c) =>
      c.inferred ? dissolve(c.children ?? [], c.x ?? 0, c.y ?? 0) : [undoInference(c)],
    );
  }
  return out;
}

/**
 * Children of an inferred container (or of a wrapper whose box is at dx, dy in it), wrappers replaced by their
 * children.
 */
function dissolve(children: DesignNode[], dx: number, dy: number): DesignNode[] {
  return children.flatMap((c) => {
    // Every wrapper box, nested or not, is in the inferred container's coordinates.
    if (c.inferred) return dissolve(c.children ?? [], c.x ?? 0, c.y ?? 0);
    const out = undoInference(c);
    if (c.absolute) {
      out.x = (c.x ?? 0) + dx;
      out.y = (c.y ?? 0) + dy;
      out.absolute = undefined;
    }
    return [out];
  });
}
