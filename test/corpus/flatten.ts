/**
 * A real auto-layout frame with its auto layout removed: every node keeps its box (absoluteBoundingBox) and is
 * placed absolutely, as the same design drawn without auto layout would be. Pure.
 */

/** The auto-layout fields of a REST node (frame, component, instance) and of its children's places in it. */
const AUTO_LAYOUT_FIELDS = [
  "layoutMode",
  "layoutWrap",
  "itemSpacing",
  "counterAxisSpacing",
  "paddingLeft",
  "paddingRight",
  "paddingTop",
  "paddingBottom",
  "primaryAxisSizingMode",
  "counterAxisSizingMode",
  "primaryAxisAlignItems",
  "counterAxisAlignItems",
  "counterAxisAlignContent",
  "itemReverseZIndex",
  "strokesIncludedInLayout",
  "layoutAlign",
  "layoutGrow",
  "layoutSizingHorizontal",
  "layoutSizingVertical",
  "layoutPositioning",
  "minWidth",
  "maxWidth",
  "minHeight",
  "maxHeight",
] as const;

export type RestLike = { id: string; type: string; children?: RestLike[]; [field: string]: unknown };

export function flattenAutoLayout<T extends RestLike>(node: T): T {
  const out: RestLike = { ...node };
  for (const field of AUTO_LAYOUT_FIELDS) delete out[field];
  const bound = out["boundVariables"];
  if (bound && typeof bound === "object") {
    const kept = Object.fromEntries(
      Object.entries(bound as Record<string, unknown>).filter(
        ([k]) => !(AUTO_LAYOUT_FIELDS as readonly string[]).includes(k),
      ),
    );
    out["boundVariables"] = kept;
  }
  if (node.children) out.children = node.children.map(flattenAutoLayout);
  return out as T;
}

/** Whether any node of the tree has auto layout. */
export function hasAutoLayout(node: RestLike): boolean {
  return (
    node["layoutMode"] === "HORIZONTAL" ||
    node["layoutMode"] === "VERTICAL" ||
    (node.children ?? []).some(hasAutoLayout)
  );
}
