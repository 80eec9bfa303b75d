/**
 * A score in words, the same in the panel and the CLI: "Matches the design 96 % · Phone: all text visible ·
 * Tablet: 87 % of text visible, scrolls sideways 40 px", and one line per layer that is off.
 */
import type { Box, FidelityScore, LayerDiff, WidthScore } from "./types.js";

/** Phone and tablet by the widths the score measures; any other width by its px. */
export function widthName(width: number, designWidth: number): string {
  if (width === designWidth) return `Design width (${width})`;
  if (width <= 480) return "Phone";
  if (width <= 1024) return "Tablet";
  return `${width} px`;
}

/**
 * `value` rounded half up to `digits` decimals as it is written in decimal: 0.965 → 0.97 and 28.5 → 29, although
 * 0.965 is stored a hair below (0.965.toFixed(2) is "0.96") and 0.285 × 100 is 28.499…. The one rounding of the
 * score's figures, so "97 %" and "0.97" never disagree.
 */
export function roundHalfUp(value: number, digits = 0): number {
  const scale = 10 ** digits;
  return Math.round(Number((value * scale).toPrecision(12))) / scale;
}

/** A share (0..1) with `digits` decimals, rounded as `percent` rounds: half up, and never to 1 unless it is 1. */
export function shareText(share: number, digits: number): string {
  const rounded = share >= 1 ? share : Math.min(roundHalfUp(share, digits), 1 - 10 ** -digits);
  return rounded.toFixed(digits);
}

/** Whole per cent, rounded half up, never rounded up to 100 % unless it is 100 %. */
export function percent(share: number): string {
  const p = share >= 1 ? 100 : Math.min(99, roundHalfUp(share * 100));
  return `${p} %`;
}

/** "all text visible" / "87 % of text visible", with ", scrolls sideways 40 px" when the page overflows. */
export function widthWords(w: WidthScore): string {
  const text = w.textVisible >= 0.995 ? "all text visible" : `${percent(w.textVisible)} of text visible`;
  return w.overflow ? `${text}, scrolls sideways ${w.overflowPx} px` : text;
}

/** The headline: IoU×matched at the design width, then each other width (phone first). */
export function scoreSummary(score: FidelityScore): string {
  const others = score.widths.filter((w) => w.width !== score.designWidth).sort((a, b) => a.width - b.width);
  const design = score.widths.find((w) => w.width === score.designWidth);
  const parts = [`Matches the design ${percent(score.iouMatched)}`];
  if (design && (design.textVisible < 0.995 || design.overflow)) parts.push(`${widthName(design.width, score.designWidth)}: ${widthWords(design)}`);
  for (const w of others) parts.push(`${widthName(w.width, score.designWidth)}: ${widthWords(w)}`);
  return parts.join(" · ");
}

const px = (n: number): string => `${Math.round(Math.abs(n))} px`;

/** How a rendered box differs from the design's: "40 px right, 12 px narrower" ("in place" when under 1 px). */
export function boxDelta(design: Box, rendered: Box): string {
  const out: string[] = [];
  const dx = rendered.x - design.x;
  const dy = rendered.y - design.y;
  const dw = rendered.width - design.width;
  const dh = rendered.height - design.height;
  if (Math.abs(dx) >= 1) out.push(`${px(dx)} ${dx > 0 ? "right" : "left"}`);
  if (Math.abs(dy) >= 1) out.push(`${px(dy)} ${dy > 0 ? "lower" : "higher"}`);
  if (Math.abs(dw) >= 1) out.push(`${px(dw)} ${dw > 0 ? "wider" : "narrower"}`);
  if (Math.abs(dh) >= 1) out.push(`${px(dh)} ${dh > 0 ? "taller" : "shorter"}`);
  return out.length > 0 ? out.join(", ") : "in place";
}

/** One layer that is off, in words: "Title — 40 px right, 12 px narrower", "Icon — missing", "Menu — hidden". */
export function layerWords(d: LayerDiff): string {
  if (d.problem === "missing") return `${d.name} — missing (no element carries its id)`;
  if (d.problem === "hidden" || !d.rendered) return `${d.name} — hidden (rendered with no box)`;
  return `${d.name} — ${boxDelta(d.design, d.rendered)}`;
}
