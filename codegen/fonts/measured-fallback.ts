/**
 * A fallback face for a family nobody serves and no catalog knows (TT Norms, Pretendard, Whyte Inktrap: the user's
 * own files), sized from the design's own texts: each one-line text that sizes itself is drawn in the design's font
 * as wide as its box, so the box's width against the fallback's advance widths for the same characters is how much
 * wider or narrower the design's font sets them. The fallback face is the system sans scaled by that (size-adjust,
 * as next/font and Capsize size a known font's), so a missing font wraps where the design wraps at its width.
 */
import { cleanFamily } from "./usage.js";
import type { DesignNode, TextContent } from "../design/types.js";

/** Helvetica's (and so Arial's and Liberation Sans') advance widths, per 1000 units, for U+0020…U+007E. */
const REGULAR = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833,
  722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556,
  556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334,
  260, 334, 584,
];
const BOLD = [
  278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833,
  722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611,
  556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389,
  280, 389, 584,
];
/**
 * The same for Cyrillic and a few signs, as Chromium measures Liberation Sans (Arial's metric twin on Linux) per 1000
 * units: the characters, then their regular and bold widths.
 */
const MORE = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ₽—«»№";
const MORE_REGULAR = [
  556, 573, 531, 365, 583, 556, 556, 669, 458, 559, 559, 438, 583, 688, 552, 556, 542, 556, 500, 458, 500, 823, 500,
  573, 521, 802, 823, 625, 719, 521, 510, 750, 542, 667, 656, 667, 542, 677, 667, 667, 923, 604, 719, 719, 583, 656,
  833, 722, 778, 719, 667, 722, 611, 635, 760, 667, 740, 667, 917, 938, 792, 885, 656, 719, 1010, 722, 636, 1000, 556,
  556, 1073,
];
const MORE_BOLD = [
  556, 618, 615, 417, 635, 556, 556, 709, 497, 615, 615, 500, 635, 740, 604, 611, 604, 611, 556, 490, 556, 875, 556,
  615, 581, 833, 844, 729, 854, 615, 552, 854, 583, 722, 719, 722, 567, 712, 667, 669, 904, 626, 719, 719, 610, 702,
  833, 722, 778, 719, 667, 722, 611, 622, 854, 667, 730, 703, 1005, 1019, 870, 979, 719, 711, 1031, 719, 636, 1000, 556,
  556, 1115,
];
/** Other letters of the scripts the system sans draws (Cyrillic, Greek, accented Latin): its typical widths. */
const LETTER = { upper: [722, 722], lower: [556, 611] } as const;
const DRAWN = /^[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{N}\p{P}\p{Zs}\p{S}]$/u;

/** The fallback's advance of `ch` per 1000 units of font size; undefined for a script it does not draw. */
function advance(ch: string, bold: boolean): number | undefined {
  const base = ch.normalize("NFD")[0] ?? ch;
  const code = base.codePointAt(0) ?? 0;
  if (code >= 0x20 && code <= 0x7e) return (bold ? BOLD : REGULAR)[code - 0x20];
  const more = MORE.indexOf(ch);
  if (more >= 0) return (bold ? MORE_BOLD : MORE_REGULAR)[more];
  if (!DRAWN.test(ch)) return undefined;
  const upper = ch !== ch.toLowerCase();
  return (upper ? LETTER.upper : LETTER.lower)[bold ? 1 : 0];
}

/** The text as drawn (its case applied), when it is one line of one style; undefined for anything else. */
function drawnLine(node: DesignNode, text: TextContent): string | undefined {
  if ((text.runs?.length ?? 0) > 0 || /\n/.test(text.chars) || node.rotation) return;
  const line = text.style.lineHeight ?? text.style.size * 1.2;
  if (line <= 0 || Math.round(node.h / line) !== 1) return;
  const chars = text.chars.trim();
  if (!chars) return;
  return text.style.case === "upper" ? chars.toUpperCase() : text.style.case === "lower" ? chars.toLowerCase() : chars;
}

/** One-line texts of the family in one weight class: their drawn widths and the fallback's for the same text. */
function oneLineTexts(
  family: string,
  frames: readonly DesignNode[],
  bold: boolean,
): { drawn: number; fallback: number; sizesItself: boolean; weight: number }[] {
  const out: { drawn: number; fallback: number; sizesItself: boolean; weight: number }[] = [];
  const visit = (node: DesignNode): void => {
    const text = node.text;
    const chars =
      text && cleanFamily(text.style.family) === family && text.style.weight > 500 === bold
        ? drawnLine(node, text)
        : undefined;
    if (text && chars) {
      const points = [...chars];
      const units = points.map((ch) => advance(ch, bold));
      if (units.every((u) => u !== undefined)) {
        const drawn = node.w - (text.style.letterSpacing ?? 0) * points.length;
        const fallback = (units.reduce((a, b) => a + b, 0) / 1000) * text.style.size;
        if (drawn > 0 && fallback > 0)
          out.push({ drawn, fallback, sizesItself: text.resize === "width", weight: text.style.weight });
      }
    }
    for (const child of node.children ?? []) visit(child);
  };
  frames.forEach(visit);
  return out;
}

/** How much of its box a one-line text of a fixed width may fill (the fallback's widths are typical, not its). */
const FIT = 0.98;

/**
 * How much wider the design's font sets the family's texts of one weight class (bold: heavier than 500) than the
 * fallback: the one-line texts that size themselves, their widths summed against the fallback's (those of `weight`
 * where it is given and has some, else the class's, else the other class's), at most what keeps every one-line text
 * of a fixed width (of `weight`, where given) on its one line. Undefined where nothing measures it, or the ratio is no
 * font's (texts drawn over their boxes). Per weight, since one fallback face stands in for several of the design's:
 * over-promo's 400 has a 203-px one-line box its typical widths barely fit, which must not narrow its 500s.
 */
export function measuredWidthRatio(
  family: string,
  frames: readonly DesignNode[],
  bold: boolean,
  weight?: number,
): number | undefined {
  const own = oneLineTexts(family, frames, bold);
  const ofWeight = weight === undefined ? own : own.filter((t) => t.weight === weight);
  const sized = (list: typeof own) => list.filter((t) => t.sizesItself);
  const ratioOf = (list: typeof own) => {
    const fallback = list.reduce((a, t) => a + t.fallback, 0);
    return fallback > 0 ? list.reduce((a, t) => a + t.drawn, 0) / fallback : undefined;
  };
  const measured =
    ratioOf(sized(ofWeight)) ?? ratioOf(sized(own)) ?? ratioOf(sized(oneLineTexts(family, frames, !bold)));
  const fixed = ofWeight.filter((t) => !t.sizesItself);
  if (measured === undefined && fixed.length === 0) return undefined;
  const cap = Math.min(...fixed.map((t) => (t.drawn * FIT) / t.fallback));
  const ratio = Math.min(measured ?? 1, cap);
  return ratio >= 0.6 && ratio <= 1.6 ? ratio : undefined;
}
