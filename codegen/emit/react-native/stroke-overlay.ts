/**
 * A stroke with a weight per side in React Native. CSS draws it as the box's `::after` (css.ts strokeOverlayDecls:
 * over the children, taking no room in the layout); React Native has no pseudo-elements, so the rule was left out
 * and an iOS list's row separators (a 0.33-px bottom rule per row) were not drawn. The overlay becomes the box's last
 * child: a View placed as the `::after` is, with the stroke's weight per side as its border widths.
 */
import type { Decl } from "../../css/decl.js";
import type { Sheet, VNode } from "../vnode.js";

const SIDES = ["Top", "Right", "Bottom", "Left"] as const;

/** The `::after` rule's declarations as a View's: a border width per side, the box's own corner radius. */
function overlayDecls(after: readonly Decl[], own: readonly Decl[]): Decl[] | undefined {
  const widths = after
    .find(([p]) => p === "border-width")?.[1]
    .trim()
    .split(/\s+/);
  if (widths?.length !== 4) return undefined;
  const out: Decl[] = [];
  for (const [p, v] of after) {
    if (p === "content" || p === "border-width") continue;
    if (p === "border-radius") {
      const radius = own.find(([q]) => q === "border-radius")?.[1];
      if (radius !== undefined) out.push([p, radius]);
      continue;
    }
    out.push([p, v]);
  }
  SIDES.forEach((side, i) => out.push([`border-${side.toLowerCase()}-width`, widths[i]!]));
  return out;
}

/** Gives each box whose class draws a stroke per side (its `::after`) a last child that draws it (see above). */
export function strokeOverlays(node: VNode, sheet: Sheet): void {
  if (node.type === "if") return strokeOverlays(node.child, sheet);
  if (node.type !== "element") return;
  for (const c of node.children) strokeOverlays(c, sheet);
  // A text's characters are its children: a View among them would make it a box of Texts.
  if (node.cls === undefined || node.children.some((c) => c.type === "text" || c.type === "prop")) return;
  const after = sheet.pseudo.get(node.cls)?.find(([pseudo]) => pseudo === "::after")?.[1];
  const decls = after && overlayDecls(after, sheet.rules.get(node.cls) ?? []);
  const cls = decls && sheet.add(`${node.cls}Stroke`, decls);
  if (cls !== undefined) node.children.push({ type: "element", tag: "div", cls, attrs: [], children: [] });
}
