/**
 * How an item of an inferred flow is sized: fill / hug / fixed, from its width against its parent's
 * content box. Text never keeps a fixed height that would clip it when it wraps to more lines (its design
 * height stays as a minimum); a long single-line text may wrap on narrow screens.
 */
import type { DesignNode, FlowItem } from "../design/types.js";

/** Headings at least this large scale with the viewport (clamp between a phone size and the design size). */
export const FLUID_TEXT_MIN = 32;

/** Absolute containers wider than this, placed in a flow, scale as a unit. */
const SCALE_FROM = 320;
/** Auto-width texts up to this wide stay on one line (they fit the narrowest screen). */
const ONE_LINE_MAX = 300;

export interface ItemPlace {
  dir: "row" | "column";
  flow: FlowItem;
  crossFill: boolean;
  /** Width of the screen the design was drawn for (for the headings' vw). */
  designWidth: number;
}

/** Turns a child that was placed absolutely into an item of its parent's inferred flow (in place). */
export function placeInFlow(node: DesignNode, place: ItemPlace): DesignNode {
  // x and y stay (the flow ignores them): the form planner pairs a label with its field by position.
  delete node.constraintH;
  delete node.constraintV;
  delete node.absolute;
  if (Object.keys(place.flow).length > 0) node.flow = place.flow;
  const fillAcross = place.dir === "column" && place.crossFill;
  if (node.text) {
    const text = (node.text = { ...node.text });
    const clamps = text.resize === "truncate" || text.maxLines !== undefined;
    if (!clamps) {
      // A short auto-width text keeps its one line and width (a row's positions depend on it); a long one
      // wraps on screens narrower than it.
      if (text.resize === "width" && node.w > ONE_LINE_MAX && !text.chars.includes("\n")) text.resize = "height";
      node.sizeH = text.resize === "width" ? "fixed" : fillAcross ? "fill" : "fixed";
      node.sizeV = "hug";
      node.minH = node.h;
    }
    if (text.style.size >= FLUID_TEXT_MIN && place.designWidth > 0) {
      text.fluid = [Math.max(20, Math.round(text.style.size * 0.6)), Math.round((text.style.size / place.designWidth) * 10000) / 100];
    }
    return node;
  }
  if (node.layout?.inferred) {
    node.sizeH = fillAcross ? "fill" : "fixed";
    node.sizeV = "hug";
  } else if (!node.layout) {
    node.sizeH = fillAcross ? "fill" : "fixed";
    node.sizeV = "fixed";
    // A drawing kept absolute that a phone screen cannot hold scales as a unit instead of being squeezed.
    if ((node.children ?? []).length > 0 && node.w > SCALE_FROM) node.scaled = true;
  }
  return node;
}
