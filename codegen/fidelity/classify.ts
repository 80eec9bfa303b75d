/**
 * Each text's verdict at one width — what a reader sees of it — from what the page reported (text-probe.ts) and what
 * the drawing itself shows of it (design-text.ts). Pure. A text gets one class, the first that applies:
 * missing → clipped → covered → illegible → too small → visible. What the drawing itself covers or clips is expected
 * not to show: such a text counts neither way, and a partial cover or clip the drawing has is allowed for. A text in a
 * closed menu whose button is on screen (a navigation bar's links on a phone) is seen: one press shows it.
 */
import { failedContrast } from "../design/color.js";
import { HIDDEN_BY_DESIGN, LEGIBLE_CONTRAST, type DesignText } from "./design-text.js";
import type { MissingReason, TextSample } from "./text-probe.js";
import type { TextClass, TextProblem, TextShares } from "./types.js";

/** Rendered under this many px where the design's text was MIN_DESIGN_PX or more: too small to read on a phone. */
export const MIN_READABLE_PX = 12;
export const MIN_DESIGN_PX = 14;
/**
 * Sample points beyond what the drawing itself hides that make a text clipped or covered (a stray point is rounding).
 */
const TOLERANCE = 0.05;
/**
 * Share of a text's seen points under its contrast threshold that makes it illegible (points whose backdrop cannot be
 * judged count as legible).
 */
const ILLEGIBLE_SHARE = 0.25;

export interface TextVerdict {
  id: string;
  name: string;
  class: TextClass;
  /** The text's weight in the shares: its box's area in the design. */
  area: number;
  /** Share (0..1) of its sample points a reader sees. */
  visible: number;
  detail?: string;
}

const MISSING_WORDS: Record<MissingReason, string> = {
  "no element": "not in the generated page",
  "no box": "not rendered (display: none)",
  "not visible": "visibility: hidden",
  "zero opacity": "opacity 0",
  "no text": "its element shows no text",
};

const ratio = (n: number): string => `${n >= 10 ? Math.round(n) : Math.round(n * 10) / 10}:1`;
/** A contrast that failed its threshold: 2.996 is "2.99:1", never "3:1 (needs 3:1)". */
const failedRatio = (n: number): string => `${failedContrast(n)}:1`;

/**
 * What covers or veils a text, in words: a layer by its name (“Hero”), an element of no layer by its tag; a
 * pseudo-element (`1:5::after`, `<div>::before`) as the one of its element ("the ::after of “Hero”").
 */
export function coverWords(by: string, nameOf: (id: string) => string | undefined): string {
  const pseudo = /::(?:before|after)$/.exec(by)?.[0] ?? "";
  const element = by.slice(0, by.length - pseudo.length);
  const name = element.startsWith("<") ? undefined : (nameOf(element) ?? element);
  const of = pseudo ? `the ${pseudo} of ` : "";
  return name === undefined
    ? `${of}a ${element} that is no layer of the design`
    : `${of}“${Array.from(name).length > 80 ? `${Array.from(name).slice(0, 79).join("")}…` : name}”`;
}

/**
 * The verdict on `sample` against `design`, or undefined when the drawing itself hides the text (covered by a
 * layer painted above it, or clipped by its frame, for HIDDEN_BY_DESIGN of its box or more).
 */
export function classifyText(
  sample: TextSample,
  design: DesignText,
  nameOf: (id: string) => string | undefined = () => undefined,
): TextVerdict | undefined {
  if (design.covered >= HIDDEN_BY_DESIGN || design.clipped >= HIDDEN_BY_DESIGN) return undefined;
  const base = { id: design.id, name: design.name, area: Math.max(1, design.box.width * design.box.height) };
  const verdict = (cls: TextClass, visible: number, detail?: string): TextVerdict => ({
    ...base,
    class: cls,
    visible: Math.round(visible * 10000) / 10000,
    ...(detail ? { detail } : {}),
  });
  // In a closed menu whose button is on screen (a phone's navigation): one press shows it.
  if (!sample.rendered && sample.menu) return verdict("visible", 1, "behind the menu button");
  if (!sample.rendered) return verdict("missing", 0, MISSING_WORDS[sample.missing ?? "no box"]);
  const points = sample.seen + sample.offscreen + sample.clipped + sample.covered;
  if (points === 0)
    return verdict(
      design.chars > 0 ? "missing" : "visible",
      design.chars > 0 ? 0 : 1,
      design.chars > 0 ? "no line of it has a box" : undefined,
    );
  const seen = sample.seen / points;
  const lostToClip = (sample.clipped + sample.offscreen) / points;
  // A cut the drawing itself has (a text its frame clips) is expected, as far as the drawing cuts it.
  const designCuts = design.clipped > 0.02;
  const cut = sample.cut;
  if (
    cut &&
    (cut.kind === "word" || cut.kind === "ellipsis" || !designCuts || lostToClip > design.clipped + TOLERANCE)
  ) {
    const shown = Array.from(cut.shown).length > 60 ? `${Array.from(cut.shown).slice(0, 59).join("")}…` : cut.shown;
    const detail =
      cut.kind === "word"
        ? `“${shown.replace("|", "")}” broken across lines at “${shown.split("|")[0]}”`
        : cut.kind === "ellipsis"
          ? "cut short with an ellipsis"
          : shown
            ? `cut to “${shown}”`
            : "cut off entirely";
    return verdict("clipped", seen, detail);
  }
  if (lostToClip > design.clipped + TOLERANCE) {
    const detail =
      sample.offscreen > sample.clipped
        ? "past the right edge: the page scrolls sideways"
        : "partly outside what clips it";
    return verdict("clipped", seen, detail);
  }
  if (sample.covered / points > design.covered + TOLERANCE) {
    const by = sample.coveredBy;
    return verdict("covered", seen, by ? `under ${coverWords(by, nameOf)}` : "under another layer");
  }
  if (sample.measured > 0 && sample.lowContrast / Math.max(sample.measured, sample.seen) >= ILLEGIBLE_SHARE) {
    const against =
      design.contrast !== undefined && design.contrast < LEGIBLE_CONTRAST
        ? `design ${ratio(design.contrast)}`
        : `needs ${ratio(LEGIBLE_CONTRAST)}`;
    const veiled = sample.veiledBy ? ` under ${coverWords(sample.veiledBy, nameOf)}` : "";
    const median = sample.contrast ?? 1;
    // Illegible when a quarter of its points fail: the median may meet the threshold, and is then not the failure.
    if (median >= design.minContrast) {
      const share = Math.round((100 * sample.lowContrast) / Math.max(sample.measured, sample.seen));
      return verdict(
        "illegible",
        seen,
        `contrast under ${ratio(design.minContrast)} on ${share} % of it ` +
          `(median ${Math.round(median * 100) / 100}:1)${veiled}`,
      );
    }
    return verdict("illegible", seen, `contrast ${failedRatio(median)} (${against})${veiled}`);
  }
  if (design.fontSize >= MIN_DESIGN_PX && sample.fontPx > 0 && sample.fontPx < MIN_READABLE_PX) {
    return verdict(
      "too-small",
      seen,
      `${Math.round(sample.fontPx * 10) / 10} px (design ${Math.round(design.fontSize * 10) / 10} px)`,
    );
  }
  return verdict("visible", seen);
}

const CLASSES: readonly TextClass[] = ["visible", "missing", "clipped", "covered", "illegible", "too-small"];

/** Share of the text area in each class; no text at all: everything visible. */
export function textClassShares(verdicts: readonly TextVerdict[]): TextShares {
  const shares = Object.fromEntries(CLASSES.map((c) => [c, 0])) as TextShares;
  const total = verdicts.reduce((s, v) => s + v.area, 0);
  if (total === 0) return { ...shares, visible: 1 };
  for (const v of verdicts) shares[v.class] += v.area;
  // Each class's area over the whole, rounded far below what is shown (so that all of it is exactly 1).
  for (const c of CLASSES) shares[c] = Math.round((shares[c] / total) * 1e9) / 1e9;
  return shares;
}

/** How bad a verdict is, for listing the worst first: its area, the more so the less of it is seen. */
export function lostWeight(v: TextVerdict): number {
  return v.area * (v.class === "visible" ? 0 : 1 + (1 - v.visible));
}

export const isProblem = (v: TextVerdict): v is TextVerdict & { class: TextProblem } => v.class !== "visible";
