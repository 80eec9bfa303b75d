/**
 * Figma's grid auto layout → CSS grid. At the design width, as drawn: the designer's tracks (a flexible track
 * `minmax(0, 1fr)`, so that no content widens it, as Figma's never does; a fixed row at least its size and as tall as
 * its content, so that a card whose text wraps on a narrower screen never spills out of it), gaps and padding, each
 * child in its area (`grid-column: 3 / span 2`) and aligned in it as set.
 *
 * Below it (GridLayout.collapse, from codegen/layout/reflow.ts): fewer, equal columns where the drawn ones no longer
 * fit, the items in reading order (auto-placed, `order` where the layers' order is another), each spanning at most
 * the columns there are and one row; items never wider than their area, and as tall as their content at least their
 * drawn height.
 */
import { gridOf } from "../design/layout-kind.js";
import type { DesignNode, GridCell, GridLayout, GridTrack } from "../design/types.js";
import { px, type Decl } from "../css/decl.js";

/** One track as CSS. Rows: a fixed one grows with its content (`minmax(120px, auto)`). */
function trackCss(t: GridTrack, row: boolean): string {
  if (t.kind === "hug") return "auto";
  if (t.kind === "px") return row ? `minmax(${px(t.value)}, auto)` : px(t.value);
  return `minmax(0, ${t.value}fr)`;
}

/** A grid-template value: the tracks, each run of equal ones as `repeat(n, …)`. */
export function templateCss(tracks: readonly GridTrack[], row: boolean): string {
  const words = tracks.map((t) => trackCss(t, row));
  const out: string[] = [];
  for (let i = 0; i < words.length; ) {
    let j = i + 1;
    while (j < words.length && words[j] === words[i]) j++;
    out.push(j - i > 1 ? `repeat(${j - i}, ${words[i]})` : words[i]!);
    i = j;
  }
  return out.join(" ");
}

/** The grid's own declarations: tracks, gaps, padding. */
export function gridContainerDecls(layout: GridLayout): Decl[] {
  const out: Decl[] = [
    ["display", "grid"],
    ["grid-template-columns", templateCss(layout.columns, false)],
    ["grid-template-rows", templateCss(layout.rows, true)],
  ];
  // Tracks that hug their content stay at its size: CSS would stretch `auto` tracks over the free space.
  if (layout.columns.some((t) => t.kind === "hug")) out.push(["justify-content", "start"]);
  if (layout.rows.some((t) => t.kind === "hug")) out.push(["align-content", "start"]);
  const { rowGap, columnGap } = layout;
  if (rowGap === columnGap && rowGap !== 0) out.push(["gap", px(rowGap)]);
  else {
    if (rowGap !== 0) out.push(["row-gap", px(rowGap)]);
    if (columnGap !== 0) out.push(["column-gap", px(columnGap)]);
  }
  if (layout.padding.some((p) => p !== 0)) {
    const [t, r, b, l] = layout.padding;
    out.push([
      "padding",
      t === b && r === l ? (t === r ? px(t) : `${px(t)} ${px(r)}`) : [t, r, b, l].map(px).join(" "),
    ]);
  }
  return out;
}

/** `3`, or `3 / span 2`: a 0-based first track and a span as a grid-row / grid-column value. */
const lines = (first: number, span: number): string => (span > 1 ? `${first + 1} / span ${span}` : String(first + 1));

const SELF = { start: "start", center: "center", end: "end" } as const;

/**
 * A grid child's place in its grid: its area, its size along each axis (a filling child stretches across its area, a
 * fixed one keeps its size, one that hugs its content sizes to it) and its alignment in the area.
 */
export function gridItemDecls(node: DesignNode, cell: GridCell | undefined): Decl[] {
  // Without an area (a child the model's hint left unplaced) it is placed in the next free one.
  const out: Decl[] = cell
    ? [
        ["grid-column", lines(cell.column, cell.columnSpan)],
        ["grid-row", lines(cell.row, cell.rowSpan)],
      ]
    : [];
  const textAuto = node.text !== undefined && node.text.resize !== "none" && node.text.resize !== "truncate";
  // A box with a size of its own sits at the start of its area unless aligned otherwise (CSS's `normal` does the
  // same for a sized box); one that hugs its content must say so, or CSS would stretch it.
  if (node.sizeH !== "fill") {
    const hugs = node.sizeH === "hug" || (textAuto && node.text?.resize === "width");
    if (!hugs) out.push(["width", px(node.w)]);
    if (hugs || cell?.alignH) out.push(["justify-self", SELF[cell?.alignH ?? "start"]]);
  }
  if (node.sizeV !== "fill") {
    const hugs = node.sizeV === "hug" || textAuto;
    if (!hugs) out.push(["height", px(node.h)]);
    if (hugs || cell?.alignV) out.push(["align-self", SELF[cell?.alignV ?? "start"]]);
  }
  return out;
}

/**
 * A grid item below the design width (GridLayout.fitBelow): never wider than its area, and as tall as its content
 * (at least its drawn height) once its text wraps to more lines than drawn.
 */
export function gridItemFitDecls(node: DesignNode): Decl[] {
  const out: Decl[] = [];
  const textAuto = node.text !== undefined && node.text.resize !== "none" && node.text.resize !== "truncate";
  if (node.sizeH !== "fill" && node.sizeH !== "hug" && !(textAuto && node.text?.resize === "width"))
    out.push(["max-width", "100%"]);
  if (node.sizeV !== "fill" && node.sizeV !== "hug" && !textAuto && node.h > 0 && node.text?.resize !== "truncate")
    out.push(["height", "auto"], ["min-height", px(node.h)]);
  if (textAuto && node.text?.resize === "width" && node.rotation === undefined) out.push(["white-space", "normal"]);
  return out;
}

/** The grid's reading order: its items in flow by row, then column (their order in the layers panel may be another). */
function readingOrder(grid: DesignNode): DesignNode[] {
  const items = (grid.children ?? []).filter((c) => !c.absolute && c.cell !== undefined);
  return [...items].sort((a, b) => a.cell!.row - b.cell!.row || a.cell!.column - b.cell!.column);
}

/** A grid's own rules below widths: fewer, equal columns, rows as tall as their content. */
export function gridBelowDecls(node: DesignNode): [number, Decl[]][] {
  const layout = gridOf(node);
  if (!layout?.collapse) return [];
  return layout.collapse.map(({ below, columns }, i): [number, Decl[]] => [
    below,
    i === 0
      ? [
          ["grid-template-columns", `repeat(${columns}, minmax(0, 1fr))`],
          ["grid-template-rows", "none"],
          // Its rows as tall as their content, from the top: a grid at least as tall as drawn leaves the rest below.
          ["align-content", "start"],
        ]
      : [["grid-template-columns", `repeat(${columns}, minmax(0, 1fr))`]],
  ]);
}

/**
 * An item's rules below its grid's collapse widths: placed in reading order (its `order` when the layers' order is
 * another), spanning at most the columns there are, one row.
 */
export function gridItemBelowDecls(node: DesignNode, grid: DesignNode): [number, Decl[]][] {
  const layout = gridOf(grid);
  const cell = node.cell;
  if (!layout?.collapse || !cell || node.absolute) return [];
  const out: [number, Decl[]][] = [];
  const order = readingOrder(grid);
  const inFlow = (grid.children ?? []).filter((c) => !c.absolute && c.cell !== undefined);
  const reordered = order.some((c, i) => c !== inFlow[i]);
  let span = cell.columnSpan;
  layout.collapse.forEach(({ below, columns }, i) => {
    const decls: Decl[] = [];
    const next = Math.min(cell.columnSpan, columns);
    if (i === 0) {
      decls.push(["grid-column", next > 1 ? `span ${next}` : "auto"], ["grid-row", "auto"]);
      if (reordered) decls.push(["order", String(order.indexOf(node))]);
    } else if (next !== span) decls.push(["grid-column", next > 1 ? `span ${next}` : "auto"]);
    span = next;
    if (decls.length > 0) out.push([below, decls]);
  });
  return out;
}
