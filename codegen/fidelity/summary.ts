/**
 * A score in words, the same in the panel and the CLI: "Matches the design 96 % · Phone: 87 % of text visible (8 %
 * cut off, 5 % covered), scrolls sideways 40 px · Tablet, 1920 px: all text visible", one line per layer that is
 * off, and one per text a reader does not see and why.
 */
import type { Box, FidelityScore, TextClass, TextProblem, TextVerdictRow, WidthScore } from "./types.js";

/** Phone and tablet by the widths the score measures; any other width by its px ("1920 px"). */
export function widthLabel(width: number, designWidth: number): string {
  const name = widthName(width, designWidth);
  return /\d/.test(name) ? name : `${name} (${width} px)`;
}

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

/** The words for each class of text not seen: "8 % cut off". */
export const CLASS_WORDS: Record<TextProblem, string> = {
  missing: "missing",
  clipped: "cut off",
  covered: "covered",
  illegible: "illegible",
  "too-small": "too small",
};

/** Blank page below the content beyond this share of the viewport's height is worth saying. */
export const BLANK_SHARE = 0.25;

/** What is wrong with the page as a whole at one width, in words (empty: nothing). */
export function pageWords(w: WidthScore): string[] {
  const out: string[] = [];
  if (w.overflow) out.push(`scrolls sideways ${w.overflowPx} px`);
  if (w.blankBelowPx !== undefined && w.viewportHeight !== undefined && w.blankBelowPx > BLANK_SHARE * w.viewportHeight)
    out.push(`${w.blankBelowPx.toLocaleString("en-US")} px blank below`);
  if (w.placement === "pinned-left" || w.placement === "pinned-right")
    out.push(w.placement === "pinned-left" ? "pinned left" : "pinned right");
  return out;
}

/**
 * The causes said whenever they reach 1 %, beyond the two largest: text on screen that a reader still cannot read
 * (something over it, too little contrast), which a share of text visible does not make plain (issue 69).
 */
const ALWAYS_SAID: readonly TextProblem[] = ["covered", "illegible"];

/**
 * The causes of the text not seen that a width's words name, largest first: the two largest, and covered and
 * illegible whenever they reach 1 % ("8 % cut off", "4 % too small", "3 % illegible"); none when it says "all text
 * visible".
 */
export function causeWords(w: WidthScore): { problem: TextProblem; words: string }[] {
  if (w.textVisible >= 0.995 || !w.text) return [];
  return (Object.entries(w.text) as [TextClass, number][])
    .filter((e): e is [TextProblem, number] => e[0] !== "visible" && e[1] >= 0.005)
    .sort((a, b) => b[1] - a[1])
    .filter(([c], i) => i < 2 || ALWAYS_SAID.includes(c))
    .map(([c, share]) => ({ problem: c, words: `${percent(share)} ${CLASS_WORDS[c]}` }));
}

/**
 * "all text visible" / "87 % of text visible (8 % cut off, 5 % covered)" (causeWords), then what is wrong with the
 * page: ", scrolls sideways 40 px, 1,100 px blank below, pinned left".
 */
export function widthWords(w: WidthScore): string {
  let text = "all text visible";
  if (w.textVisible < 0.995) {
    const causes = causeWords(w).map((c) => c.words);
    text = `${percent(w.textVisible)} of text visible${causes.length > 0 ? ` (${causes.join(", ")})` : ""}`;
  }
  return [text, ...pageWords(w)].join(", ");
}

/** Neighbouring widths with the same words share them: "Phone, Tablet: all text visible" (widths narrowest first). */
function groupedWords(score: FidelityScore, widths: WidthScore[], wordsOf: (w: WidthScore) => string): string[] {
  const groups: { names: string[]; words: string }[] = [];
  for (const w of [...widths].sort((a, b) => a.width - b.width)) {
    const words = wordsOf(w);
    const last = groups[groups.length - 1];
    if (last && last.words === words) last.names.push(widthName(w.width, score.designWidth));
    else groups.push({ names: [widthName(w.width, score.designWidth)], words });
  }
  return groups.filter((g) => g.words !== "").map((g) => `${g.names.join(", ")}: ${g.words}`);
}

/** The headline's first words, before its figure. */
export const MATCH_WORDS = "Matches the design";

/**
 * Text on screen that a phone or a tablet reader cannot read (covered, illegible), as scoreSummary says it at those
 * widths: "Phone, Tablet: 14 % covered, 9 % illegible"; undefined when none reaches 1 % there. The panel's closed
 * line leads with it, where the rest of the headline is cut (issue 69).
 */
export function unreadWords(score: FidelityScore): string | undefined {
  const devices = score.widths.filter((w) => w.width !== score.designWidth && w.width <= 1024);
  const words = (w: WidthScore) =>
    causeWords(w)
      .filter((c) => ALWAYS_SAID.includes(c.problem))
      .map((c) => c.words)
      .join(", ");
  const parts = groupedWords(score, devices, words);
  return parts.length > 0 ? parts.join(" · ") : undefined;
}

/**
 * The fonts the page could not load, in words ("Fonts not loaded: Inter, Poppins: the figures are for fallback fonts"),
 * or undefined when it had them all.
 */
export function fontWords(score: FidelityScore): string | undefined {
  const missing = score.fontsMissing ?? [];
  if (missing.length === 0) return undefined;
  const names =
    missing.length > 3 ? `${missing.slice(0, 3).join(", ")} and ${missing.length - 3} more` : missing.join(", ");
  return `Fonts not loaded: ${names}: the figures are for fallback fonts`;
}

/**
 * The headline: IoU×matched at the design width, then the other widths (narrowest first; neighbours with the same
 * words share them: "Phone, Tablet: all text visible"). The fonts the page lacked are said beside it (fontWords).
 */
export function scoreSummary(score: FidelityScore): string {
  const others = score.widths.filter((w) => w.width !== score.designWidth);
  const design = score.widths.find((w) => w.width === score.designWidth);
  const parts = [`${MATCH_WORDS} ${percent(score.iouMatched)}`];
  if (design && widthWords(design) !== "all text visible")
    parts.push(`${widthName(design.width, score.designWidth)}: ${widthWords(design)}`);
  parts.push(...groupedWords(score, others, widthWords));
  return parts.join(" · ");
}

/** The lowest share a reader sees of the text at any width. */
export function worstTextVisible(score: FidelityScore): number {
  return Math.min(1, ...score.widths.map((w) => w.textVisible));
}

/** Whether the score has anything to fix: layers off, texts not seen, or a page problem at some width. */
export function hasDifferences(score: FidelityScore): boolean {
  return score.worst.length > 0 || score.widths.some((w) => w.hiddenTexts.length > 0 || pageWords(w).length > 0);
}

/**
 * Good, fair or poor: the headline's colour, by the worse of IoU×matched and the text seen at the worst width; a
 * page problem (sideways scroll, blank space, content pinned to a side) makes it fair at best.
 */
export function scoreTone(score: FidelityScore): "good" | "fair" | "poor" {
  const share = Math.min(score.iouMatched, worstTextVisible(score));
  const tone = share >= 0.9 ? "good" : share >= 0.7 ? "fair" : "poor";
  return tone === "good" && score.widths.some((w) => pageWords(w).length > 0) ? "fair" : tone;
}

export const px = (n: number): string => `${Math.round(Math.abs(n))} px`;

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

/** A text's class, as a label: "Cut off", "Covered", "Illegible", "Too small", "Missing". */
export function textClassLabel(problem: TextProblem | undefined): string {
  const words = CLASS_WORDS[problem ?? "clipped"];
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * What a reader meets of one text, in words: "cut to “FRONTIE”", "under “Card”", or "40 % visible" for an older score.
 */
export function textWords(t: TextVerdictRow): string {
  return t.detail ?? `${percent(t.visible)} visible`;
}
