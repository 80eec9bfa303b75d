/**
 * Targets too small to hit (WCAG 2.2, 2.5.8 Target Size (Minimum), AA): layers the code turns into buttons,
 * links and inputs — the emitters' own semantics — plus toggles and icon buttons, under 24×24 px.
 */
import type { DesignNode } from "../design/types.js";
import { semanticsFor } from "../emit/semantics.js";
import type { Placed } from "../design/placed.js";
import type { TargetSizeFinding } from "./types.js";

export const MIN_TARGET = 24;

/** A toggle's name, also inside names designers write: "Switch=On", "toggle_off", "SwitchSmall" (not "Switcher"). */
const TOGGLE = /(?<![a-z])(toggle|switch|checkbox|check ?box|radio( ?button)?)(?![a-z])/i;
const TOGGLE_CAMEL = /(?<![A-Za-z])(Toggle|Switch|Checkbox|Radio)(?=[A-Z0-9_-]|$)/;
const ICON_BUTTON = /icon[\s_-]?(button|btn)\b/i;

const radiusOf = (node: DesignNode): number =>
  typeof node.radius === "number" ? node.radius : node.radius ? Math.min(...node.radius) : 0;

/**
 * A switch drawn without saying so: a pill (about twice as wide as high, fully rounded, itself or its first
 * layer) with a round knob about its height inside.
 */
function looksLikeSwitch(node: DesignNode): boolean {
  const ratio = node.w / Math.max(1, node.h);
  if (ratio < 1.4 || ratio > 2.6 || node.h > 48) return false;
  const children = node.children ?? [];
  const track =
    radiusOf(node) >= node.h / 2 - 1
      ? node
      : children.find((c) => c.kind === "rect" && Math.abs(c.w - node.w) <= 1 && radiusOf(c) >= c.h / 2 - 1);
  if (!track) return false;
  return children.some(
    (c) => c.kind === "ellipse" && Math.abs(c.w - c.h) <= 1 && c.h >= 0.5 * node.h && c.h <= node.h + 1,
  );
}

/** What kind of control the layer looks like, or undefined when it is not interactive. */
function control(node: DesignNode, insideInteractive: boolean): string | undefined {
  if (insideInteractive) return undefined;
  const isShape = node.kind !== "text" && node.kind !== "line";
  if (isShape && ICON_BUTTON.test(node.name)) return "icon button";
  if (isShape && (TOGGLE.test(node.name) || TOGGLE_CAMEL.test(node.name) || looksLikeSwitch(node))) return "toggle";
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
      nodeName: placed.name,
      kind: "target-size",
      severity: "warning",
      message:
        `This ${what} is ${node.w}×${node.h} px; WCAG 2.2 (2.5.8) asks for ` +
        `at least ${MIN_TARGET}×${MIN_TARGET} px, or enough space around it.`,
      width: node.w,
      height: node.h,
      minimum: MIN_TARGET,
    });
  }
  return out;
}
