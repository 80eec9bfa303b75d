/**
 * The frame as drawn, rebuilt from an inferred tree that came without it (a parsed model hint): the form
 * planner pairs labels with fields among the siblings of the drawing, which inferred wrappers split up.
 * Wrappers are dissolved into their container, flow marks dropped, and layers placed in a wrapper's box
 * moved back by that box (flow items kept the container's coordinates: see sizing.ts).
 */
import type { DesignNode } from "../design/types.js";

export function hasInferred(node: DesignNode): boolean {
  return !!node.layout?.inferred || (node.children ?? []).some(hasInferred);
}

export function undoInference(node: DesignNode): DesignNode {
  const out: DesignNode = { ...node };
  delete out.flow;
  delete out.scaled;
  delete out.hideBelow;
  delete out.growBelow;
  delete out.lineBelow;
  delete out.z;
  delete out.stackBelow;
  delete out.stack;
  delete out.stackTop;
  delete out.nav;
  if (!node.children) return out;
  if (node.layout?.inferred) {
    delete out.layout;
    out.children = dissolve(node.children, 0, 0);
  } else {
    out.children = node.children.map(undoInference);
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
      delete out.absolute;
    }
    return [out];
  });
}
