/**
 * The responsive extras for layouts that codegen/layout inferred from an absolute design (the designer's
 * own auto layout is emitted exactly as drawn, without them):
 * - an item's own spacing and alignment (`flow`): margins, `align-self`;
 * - rows wrap, and their items shrink to the row (max-width: 100%);
 * - images and graphics scale with their aspect ratio kept, instead of a fixed height;
 * - wide side padding gives way first on a narrower screen, never wider than drawn
 *   (`clamp(16px, calc(120px - (1440px - 100%) * 0.5), 120px)`);
 * - large headings scale between a phone size and the design size (`clamp()`);
 * - a box where inference was unsure scales as a unit (aspect ratio, children in percentages);
 * - a carousel (a row running past its container) keeps one line down to the design width, then wraps;
 * - a decoration hides on screens narrow enough for it to cover text (`belowDecls`: `@media (width < …)`).
 */
import { round } from "../design/color.js";
import type { DesignNode } from "../design/types.js";
import { PHONE_GUTTER as GUTTER } from "../layout/boxes.js";
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

/**
 * A wide indent in a column gives way as the column narrows, pixel for pixel (`100%` of a margin is the
 * column's content width): the item keeps its distance to the column's far side, and never overflows it.
 */
function fluidIndent(offset: number, parent: DesignNode): string {
  const [, right, , left] = parent.layout!.padding;
  const content = parent.w - left - right;
  // A length, never a bare 0: max() of a number and a length is invalid, and the whole declaration is dropped.
  const floor = stretches(parent) ? gutterShort(left) : 0;
  // Never more than drawn: on a column wider than drawn (a wider screen) the indent stays what it is at the design width.
  return `clamp(${floor > 0 ? px(floor) : "0px"}, calc(${px(offset)} - (${px(content)} - 100%)), ${px(offset)})`;
}

/**
 * A column as wide as the screen's section (it stretches across, or is a frame's root): its content box is the
 * drawn one at the design width, so a floor under an indent changes nothing there. A column that hugs its
 * content may be narrower than drawn, and its items keep their indents as computed.
 */
const stretches = (column: DesignNode): boolean => column.sizeH === "fill" || column.x === undefined;
/** How much of the gutter a column's own padding on one side leaves to its items. */
const gutterShort = (padding: number): number => Math.max(0, GUTTER - padding);

/** Placement extras for an item of an inferred flow (or of a box that scales as a unit). */
function itemDecls(node: DesignNode, parent: DesignNode, decls: Decl[]): void {
  const layout = parent.layout!;
  const row = layout.dir === "row";
  const flow = node.flow ?? {};
  if (flow.before !== undefined) set(decls, row ? "margin-left" : "margin-top", flow.before === "auto" ? "auto" : px(flow.before));
  if (flow.offset !== undefined) set(decls, row ? "margin-top" : "margin-left", row || flow.offset <= FIXED_PADDING ? px(flow.offset) : fluidIndent(flow.offset, parent));
  // An indented item in a column without side padding (a hero's text beside a full-width bar) keeps a gutter on
  // both sides when the screen is too narrow for its indent: never wider than the column less the gutters.
  if (!row && flow.offset !== undefined && flow.offset > FIXED_PADDING) {
    const [, right, , left] = layout.padding;
    const short = gutterShort(left) + gutterShort(right);
    if (short > 0 && stretches(parent) && decls.some(([p, v]) => p === "width" && v.endsWith("px"))) set(decls, "max-width", `calc(100% - ${px(short)})`);
  }
  if (flow.self) set(decls, "align-self", { start: "flex-start", center: "center", end: "flex-end" }[flow.self]);
  if (row && decls.some(([p, v]) => p === "width" && v.endsWith("px"))) set(decls, "max-width", "100%");
  if (scalesAsPicture(node) && decls.some(([p, v]) => p === "height" && v.endsWith("px"))) {
    set(decls, "height", "auto");
    drop(decls, "flex-shrink");
    set(decls, "aspect-ratio", `${round(node.w)} / ${round(node.h)}`);
    if (!decls.some(([p]) => p === "max-width")) decls.push(["max-width", "100%"]);
  }
  // A carousel's cards keep their width on its one line (it runs on past its box, clipped by the screen).
  if (layout.wrapBelow !== undefined && decls.some(([p, v]) => p === "width" && v.endsWith("px"))) set(decls, "flex-shrink", "0");
  // Layers drawn under the flow are positioned; a positioned flow item keeps its place above them.
  if ((parent.children ?? []).some((c) => c.absolute) && !decls.some(([p]) => p === "position")) decls.unshift(["position", "relative"]);
}

/** Own extras: fluid side padding of an inferred layout, a fluid heading, a scaling box. */
function ownExtras(node: DesignNode, decls: Decl[]): void {
  const inferred = node.layout?.inferred;
  if (node.layout?.wrapBelow !== undefined) set(decls, "flex-wrap", "nowrap");
  // Flex stretches items by default; an inferred item that hugs its content must not grow across.
  if (inferred && node.layout!.align === "start") set(decls, "align-items", "flex-start");
  const [t, r, b, l] = node.layout?.padding ?? [0, 0, 0, 0];
  if (inferred && inferred.within > 0 && Math.max(l, r) > FIXED_PADDING) {
    // Wide side padding gives way first when the screen is narrower than the design: each side loses its
    // share of the missing width, down to a 16 px gutter; at the design width it is exactly as drawn, and never more
    // (a screen's root on a wider screen: its padding's 100% is the viewport, wider than the root).
    const side = (v: number): string =>
      v <= FIXED_PADDING ? px(v) : `clamp(${px(Math.min(GUTTER, v))}, calc(${px(v)} - (${px(inferred.within)} - 100%) * ${round(v / (l + r), 3)}), ${px(v)})`;
    drop(decls, "padding");
    decls.push(["padding-top", px(t)], ["padding-right", side(r)], ["padding-bottom", px(b)], ["padding-left", side(l)]);
  }
  const fluid = node.text?.fluid;
  if (fluid && node.text) {
    const size = node.text.style.size;
    // A word too wide for a phone at the min size: the min gives way until the word fits beside the gutters.
    const min = fluid[2] === undefined ? px(fluid[0]) : `min(${px(fluid[0])}, calc((100vw - ${px(2 * GUTTER)}) * ${fluid[2]}))`;
    set(decls, "font-size", `clamp(${min}, ${round(fluid[1], 2)}vw, ${px(size)})`);
    const lh = node.text.style.lineHeight;
    if (lh !== undefined && size > 0) set(decls, "line-height", String(round(lh / size, 3)));
    // Spacing between letters shrinks with the letters (the same at the design size).
    const ls = node.text.style.letterSpacing;
    if (ls !== undefined && size > 0) set(decls, "letter-spacing", `${round(ls / size, 4)}em`);
  }
}

/**
 * Inside a box that scales as a unit, every length is in container units of that box (`container-type:
 * inline-size`): N px of a box designed W px wide is N/W×100 cqw, so the drawing, text included, shrinks
 * with the box and is exact at its design width.
 */
export function inContainerUnits(decls: Decl[], width: number): Decl[] {
  return decls.map(([p, v]) => [p, v.replace(/(-?\d*\.?\d+)px\b/g, (_, n: string) => (Number(n) === 0 ? "0px" : `${round((Number(n) / width) * 100, 3)}cqw`))]);
}

/**
 * The placement of an instance that a component draws (its file's, or the team's): `placement` with what its place
 * in an inferred flow adds; its own extras are the component's.
 */
export function itemPlacement(node: DesignNode, parent: DesignNode | undefined, placement: Decl[]): Decl[] {
  const out = [...placement];
  if (parent && !node.absolute && parent.layout?.inferred) itemDecls(node, parent, out);
  return out;
}

/**
 * The responsive extras for `node` (placed in `parent`, undefined for a root or a component's root), applied to its
 * declarations. `root`: a screen's root (a component's root is an item of the screens that place it).
 */
export function responsiveDecls(node: DesignNode, parent: DesignNode | undefined, decls: Decl[], root = parent === undefined): Decl[] {
  const out = [...decls];
  if (parent && !node.absolute && parent.layout?.inferred) itemDecls(node, parent, out);
  if (root && node.scaled) {
    drop(out, "min-height");
    set(out, "aspect-ratio", `${round(node.w)} / ${round(node.h)}`);
  }
  if (node.scaled) set(out, "container-type", "inline-size");
  ownExtras(node, out);
  return out;
}

/**
 * Declarations for screens narrower than a width: a decoration hidden where it would cover text, a carousel
 * row that wraps, a frame drawn shorter than its content that grows with it. Each as [width, declarations].
 * `part`: of an instance that a component draws, what goes with its placement (its height) or with the
 * component's own styles (the rest).
 */
export function belowDecls(node: DesignNode, part: "all" | "placement" | "own" = "all"): [number, Decl[]][] {
  const out: [number, Decl[]][] = [];
  const own = part !== "placement";
  if (own && node.layout?.wrapBelow !== undefined) out.push([node.layout.wrapBelow, [["flex-wrap", "wrap"]]]);
  if (own && node.hideBelow !== undefined) out.push([node.hideBelow, [["display", "none"]]]);
  if (part !== "own" && node.growBelow !== undefined) out.push([node.growBelow, [["height", "auto"]]]);
  return out;
}
