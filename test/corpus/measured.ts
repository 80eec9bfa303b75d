/**
 * What page/measure-page.ts reports of a rendered page: plain data, in document coordinates (px), and the
 * input of the pure conversion to Figma REST nodes (to-rest.ts).
 */

/** A colour, channels 0..1 as Figma writes them. */
export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface MeasuredShadow {
  inset: boolean;
  x: number;
  y: number;
  blur: number;
  spread: number;
  color: Rgba;
}

export type MeasuredFill =
  | { kind: "solid"; color: Rgba }
  | { kind: "linear-gradient"; css: string }
  | { kind: "image"; src: string; fit: "cover" | "contain" };

interface ItemBase {
  /** The source element's position in `document.querySelectorAll("body *")`, from 1. */
  key: number;
  tag: string;
  className: string;
  box: Rect;
  /** Root-level stacking order (z-index of the outermost positioned ancestor that sets one). */
  z: number;
  /** Document order of the measurement (paint order within one z). */
  order: number;
  /** Opacity of the element and its ancestors together. */
  opacity: number;
  /** The top-level part of the page it belongs to ("nav" for anything inside navigation). */
  region: { index: number; tag: string };
  /** The key of the repeated unit (grid column, card, list item) it lies in, if any. */
  cell?: number;
  /** Inside a link or button. */
  link: boolean;
}

/** An element that paints a box: background (colour, gradient, image), border or shadow. */
export interface MeasuredBox extends ItemBase {
  kind: "box";
  fills: MeasuredFill[];
  /** Border colour and widths per side (top, right, bottom, left). */
  border?: { color: Rgba; sides: [number, number, number, number] };
  /** Corner radii: top-left, top-right, bottom-right, bottom-left. */
  radius: [number, number, number, number];
  shadows: MeasuredShadow[];
}

/** An `<img>` (or a video's poster). */
export interface MeasuredImage extends ItemBase {
  kind: "image";
  src: string;
  fit: "cover" | "contain" | "fill";
  radius: [number, number, number, number];
}

export interface TextRunStyle {
  family: string;
  size: number;
  weight: number;
  italic?: boolean;
  /** px; undefined = the font's normal line height. */
  lineHeight?: number;
  letterSpacing?: number;
  color: Rgba;
  decoration?: "underline" | "line-through";
  transform?: "upper" | "lower" | "title";
}

/** One run of text (a block's inline content between block-level or atomic children), or a field's value. */
export interface MeasuredText extends ItemBase {
  kind: "text";
  /** The node id it was tagged with in the page (`data-node-id`). */
  id: string;
  chars: string;
  runs: { start: number; end: number; style: TextRunStyle }[];
  /** Rendered lines at this width. */
  lines: number;
  align: "left" | "center" | "right" | "justify";
  /** The block's content box across: the width a text of several lines wraps in. */
  column: { x: number; w: number };
  /** A form field's placeholder or value. */
  field?: true;
}

export type MeasuredItem = MeasuredBox | MeasuredImage | MeasuredText;

export interface MeasuredPage {
  url: string;
  title: string;
  width: number;
  height: number;
  background: Rgba;
  items: MeasuredItem[];
}
