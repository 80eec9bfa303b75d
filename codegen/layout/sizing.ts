/**
 * How an item of an inferred flow is sized: fill / hug / fixed, from its width against its parent's
 * content box. Text never keeps a fixed height that would clip it when it wraps to more lines (its design
 * height stays as a minimum); a long single-line text may wrap on narrow screens.
 */
import { marksFlow } from "../design/node.js";
import { drawnOnOneLine } from "../design/one-line.js";
import type { DesignNode, FlowItem } from "../design/types.js";
import { PHONE_GUTTER, type Box } from "./boxes.js";
import { normalLineHeight } from "./simulate.js";

/** Headings at least this large scale with the viewport (clamp between a phone size and the design size). */
export const FLUID_TEXT_MIN = 32;

/** Absolute containers wider than this, placed in a flow, scale as a unit. */
const SCALE_FROM = 320;
/** Auto-width texts up to this wide stay on one line (they fit the narrowest screen). */
const ONE_LINE_MAX = 300;

export interface ItemPlace {
  dir: "row" | "column";
  flow: FlowItem;
  crossFill: boolean;
  /** Width of the screen the design was drawn for (for the headings' vw). */
  designWidth: number;
}

/**
 * The box an item takes in the flow. A text of whole lines is as tall as its lines (2 lines of 43.2 px are
 * 86.4 px, which the design tree rounds to 86): the text renders that tall, so the space after it is measured
 * from there and its minimum height is that, or every such text would push what follows by a fraction of a pixel.
 */
export function flowBox(node: DesignNode): Box {
  const box: Box = { x: node.x ?? 0, y: node.y ?? 0, w: node.w, h: node.h };
  const lh = node.text?.style.lineHeight;
  // A trimmed text's box is its lines from cap height to baseline (not whole lines): as drawn.
  if (!lh || lh <= 0 || node.text?.resize === "none" || node.text?.resize === "truncate" || node.text?.trim) return box;
  const exact = Math.round(Math.round(box.h / lh) * lh * 100) / 100;
  // Within rounding (the tree rounds to whole pixels): the lines' height. Further off, the box was drawn
  // taller (or shorter) than its lines on purpose, and keeps its drawn height.
  return exact > 0 && Math.abs(exact - box.h) < 0.5 ? { ...box, h: exact } : box;
}

/** Widest a hugging item of a row keeps its drawn width (a chip, a button, a tab). */
const CHIP_MAX = 240;

/** The narrowest screen a heading's longest word must fit on (beside a PHONE_GUTTER on each side). */
const NARROWEST_SCREEN = 320;
/** The share of the room an estimated word is let take: the rest for a wider face than the estimate's. */
const WORD_FIT_SLACK = 0.9;

/**
 * A heading whose longest word is wider at its phone size than the narrowest screen (a one-word title in
 * large, letter-spaced capitals): the font size per pixel of screen at which that word fits beside the
 * gutters (the emitters' `calc((100vw - 32px) * fit)`), else undefined. The word's width comes from the
 * drawing when the text's box is its one line (auto width), else from the font size (a wide face's average
 * advance: 0.6 em, capitals 0.72 em, plus the letter spacing).
 */
function wordFit(
  text: NonNullable<DesignNode["text"]>,
  lineWidth: number | undefined,
  min: number,
): number | undefined {
  const size = text.style.size;
  const words = [...text.chars.matchAll(/\S+/g)].map((m) => ({
    word: m[0],
    // A run of its own size scales with the text (an em size): "Template" in a 1.33-em run of a 90-px title.
    scale: runScale(text, m.index, m.index + m[0].length),
  }));
  const measure = (w: { word: string; scale: number }): number => glyphWidths(w.word) * w.scale;
  const widest = words.reduce<(typeof words)[number] | undefined>(
    (a, b) => (!a || measure(b) > measure(a) ? b : a),
    undefined,
  );
  const chars = [...text.chars].length;
  if (!widest || chars === 0) return undefined;
  const capitals = text.style.case === "upper" || widest.word === widest.word.toUpperCase();
  const advance =
    lineWidth !== undefined && !text.chars.includes("\n") && !text.runs?.some((r) => r.style.size !== undefined)
      ? lineWidth / chars
      : size * (capitals ? 0.72 : 0.6) + (text.style.letterSpacing ?? 0);
  // The estimate is the drawing's face; the browser may draw a fallback some percent wider (Psykolog Jenny's
  // "Psykolog", estimated at 355 px at 74 px, is 362 px in Liberation Sans and broke mid-word on a 390-px phone).
  const word = (measure(widest) * advance) / WORD_FIT_SLACK;
  if ((word * min) / size <= NARROWEST_SCREEN - 2 * PHONE_GUTTER) return undefined;
  return Math.floor((size / word) * 10000) / 10000;
}

/** The largest size of the runs over `start`..`end`, per px of the text's own size (1 without such a run). */
function runScale(text: NonNullable<DesignNode["text"]>, start: number, end: number): number {
  let scale = 1;
  for (const run of text.runs ?? [])
    if (run.style.size !== undefined && run.start < end && run.end > start)
      scale = Math.max(scale, run.style.size / text.style.size);
  return scale;
}

/** Glyphs well wider than an average one (in a sans face). */
const WIDE_GLYPHS = new Set([..."mwMW@%"]);

/**
 * A word's width in average glyphs: a wide glyph counts one and a half. Narrow ones still count one: the estimate
 * must not fall under a fallback face's width ("Psykolog" with its narrow "l" broke at 390 px when it did).
 */
function glyphWidths(word: string): number {
  let n = 0;
  for (const ch of word) n += WIDE_GLYPHS.has(ch) ? 1.5 : 1;
  return n;
}

/**
 * A large text's fluid size (text.fluid): from 60 % of its size (20 px at least, less where its longest word would not
 * fit a phone) up to its size, in proportion to the screen — exact at the design width. Undefined for smaller text.
 */
export function fluidText(
  text: NonNullable<DesignNode["text"]>,
  designWidth: number,
  lineWidth?: number,
): [number, number, number?] | undefined {
  if (text.style.size < FLUID_TEXT_MIN || designWidth <= 0) return undefined;
  const min = Math.max(20, Math.round(text.style.size * 0.6));
  // Rounded up: at the design width the clamp's top (the size itself) applies, never a hair under it.
  const vw = Math.ceil((text.style.size / designWidth) * 10000) / 100;
  const fit = wordFit(text, lineWidth, min);
  return fit === undefined ? [min, vw] : [min, vw, fit];
}

/** Turns a child that was placed absolutely into an item of its parent's inferred flow (in place). */
export function placeInFlow(node: DesignNode, place: ItemPlace): DesignNode {
  // x and y stay (the flow ignores them): the form planner pairs a label with its field by position.
  node.constraintH = undefined;
  node.constraintV = undefined;
  node.absolute = undefined;
  if (marksFlow(place.flow)) node.flow = place.flow;
  const fillAcross = place.dir === "column" && place.crossFill;
  if (node.text) {
    const text = (node.text = { ...node.text });
    // An auto-width text's box is its line, as drawn (before a long one is let wrap below).
    const lineWidth = text.resize === "width" ? node.w : undefined;
    const clamps = text.resize === "truncate" || text.maxLines !== undefined;
    if (!clamps) {
      // A short auto-width text keeps its one line and width (a row's positions depend on it); a long one
      // wraps on screens narrower than it.
      if (text.resize === "width" && node.w > ONE_LINE_MAX && !text.chars.includes("\n")) text.resize = "height";
      node.sizeH = text.resize === "width" ? "fixed" : fillAcross ? "fill" : "fixed";
      node.sizeV = "hug";
      node.minH = flowBox(node).h;
      if (
        text.resize !== "width" &&
        node.rotation === undefined &&
        drawnOnOneLine(text, node.h, text.style.lineHeight ?? normalLineHeight(text.style.family, text.style.size))
      ) {
        node.lineBelow = Math.round(place.designWidth);
      }
      // One line drawn in a box shorter than its line height (a 14-px label with 16-px lines): Figma lets the
      // line overflow the box; in a flow the line box would push the next item down. The line takes the box's height.
      // Not a trimmed text: its box is shorter than its line by design (cap height to baseline), its lines keep theirs.
      const lh = text.style.lineHeight;
      const ownLines = !text.trim && node.h > 0;
      if (ownLines && lh !== undefined && lh > node.h + 0.01 && lh < node.h * 1.5 && drawnOnOneLine(text, node.h, lh))
        text.style = { ...text.style, lineHeight: node.h };
      // The same without a line height of its own: a box shorter than one line of the font's own line height holds
      // one line (a 96-px heading in a 74-px box), which in a flow would push everything after it down.
      else if (ownLines && lh === undefined && !text.chars.includes("\n")) {
        const normal = normalLineHeight(text.style.family, text.style.size);
        if (normal > node.h + 0.5) text.style = { ...text.style, lineHeight: node.h };
        else {
          // Figma drew its lines at its own measure of the font's line (Inter 20 px: 24 px where a browser's
          // fallback face takes 24.2): the drawn lines' height, so that a column of labels does not drift.
          const lines = Math.max(1, Math.round(node.h / normal));
          const drawnLine = Math.round((node.h / lines) * 100) / 100;
          if (Math.abs(drawnLine - normal) <= 0.15 * normal) text.style = { ...text.style, lineHeight: drawnLine };
        }
      }
    }
    const fluid = fluidText(text, place.designWidth, lineWidth);
    if (fluid) text.fluid = fluid;
    return node;
  }
  if (node.layout?.inferred) {
    node.sizeH = fillAcross ? "fill" : "fixed";
    node.sizeV = node.growBelow !== undefined ? "fixed" : "hug";
  } else if (node.layout && place.dir === "row" && node.sizeH === "hug" && node.w <= CHIP_MAX) {
    // A designer's chip or button hugging its label, in a row inference made: the drawn width. A browser's text is
    // a pixel wider or narrower than Figma's, and in a row every such pixel moves everything after it.
    node.sizeH = "fixed";
  } else if (!node.layout) {
    node.sizeH = fillAcross ? "fill" : "fixed";
    node.sizeV = "fixed";
    // A drawing kept absolute that a phone screen cannot hold scales as a unit instead of being squeezed.
    // (Layers that stack below the design width instead keep their drawing there: apply.ts stacksOnPhones.)
    if ((node.children ?? []).length > 0 && node.w > SCALE_FROM && node.stackBelow === undefined) node.scaled = true;
  }
  return node;
}
