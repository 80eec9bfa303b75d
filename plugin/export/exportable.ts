/** Which kinds of node Figment can export at all (the selection's summary and the export both ask). */
import type { UnsupportedProblem } from "../../contract/messages.js";

/** FigJam, Slides and embed layers: not design layers, so there is no code to write for them. */
const NOT_DESIGN = new Set([
  "STICKY",
  "CONNECTOR",
  "SHAPE_WITH_TEXT",
  "CODE_BLOCK",
  "STAMP",
  "WIDGET",
  "EMBED",
  "LINK_UNFURL",
  "MEDIA",
  "HIGHLIGHT",
  "WASHI_TAPE",
  "TABLE",
  "SLIDE",
  "SLIDE_ROW",
  "SLIDE_GRID",
  "INTERACTIVE_SLIDE_ELEMENT",
]);

export interface Refusal {
  problem: UnsupportedProblem;
  reason: string;
}

/** Why Figment cannot export this kind of node (type, visibility), or undefined. */
export function kindRefusal(node: SceneNode): Refusal | undefined {
  if (node.type === "SLICE")
    return { problem: "not-design", reason: "a slice is an export area, not a layer: select the frame under it" };
  if (NOT_DESIGN.has(node.type))
    return {
      problem: "not-design",
      reason: `${node.type.toLowerCase().replace(/_/g, " ")} layers have no code: select a frame`,
    };
  if (!node.visible) return { problem: "hidden", reason: "it is hidden: show it first" };
  if (node.width <= 0 && node.height <= 0) return { problem: "no-size", reason: "it has no size" };
  return undefined;
}

/** Why Figment cannot export this kind of node (type, visibility), or undefined. */
export function kindReason(node: SceneNode): string | undefined {
  return kindRefusal(node)?.reason;
}
