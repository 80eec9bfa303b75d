/**
 * Targets too small to hit (WCAG 2.2, 2.5.8 Target Size (Minimum), AA): layers the code turns into buttons,
 * links and inputs — the emitters' own semantics — plus toggles and icon buttons, under 24×24 px.
 */
import type { DesignNode } from "../design/types.js";
import { semanticsFor } from "../emit/semantics.js";
import type { Placed } from "./boxes.js";
import { displayName } from "./names.js";
import type { TargetSizeFinding } from "./types.js";

export const MIN_TARGET = 24;

const TOGGLE = /\b(toggle|switch|checkbox|check ?box|radio( ?button)?)\b/i;
const ICON_BUTTON = /icon[\s_-]?(button|btn)\b/i;

/** What kind of control the layer looks like, or undefined when it is not interactive. */
function control(node: DesignNode, insideInteractive: boolean): string | undefined {
  if (insideInteractive) return undefined;
  const isShape = node.kind !== "text" && node.kind !== "line";
  if (isShape && ICON_BUTTON.test(node.name)) return "icon button";
  if (isShape && TOGGLE.test(node.name)) return "toggle";
  // A top-level layer is asked as a component root is (not as the page's <main>): a button selected and
  // analysed on its own is still a button.
  const semantics = semanticsFor(node, { root: false, insideInteractive, insideText: false });
  if (!semantics.interactive) return undefined;
  if (semantics.tag === "a") return "link";
  if (semantics.tag === "input") return "input";
  return "button";
}

export function targetFindings(layers: Placed[]): TargetSizeFinding[] {
  const out: TargetSizeFinding[] = [];
  // Nothing inside a control is a target of its own (the emitters nest nothing interactive inside one).
  const inside = new Set<Placed>();
  for (const placed of layers) {
    const { node, parent } = placed;
    const insideInteractive = parent !== undefined && inside.has(parent);
    const what = control(node, insideInteractive);
    if (insideInteractive || what !== undefined) inside.add(placed);
    if (what === undefined || (node.w >= MIN_TARGET && node.h >= MIN_TARGET)) continue;
    out.push({
      nodeId: node.id,
      nodeName: displayName(node),
      kind: "target-size",
      severity: "warning",
      message: `This ${what} is ${node.w}×${node.h} px; WCAG 2.2 (2.5.8) asks for at least ${MIN_TARGET}×${MIN_TARGET} px, or enough space around it.`,
      width: node.w,
      height: node.h,
      minimum: MIN_TARGET,
    });
  }
  return out;
}
