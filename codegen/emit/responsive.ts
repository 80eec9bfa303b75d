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
 * - a row of like cards becomes a grid of as many columns as fit below the design width (`cardColumn`);
 * - a decoration hides on screens narrow enough for it to cover text (`belowDecls`: `@media (width < …)`).
 */
import { round } from "../design/color.js";
import type { DesignNode, TextStyle } from "../design/types.js";
import { PHONE_GUTTER as GUTTER } from "../layout/boxes.js";
import { keepsDrawing } from "../layout/fallback.js";
import { flexOf, gridOf } from "../design/layout-kind.js";
import { holdsContent } from "../layout/roles.js";
import type { Decl } from "./css.js";
import { gridBelowDecls, gridItemBelowDecls, gridItemFitDecls } from "./grid.js";
import { keepsUnitLine } from "./unit-line.js";

const px = (v: number): string => (v === 0 ? "0" : `${round(v)}px`);
/** Side padding up to this stays fixed; wider padding shrinks with the container. */
const FIXED_PADDING = 32;
/** The lines of a designer's row that reflows sit at most this far apart (as inferred rows' do: layout/spacing.ts). */
const WRAPPED_LINE_GAP = 24;
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
  // Never more than drawn: on a column wider than drawn (a wider screen) the indent stays what it is at the design
  // width.
  return `clamp(${floor > 0 ? px(floor) : "0px"}, calc(${px(offset)} - (${px(content)} - 100%)), ${px(offset)})`;
}

/**
 * A column as wide as the screen's section (it stretches across, or is a frame's root): its content box is the
 * drawn one at the design width, so a floor under an indent changes nothing there. A column that hugs its
 * content may be narrower than drawn, and its items keep their indents as computed.
 */
const stretches = (column: DesignNode): boolean => column.sizeH === "fill" || column.x === undefined;
/**
 * An item drawn past its column's start (a wordmark bleeding off the frame's left side) keeps its drawn place at the
 * design width and comes back inside the column as the column narrows, pixel for pixel: on a phone it starts at the
 * gutter, not cut by the screen's edge.
 */
function fluidBleed(offset: number, parent: DesignNode): string {
  const [, right, , left] = parent.layout!.padding;
  const content = parent.w - left - right;
  return `clamp(${px(offset)}, calc(${px(offset)} + (${px(content)} - 100%)), 0px)`;
}
/** How much of the gutter a column's own padding on one side leaves to its items. */
const gutterShort = (padding: number): number => Math.max(0, GUTTER - padding);

/** Placement extras for an item of an inferred flow (or of a box that scales as a unit). */
function itemDecls(node: DesignNode, parent: DesignNode, decls: Decl[]): void {
  const layout = flexOf(parent)!;
  const row = layout.dir === "row";
  const flow = node.flow ?? {};
  if (flow.before !== undefined)
    set(decls, row ? "margin-left" : "margin-top", flow.before === "auto" ? "auto" : px(flow.before));
  if (flow.offset !== undefined)
    set(
      decls,
      row ? "margin-top" : "margin-left",
      row || (flow.offset >= 0 && flow.offset <= FIXED_PADDING)
        ? px(flow.offset)
        : flow.offset < 0
          ? fluidBleed(flow.offset, parent)
          : fluidIndent(flow.offset, parent),
    );
  // An indented item in a column without side padding (a hero's text beside a full-width bar) keeps a gutter on
  // both sides when the screen is too narrow for its indent: never wider than the column less the gutters.
  if (!row && flow.offset !== undefined && flow.offset > FIXED_PADDING) {
    const [, right, , left] = layout.padding;
    const short = gutterShort(left) + gutterShort(right);
    if (short > 0 && stretches(parent) && decls.some(([p, v]) => p === "width" && v.endsWith("px")))
      set(decls, "max-width", `calc(100% - ${px(short)})`);
  }
  hugItem(node, parent, decls);
  if (flow.self) set(decls, "align-self", { start: "flex-start", center: "center", end: "flex-end" }[flow.self]);
  if (row && decls.some(([p, v]) => p === "width" && v.endsWith("px")))
    set(decls, "max-width", rowItemMax(node, parent));
  if (scalesAsPicture(node) && decls.some(([p, v]) => p === "height" && v.endsWith("px"))) {
    set(decls, "height", "auto");
    drop(decls, "flex-shrink");
    set(decls, "aspect-ratio", `${round(node.w)} / ${round(node.h)}`);
    if (!decls.some(([p]) => p === "max-width")) decls.push(["max-width", "100%"]);
  }
  // A carousel's cards keep their width on its one line (it runs on past its box, clipped by the screen).
  if (layout.wrapBelow !== undefined && decls.some(([p, v]) => p === "width" && v.endsWith("px")))
    set(decls, "flex-shrink", "0");
  // Layers drawn under the flow are positioned; a positioned flow item keeps its place above them.
  if ((parent.children ?? []).some((c) => c.absolute) && !decls.some(([p]) => p === "position"))
    decls.unshift(["position", "relative"]);
}

/**
 * The widest an item of a fixed width may be in an inferred row: the row's width, less the space drawn before it — on a
 * line of its own (a row that wraps on a phone) the margin still comes first, and the item must not run past the
 * row's far side. The drawn space counts only where item and space fit the row as drawn (a row the designer let run
 * past its box keeps its items' widths).
 */
function rowItemMax(node: DesignNode, parent: DesignNode): string {
  const before = node.flow?.before;
  if (typeof before !== "number" || before <= 0) return "100%";
  const [, right, , left] = parent.layout!.padding;
  return node.w + before <= parent.w - left - right + 0.5 ? `calc(100% - ${px(before)})` : "100%";
}

/**
 * A box of the designer's own auto layout that hugs its content, an item of an inferred flow: never wider than the
 * row, or the column less its indent (and the gutter on the far side, in a column as wide as the screen's section),
 * so that its items, which fit it (FlexLayout.fitBelow), get narrower with the screen instead of running past it.
 * Only when it fits so as drawn: at the design width it is as wide as its content.
 */
function hugItem(node: DesignNode, parent: DesignNode, decls: Decl[]): void {
  if (
    !node.layout ||
    node.layout.inferred ||
    node.sizeH !== "hug" ||
    node.text ||
    decls.some(([p]) => p === "max-width" || p === "width")
  )
    return;
  const [, right, , left] = parent.layout!.padding;
  const row = flexOf(parent)?.dir === "row";
  const offset = row ? 0 : (node.flow?.offset ?? 0);
  const far = !row && stretches(parent) ? gutterShort(right) : 0;
  if (node.w + offset + far > parent.w - left - right + 1) return;
  const margin = row ? undefined : decls.find(([p]) => p === "margin-left")?.[1];
  const less = [margin && margin !== "0" ? margin : undefined, far > 0 ? px(far) : undefined].filter(
    (v) => v !== undefined,
  );
  set(decls, "max-width", less.length === 0 ? "100%" : `calc(100% - ${less.join(" - ")})`);
}

/**
 * One side of an inferred layout's padding, `v` of the `sides` both sides have together, in a box whose percentages
 * refer to `within` px at the design width: wider than FIXED_PADDING, it loses its share of the missing width (never
 * more than drawn on a wider box).
 */
export function fluidSide(v: number, sides: number, within: number): string {
  return v <= FIXED_PADDING
    ? px(v)
    : `clamp(${px(Math.min(GUTTER, v))}, calc(${px(v)} - (${px(within)} - 100%) * ${round(v / sides, 3)}), ${px(v)})`;
}

/**
 * An item of a designer's row that reflows (FlexLayout.reflow: codegen/layout/reflow.ts): one that fills its share
 * starts from the row's readable width (its drawn width when narrower, less a pixel so that the drawn line never
 * wraps at the design width) and grows to share its line; one of a fixed width keeps it, never wider than the line
 * (a carousel's cards do not shrink on its one line). A card drawn as tall as its content gets taller when its
 * text wraps to more lines on a narrower line, instead of cutting it.
 */
function reflowItemDecls(node: DesignNode, parent: DesignNode, decls: Decl[]): void {
  const layout = parent.layout!;
  const readable = layout.reflow!;
  if (node.sizeH === "fill") set(decls, "flex", `1 1 ${px(readableBasis(node, readable))}`);
  else if (decls.some(([p, v]) => p === "width" && v.endsWith("px"))) {
    set(decls, "max-width", "100%");
    if (layout.wrapBelow !== undefined) set(decls, "flex-shrink", "0");
  }
  const height = decls.findIndex(([p, v]) => p === "height" && v.endsWith("px"));
  if (height >= 0 && contentFits(node)) {
    const [, value] = decls[height]!;
    decls.splice(height, 1);
    if (!decls.some(([p]) => p === "min-height")) decls.push(["min-height", value]);
  }
}

/** The flex basis of an item of a reflowing row: the readable width, or its drawn width less a pixel when narrower. */
const readableBasis = (node: DesignNode, readable: number): number =>
  Math.max(0, Math.min(Math.floor(node.w) - 1, readable));

/** An auto layout whose in-flow children, as drawn, fit its box along both axes (nothing it clips or lets run past). */
function contentFits(node: DesignNode): boolean {
  const items = (node.children ?? []).filter((c) => !c.hidden && !c.absolute);
  // A grid's items lie in its areas: its tracks are what it is drawn with.
  if (gridOf(node)) return items.length > 0;
  const layout = flexOf(node);
  if (!layout) return false;
  if (items.length === 0) return false;
  const [t, , b] = layout.padding;
  const tall =
    layout.dir === "column"
      ? items.reduce((sum, c) => sum + c.h, 0) + layout.gap * (items.length - 1)
      : Math.max(...items.map((c) => c.h));
  return t + tall + b <= node.h + 1;
}

/**
 * Own extras: fluid side padding of an inferred layout, a fluid heading, a scaling box. `inUnits`: inside a box
 * that scales as a unit, whose texts scale with it (inContainerUnits), not with the screen.
 */
function ownExtras(node: DesignNode, decls: Decl[], inUnits: boolean): void {
  const inferred = node.layout?.inferred;
  if (node.layout?.wrapBelow !== undefined) set(decls, "flex-wrap", "nowrap");
  else if (node.layout?.reflow !== undefined) set(decls, "flex-wrap", "wrap");
  // A reflowing row's lines sit no further apart than WRAPPED_LINE_GAP (its items may be spread far apart on one line).
  const gap =
    node.layout?.reflow !== undefined ? decls.findIndex(([p, v]) => p === "gap" && /^\d*\.?\d+px$/.test(v)) : -1;
  if (gap >= 0) {
    const value = decls[gap]![1];
    const lines = Math.min(parseFloat(value), WRAPPED_LINE_GAP);
    if (lines < parseFloat(value)) decls.splice(gap, 1, ["column-gap", value], ["row-gap", px(lines)]);
  }
  // Flex stretches items by default; an inferred item that hugs its content must not grow across.
  if (inferred && flexOf(node)?.align === "start") set(decls, "align-items", "flex-start");
  const [t, r, b, l] = node.layout?.padding ?? [0, 0, 0, 0];
  // The designer's own wide side padding gives way alike (layout/gutters.ts).
  const within = inferred?.within ?? node.layout?.fluidSides;
  if (within !== undefined && within > 0 && Math.max(l, r) > FIXED_PADDING) {
    // Wide side padding gives way first when the screen is narrower than the design: each side loses its
    // share of the missing width, down to a 16 px gutter; at the design width it is exactly as drawn, and never more
    // (a screen's root on a wider screen: its padding's 100% is the viewport, wider than the root).
    const side = (v: number): string => fluidSide(v, l + r, within);
    drop(decls, "padding");
    decls.push(
      ["padding-top", px(t)],
      ["padding-right", side(r)],
      ["padding-bottom", px(b)],
      ["padding-left", side(l)],
    );
  }
  // A one-line text of a flow keeps its line down to the design width; one in a box that scales as a unit, at every
  // width (its font scales with the box: unit-line.ts).
  const oneLine = node.lineBelow !== undefined || (inUnits && keepsUnitLine(node));
  if (oneLine && !decls.some(([p]) => p === "white-space")) decls.push(["white-space", "nowrap"]);
  const fluid = inUnits ? undefined : node.text?.fluid;
  if (fluid && node.text) {
    const size = node.text.style.size;
    // A word too wide for a phone at the min size: the min gives way until the word fits beside the gutters.
    const min =
      fluid[2] === undefined ? px(fluid[0]) : `min(${px(fluid[0])}, calc((100vw - ${px(2 * GUTTER)}) * ${fluid[2]}))`;
    set(decls, "font-size", `clamp(${min}, ${round(fluid[1], 2)}vw, ${px(size)})`);
    const lh = node.text.style.lineHeight;
    if (lh !== undefined && size > 0) set(decls, "line-height", String(round(lh / size, 3)));
    // Spacing between letters shrinks with the letters (the same at the design size).
    const ls = node.text.style.letterSpacing;
    if (ls !== undefined && size > 0) set(decls, "letter-spacing", `${round(ls / size, 4)}em`);
  }
}

/**
 * Text in a box that scales as a unit is never set smaller than this (or than its design size, when that is smaller).
 */
export const UNIT_TEXT_FLOOR = 12;

const cqw = (n: number, width: number): string => (n === 0 ? "0px" : `${round((n / width) * 100, 3)}cqw`);

/**
 * Inside a box that scales as a unit, every length is in container units of that box (`container-type:
 * inline-size`): N px of a box designed W px wide is N/W×100 cqw, so the drawing shrinks with the box and is
 * exact at its design width. A text's own style (`text`: its design style) shrinks with it down to a readable
 * floor (`max(12px, …cqw)`, or its design size when smaller), its line height and letter spacing in proportion to
 * its font size, so that a floored text keeps its lines apart.
 */
export function inContainerUnits(decls: Decl[], width: number, text?: TextStyle): Decl[] {
  return decls.map(([p, v]): Decl => {
    if (text && text.size > 0) {
      const size = pxOf(v);
      if (p === "font-size" && size !== undefined)
        return [p, size <= 0 ? v : `max(${px(Math.min(size, UNIT_TEXT_FLOOR))}, ${cqw(size, width)})`];
      if (p === "line-height" && size !== undefined) return [p, String(round(size / text.size, 3))];
      if (p === "letter-spacing" && size !== undefined)
        return [p, size === 0 ? "0" : `${round(size / text.size, 4)}em`];
    }
    return [p, v.replace(/(-?\d*\.?\d+)px\b/g, (_, n: string) => cqw(Number(n), width))];
  });
}

/** The px of a value that is one length in px ("24px", "0"), else undefined. */
function pxOf(value: string): number | undefined {
  if (value === "0") return 0;
  const m = /^(-?\d*\.?\d+)px$/.exec(value.trim());
  return m ? Number(m[1]) : undefined;
}

/**
 * The placement of an instance that a component draws (its file's, or the team's): `placement` with what its place
 * in an inferred flow adds; its own extras are the component's.
 */
export function itemPlacement(node: DesignNode, parent: DesignNode | undefined, placement: Decl[]): Decl[] {
  const out = [...placement];
  if (parent && !node.absolute && parent.layout?.inferred) itemDecls(node, parent, out);
  else if (parent && !node.absolute && parent.layout?.reflow !== undefined) reflowItemDecls(node, parent, out);
  paintOrder(node, out);
  return out;
}

/** Whether a child of `node` (through the wrappers inference added) has a drawn paint order. */
function ordersChildren(node: DesignNode): boolean {
  return (node.children ?? []).some((c) => c.z !== undefined || (c.inferred && ordersChildren(c)));
}

/**
 * Paint order as drawn, where inference mixed layers and flow in one container: each layer its drawn place
 * (`z-index`; a flex item or a positioned box takes it), and the container one stacking context of its own, so that
 * its layers are ordered among themselves, not with the page around it.
 */
function paintOrder(node: DesignNode, decls: Decl[]): void {
  if (node.z !== undefined) set(decls, "z-index", String(node.z));
  if (!node.inferred && ordersChildren(node)) set(decls, "isolation", "isolate");
}

/**
 * The responsive extras for `node` (placed in `parent`, undefined for a root or a component's root), applied to its
 * declarations. `root`: a screen's root (a component's root is an item of the screens that place it).
 */
export function responsiveDecls(
  node: DesignNode,
  parent: DesignNode | undefined,
  decls: Decl[],
  root = parent === undefined,
  inUnits = false,
): Decl[] {
  const out = [...decls];
  if (parent && !node.absolute && parent.layout?.inferred) itemDecls(node, parent, out);
  else if (parent && !node.absolute && parent.layout?.reflow !== undefined) reflowItemDecls(node, parent, out);
  if (root && node.scaled) {
    drop(out, "min-height");
    set(out, "aspect-ratio", `${round(node.w)} / ${round(node.h)}`);
  }
  if (node.scaled) set(out, "container-type", "inline-size");
  ownExtras(node, out, inUnits);
  paintOrder(node, out);
  return out;
}

/** A card of a row of like cards is never narrower than this share of its drawn width before the row drops a column. */
const CARD_SHRINK = 0.75;
/** Items narrower than this are not cards (icons, chips, links): their row wraps as a flex row. */
const MIN_CARD = 120;

/**
 * The narrowest column of a row of like cards (three 373-px features side by side), or undefined for another row: an
 * inferred row that wraps below the design width, of at least two boxes with content, all as wide as each other. Such
 * a row becomes a grid below the design width, as a front-end developer writes one: as many columns as fit, each at
 * least CARD_SHRINK of the drawn width, sharing the line; a card alone on a phone takes the whole line.
 */
export function cardColumn(row: DesignNode): number | undefined {
  const layout = flexOf(row);
  if (
    !layout?.inferred ||
    layout.dir !== "row" ||
    layout.wrapBelow === undefined ||
    layout.reflow !== undefined ||
    row.nav
  )
    return undefined;
  const items = (row.children ?? []).filter((c) => !c.hidden && !c.absolute);
  if (items.length < 2 || items.some((c) => c.text || !(c.children ?? []).some((g) => !g.hidden) || c.w < MIN_CARD))
    return undefined;
  const widths = items.map((c) => c.w);
  if (Math.max(...widths) - Math.min(...widths) > 2) return undefined;
  return Math.round(Math.min(...widths) * CARD_SHRINK);
}

/**
 * A row of like cards below the design width (cardColumn): a grid of as many columns as fit; centred in a column
 * without side padding, it keeps the phone gutter on both sides instead of touching the screen's edges.
 */
function cardGridDecls(row: DesignNode, column: number, parent: DesignNode | undefined): Decl[] {
  const out: Decl[] = [
    ["display", "grid"],
    ["grid-template-columns", `repeat(auto-fill, minmax(min(100%, ${px(column)}), 1fr))`],
  ];
  const around = flexOf(parent);
  const centred = row.flow?.self === "center" || (row.flow?.self === undefined && around?.align === "center");
  if (around?.dir === "column" && centred) {
    const short = gutterShort(around.padding[3]) + gutterShort(around.padding[1]);
    if (short > 0) out.push(["max-width", `calc(100% - ${px(short)})`]);
  }
  return out;
}

/** A card in such a grid: as wide as its column (the drawn width and the space drawn before it belong to the row). */
const CARD_IN_GRID: Decl[] = [
  ["width", "auto"],
  ["max-width", "none"],
  ["min-width", "0"],
  ["margin-left", "0"],
];

/**
 * Declarations for screens narrower than a width: a decoration hidden where it would cover text, a carousel
 * row that wraps, a frame drawn shorter than its content that grows with it. Each as [width, declarations].
 * `part`: of an instance that a component draws, what goes with its placement (its height) or with the
 * component's own styles (the rest).
 */
export function belowDecls(
  node: DesignNode,
  part: "all" | "placement" | "own" = "all",
  parent?: DesignNode,
): [number, Decl[]][] {
  const out: [number, Decl[]][] = [];
  const own = part !== "placement";
  // A card of a designer's carousel: on the lines it wraps to, it starts from the readable width and shares its line.
  const carousel =
    parent?.layout?.reflow !== undefined && parent.layout.wrapBelow !== undefined && !node.absolute && !node.hidden;
  if (part !== "own" && carousel && node.sizeH !== "hug")
    out.push([parent.layout!.wrapBelow!, [["flex", `1 1 ${px(readableBasis(node, parent.layout!.reflow!))}`]]]);
  if (own && node.layout?.wrapBelow !== undefined) {
    const column = cardColumn(node);
    out.push([
      node.layout.wrapBelow,
      column === undefined ? [["flex-wrap", "wrap"]] : cardGridDecls(node, column, parent),
    ]);
  }
  if (part !== "own" && parent && !node.absolute && !node.hidden && cardColumn(parent) !== undefined)
    out.push([parent.layout!.wrapBelow!, CARD_IN_GRID]);
  if (own && node.hideBelow !== undefined) out.push([node.hideBelow, [["display", "none"]]]);
  if (own && node.lineBelow !== undefined) out.push([node.lineBelow, [["white-space", "normal"]]]);
  // At least as tall as drawn: its items that fill its height share the drawn height, as they do at the design width
  // (in a box of height auto, an item of `flex: 1 1 0` would shrink to nothing).
  // One that fills its share of its container's height (`flex: 1 1 0`, `min-height: 0`) takes what its content needs.
  if (part !== "own" && node.growBelow !== undefined)
    out.push([
      node.growBelow,
      node.sizeV === "fill"
        ? [["min-height", "auto"]]
        : [
            ["height", "auto"],
            ["min-height", px(node.h)],
          ],
    ]);
  if (own && node.stackBelow !== undefined) out.push([node.stackBelow, stackingDecls(node)]);
  const grid = gridOf(parent);
  if (part !== "own" && grid && !node.absolute && !node.hidden) {
    // An item of a grid: never wider than its area, as tall as its content; in reading order where it collapses.
    const fit = gridItemFitDecls(node);
    if (fit.length > 0 && grid.fitBelow !== undefined) out.push([grid.fitBelow, fit]);
    out.push(...gridItemBelowDecls(node, parent!));
  } else if (part !== "own" && !node.absolute && !node.hidden) {
    const fit = fitItemDecls(node, parent);
    const below = parent?.layout?.fitBelow ?? node.layout?.fitBelow;
    if (fit.length > 0 && below !== undefined) out.push([below, fit]);
  }
  if (own && node.layout?.fitBelow !== undefined) {
    const wrap = [...wrappingRowDecls(node), ...(node.absolute ? [] : fluidPaddingDecls(node))];
    if (wrap.length > 0) out.push([node.layout.fitBelow, wrap]);
  }
  if (own) out.push(...gridBelowDecls(node));
  if (part !== "own" && node.stack) out.push([node.stack.below, stackedDecls(node, node.stack, parent)]);
  if (part !== "own" && node.beside) out.push([node.beside.below, besideDecls(node.beside)]);
  if (part !== "own" && node.fillBelow !== undefined) out.push([node.fillBelow, fillDecls(node)]);
  // A row with a picture that joins it below the design width (layout/beside.ts): the picture takes a line of its own.
  const joining = own && flexOf(node)?.dir === "row" ? node.children?.find((c) => c.beside)?.beside : undefined;
  if (joining) out.push([joining.below, [["flex-wrap", "wrap"]]]);
  if (part !== "own" && node.absolute && parent?.layout?.fitBelow !== undefined) {
    const inside = insideDecls(node, parent);
    if (inside.length > 0) out.push([parent.layout.fitBelow, inside]);
  }
  return out;
}

/**
 * Of an instance's own declarations below a width (the component's file writes them on its root), those that
 * override a property its placement sets (the file that places it): that file repeats them in its own rules below the
 * width, so which one wins does not hang on the stylesheets' order. A menu that stacks its items below 1440 px says
 * `height: auto`; the screen placing it said `height: 60px` in a stylesheet loaded after the menu's (a React page's
 * CSS modules, imported after its components), and the stacked items ran over the content below it on a phone.
 */
export function ownBelowOverPlacement(
  node: DesignNode,
  placement: readonly Decl[],
  parent?: DesignNode,
): [number, Decl[]][] {
  const placed = new Set(placement.map(([p]) => p));
  const sets = (property: string): boolean =>
    placed.has(property) || (property.startsWith("margin-") && placed.has("margin"));
  const out: [number, Decl[]][] = [];
  for (const [width, decls] of belowDecls(node, "own", parent)) {
    const over = decls.filter(([p]) => sets(p));
    if (over.length > 0) out.push([width, over]);
  }
  return out;
}

/**
 * A layer holding content (a text, a picture) that the designer placed absolutely inside their auto layout, pinned to
 * a side, below the design width: never further from that side than keeps it inside the box (Flora's headings placed
 * 417 px in from the left of a box a phone makes 358 px wide were off the screen). As drawn while it fits.
 */
function insideDecls(node: DesignNode, parent: DesignNode): Decl[] {
  if (node.hidden || node.rotation !== undefined || !holdsContent(node)) return [];
  const x = node.x ?? 0;
  const right = parent.w - x - node.w;
  if (x < 0 || right < 0) return [];
  const within = (offset: number): string => `clamp(0px, calc(100% - ${px(node.w)}), ${px(offset)})`;
  if (node.constraintH === undefined || node.constraintH === "left") return x > 0 ? [["left", within(x)]] : [];
  if (node.constraintH === "right") return right > 0 ? [["right", within(right)]] : [];
  return [];
}

/**
 * An item of the designer's auto layout on a screen narrower than the design (FlexLayout.fitBelow): never wider than
 * its container, when drawn inside it (a card that hugs a 671-px title, a 1193-px paragraph: every box down to the
 * screen's gets narrower with it, its text wrapping); drawn as tall as its content (a text of a fixed height, a box
 * whose items fill it), it grows when its text wraps to more lines instead of running over what follows it; a text
 * drawn on its own line wraps when the line is longer than its container.
 */
export function fitItemDecls(node: DesignNode, parent: DesignNode | undefined): Decl[] {
  const out: Decl[] = [];
  const flex = flexOf(parent);
  const layout = flex?.fitBelow !== undefined ? flex : undefined;
  // In a row the designer made wrap (their own reflow), items keep their drawn widths, as the designer set them, up to
  // a line of their own: never wider than the row when the row's width is its container's (a row that hugs its items
  // sizes itself from them, and a percentage of it would refer to nothing).
  const capped = layout !== undefined && (!layout.wrap || parent!.sizeH !== "hug");
  if (capped && node.sizeH !== "fill" && node.w <= parent!.w - layout.padding[1] - layout.padding[3] + 1)
    out.push(["max-width", "100%"]);
  // The designer's minimum width gives way too (an 870-px banner on a 768-px screen would be cut at its side).
  if (layout && node.minW !== undefined) out.push(["min-width", `min(${px(node.minW)}, 100%)`]);
  const text = node.text;
  // A box of the designer's grows wherever it is placed (an inferred flow's item too); a text, in the designer's
  // layout.
  const grows = text
    ? layout !== undefined && node.sizeV === "fixed" && text.resize !== "truncate" && text.maxLines === undefined
    : node.layout?.fitBelow !== undefined &&
      node.sizeV === "fixed" &&
      contentFits(node) &&
      // A grid's items that fill their rows grow with them; a column's that share its height would collapse.
      (gridOf(node) !== undefined ||
        !(node.children ?? []).some((c) => !c.hidden && !c.absolute && c.sizeV === "fill"));
  if (grows && node.h > 0) out.push(["height", "auto"], ["min-height", px(node.h)]);
  // Filling its column's height (`flex: 1 1 0`): once the column is only as tall as its content (its row wraps), a
  // share of nothing is nothing — it takes what its content needs instead of collapsing under what follows.
  if (layout && layout.dir === "column" && node.sizeV === "fill" && node.minH === undefined)
    out.push(["min-height", "auto"]);
  // A text as wide as its line (a figure's caption, a label) wraps when the line no longer fits its container.
  if (layout && text?.resize === "width" && node.rotation === undefined) out.push(["white-space", "normal"]);
  return out;
}

/**
 * Wide side padding of a box of the designer's (a drop zone drawn as an icon with 517 px either side) gives way first
 * when the box gets narrower than drawn: each side loses its share of the missing width, down to a 16-px gutter
 * (`100%`, the container's width, is what the box may take: FlexLayout.fitBelow).
 */
export function fluidPaddingDecls(node: DesignNode): Decl[] {
  const [t, r, b, l] = node.layout!.padding;
  // Padding that gives way at every width already (FlexLayout.fluidSides: codegen/layout/gutters.ts) is left to it.
  if (Math.max(l, r) <= FIXED_PADDING || node.w <= 0 || node.layout!.fluidSides !== undefined) return [];
  return [["padding", `${px(t)} ${fluidSide(r, l + r, node.w)} ${px(b)} ${fluidSide(l, l + r, node.w)}`]];
}

/**
 * A row of the designer's that is not a navigation's, a reflowing row's or one the designer made wrap, below the
 * design width: its items wrap to more lines when they no longer fit its box (nothing moves while they fit), the
 * lines no further apart than WRAPPED_LINE_GAP. Not a row of one item: it has nothing to wrap, and as a line of a
 * wrapping row an item drawn larger than its box (a 300-px picture centred on a 170-px one) would start at the top
 * and run out below it instead of overflowing both sides as drawn.
 */
function wrappingRowDecls(node: DesignNode): Decl[] {
  const layout = flexOf(node);
  if (layout?.dir !== "row" || layout.wrap || layout.wrapBelow !== undefined || layout.reflow !== undefined) return [];
  if ((node.children ?? []).filter((c) => !c.hidden && !c.absolute).length < 2) return [];
  const out: Decl[] = [["flex-wrap", "wrap"]];
  if (layout.gap > WRAPPED_LINE_GAP) out.push(["row-gap", px(WRAPPED_LINE_GAP)]);
  return out;
}

/**
 * A section kept as drawn (layout/fallback.ts), below the design width: it stacks its layers one under the other,
 * as tall as they need (the section itself between the screen's gutters).
 */
function stackingDecls(node: DesignNode): Decl[] {
  const out: Decl[] = [
    ["display", "flex"],
    ["flex-direction", "column"],
    ["align-items", "stretch"],
    ["gap", px(12)],
    ["height", "auto"],
    ...backdropSizeDecls(node),
  ];
  // Across the screen's column, never past it: a set of layers drawn past the frame's side (Attic's hero, 64 px wider
  // than its column at 1440) is as wide as drawn there only (below it, its heading ran past a phone's edge), and its
  // drawn indent gives way (the stack has its own gutters: an indent beside them ran 16 px past a phone's edge).
  out.push(["max-width", "100%"], ["margin-left", "0"], ["margin-right", "0"]);
  if (node.stackTop || node.backdrop) out.push(["padding", `${px(24)} ${px(GUTTER)}`]);
  return out;
}

/**
 * A backdrop's box keeps its drawn proportion or grows with its layers, whichever is taller: a least height in the
 * screen's width (the stack is a column of it). Not an aspect ratio: a flex item's automatic minimum is then the height
 * the ratio gives, and its layers shrink to nothing in it.
 */
function backdropSizeDecls(node: DesignNode): Decl[] {
  if (!node.backdrop || node.w <= 0 || node.h <= 0)
    return [
      ["min-height", "0"],
      ["aspect-ratio", "auto"],
    ];
  return [
    ["min-height", `${round((node.h / node.w) * 100)}vw`],
    ["aspect-ratio", "auto"],
  ];
}

/** A layer placed absolutely at the design width, in the flow below it. */
const IN_FLOW: readonly Decl[] = [
  ["position", "relative"],
  ["left", "auto"],
  ["right", "auto"],
  ["top", "auto"],
  ["bottom", "auto"],
  ["transform", "none"],
];

/** A photo covers the box it fills, whatever that box's proportion (a hero's 1440 × 730 on a phone's column). */
const coverDecls = (node: DesignNode): Decl[] =>
  (node.fills ?? []).some((f) => f.kind === "image" && f.fit !== "tile")
    ? [
        ["background-size", "cover"],
        ["background-position", "center"],
      ]
    : [];

/** A picture placed beside a section's texts, below the design width: in the flow, across it, in its proportion. */
function besideDecls(beside: NonNullable<DesignNode["beside"]>): Decl[] {
  return [
    ...IN_FLOW,
    ["flex", "none"],
    ["align-self", "stretch"],
    ["order", beside.first ? "-1" : "99"],
    ["width", "100%"],
    ["max-width", "100%"],
    ["height", "auto"],
    ["aspect-ratio", `${round(beside.w)} / ${round(beside.h)}`],
  ];
}

/** The picture of such a layer fills it (its photo covering the new proportion). */
function fillDecls(node: DesignNode): Decl[] {
  return [
    ["left", "0"],
    ["right", "auto"],
    ["top", "0"],
    ["bottom", "auto"],
    ["transform", "none"],
    ["width", "100%"],
    ["height", "100%"],
    ...coverDecls(node),
  ];
}

/** One layer of a stacking section, below the design width: in the stack in reading order, behind it, or hidden. */
function stackedDecls(node: DesignNode, stack: NonNullable<DesignNode["stack"]>, parent?: DesignNode): Decl[] {
  if (stack.role === "hidden") return [["display", "none"]];
  // Drawn past its section's sides, it was cut at the frame's (emit/page.ts overhangClip): in the stack it lies inside.
  const x = node.x ?? 0;
  const overhang = node.absolute && (x < -0.5 || (parent !== undefined && x + node.w > parent.w + 0.5));
  const unclipped: Decl[] = overhang ? [["clip-path", "none"]] : [];
  // Behind the stack, across it whatever its height (a picture or an SVG, replaced elements, are not stretched by their
  // sides alone).
  if (stack.role === "background")
    return [
      ["left", "0"],
      ["right", "0"],
      ["top", "0"],
      ["bottom", "0"],
      ["width", "100%"],
      ["height", "100%"],
      ...unclipped,
      ...coverDecls(node),
    ];
  const out: Decl[] = [...IN_FLOW, ["order", String(stack.order)], ...unclipped];
  // A picture: a leaf without text, or a container the stack leaves as drawn (layout/fallback.ts keepsDrawing: its
  // layers placed in its box, which collapses if sized by its content).
  const leaf = !node.text && !(node.children ?? []).some((c) => !c.hidden);
  const picture = (leaf || (node.stackBelow === undefined && keepsDrawing(node))) && node.w > 0 && node.h > 0;
  if (picture && node.w >= SCALING_GRAPHIC)
    out.push(
      ["align-self", "center"],
      ["width", `min(100%, ${px(node.w)})`],
      ["height", "auto"],
      ["aspect-ratio", `${round(node.w)} / ${round(node.h)}`],
    );
  // Its drawn size: a size in % of the drawn parent (or its sides) means nothing in the stack, where a height of
  // 100% of a parent sized by its content collapses it and every layer placed in it (Fitma's Thumbnail: a menu's
  // items, each a label laid on its box, were 0 px tall below the design width).
  else if (picture) out.push(["align-self", "flex-start"], ["width", px(node.w)], ["height", px(node.h)]);
  else out.push(["width", "auto"], ["max-width", "100%"], ["height", "auto"]);
  if (!picture) out.push(...(node.backdrop ? backdropSizeDecls(node) : ([["min-height", "0"]] as Decl[])));
  // A text drawn on one line wraps in the stack, a long word included.
  if (node.text) out.push(["white-space", "normal"], ["overflow-wrap", "break-word"]);
  return out;
}
