/**
 * A cap of a box's parent's width with a length added (css.ts's `max-width: calc(100% + 11px)`: a 352-px text drawn
 * 11 px past its 341-px column), which React Native cannot compute: its percentages are of the parent, with nothing
 * added. fluid.ts reads the `100%` as the window (`page`), which never bites inside a card narrower than the
 * window: flora's testimonial quotes kept their 352 px in a 294-px card at 390 px and were cut by it. Where the
 * parent's content width at the design width is known (a fixed width less its paddings, or a box stretched across a
 * column whose width is known), the cap is the percentage of the parent that it is at the design width: the same
 * there, and off by less than the length added at any other width (never wider than CSS's when the parent narrows).
 */
import { type Decl, lastValue } from "../../css/decl.js";
import type { RnStyle } from "./style.js";
import type { VNode } from "../vnode.js";
import { cssWords } from "../../design/css-words.js";

interface ParentCapUnit {
  sheet: { rules: Map<string, Decl[]> };
  styles: Map<string, RnStyle>;
}

const PX = /^(-?(?:\d+\.?\d*|\.\d+))px$|^0$/;
const CAP = /^calc\(\s*100%\s*([+-])\s*(\d+\.?\d*|\.\d+)px\s*\)$/;

function pxOf(value: string | undefined): number | undefined {
  const m = value === undefined ? null : PX.exec(value);
  return m ? Number(m[1] ?? 0) : undefined;
}

/** The left and right paddings in px together (0 when unsaid); undefined when one is not in px. */
function sidePadding(decls: readonly Decl[]): number | undefined {
  let left: number | undefined = 0;
  let right: number | undefined = 0;
  for (const [prop, value] of decls) {
    if (prop === "padding") {
      const [a, b = a, , d = b] = cssWords(value);
      [right, left] = [pxOf(b), pxOf(d)];
    } else if (prop === "padding-inline") {
      const [a, b = a] = cssWords(value);
      [left, right] = [pxOf(a), pxOf(b)];
    } else if (prop === "padding-left") left = pxOf(value.trim());
    else if (prop === "padding-right") right = pxOf(value.trim());
  }
  return left === undefined || right === undefined ? undefined : left + right;
}

/** Whether a flex container's items run down a column. */
function isColumn(decls: readonly Decl[]): boolean {
  const display = lastValue(decls, "display");
  const dir = lastValue(decls, "flex-direction");
  return (display === "flex" || display === "inline-flex") && (dir === "column" || dir === "column-reverse");
}

/**
 * A box's width at the design width, in px: its own fixed width, or its parent's content width (`within`) when it is
 * 100% of it or stretched across its parent's column; undefined when not known.
 */
function drawnWidth(decls: readonly Decl[], parent: readonly Decl[] | undefined, within: number | undefined) {
  const width = lastValue(decls, "width");
  const fixed = pxOf(width);
  if (fixed !== undefined) return fixed;
  if (within === undefined || lastValue(decls, "position") === "absolute") return undefined;
  if (width === "100%") return within;
  const stretched = width === undefined && lastValue(decls, "align-self") === "stretch";
  return stretched && parent !== undefined && isColumn(parent) ? within : undefined;
}

/** The percentage (as React Native takes it) that `calc(100% ± Npx)` is of a parent `within` px wide. */
function capShare(value: string | undefined, within: number | undefined): string | undefined {
  const m = value === undefined ? null : CAP.exec(value);
  if (!m || within === undefined || within <= 0) return undefined;
  const cap = within + (m[1] === "+" ? 1 : -1) * Number(m[2]);
  if (cap <= 0) return undefined;
  return JSON.stringify(`${Math.round((cap / within) * 10000) / 100}%`);
}

/** Each class's share, per element; a class whose elements' parents differ gets none (undefined). */
function collect(
  node: VNode,
  unit: ParentCapUnit,
  parent: readonly Decl[] | undefined,
  within: number | undefined,
  out: Map<string, string | undefined>,
): void {
  if (node.type === "if") return collect(node.child, unit, parent, within, out);
  if (node.type !== "element") return;
  const decls = (node.cls !== undefined && unit.sheet.rules.get(node.cls)) || [];
  if (node.cls !== undefined) {
    const share = capShare(lastValue(decls, "max-width"), within);
    if (out.has(node.cls) && out.get(node.cls) !== share) out.set(node.cls, undefined);
    else out.set(node.cls, share);
  }
  const width = drawnWidth(decls, parent, within);
  const padding = sidePadding(decls);
  const inner = width === undefined || padding === undefined ? undefined : width - padding;
  for (const c of node.children) collect(c, unit, decls, inner, out);
}

/** Each `calc(100% ± Npx)` cap whose parent's width is known, as that share of the parent in place of `page ± N`. */
export function parentShareCaps(tree: VNode, unit: ParentCapUnit): void {
  const shares = new Map<string, string | undefined>();
  collect(tree, unit, undefined, undefined, shares);
  for (const [cls, share] of shares) {
    const style = unit.styles.get(cls);
    if (share === undefined || !style?.fluid?.some(([k]) => k === "maxWidth")) continue;
    style.fluid = style.fluid.filter(([k]) => k !== "maxWidth");
    if (style.fluid.length === 0) delete style.fluid;
    style.entries = [...style.entries.filter(([k]) => k !== "maxWidth"), ["maxWidth", share]];
  }
}
