/**
 * The design tree: a small, typed, normalized view of a Figma frame, CSS-ready.
 * Everything downstream (hint, emitters) starts here; it never holds asset payloads,
 * only references into `DesignDocument.assets`, so the hint can name them without carrying them.
 */
import type { TokenTable } from "./token-table.js";
import type { Prototype } from "../prototype/model.js";

export type NodeKind =
  | "frame"
  | "group"
  | "section"
  | "component"
  | "instance"
  | "rect"
  | "ellipse"
  | "line"
  | "text"
  | "vector"
  | "boolean";

/** Box edges, in CSS order: top, right, bottom, left. */
export type Sides = [number, number, number, number];
/** Corner radii, in CSS order: top-left, top-right, bottom-right, bottom-left. */
export type Corners = [number, number, number, number];

export type Sizing = "fixed" | "hug" | "fill";

/** What a designer's flex and grid auto layouts have alike: padding, and the marks for narrower screens. */
interface LayoutBase {
  padding: Sides;
  /**
   * The designer's own auto layout in a screen that reflows (codegen/layout/reflow.ts): below this width (the design
   * width) it fits narrower screens (a flex layout's items never wider than it, rows that wrap; a grid's items never
   * wider than their tracks, its rows as tall as their content). At the design width and up, as drawn.
   */
  fitBelow?: number;
  /**
   * The designer's side padding wider than a phone's gutter gives way on narrower screens, as an inferred layout's
   * does (codegen/layout/gutters.ts): the width in px its percentages refer to at the design width (its parent's
   * content width, or the frame's own for a screen root). Exactly as drawn at the design width.
   */
  fluidSides?: number;
}

export interface FlexLayout extends LayoutBase {
  kind?: undefined;
  dir: "row" | "column";
  gap: number;
  /** Gap between wrapped lines (Figma counterAxisSpacing). */
  crossGap?: number;
  justify: "start" | "center" | "end" | "space-between";
  align: "start" | "center" | "end" | "baseline" | "stretch";
  wrap?: boolean;
  /**
   * Inferred from an absolute design (codegen/layout), not drawn by the designer: the emitters add the
   * responsive extras (wrapping rows, fluid side padding, scaling images). `within`: width in px of the box
   * the side padding's percentages refer to (the parent's width, or the frame's own for a screen root).
   */
  inferred?: { within: number };
  /**
   * Inferred: a row drawn on one line that runs past its container's right side (a carousel the frame clips).
   * It stays one line, running on past its box, on screens this wide and wider, and wraps below this width.
   */
  wrapBelow?: number;
  /**
   * A row of blocks the designer drew on one line (cards, a text beside a picture): on screens too narrow for them
   * it wraps to fewer items per line, each item at least this wide (px; its drawn width when narrower) and growing
   * to share its line; one line, as drawn, at the design width (codegen/layout/reflow.ts).
   */
  reflow?: number;
  /** Figma "strokes included in layout" or reverse z-index are rare; not modelled. */
}

/**
 * One track (column or row) of a grid: `fr` shares what the fixed tracks and gaps leave (Figma's FLEX), `px` is
 * fixed (FIXED), `hug` is as large as its content (HUG: CSS `fit-content(100%)`).
 */
export type GridTrack = { kind: "fr" | "px"; value: number } | { kind: "hug" };

/**
 * Figma's grid auto layout (layoutMode GRID): tracks, gaps and padding; each child in flow has its `cell`. Never
 * inferred: only the designer draws one. The flex-only fields are absent (so `layout.inferred` and the like read
 * undefined on a grid, and the axis and alignment fields of a flex layout are a flex layout's only).
 */
export interface GridLayout extends LayoutBase {
  kind: "grid";
  columns: GridTrack[];
  rows: GridTrack[];
  columnGap: number;
  rowGap: number;
  /**
   * Below the design width (codegen/layout/reflow.ts): on screens narrower than `below` px the grid has `columns`
   * equal columns, its items placed in reading order, each spanning at most what there is, its rows as tall as their
   * content. Widest first; the last says one column.
   */
  collapse?: GridCollapse[];
  inferred?: undefined;
  wrap?: undefined;
  wrapBelow?: undefined;
  reflow?: undefined;
  crossGap?: undefined;
}

export interface GridCollapse {
  below: number;
  columns: number;
}

/** A grid child's area (0-based first row and column, spans at least 1, within the grid) and alignment in it. */
export interface GridCell {
  row: number;
  column: number;
  rowSpan: number;
  columnSpan: number;
  /** Figma's MIN / CENTER / MAX; absent: AUTO (a fixed or hugging child at the start, a filling one across). */
  alignH?: "start" | "center" | "end";
  alignV?: "start" | "center" | "end";
}

export type Layout = FlexLayout | GridLayout;

/** How one item of an inferred flow differs from its parent's layout (codegen/layout). */
export interface FlowItem {
  /** Extra space before the item along the parent's main axis, beyond the gap; "auto" pushes it to the end. */
  before?: number | "auto";
  /** Its own cross-axis alignment when it differs from the parent's. */
  self?: "start" | "center" | "end";
  /** Extra space at its cross-axis start (an indent). */
  offset?: number;
}

export type HConstraint = "left" | "right" | "center" | "left-right" | "scale";
export type VConstraint = "top" | "bottom" | "center" | "top-bottom" | "scale";

export interface SolidPaint {
  kind: "solid";
  /** CSS color, paint opacity folded in: `#rrggbb` or `rgba(r, g, b, a)`. */
  color: string;
  blend?: string;
}

export interface GradientPaint {
  kind: "gradient";
  /** A complete CSS gradient, e.g. `linear-gradient(90deg, #fff 0%, #000 100%)`. */
  css: string;
  blend?: string;
}

export interface ImagePaint {
  kind: "image";
  /** Key into DesignDocument.assets (also the asset's file name). */
  asset: string;
  /**
   * Figma's scale mode: FILL → cover, FIT → contain, STRETCH → fill, TILE → tile, and a crop (STRETCH or CROP
   * with an `imageTransform`) → crop. A crop whose transform cannot be read is drawn as cover.
   */
  fit: "cover" | "contain" | "fill" | "tile" | "crop";
  /** crop: the part of the image the layer shows, as fractions of the image: x, y, width, height. */
  crop?: [number, number, number, number];
  /** tile: one tile's size in px (the image's pixel size × Figma's scalingFactor), when the bytes are known. */
  tileSize?: [number, number];
  opacity?: number;
  blend?: string;
}

export type Paint = SolidPaint | GradientPaint | ImagePaint;

export interface Stroke {
  /** CSS color of the (first visible) stroke paint. */
  color: string;
  /** Uniform weight, or per side (top, right, bottom, left). */
  weight: number | Sides;
  align: "inside" | "center" | "outside";
  dashes?: number[];
}

export interface Shadow {
  kind: "drop" | "inner";
  x: number;
  y: number;
  blur: number;
  spread: number;
  color: string;
}

export interface Effects {
  shadows?: Shadow[];
  /** Layer blur radius. */
  blur?: number;
  /** Background blur radius. */
  backdropBlur?: number;
}

export interface TextStyle {
  family: string;
  size: number;
  weight: number;
  italic?: boolean;
  /** Line height in px; undefined = font's normal line height. */
  lineHeight?: number;
  letterSpacing?: number;
  case?: "upper" | "lower" | "title" | "small-caps";
  decoration?: "underline" | "line-through";
  /** Text color (from the text's fills), or a gradient as CSS. */
  color?: string;
}

export interface TextRun {
  /** Character offsets into `chars` (UTF-16), end exclusive. */
  start: number;
  end: number;
  /** Only what differs from the node's base style. */
  style: Partial<TextStyle>;
}

export interface TextContent {
  chars: string;
  style: TextStyle;
  runs?: TextRun[];
  /** Figma textAutoResize: "width" = grows in both directions (WIDTH_AND_HEIGHT). */
  resize: "none" | "height" | "width" | "truncate";
  alignH: "left" | "center" | "right" | "justify";
  alignV: "top" | "center" | "bottom";
  maxLines?: number;
  paragraphSpacing?: number;
  /**
   * Figma's vertical trim (`leadingTrim: "CAP_HEIGHT"`): the box runs from the first line's cap height to the last
   * line's baseline, so one line is as tall as its capitals (CSS `text-box: trim-both cap alphabetic`).
   */
  trim?: "cap";
  /** Name of the shared Figma text style, e.g. "Heading/H1"; helps pick semantic tags. */
  styleName?: string;
  /**
   * A large heading in an inferred flow scales with the viewport: min size px, vw at the design width, and for a
   * word too wide for a phone at the min size, the font size per px of screen at which it fits (layout/sizing.ts).
   */
  fluid?: [min: number, vw: number, fit?: number];
}

export interface ComponentRef {
  /** Main component id (for instances) or own id (for components). */
  id: string;
  /** Component name, e.g. "Button/Primary". */
  name: string;
}

/**
 * How layout inference left a top-level frame (issue 72): the layout check's verdict and the engine that made it
 * (`kept`: the keys of the sections kept as drawn; `drawn`: the whole frame kept as drawn, stacked below the design
 * width; `exact`: as drawn at every width), or `none` when no check ran (nothing inferred; with `exact`,
 * --exact-layout). A frame that carries it is laid out already (a parsed hint): inference applies it, never decides.
 */
export interface FrameLaid {
  check: "chromium" | "preview" | "simulator" | "none";
  kept: string[];
  drawn?: true;
  exact?: true;
}

export interface DesignNode {
  /** Figma node id. */
  id: string;
  name: string;
  kind: NodeKind;
  /**
   * Position of the unrotated box relative to the parent's box. Undefined for children that auto layout
   * places (their position follows from the layout).
   */
  x?: number;
  y?: number;
  /** Unrotated size. */
  w: number;
  h: number;
  /** Clockwise degrees, as CSS `rotate()`. */
  rotation?: number;
  hidden?: boolean;
  /** Auto layout of this node's children: flex (a row or a column) or a grid. */
  layout?: Layout;
  /** A child in flow of a grid (its parent's layout is a GridLayout): its area. */
  cell?: GridCell;
  /** Sizing along each axis when the parent (or, for the root of auto layout, the node itself) has auto layout. */
  sizeH?: Sizing;
  sizeV?: Sizing;
  minW?: number;
  maxW?: number;
  minH?: number;
  maxH?: number;
  /** Child of auto layout that is positioned absolutely (Figma layoutPositioning ABSOLUTE). */
  absolute?: boolean;
  /** Constraints, for absolutely positioned children. Undefined = left/top. */
  constraintH?: HConstraint;
  constraintV?: VConstraint;
  fills?: Paint[];
  stroke?: Stroke;
  radius?: number | Corners;
  effects?: Effects;
  opacity?: number;
  blend?: string;
  clip?: boolean;
  /**
   * This node masks its later siblings up to the next mask or the parent's end (Figma isMask); it is not painted
   * itself.
   */
  mask?: boolean;
  /**
   * How a mask masks (Figma maskType), when not by its alpha (the default, ALPHA): `vector` by its outline whatever
   * its fills, `luminance` by the brightness of what it paints.
   */
  maskType?: "vector" | "luminance";
  text?: TextContent;
  /** Key into DesignDocument.assets for vectors, boolean ops and other shapes drawn as SVG. */
  asset?: string;
  /**
   * For an icon-like container drawn as one SVG: the shapes that SVG draws, with their boxes, so that a
   * reader of the tree without the SVG payload (code from a hint) still draws each shape in its place.
   */
  parts?: ShapePart[];
  component?: ComponentRef;
  children?: DesignNode[];
  /** A wrapper that layout inference (codegen/layout) added around a row, column or stack: no Figma id (""). */
  inferred?: true;
  /** A top-level frame layout inference has laid out: how (the hint prints it, so code from the hint applies it). */
  laid?: FrameLaid;
  /** This node's place in an inferred flow, where it differs from the parent's layout. */
  flow?: FlowItem;
  /** Layout inference was unsure here (heavy overlaps): the absolute children scale with the box as a unit. */
  scaled?: true;
  /**
   * Figma's own inferred auto layout for this container drawn without one (plugin only; the REST JSON lacks
   * it). Layout inference uses it where it cannot read the container itself, and reports how often it agrees.
   */
  suggested?: FlexLayout;
  /** Inferred: a decoration hidden on screens narrower than this (px), where it would cover text. */
  hideBelow?: number;
  /**
   * Inferred: where this layer lies in its container's drawing order (1 = drawn first, lowest), when the container
   * mixes layers placed absolutely with its flow: the emitters paint by it (`z-index`), so that what is drawn above
   * stays above at every width whatever the element order the flow needs.
   */
  z?: number;
  /**
   * Inferred: a section whose flow did not reproduce its drawing keeps its drawn positions at the design width
   * (layout/fallback.ts). On screens narrower than this, this container stacks its absolutely placed children.
   */
  stackBelow?: number;
  /** Of a stacking container's child (stackBelow): what it is below that width, and its place in reading order. */
  stack?: { role: "item" | "background" | "hidden"; order: number; below: number };
  /** The section itself whose drawing is kept (it takes the screen's gutters when stacked). */
  stackTop?: true;
  /**
   * Inferred: a wrapper around a backdrop (a picture or a fill drawn under layers lying on it) and those layers
   * (layout/fallback.ts). Stacked, the backdrop stays behind them, the wrapper keeping at least its drawn proportion
   * and growing with what it holds.
   */
  backdrop?: true;
  /**
   * Inferred: a picture placed absolutely beside the texts of a designer's auto layout (layout/beside.ts). Below
   * `below` it joins its container's flow after them (`first`: before them), as wide as the container, `w` × `h` in
   * proportion.
   */
  beside?: { below: number; first: boolean; w: number; h: number };
  /** Inferred: the picture of a `beside` layer, which it fills below this width. */
  fillBelow?: number;
  /**
   * Inferred: a text drawn on one line keeps it on screens this wide and wider (a browser's face a few px wider than
   * Figma's must not wrap it and push the flow down); it wraps below.
   */
  lineBelow?: number;
  /**
   * Inferred: a frame drawn shorter than its content (a text running past its bottom). It keeps its drawn
   * height on screens this wide and wider (the content overflowing, as drawn) and its content's height below.
   */
  growBelow?: number;
  /**
   * Inferred: this row is a navigation bar's (codegen/layout/nav.ts); on narrow screens its links go behind a menu
   * button.
   */
  nav?: NavMenu;
}

/**
 * A navigation bar's row whose items no longer fit on one line below `below` px (computed from the drawn items'
 * widths): there, its children [from, to) — the links and what follows them — go into a disclosure panel behind a
 * menu button placed before them, the panel dropping below the bar's box, `up` ancestors above the row (0: the row).
 * At `below` px and wider the row is exactly as drawn.
 */
export interface NavMenu {
  below: number;
  from: number;
  to: number;
  up: number;
}

/** One shape of an icon's SVG: its layer id and axis-aligned box relative to the icon's box. */
export interface ShapePart {
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
  /** Its first solid fill colour, else its stroke colour. */
  color?: string;
}

export interface SvgAsset {
  kind: "svg";
  /** File name to use, e.g. `icon-search.svg`. */
  name: string;
  /**
   * Complete SVG markup sized to the node. Shapes carry `data-node-id` so that an inline SVG still maps
   * back to the layers it was drawn from. Undefined only when parsed from a hint (payload not included).
   */
  svg?: string;
  /** True when the JSON had no geometry and the SVG approximates the shapes with boxes and ellipses. */
  placeholder?: boolean;
}

export interface ImageAsset {
  kind: "image";
  name: string;
  /** Figma imageRef hash ("" when parsed from a hint). */
  imageRef: string;
  /**
   * The image's bytes, from `DesignExtras.images` (REST JSON never carries them); the asset's name ends in
   * the format sniffed from them. Without bytes the emitters write a placeholder SVG under the name.
   */
  bytes?: Uint8Array;
  /** Pixel size, from the bytes' header. */
  width?: number;
  height?: number;
}

export type Asset = SvgAsset | ImageAsset;

export interface DesignDocument {
  /** Top-level frames (or the selected nodes) converted. */
  frames: DesignNode[];
  /**
   * What the design's prototype says (codegen/prototype): links, overlays, scrolling, by layer id. Beside the tree,
   * not in it; absent when the design has none.
   */
  prototype?: Prototype;
  /**
   * The variants a hover or a press changes a layer to (the prototype's CHANGE_TO), converted as the frames are, by
   * node id: their look is the layer's look in that state. Beside the tree; absent when none.
   */
  variants?: Record<string, DesignNode>;
  assets: Record<string, Asset>;
  /** Figma variables and repeated named styles the frames use (codegen/tokens); absent when none. */
  tokens?: TokenTable;
  /**
   * What each instance (by node id) says about its main component, for mapping it to a team's own code
   * component (codegen/components-map). Beside the tree, not in it: the hint does not carry it. Absent when none.
   */
  instances?: Record<string, InstanceFacts>;
  /**
   * Figma's names of the layers whose generated name the tree dropped ("Frame 59598", "Rectangle"), by node id:
   * text a designer reads (analysis, notes) names a layer as Figma's layers panel does, while the code gets no
   * class from them. Beside the tree, not in it: the hint does not carry them. Absent when none.
   */
  layerNames?: Record<string, string>;
  /**
   * One page drawn at several widths (breakpoint frames, codegen/design/drawings.ts): by the widest frame's id, the
   * same page's other drawings, widest first. Each is a whole frame, converted and inferred as frames are; the frame
   * in `frames` is the page, the emitters write one DOM with `@media` rules at the drawn widths. Absent when none.
   */
  drawings?: Record<string, DesignNode[]>;
}

export type ComponentPropertyType = "TEXT" | "BOOLEAN" | "VARIANT" | "INSTANCE_SWAP";

/** An instance's main component and the values of its component properties (REST `componentProperties`). */
export interface InstanceFacts {
  /** The main component's node id (as DesignNode.component.id) and published key (stable across files). */
  componentId: string;
  componentKey?: string;
  /** The component set (variants) it belongs to. */
  componentSetId?: string;
  componentSetKey?: string;
  /** Property values by name, Figma's `#id` suffix dropped ("Label#12:3" → "Label"). INSTANCE_SWAP: a component id. */
  properties: Record<string, { type: ComponentPropertyType; value: string | boolean }>;
  /**
   * Layers of the instance (ids) bound to a property, by field: `visible` (BOOLEAN), `characters` (TEXT),
   * `mainComponent` (INSTANCE_SWAP) → the property's name. Nested instances' own bindings are not listed.
   */
  references: Record<string, Record<string, string>>;
  /** Layers (ids; the instance's own id for its root) whose fields the instance overrides. */
  overrides: { id: string; fields: string[] }[];
}
