/**
 * The designer's own rows of blocks (cards of a grid, a text beside a picture, a carousel of quotes) on screens
 * narrower than the design: auto layout is emitted as drawn, so a row of four 296-px cards would otherwise stay
 * four columns of 45 px on a phone, one word per line. Such a row is marked to reflow (`FlexLayout.reflow`): it
 * wraps to fewer items per line, each item at least READABLE px wide (its drawn width when narrower), each card
 * whole on its line. Every such row keeps its one line from the design width up and wraps below it (`wrapBelow`), a
 * carousel drawn running past its side included: at the design width nothing moves.
 *
 * Only rows that hold blocks (at least two items, every one at least BLOCK px wide, one of them with text), and lines
 * of three or more short texts (links, tags) or icons too long for a phone, which wrap to more lines. A button's or an
 * icon row, a header's or a navigation's rows (the navigation's to rearrange), and rows the designer made wrap are left
 * alone.
 *
 * Every other auto layout of the designer's outside a navigation bar (one nav.ts found, or a header holding one) fits
 * narrower screens too (`FlexLayout.fitBelow`, below the design width only): its items never run past it (a 1193-px
 * paragraph in a column that hugs it, a card that hugs a 671-px title), a box drawn as tall as its text grows when the
 * text wraps, and a row too long for its box (three figures spread 118 px apart, a "Back" and a "Next" button 900 px
 * apart) wraps instead of being cut.
 */
import { copyNode } from "../design/node.js";
import { contentOf, trackSizes } from "../design/grid.js";
import { flexOf, gridOf } from "../design/layout-kind.js";
import type { DesignNode, GridCollapse } from "../design/types.js";
import { hasText } from "./roles.js";
import { fluidText } from "./sizing.js";
import { contentAt, widthAt } from "./width-at.js";

/** An item of a reflowing row is at least this wide before its row wraps (or its drawn width, when narrower). */
export const READABLE = 256;
/** A phone's screen less its gutters: a line of short texts longer than this wraps. */
const PHONE = 358;
/** A line of short texts further apart than this is not a list that wraps. */
const LIST_GAP = 64;
/** An item without text at most this wide and tall is an icon. */
const ICON = 64;
/** Items narrower than this (a button, a link, an icon) make a row that is not a row of blocks. */
const BLOCK = 120;
/** A header, a navigation bar or a menu: its rows are the navigation's to rearrange, not cards. */
const NAVIGATION = /^(header|top ?bar|app ?bar|nav ?bar|navigation( ?bar)?|nav|menu)\b/i;

const inFlow = (c: DesignNode): boolean => !c.hidden && !c.absolute;

/**
 * Whether `node` (a row the designer drew) should reflow on narrow screens: it holds blocks, or it is a line of three
 * or more short texts (links, tags) longer than a phone's screen, which wraps to more lines instead of running past it.
 */
export function reflows(node: DesignNode): boolean {
  const layout = flexOf(node);
  if (layout?.dir !== "row" || layout.inferred || layout.wrap) return false;
  const items = (node.children ?? []).filter(inFlow);
  if (items.length < 2 || items.some((c) => c.rotation !== undefined)) return false;
  // A text on one line that sizes to its words (a label, a link) is no block; a paragraph is.
  if (items.every((c) => c.w >= BLOCK && c.text?.resize !== "width")) return items.some(hasText);
  // A line of links pushed to a side or spread apart is a navigation's, not a list's.
  if (items.length < 3 || layout.gap > LIST_GAP || (layout.justify !== "start" && layout.justify !== "center"))
    return false;
  const length = items.reduce((sum, c) => sum + c.w, 0) + layout.gap * (items.length - 1);
  // Icons among them (a set of social links, an icon sheet, links each beside its icon) wrap alike.
  return items.every((c) => hasText(c) || (c.w <= ICON && c.h <= ICON)) && length > PHONE;
}

/** Whether the items of a row (its layout drawn by the designer) run past its content box: a carousel. */
export function runsPast(node: DesignNode): boolean {
  const layout = flexOf(node);
  if (!layout) return false;
  const items = (node.children ?? []).filter(inFlow);
  if (items.some((c) => c.sizeH === "fill")) return false;
  const length = items.reduce((sum, c) => sum + c.w, 0) + layout.gap * (items.length - 1);
  return length > node.w - layout.padding[1] - layout.padding[3] + 1;
}

/**
 * The frame with its designer's rows of blocks marked to reflow (a new tree; nodes unchanged are shared).
 * `designWidth`: the screen's width, below which a carousel wraps. Idempotent.
 */
export function markReflow(
  node: DesignNode,
  designWidth: number,
  inNavigation = false,
  inLayer = false,
  path: readonly DesignNode[] = [],
  inBar = false,
): DesignNode {
  // A box that scales as a unit is its drawing, smaller: nothing in it reflows (a row of it wrapping below the design
  // width spilled its texts out of the mask it is drawn in).
  if (node.scaled) return node;
  const named = NAVIGATION.test(node.name.trim());
  const navigation = inNavigation || node.nav !== undefined || named;
  // A navigation bar (nav.ts) is the menu's to rearrange, with the header it is in; a header or a "Navbar" without one
  // (Vaya's: two icon buttons and "Book your stay") is rearranged by nothing else, and fits as any auto layout does
  // (its buttons ran past the hero's card on a phone).
  const bar = inBar || node.nav !== undefined || (named && holdsBar(node));
  // A layer placed absolutely keeps its drawn box: what is in it is not rearranged to fit (it would spill out of it).
  const layer = inLayer || node.absolute === true;
  const fits =
    !bar && !layer && node.layout !== undefined && !node.layout.inferred && node.layout.fitBelow === undefined;
  const here = [...path, node];
  const children = node.children?.map((c) => {
    const child = markReflow(c, designWidth, navigation, layer, here, bar);
    const spans = node.layout !== undefined && !node.layout.inferred ? spanning(child, node) : child;
    return fits ? withFluidType(spans, designWidth) : spans;
  });
  const changed = children?.some((c, i) => c !== node.children![i]);
  const marked = !navigation && node.layout?.reflow === undefined && reflows(node);
  const collapse = fits && gridOf(node) ? gridCollapse(node, here, designWidth) : undefined;
  if (!changed && !marked && !fits) return node;
  const out = copyNode(node, children ? { children } : undefined);
  if (fits) out.layout = { ...node.layout!, fitBelow: Math.round(designWidth) };
  if (collapse && out.layout?.kind === "grid") out.layout = { ...out.layout, collapse };
  const flex = flexOf(out);
  // One line from the design width up, always: the drawing is the truth there, and a browser's text a pixel
  // wider than Figma's would wrap a line that fits exactly (TnT's "Enter OTP sent on | abcd123@gmail.com").
  if (marked && flex) out.layout = { ...flex, reflow: READABLE, wrapBelow: Math.round(designWidth) };
  return out;
}

/** Whether a navigation bar (nav.ts markNavs) is `node` or in it. */
const holdsBar = (node: DesignNode): boolean => node.nav !== undefined || (node.children ?? []).some(holdsBar);

/** A column of a grid that collapses is at least this share of its drawn width (codegen/emit/responsive.ts's cards). */
const GRID_SHRINK = 0.75;
/** A grid is asked to drop columns on screens down to this width (the narrowest phones are wider): below, as it is. */
const NARROWEST = 240;

/**
 * Where a designer's grid drops columns below the design width (GridLayout.collapse): it keeps its drawn tracks while
 * every column can be at least GRID_SHRINK of its drawn width (a fixed one its width), then has as many equal columns
 * as fit (a count that keeps its spanning items on whole lines), each at least GRID_SHRINK of the widest drawn
 * column, as few as one (a grid that still fits on the narrowest phone keeps what fits there). The grid's width on
 * each narrower screen is width-at.ts's estimate down `path` (the screen's root first, the grid last). Undefined for a
 * grid that never drops a column.
 */
export function gridCollapse(
  node: DesignNode,
  path: readonly DesignNode[],
  designWidth: number,
): GridCollapse[] | undefined {
  const grid = gridOf(node);
  if (!grid || grid.columns.length < 2) return undefined;
  const [, right, , left] = grid.padding;
  const items = (node.children ?? []).filter((c) => !c.absolute && c.cell !== undefined);
  const drawn = trackSizes(
    grid.columns,
    node.w - left - right,
    grid.columnGap,
    contentOf(
      items.map((c) => ({ cell: c.cell!, size: c.w })),
      "column",
    ),
  );
  const least = grid.columns.map((t, i) => (t.kind === "px" ? drawn[i]! : drawn[i]! * GRID_SHRINK));
  const n = grid.columns.length;
  const widest = Math.max(...least);
  const need = (k: number): number =>
    (k === n ? least.reduce((s, v) => s + v, 0) : k * widest) + grid.columnGap * (k - 1);
  // With fewer columns an item spanning some keeps whole lines: a count its spans divide (a span wider than the
  // count takes the line), so that a card spanning two of four columns has two or one, never two of three.
  const spans = new Set(items.map((c) => c.cell!.columnSpan).filter((s) => s > 1));
  const whole = (k: number): boolean => k === n || [...spans].every((s) => s > k || k % s === 0);
  const columnsAt = (viewport: number): number => {
    const inner = contentAt(node, widthAt(path, viewport));
    let k = n;
    while (k > 1 && (need(k) > inner + 0.5 || !whole(k))) k--;
    return k;
  };
  const out: GridCollapse[] = [];
  let before = n;
  for (let v = Math.round(designWidth) - 1; v >= NARROWEST && before > 1; v--) {
    const k = columnsAt(v);
    if (k < before) out.push({ below: v + 1, columns: k });
    before = k;
  }
  return out.length > 0 ? out : undefined;
}

/**
 * A large text of the designer's own auto layout scales down with the screen, as an inferred flow's does (text.fluid:
 * exact at the design width, never a word cut on a phone): a 48-px heading kept at 48 px on a 390-px screen runs to
 * more lines than its box allows, and a clamped one loses its end.
 */
function withFluidType(node: DesignNode, designWidth: number): DesignNode {
  const text = node.text;
  if (!text || text.fluid || node.hidden || node.absolute || node.rotation !== undefined) return node;
  const fluid = fluidText(text, designWidth, text.resize === "width" ? node.w : undefined);
  return fluid ? copyNode(node, { text: { ...text, fluid } }) : node;
}

/**
 * A layer placed absolutely across the whole of the designer's auto layout (a header's background picture, drawn as
 * wide as the header and pinned to its left) spans it at every width: kept at its drawn width, on a narrower screen
 * it would run past the box's side, and what it shows there (a picture on its right half) with it, out of the screen.
 */
function spanning(child: DesignNode, parent: DesignNode): DesignNode {
  if (!child.absolute || child.hidden || child.rotation !== undefined) return child;
  if (child.constraintH !== undefined && child.constraintH !== "left") return child;
  const x = child.x ?? 0;
  if (Math.abs(x) > 1 || Math.abs(x + child.w - parent.w) > 1) return child;
  return copyNode(child, { constraintH: "left-right" });
}
