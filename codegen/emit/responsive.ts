/**
 * The responsive extras for layouts that codegen/layout inferred from an absolute design (the designer's
 * own auto layout is emitted exactly as drawn, without them):
 * - an item's own spacing and alignment (`flow`): margins, `align-self`;
 * - rows wrap, and their items shrink to the row (max-width: 100%);
 * - images and graphics scale with their aspect ratio kept, instead of a fixed height;
 * - wide side padding shrinks with the container (`min(120px,8.33%)`);
 * - large headings scale between a phone size and the design size (`clamp()`);
 * - a box where inference was unsure scales as a unit (aspect ratio, children in percentages).
 */
import { round } from "../design/color.js";
import type { DesignNode } from "../design/types.js";
import type { Decl } from "./css.js";

const px = (v: number): string => (v === 0 ? "0" : `${round(v)}px`);
/** Side padding up to this stays fixed; wider padding shrinks with the container. */
const FIXED_PADDING = 32;
/** Graphics at least this wide scale with their aspect ratio kept. */
const SCALING_GRAPHIC = 48;

const set = (decls: Decl[], property: string, value: string): void => {
  const at = decls.findIndex(([p]) => p === property);
  if (at >= 0) decls[at] = [property, value];
  else decls.push([property, value]);
};
const drop = (decls: Decl[], property: string): void => {
  for (let i = decls.length - 1; i >= 0; i--) if (decls[i]![0] === property) decls.splice(i, 1);
};

/** A leaf drawn as a picture (image fill, SVG) or a box that scales as a unit. */
function scalesAsPicture(node: DesignNode): boolean {
  if (node.scaled) return true;
  if (node.text || node.w < SCALING_GRAPHIC || node.h <= 0) return false;
  if ((node.children ?? []).some((c) => !c.hidden) && node.asset === undefined) return false;
  return node.asset !== undefined || (node.fills ?? []).some((f) => f.kind === "image");
}

/** Placement extras for an item of an inferred flow (or of a box that scales as a unit). */
function itemDecls(node: DesignNode, parent: DesignNode, decls: Decl[]): void {
  const layout = parent.layout!;
  const row = layout.dir === "row";
  const flow = node.flow ?? {};
  if (flow.before !== undefined) set(decls, row ? "margin-left" : "margin-top", flow.before === "auto" ? "auto" : px(flow.before));
  if (flow.offset !== undefined) set(decls, row ? "margin-top" : "margin-left", px(flow.offset));
  if (flow.self) set(decls, "align-self", { start: "flex-start", center: "center", end: "flex-end" }[flow.self]);
  if (row && decls.some(([p, v]) => p === "width" && v.endsWith("px"))) set(decls, "max-width", "100%");
  if (scalesAsPicture(node) && decls.some(([p, v]) => p === "height" && v.endsWith("px"))) {
    set(decls, "height", "auto");
    drop(decls, "flex-shrink");
    set(decls, "aspect-ratio", `${round(node.w)} / ${round(node.h)}`);
    if (!decls.some(([p]) => p === "max-width")) decls.push(["max-width", "100%"]);
  }
  // Layers drawn under the flow are positioned; a positioned flow item keeps its place above them.
  if ((parent.children ?? []).some((c) => c.absolute) && !decls.some(([p]) => p === "position")) decls.unshift(["position", "relative"]);
}

/** Own extras: fluid side padding of an inferred layout, a fluid heading, a scaling box. */
function ownExtras(node: DesignNode, decls: Decl[]): void {
  const inferred = node.layout?.inferred;
  // Flex stretches items by default; an inferred item that hugs its content must not grow across.
  if (inferred && node.layout!.align === "start") set(decls, "align-items", "flex-start");
  if (inferred && node.layout!.padding.some((p) => p !== 0)) {
    const [t, r, b, l] = node.layout!.padding;
    const side = (v: number): string => (v > FIXED_PADDING && inferred.within > 0 ? `min(${px(v)},${round((v / inferred.within) * 100, 2)}%)` : px(v));
    set(decls, "padding", [px(t), side(r), px(b), side(l)].join(" "));
  }
  const fluid = node.text?.fluid;
  if (fluid && node.text) {
    const size = node.text.style.size;
    set(decls, "font-size", `clamp(${px(fluid[0])}, ${round(fluid[1], 2)}vw, ${px(size)})`);
    const lh = node.text.style.lineHeight;
    if (lh !== undefined && size > 0) set(decls, "line-height", String(round(lh / size, 3)));
  }
}

/** The responsive extras for `node` (placed in `parent`, undefined for a root), applied to its declarations. */
export function responsiveDecls(node: DesignNode, parent: DesignNode | undefined, decls: Decl[]): Decl[] {
  const out = [...decls];
  if (parent && !node.absolute && parent.layout?.inferred) itemDecls(node, parent, out);
  if (!parent && node.scaled) {
    drop(out, "min-height");
    set(out, "aspect-ratio", `${round(node.w)} / ${round(node.h)}`);
  }
  ownExtras(node, out);
  return out;
}
