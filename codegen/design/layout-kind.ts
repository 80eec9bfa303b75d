/** A node's auto layout by kind: the flex one (a row or a column) or the grid one. */
import type { DesignNode, FlexLayout, GridLayout } from "./types.js";

/** `node`'s layout when it is a flex one (a row or a column). */
export function flexOf(node: Pick<DesignNode, "layout"> | undefined): FlexLayout | undefined {
  const layout = node?.layout;
  return layout && layout.kind !== "grid" ? layout : undefined;
}

/** `node`'s layout when it is a grid. */
export function gridOf(node: Pick<DesignNode, "layout"> | undefined): GridLayout | undefined {
  const layout = node?.layout;
  return layout?.kind === "grid" ? layout : undefined;
}
