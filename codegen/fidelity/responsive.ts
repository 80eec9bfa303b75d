/**
 * Responsiveness of generated HTML, per viewport width: the pure half (no browser). The page half
 * (cli/responsive-page.ts, the probe in codegen/fidelity/probe.ts) samples each text's rendered line boxes and reports, per sample point, whether
 * the text is seen there; this file turns those samples into figures.
 *
 * Text is weighted by CHARACTERS: a text's visible share is the share of its sample points that are seen
 * (points are spread along its rendered lines, proportionally to their width), and the frame's figure is
 * the mean of those shares weighted by each text's character count. Box area would let a big heading
 * outweigh a paragraph and change with reflow; characters do not.
 */
import type { Box } from "./types.js";

/** Why a sample point of a text is not seen. */
export type Hidden = "offscreen" | "clipped" | "covered";

/** What the page reports for one design TEXT node at one width. */
export interface TextSample {
  id: string;
  /** Characters the design shows (the weight). */
  chars: number;
  /** false when no element carries the node's id, or it has no layout box. */
  rendered: boolean;
  /** Rendered line boxes, in document coordinates (px). */
  rects: Box[];
  /** Sample points: how many were seen, and why the others were not. */
  seen: number;
  offscreen: number;
  clipped: number;
  covered: number;
}

/** The figures for one frame at one viewport width. */
export interface WidthFigures {
  width: number;
  /** document scrollWidth − viewport width, 0 when nothing sticks out (1px of rounding is tolerated). */
  overflowPx: number;
  overflow: boolean;
  /**
   * Character-weighted shares (0..1) of the text: seen; past the viewport's right edge where the page
   * scrolls sideways (offscreen); cut off by an ancestor or the viewport with no way to scroll to it
   * (clipped); under something that paints (covered).
   */
  textVisible: number;
  textOffscreen: number;
  textClipped: number;
  textCovered: number;
  /** Share of characters whose node has no rendered element. */
  textMissing: number;
  /** Pairs of texts whose rendered lines overlap (see overlappingPairs). */
  overlappingPairs: number;
  /** Up to MAX_LISTED of them, as [id, id]. */
  pairs: [string, string][];
  texts: number;
  /** Ids of the texts seen, in reading order (readingOrder), when the caller asked for it. */
  order?: string[];
}

export const MAX_LISTED = 10;

/** Default widths: a phone and a tablet; the design width is added by the caller. */
export const DEFAULT_WIDTHS: readonly number[] = [390, 768];

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

function boundsOf(rects: Box[]): Box | undefined {
  if (rects.length === 0) return undefined;
  const x = Math.min(...rects.map((r) => r.x));
  const y = Math.min(...rects.map((r) => r.y));
  const right = Math.max(...rects.map((r) => r.x + r.width));
  const bottom = Math.max(...rects.map((r) => r.y + r.height));
  return { x, y, width: right - x, height: bottom - y };
}

/**
 * Character-weighted shares of seen / offscreen / clipped / covered / missing text. A text that is
 * rendered but has no sample point (an empty line box) counts as seen when it has no characters to show
 * and as missing otherwise. No text at all: everything is visible (1).
 */
export function textShares(texts: TextSample[]): Pick<WidthFigures, "textVisible" | "textOffscreen" | "textClipped" | "textCovered" | "textMissing"> {
  let total = 0;
  const sum = { seen: 0, offscreen: 0, clipped: 0, covered: 0, missing: 0 };
  for (const t of texts) {
    const weight = Math.max(1, t.chars);
    total += weight;
    const points = t.seen + t.offscreen + t.clipped + t.covered;
    if (!t.rendered || points === 0) {
      sum.missing += weight;
      continue;
    }
    sum.seen += (weight * t.seen) / points;
    sum.offscreen += (weight * t.offscreen) / points;
    sum.clipped += (weight * t.clipped) / points;
    sum.covered += (weight * t.covered) / points;
  }
  if (total === 0) return { textVisible: 1, textOffscreen: 0, textClipped: 0, textCovered: 0, textMissing: 0 };
  return {
    textVisible: sum.seen / total,
    textOffscreen: sum.offscreen / total,
    textClipped: sum.clipped / total,
    textCovered: sum.covered / total,
    textMissing: sum.missing / total,
  };
}

/** One width's figures from what the page reported. */
export function widthFigures(width: number, scrollWidth: number, clientWidth: number, texts: TextSample[]): WidthFigures {
  const excess = Math.max(0, scrollWidth - clientWidth);
  const pairs = overlappingPairs(texts.filter((t) => t.rendered));
  return {
    width,
    overflowPx: excess > 1 ? excess : 0,
    overflow: excess > 1,
    ...textShares(texts),
    overlappingPairs: pairs.length,
    pairs: pairs.slice(0, MAX_LISTED),
    texts: texts.length,
  };
}

/** The widths to measure: `requested` (0 = the design width; deduplicated, in order), or DEFAULT_WIDTHS plus the design width. */
export function widthsFor(designWidth: number, requested?: readonly number[]): number[] {
  const list = requested && requested.length > 0 ? requested : [...DEFAULT_WIDTHS, Math.round(designWidth)];
  return [...new Set(list.map((w) => Math.max(1, Math.round(w === 0 ? designWidth : w))))];
}

/** `--widths 390,768` (the word `design` stands for each frame's own width, written 0 here). */
export function parseWidths(text: string): number[] {
  const parts = text.split(",").map((p) => p.trim()).filter((p) => p !== "");
  if (parts.length === 0) throw new Error("--widths needs a list of viewport widths in px, e.g. --widths 390,768");
  return parts.map((p) => {
    if (p.toLowerCase() === "design") return 0;
    const n = Number(p);
    if (!Number.isInteger(n) || n < 100 || n > 7680) throw new Error(`--widths: ${p} is not a viewport width (a whole number of px, 100–7680, or "design")`);
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
    out.push(...firsts.slice(i, j).sort((a, b) => a.x - b.x).map((t) => t.id));
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
