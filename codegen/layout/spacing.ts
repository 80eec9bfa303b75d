/**
 * Measured spacing → flex parameters for one inferred flow: the gap (the smallest), each item's extra space
 * beyond it, padding, and alignment on the cross axis. Alignments within SNAP px count as one; spacing keeps
 * every whole pixel drawn, so the flow is exact at the design width.
 */
import { flowItem } from "../design/node.js";
import type { FlexLayout, FlowItem, Sides } from "../design/types.js";
import { end, PHONE_GUTTER, size, start, type Axis, type Box } from "./boxes.js";

export const SNAP = 2;
/**
 * An item this far off the middle, as a share of its margins, is centred all the same: a heading centred on
 * a wide page by hand, or measured from a browser's text, lands a few pixels off (525 px left, 522 px right).
 */
const CENTER_SLACK = 0.02;
/** Differences in spacing this small are rounding noise. */
const SUBPIXEL = 0.05;
/**
 * A gap at least this large, and three times the smallest, in a row is pushed there with `auto` (a nav's logo | links).
 */
const AUTO_GAP = 64;
/** Space between the lines of a wrapped row at most. */
const WRAPPED_LINE_GAP = 24;

const r2 = (v: number): number => Math.round(v * 100) / 100;

export interface FlowPlan {
  layout: FlexLayout;
  /** Per part: how it differs from the layout, and whether it spans the content box across (fills it). */
  items: { flow: FlowItem; crossFill: boolean }[];
}

type Align = "start" | "center" | "end" | "fill";

/** Flex parameters for `parts` (in flow order) laid out along `dir` inside `box`. */
export function planFlow(dir: "row" | "column", box: Box, parts: Box[]): FlowPlan {
  const main: Axis = dir === "row" ? "x" : "y";
  const cross: Axis = dir === "row" ? "y" : "x";
  // Parts may overlap by a pixel or so (bands tolerate a drawing's rounding): a negative gap, kept as drawn.
  const gaps = parts.slice(1).map((p, i) => start(p, main) - end(parts[i]!, main));
  // In a row, the item after a gap at least AUTO_GAP wide and 3× any other is pushed there by an auto margin.
  const widest = gaps.length > 0 ? Math.max(...gaps) : 0;
  const others = gaps.filter((_, i) => i !== gaps.indexOf(widest));
  const auto =
    dir === "row" && widest >= AUTO_GAP && others.every((g) => widest >= 3 * Math.max(g, 1))
      ? gaps.indexOf(widest)
      : -1;
  const spaced = gaps.filter((_, i) => i !== auto);
  const gap = spaced.length > 0 ? r2(Math.max(0, Math.min(...spaced))) : 0;
  const lead = start(parts[0]!, main) - start(box, main);
  let [padStart, padEnd] = [lead, end(box, main) - end(parts[parts.length - 1]!, main)].map((v) =>
    r2(Math.max(0, v)),
  ) as [number, number];
  const items: FlowPlan["items"] = parts.map(() => ({ flow: flowItem(), crossFill: false }));
  // The first item drawn reaching past the box's start (a hero picture bleeding above the frame's top) keeps its drawn
  // place, and everything after it keeps its own: a negative margin before it, the part outside clipped as drawn.
  if (lead <= -SUBPIXEL) items[0]!.flow.before = r2(lead);
  // Each item keeps its drawn distance, fractions included (half a pixel off leaves a 1-px divider two thirds
  // off); the gap is the smallest, so no row is wider than drawn (it would wrap at the design width).
  gaps.forEach((g, i) => {
    const extra = r2(g - gap);
    if (i === auto) items[i + 1]!.flow.before = "auto";
    else if (Math.abs(extra) >= SUBPIXEL) items[i + 1]!.flow.before = extra;
  });
  let justify: FlexLayout["justify"] = "start";
  if (
    dir === "row" &&
    auto < 0 &&
    padStart > 16 &&
    Math.abs(padStart - padEnd) <= SNAP &&
    gaps.every((g) => g === gap)
  ) {
    justify = "center";
    padStart = padEnd = 0;
  }

  const offS = parts.map((p) => start(p, cross) - start(box, cross));
  const offE = parts.map((p) => end(box, cross) - end(p, cross));
  // A part drawn reaching past a side of the box (a picture wider than the frame; a pixel or two is a drawing's
  // rounding) keeps its drawn place and size: it does not fill the box, and its margin before it may be negative.
  const bleeds = parts.map((_p, i) => offS[i]! < -SNAP || offE[i]! < -SNAP);
  let padCS = r2(Math.max(0, Math.min(...offS)));
  let padCE = r2(Math.max(0, Math.min(...offE)));
  const kinds: Align[] = parts.map((_p, i) => {
    if (bleeds[i]) return "start";
    const s = offS[i]! - padCS;
    const e = offE[i]! - padCE;
    if (s <= SNAP && e <= SNAP) return "fill";
    if (s <= SNAP) return "start";
    if (Math.abs(s - e) <= Math.max(SNAP, Math.min(s, e) * CENTER_SLACK)) return "center";
    if (e <= SNAP) return "end";
    return "start";
  });
  // An item aligned to the far side is placed right only when the flex line is as tall (wide) as drawn; when
  // no other item reaches that far (a column of radios lower than its label, ending below it), the line would
  // end at the item's own size and the item would move up to the start: it keeps its drawn offset instead.
  const inner = size(box, cross) - padCS - padCE;
  const reach = Math.max(
    ...parts.map((p, i) => size(p, cross) + (kinds[i] === "start" ? Math.max(0, offS[i]! - padCS) : 0)),
  );
  if (reach < inner - SNAP) kinds.forEach((kind, i) => kind === "end" && (kinds[i] = "start"));
  const tally = (k: Align): number => kinds.filter((x) => x === k).length;
  const align = (["start", "center", "end"] as const).reduce(
    (a, b) => (tally(b) > tally(a) ? b : a),
    "start" as "start" | "center" | "end",
  );
  kinds.forEach((kind, i) => {
    const item = items[i]!;
    if (kind === "fill")
      item.crossFill = dir === "column" || size(parts[i]!, cross) === size(box, cross) - padCS - padCE;
    else if (kind !== align) item.flow.self = kind;
    // Its drawn distance from the start, however small: a 2-px nudge left out moves everything after it.
    const indent = r2(offS[i]! - padCS);
    if ((kind === "start" || (kind === "fill" && !item.crossFill)) && (indent >= SUBPIXEL || (bleeds[i] && indent < 0)))
      item.flow.offset = indent;
  });
  // Content centred across a column needs no wide side padding: it stays centred at any width. A gutter stays
  // (up to PHONE_GUTTER), so that a wide picture or card centred there does not touch a phone's edges.
  if (
    dir === "column" &&
    align === "center" &&
    Math.abs(padCS - padCE) <= SNAP &&
    kinds.every((k) => k === "center" || k === "fill")
  ) {
    for (const [i, kind] of kinds.entries()) if (kind === "fill") items[i]!.crossFill = false;
    padCS = padCE = r2(Math.min(padCS, padCE, PHONE_GUTTER));
  }
  // Left-aligned content with a wide margin on its right: the right padding shrinks to the left one, and
  // what filled the box keeps its width (up to 100 %), so a narrow screen does not lose the right margin.
  if (dir === "column" && align === "start" && padCE > padCS + SNAP) {
    for (const [i, kind] of kinds.entries()) if (kind === "fill") items[i]!.crossFill = false;
    padCE = padCS;
  }
  const padding: Sides = dir === "column" ? [padStart, padCE, padEnd, padCS] : [padCS, padEnd, padCE, padStart];
  // A row wraps on narrow screens; its wrapped lines sit closer than its columns.
  const layout: FlexLayout = {
    dir,
    gap,
    padding,
    justify,
    align,
    ...(dir === "row" ? { wrap: true, crossGap: Math.min(gap, WRAPPED_LINE_GAP) } : {}),
  };
  return { layout, items };
}
