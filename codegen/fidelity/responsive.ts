/**
 * What a reader sees at each viewport width, the pure half (no browser). The page half (text-probe.ts, run by
 * cli/measure/responsive-page.ts and the panel's measuring page) reports each text's line boxes, sample points, cuts,
 * font size and contrast; classify.ts gives each text one verdict; this file turns the verdicts into per-width figures.
 *
 * Text is weighted by its AREA in the design (the design's box, the same at every width): the share of text area a
 * reader sees, and the share lost to each cause. A text cut mid-word counts as cut whatever share of it shows.
 */
import { classifyText, isProblem, lostWeight, textClassShares, type TextVerdict } from "./classify.js";
import type { DesignFacts, DesignText } from "./design-text.js";
import type { TextProbe, TextSample } from "./text-probe.js";
import type { Box, Placement } from "./types.js";

export type { TextSample } from "./text-probe.js";

/** The figures for one frame at one viewport width. */
export interface WidthFigures {
  width: number;
  /** document scrollWidth − viewport width, 0 when nothing sticks out (1px of rounding is tolerated). */
  overflowPx: number;
  overflow: boolean;
  /**
   * Shares (0..1) of the design's text area by what a reader sees of each text (classify.ts): seen; missing; cut off
   * (by an ancestor, the viewport, an ellipsis, a word broken across lines, or past the right edge of a page that
   * scrolls sideways); under something painted over it; too faint against what is painted behind it; too small. They
   * add up to 1 over the texts the drawing itself does not hide.
   */
  textVisible: number;
  textMissing: number;
  textClipped: number;
  textCovered: number;
  textIllegible: number;
  textTooSmall: number;
  /** Texts the drawing itself covers or clips (left out of the shares). */
  hiddenByDesign: number;
  /** Every text that is not plainly visible, worst first (at most MAX_PROBLEMS). */
  problems: TextVerdict[];
  /** px of page below the last thing it shows, beyond the space the design leaves under its own content. */
  blankBelowPx: number;
  /** The viewport's height at this width. */
  viewportHeight: number;
  /** At widths wider than the design: where the content sits. */
  placement?: Placement;
  /** Pairs of texts whose rendered lines overlap (see overlappingPairs). */
  overlappingPairs: number;
  /** Up to MAX_LISTED of them, as [id, id]. */
  pairs: [string, string][];
  texts: number;
  /** Ids of the texts seen, in reading order (readingOrder), when the caller asked for it. */
  order?: string[];
}

export const MAX_LISTED = 10;

/** Default widths: a phone, a tablet and a wide desktop; the design width is added by the caller. */
export const DEFAULT_WIDTHS: readonly number[] = [390, 768, 1920];

/**
 * The vertical middle of a line box: Range rects span the font's whole ascent + descent, which is taller
 * than a tight Figma line height, so stacked texts' rects touch or overlap by a pixel or two without any
 * glyph overlapping. The middle 60% is where the letters are.
 */
export function inkCore(r: Box): Box {
  const inset = r.height * 0.2;
  return { x: r.x, y: r.y + inset, width: r.width, height: Math.max(0, r.height - 2 * inset) };
}

function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  // Less than a pixel either way is rounding or touching, not overlap.
  return w >= 1 && h >= 1 ? w * h : 0;
}

const areaOf = (rects: Box[]): number => rects.reduce((s, r) => s + r.width * r.height, 0);

/** Share of the smaller text's ink that must be overlapped for a pair to count. */
export const OVERLAP_SHARE = 0.05;

/**
 * Pairs of texts whose ink cores (inkCore of each line box) intersect by more than OVERLAP_SHARE of the
 * smaller text's ink area, in input order ([earlier, later]).
 */
export function overlappingPairs(texts: { id: string; rects: Box[] }[]): [string, string][] {
  const cores = texts.map((t) => {
    const rects = t.rects.map(inkCore).filter((r) => r.width > 0 && r.height > 0);
    return { id: t.id, rects, area: areaOf(rects), bounds: boundsOf(rects) };
  });
  const out: [string, string][] = [];
  for (let i = 0; i < cores.length; i++) {
    const a = cores[i]!;
    if (!a.bounds) continue;
    for (let j = i + 1; j < cores.length; j++) {
      const b = cores[j]!;
      if (!b.bounds || overlapArea(a.bounds, b.bounds) === 0) continue;
      let inter = 0;
      for (const p of a.rects) for (const q of b.rects) inter += overlapArea(p, q);
      if (inter > OVERLAP_SHARE * Math.min(a.area, b.area)) out.push([a.id, b.id]);
    }
  }
  return out;
}

/** The part of a text's drawn box its words take, `inkWidth` px wide (as rendered) at its alignment. */
export function inkOf(text: Pick<DesignText, "box" | "align">, inkWidth: number): Box {
  const { box } = text;
  const w = Math.min(box.width, Math.max(0, inkWidth));
  const x =
    text.align === "center" ? box.x + (box.width - w) / 2 : text.align === "right" ? box.x + box.width - w : box.x;
  return { ...box, x, width: w };
}

function boundsOf(rects: Box[]): Box | undefined {
  if (rects.length === 0) return undefined;
  const x = Math.min(...rects.map((r) => r.x));
  const y = Math.min(...rects.map((r) => r.y));
  const right = Math.max(...rects.map((r) => r.x + r.width));
  const bottom = Math.max(...rects.map((r) => r.y + r.height));
  return { x, y, width: right - x, height: bottom - y };
}

/** How many of a width's texts that are not plainly visible its figures list. */
export const MAX_PROBLEMS = 50;

/**
 * The viewport a width is measured in: the design width in the design's own height (the drawing is the truth
 * there), any other width in a device's (a phone 844 px tall, a tablet 1024, a desktop 16:9), so that a page that
 * keeps the design's height shows as blank space below its content.
 */
export function viewportFor(
  width: number,
  design: { width: number; height: number },
): { width: number; height: number } {
  if (width === design.width) return { width, height: design.height };
  return { width, height: width <= 480 ? 844 : width <= 1024 ? 1024 : Math.round((width * 9) / 16) };
}

/**
 * Where the texts sit at a width wider than the design's, judged against the design's own margins. Like is held
 * against like: a text's rendered lines against the part of its drawn box its lines take (a box drawn wider than its
 * words, as a text that fills its row is, has its words at its left, centre or right by its alignment, as wide as
 * they render, never wider than the box) — else a left-aligned title in a full-width box reads as content that
 * moved away from the right side.
 */
export function placementOf(
  width: number,
  design: DesignFacts,
  seen: readonly { id: string; rects: readonly Box[] }[],
): Placement | undefined {
  const extra = width - design.width;
  const byId = new Map(design.texts.map((t) => [t.id, t]));
  const rendered: Box[] = [];
  const designBoxes: Box[] = [];
  for (const s of seen) {
    const facts = byId.get(s.id);
    const ink = boundsOf([...s.rects]);
    if (!facts || !ink) continue;
    rendered.push(...s.rects);
    designBoxes.push(inkOf(facts, ink.width));
  }
  // A few px wider than the design (a 375-px phone screen at 390) is no wider screen to place the content on.
  if (extra < Math.max(32, 0.05 * design.width) || rendered.length === 0) return undefined;
  const left = (boxes: readonly Box[]): number => Math.min(...boxes.map((b) => b.x));
  const right = (boxes: readonly Box[], w: number): number => w - Math.max(...boxes.map((b) => b.x + b.width));
  const gainLeft = left(rendered) - left(designBoxes);
  const gainRight = right(rendered, width) - right(designBoxes, design.width);
  // Content that widened with the viewport spans it; else it moved — by half the extra each side when centred.
  if (extra - gainLeft - gainRight >= 0.5 * extra) return "spans";
  if (Math.abs(gainLeft - gainRight) <= 0.25 * extra) return "centred";
  return gainRight > gainLeft ? "pinned-left" : "pinned-right";
}

/** One width's figures from what the page reported and what the design shows. */
export function widthFigures(width: number, probe: TextProbe, design: DesignFacts): WidthFigures {
  const excess = Math.max(0, probe.scrollWidth - probe.clientWidth);
  const byId = new Map(design.texts.map((t) => [t.id, t]));
  const verdicts: TextVerdict[] = [];
  let hiddenByDesign = 0;
  for (const sample of probe.samples) {
    const facts = byId.get(sample.id);
    if (!facts) continue;
    const verdict = classifyText(sample, facts, (id) => design.names.get(id));
    if (verdict) verdicts.push(verdict);
    else hiddenByDesign++;
  }
  const shares = textClassShares(verdicts);
  const pairs = overlappingPairs(probe.samples.filter((t) => t.rendered));
  const placement = placementOf(
    width,
    design,
    probe.samples.filter((s) => s.seen > 0),
  );
  const designBlank = Math.max(0, design.height - design.contentBottom);
  return {
    width,
    overflowPx: excess > 1 ? excess : 0,
    overflow: excess > 1,
    textVisible: shares.visible,
    textMissing: shares.missing,
    textClipped: shares.clipped,
    textCovered: shares.covered,
    textIllegible: shares.illegible,
    textTooSmall: shares["too-small"],
    hiddenByDesign,
    problems: verdicts
      .filter(isProblem)
      .sort((a, b) => lostWeight(b) - lostWeight(a))
      .slice(0, MAX_PROBLEMS),
    // A page shorter than the viewport has nothing to scroll through: only a page longer than both its content and
    // the viewport shows blank space, beyond what the design leaves under its own content.
    blankBelowPx: Math.max(
      0,
      Math.round(probe.scrollHeight - Math.max(probe.contentBottom, probe.viewportHeight) - designBlank),
    ),
    viewportHeight: probe.viewportHeight,
    ...(placement ? { placement } : {}),
    overlappingPairs: pairs.length,
    pairs: pairs.slice(0, MAX_LISTED),
    texts: probe.samples.length,
  };
}

/**
 * The widths to measure: `requested` (0 = the design width; deduplicated, in order), or DEFAULT_WIDTHS with the design
 * width in its place among them.
 */
export function widthsFor(designWidth: number, requested?: readonly number[]): number[] {
  const list =
    requested && requested.length > 0 ? requested : [...DEFAULT_WIDTHS, Math.round(designWidth)].sort((a, b) => a - b);
  return [...new Set(list.map((w) => Math.max(1, Math.round(w === 0 ? designWidth : w))))];
}

/** `--widths 390,768` (the word `design` stands for each frame's own width, written 0 here). */
export function parseWidths(text: string): number[] {
  const parts = text
    .split(",")
    .map((p) => p.trim())
    .filter((p) => p !== "");
  if (parts.length === 0) throw new Error("--widths needs a list of viewport widths in px, e.g. --widths 390,768");
  return parts.map((p) => {
    if (p.toLowerCase() === "design") return 0;
    const n = Number(p);
    if (!Number.isInteger(n) || n < 100 || n > 7680)
      throw new Error(`--widths: ${p} is not a viewport width (a whole number of px, 100–7680, or "design")`);
    return n;
  });
}

/**
 * The order in which a reader meets the texts: top to bottom by each text's first line, and left to right
 * among first lines that share a line (their middles within half a line of each other). Texts with no seen
 * sample point are left out.
 */
export function readingOrder(texts: readonly Pick<TextSample, "id" | "rects" | "seen">[]): string[] {
  const firsts = texts
    .filter((t) => t.seen > 0 && t.rects.length > 0)
    .map((t) => {
      const first = t.rects.reduce((a, b) => (b.y + b.height / 2 < a.y + a.height / 2 - a.height / 2 ? b : a));
      return { id: t.id, mid: first.y + first.height / 2, x: first.x, h: first.height };
    })
    .sort((a, b) => a.mid - b.mid || a.x - b.x);
  const out: string[] = [];
  for (let i = 0; i < firsts.length; ) {
    const head = firsts[i]!;
    let j = i + 1;
    while (j < firsts.length && firsts[j]!.mid - head.mid < head.h / 2) j++;
    out.push(
      ...firsts
        .slice(i, j)
        .sort((a, b) => a.x - b.x)
        .map((t) => t.id),
    );
    i = j;
  }
  return out;
}

/**
 * Kendall's tau (tau-a) between two orders of the ids they share: 1 when every pair is in the same order,
 * −1 when every pair is reversed; 1 when they share fewer than two ids. `shared` says how many they share.
 */
export function kendallTau(reference: readonly string[], ours: readonly string[]): { tau: number; shared: number } {
  const rank = new Map(ours.map((id, i) => [id, i]));
  const seq = reference.filter((id) => rank.has(id)).map((id) => rank.get(id)!);
  const n = seq.length;
  if (n < 2) return { tau: 1, shared: n };
  let score = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) score += Math.sign(seq[j]! - seq[i]!);
  return { tau: score / ((n * (n - 1)) / 2), shared: n };
}

export interface Placed {
  id: string;
  box: Box;
  /** The height of its first line, when known (a paragraph is read where it starts). */
  line?: number;
}

/**
 * The order in which a reader meets the texts of a drawing laid out in blocks: a recursive XY-cut of the texts'
 * boxes, at each step cutting along the widest band of empty space (rows top to bottom, or columns left to right when
 * each column holds more than one text), so that two columns side by side are read one after the other and each card of
 * a row keeps its title with its text, where `readingOrder`'s line-by-line reading interleaves them. What no empty band
 * separates is read line by line (readingOrder), each text by its first line.
 */
export function blockReadingOrder(texts: readonly Placed[]): string[] {
  const placed = texts.filter((t) => t.box.width > 0 && t.box.height > 0);
  return cutOrder(placed);
}

function cutOrder(texts: readonly Placed[]): string[] {
  if (texts.length <= 1) return texts.map((t) => t.id);
  const rows = splitAlong(texts, "y");
  const columns = splitAlong(texts, "x");
  // Columns first where their band is the wider and each holds texts to read down it (two columns of a dialog, cards
  // of a row); a lone text apart on a row (a "Back" and a "Next" button far apart) is only a row's item. Columns whose
  // lines start at the same heights are a grid (a form's labels and fields in two columns): read a row of it at a time,
  // unless the columns stand much further apart than its rows (each card's title with its text).
  const byColumns =
    columns.parts.length > 1 &&
    (rows.parts.length < 2 ||
      (columns.gap > rows.gap &&
        columns.parts.every((p) => p.length > 1) &&
        (!gridLines(columns.parts) || columns.gap >= 2 * rows.gap)));
  const chosen = byColumns ? columns : rows;
  if (chosen.parts.length > 1) return chosen.parts.flatMap(cutOrder);
  return firstLineOrder(texts);
}

/** readingOrder of drawn texts, each read where its first line is (`line` tall, its whole box when not given). */
export function firstLineOrder(texts: readonly Placed[]): string[] {
  return readingOrder(
    texts.map((t) => ({
      id: t.id,
      seen: 1,
      rects: [{ ...t.box, height: Math.min(t.box.height, t.line ?? t.box.height) }],
    })),
  );
}

/** Lines of texts whose tops lie within this of each other start at the same height. */
const SAME_LINE = 6;

/** Whether columns of texts are a grid: at least half the line tops of each column are line tops of the next one. */
function gridLines(columns: readonly Placed[][]): boolean {
  const tops = columns.map((c) => [...new Set(c.map((t) => Math.round(t.box.y)))]);
  return tops.slice(1).every((next, i) => {
    const [a, b] = [tops[i]!, next];
    const shared = a.filter((y) => b.some((z) => Math.abs(z - y) <= SAME_LINE)).length;
    return shared * 2 >= Math.min(a.length, b.length) && shared >= 2;
  });
}

/**
 * The texts split at the widest band of empty space across the axis (at each band as wide), in order along it, with
 * that band's size.
 */
function splitAlong(texts: readonly Placed[], axis: "x" | "y"): { parts: Placed[][]; gap: number } {
  const from = (t: Placed): number => (axis === "x" ? t.box.x : t.box.y);
  const to = (t: Placed): number => from(t) + (axis === "x" ? t.box.width : t.box.height);
  const sorted = [...texts].sort((a, b) => from(a) - from(b));
  const runs: { texts: Placed[]; gapBefore: number }[] = [];
  let reach = -Infinity;
  for (const t of sorted) {
    // Boxes that only touch (a line's box on the next line's) are not apart.
    if (runs.length === 0 || from(t) > reach + 0.5)
      runs.push({ texts: [], gapBefore: runs.length === 0 ? 0 : from(t) - reach });
    runs[runs.length - 1]!.texts.push(t);
    reach = Math.max(reach, to(t));
  }
  const gap = Math.max(0, ...runs.map((r) => r.gapBefore));
  const parts: Placed[][] = [];
  for (const run of runs) {
    if (parts.length === 0 || run.gapBefore >= gap - 0.5) parts.push([...run.texts]);
    else parts[parts.length - 1]!.push(...run.texts);
  }
  return { parts, gap: parts.length > 1 ? gap : 0 };
}
