/**
 * The layer description (issue 51): a rendered page read into a small typed tree that both the CLI (which writes it
 * as a Figma REST reply) and the plugin's main thread (which builds it on the canvas) read. Enums are Figma's own
 * (@figma/plugin-typings) so the builder maps them 1:1; boxes are px relative to the parent's box (the root's to
 * the page). `checkLayers` is the arrival check: every string and list bounded, the tree's size and depth capped.
 * Pure: no DOM, no figma.
 */
import {
  FieldError,
  type Field,
  array,
  boolean,
  isDenseList,
  isRecord,
  number,
  object,
  oneOf,
  optional,
  string,
} from "./fields.js";
import { MAX_LAYER_NODES, MAX_SVG_CHARS } from "./limits.js";

export { MAX_LAYER_NODES };

/** Deepest nesting accepted (Chromium's DOM nests far deeper, a design never does). */
export const MAX_LAYER_DEPTH = 256;
/** Longest text layer, in characters; text runs per layer. */
export const MAX_LAYER_TEXT_CHARS = 100_000;
export const MAX_TEXT_RUNS = 1000;
/** Longest image source (a data: URL of a small image fits; a larger one is referenced by URL). */
export const MAX_IMAGE_SRC_CHARS = 2_000_000;

const finite = number();
const nonNegative = number({ min: 0 });
const unit = number({ min: 0, max: 1 });
const name = string({ max: 200 });

/** RGBA, each 0–1 (Figma's RGBA). */
export const colorField = object({ r: unit, g: unit, b: unit, a: unit });
export const boxField = object({ x: finite, y: finite, w: nonNegative, h: nonNegative });

export const BLEND_MODES = [
  "PASS_THROUGH",
  "NORMAL",
  "DARKEN",
  "MULTIPLY",
  "LINEAR_BURN",
  "COLOR_BURN",
  "LIGHTEN",
  "SCREEN",
  "LINEAR_DODGE",
  "COLOR_DODGE",
  "OVERLAY",
  "SOFT_LIGHT",
  "HARD_LIGHT",
  "DIFFERENCE",
  "EXCLUSION",
  "HUE",
  "SATURATION",
  "COLOR",
  "LUMINOSITY",
] as const;
export type LayerBlendMode = (typeof BLEND_MODES)[number];

const stopField = object({ position: unit, color: colorField });
/** A gradient's handles in the layer's unit box (0,0 top left; Figma's gradientHandlePositions: start, end, width). */
const pointField = object({ x: finite, y: finite });

const solidPaint = object({ type: oneOf(["SOLID"]), color: colorField, opacity: optional(unit) });
const gradientPaint = object({
  type: oneOf(["GRADIENT_LINEAR", "GRADIENT_RADIAL"]),
  handles: array(pointField, { max: 3 }),
  stops: array(stopField, { max: 64 }),
  opacity: optional(unit),
});
/** object-fit → Figma: cover FILL, contain FIT, none/scale-down CROP, a repeated background TILE. */
const SCALE_MODES = ["FILL", "FIT", "CROP", "TILE"] as const;
const imagePaint = object({
  type: oneOf(["IMAGE"]),
  /** URL or data: URL as the page had it; the builder fetches it (a placeholder and a note where it fails). */
  src: string({ max: MAX_IMAGE_SRC_CHARS }),
  scaleMode: oneOf(SCALE_MODES),
  opacity: optional(unit),
});
export type SolidPaint = ReturnType<typeof solidPaint.check>;
export type GradientPaint = ReturnType<typeof gradientPaint.check>;
export type ImagePaint = ReturnType<typeof imagePaint.check>;
export type LayerPaint = SolidPaint | GradientPaint | ImagePaint;

const paintField: Field<LayerPaint> = {
  expected: "a paint (SOLID, GRADIENT_LINEAR, GRADIENT_RADIAL or IMAGE)",
  check(value, path) {
    const type = isRecord(value) ? value.type : undefined;
    if (type === "SOLID") return solidPaint.check(value, path);
    if (type === "GRADIENT_LINEAR" || type === "GRADIENT_RADIAL") return gradientPaint.check(value, path);
    if (type === "IMAGE") return imagePaint.check(value, path);
    throw new FieldError(`${path}.type`, this.expected);
  },
};

const sides = object({ top: nonNegative, right: nonNegative, bottom: nonNegative, left: nonNegative });
/** Strokes: one paint, a weight per side (CSS borders), inside the box (CSS border-box). */
const strokeField = object({ paint: paintField, weights: sides, dash: optional(array(nonNegative, { max: 8 })) });
const radiiField = object({
  topLeft: nonNegative,
  topRight: nonNegative,
  bottomRight: nonNegative,
  bottomLeft: nonNegative,
});

const effectField = object({
  type: oneOf(["DROP_SHADOW", "INNER_SHADOW", "LAYER_BLUR", "BACKGROUND_BLUR"]),
  /** Shadows only. */
  color: optional(colorField),
  offset: optional(pointField),
  spread: optional(finite),
  radius: nonNegative,
});
export type LayerEffect = ReturnType<typeof effectField.check>;

const sizing = oneOf(["FIXED", "HUG", "FILL"]);
const axisSizing = object({ mode: sizing, min: optional(nonNegative), max: optional(nonNegative) });

/** Auto layout: a flex container (or a grid read as nested rows, or Figma's GRID where the reader typed it). */
const autoLayoutField = object({
  mode: oneOf(["HORIZONTAL", "VERTICAL", "GRID"]),
  /** Figma's itemSpacing: negative where the children overlap (a CSS negative margin between them). */
  gap: finite,
  /** Gap between wrapped lines, and GRID's row gap. */
  counterGap: optional(nonNegative),
  padding: sides,
  primaryAlign: oneOf(["MIN", "MAX", "CENTER", "SPACE_BETWEEN", "SPACE_EVENLY", "SPACE_AROUND"]),
  counterAlign: oneOf(["MIN", "MAX", "CENTER", "BASELINE"]),
  wrap: boolean(),
  /** GRID only. */
  columns: optional(number({ integer: true, min: 1, max: 1000 })),
  rows: optional(number({ integer: true, min: 1, max: 10_000 })),
  /** GRID only: the tracks as the browser sized them (computed grid-template-columns / -rows), px. */
  columnTracks: optional(array(nonNegative, { max: 1000 })),
  rowTracks: optional(array(nonNegative, { max: 10_000 })),
});
export type AutoLayout = ReturnType<typeof autoLayoutField.check>;

const constraint = oneOf(["MIN", "CENTER", "MAX", "STRETCH", "SCALE"]);

const runField = object({
  /** Offsets into the layer's characters, [start, end). */
  start: number({ integer: true, min: 0 }),
  end: number({ integer: true, min: 0 }),
  family: string({ max: 200 }),
  /** CSS numeric weight (100–900); the builder picks the font's style name from it and `italic`. */
  weight: number({ min: 1, max: 1000 }),
  italic: boolean(),
  size: number({ min: 0, max: 10_000 }),
  /** px; absent: the font's normal line height (Figma's AUTO). */
  lineHeight: optional(nonNegative),
  /** px. */
  letterSpacing: finite,
  decoration: oneOf(["NONE", "UNDERLINE", "STRIKETHROUGH"]),
  textCase: oneOf(["ORIGINAL", "UPPER", "LOWER", "TITLE", "SMALL_CAPS"]),
  fill: colorField,
  /** A link's target. */
  href: optional(string({ max: 2000 })),
});
export type TextRun = ReturnType<typeof runField.check>;

const textField = object({
  characters: string({ max: MAX_LAYER_TEXT_CHARS }),
  runs: array(runField, { max: MAX_TEXT_RUNS }),
  align: oneOf(["LEFT", "CENTER", "RIGHT", "JUSTIFIED"]),
  alignVertical: oneOf(["TOP", "CENTER", "BOTTOM"]),
  /** HEIGHT: a fixed-width box (the CSS gives the element a width); WIDTH_AND_HEIGHT: it hugs. */
  autoResize: oneOf(["NONE", "WIDTH_AND_HEIGHT", "HEIGHT", "TRUNCATE"]),
});
export type LayerText = ReturnType<typeof textField.check>;

export const LAYER_KINDS = ["frame", "text", "vector", "image"] as const;
export type LayerKind = (typeof LAYER_KINDS)[number];

/** What every layer has; `children` only on frames. */
/** One drawn shape of an SVG (LayerNode.shapes). */
const shapeField = object({
  box: boxField,
  path: string({ max: 200_000 }),
  fill: optional(colorField),
  /** Its stroke; the cap and join where not SVG's defaults (butt, miter), the miter limit where not 4. */
  stroke: optional(
    object({
      color: colorField,
      weight: nonNegative,
      cap: optional(oneOf(["ROUND", "SQUARE"])),
      join: optional(oneOf(["ROUND", "BEVEL"])),
      miterLimit: optional(number({ min: 1, max: 1000 })),
    }),
  ),
  evenOdd: optional(boolean()),
  opacity: optional(unit),
  sourceId: optional(string({ max: 200 })),
});

const baseShape = {
  kind: oneOf(LAYER_KINDS),
  name,
  /** The element's `data-node-id` (a design layer's id in Figment's code): what a round trip matches layers by. */
  sourceId: optional(string({ max: 200 })),
  /**
   * The React component the element is an instance of (its `data-figment-component`): the builder makes the first
   * layer of each name a main component and the others its instances.
   */
  component: optional(string({ max: 200 })),
  /** The element it came from, for notes and names ("button", "a", "input"). */
  tag: optional(string({ max: 40 })),
  box: boxField,
  /** Sizing inside an auto layout parent (absent: FIXED both ways). */
  sizing: optional(object({ horizontal: axisSizing, vertical: axisSizing })),
  /** Taken out of the parent's auto layout (position:absolute/fixed), kept where its box says. */
  absolute: optional(boolean()),
  constraints: optional(object({ horizontal: constraint, vertical: constraint })),
  clip: optional(boolean()),
  fills: optional(array(paintField, { max: 32 })),
  stroke: optional(strokeField),
  radii: optional(radiiField),
  effects: optional(array(effectField, { max: 32 })),
  opacity: optional(unit),
  blendMode: optional(oneOf(BLEND_MODES)),
  visible: optional(boolean()),
  autoLayout: optional(autoLayoutField),
  text: optional(textField),
  /** kind vector: the element's SVG markup (createNodeFromSvg). */
  svg: optional(string({ max: MAX_SVG_CHARS })),
  /**
   * kind vector: the SVG's own shapes that carry a data-node-id, boxes relative to the vector (createNodeFromSvg
   * makes a frame of child vectors; a round trip matches them as the design's vectors).
   */
  parts: optional(array(object({ sourceId: string({ max: 200 }), box: boxField }), { max: 10_000 })),
  /**
   * kind vector: the SVG's drawn shapes as the page drew them (contract/layers-read-svg.ts): each one's box
   * relative to the vector, its outline as path data in that box, its computed paint. What a REST export writes as
   * the vector's child vectors (their fills and fillGeometry), as Figma's createNodeFromSvg makes them.
   */
  shapes: optional(array(shapeField, { max: 2000 })),
  /** kind image: the <img> source with its fit, also given as the layer's IMAGE fill. */
  image: optional(object({ src: string({ max: MAX_IMAGE_SRC_CHARS }), scaleMode: oneOf(SCALE_MODES) })),
};

const nodeFields = object(baseShape);
/** One drawn shape of an SVG, as the page drew it. */
export type LayerShape = ReturnType<typeof shapeField.check>;
type NodeFields = ReturnType<typeof nodeFields.check>;

/** One layer. `text` is present exactly on kind text, `svg` on vector, `image` on image; `children` on frames. */
export type LayerNode = NodeFields & { children?: LayerNode[] };

/** Notes a reader leaves for the user (an image that did not load, the element limit reached, a font replaced). */
const noteField = object({ kind: oneOf(["image", "limit", "font", "unsupported"]), message: string({ max: 1000 }) });
export type LayerNote = ReturnType<typeof noteField.check>;

/** What a reader returns for one page at one width. */
export interface LayerDocument {
  /** The page's title or file name: the top frame's name. */
  name: string;
  /** The width the page was laid out at (the viewport). */
  width: number;
  root: LayerNode;
  notes: LayerNote[];
  /** Elements read (the limit counts these), and whether the reader stopped at MAX_LAYER_NODES. */
  elements: number;
  truncated: boolean;
}

/**
 * Checks a layer tree as it arrives (the panel's postMessage, a layers.json): shape, bounds, one node per kind's
 * payload, at most MAX_LAYER_NODES nodes and MAX_LAYER_DEPTH levels. Returns the checked copy (unknown keys refused).
 */
export function checkLayerNode(value: unknown, path = "root"): LayerNode {
  const count = { nodes: 0 };
  return checkNode(value, path, 0, count);
}

function checkNode(value: unknown, path: string, depth: number, count: { nodes: number }): LayerNode {
  if (depth > MAX_LAYER_DEPTH) throw new FieldError(path, `at most ${MAX_LAYER_DEPTH} levels deep`);
  if (++count.nodes > MAX_LAYER_NODES) throw new FieldError(path, `within ${MAX_LAYER_NODES} layers in all`);
  if (!isRecord(value)) throw new FieldError(path, nodeFields.expected);
  const { children, ...rest } = value;
  const node: LayerNode = nodeFields.check(rest, path);
  const payload = { text: "text", vector: "svg", image: "image", frame: undefined }[node.kind];
  for (const key of ["text", "svg", "image"] as const)
    if ((node[key] !== undefined) !== (key === payload))
      throw new FieldError(`${path}.${key}`, key === payload ? `present on a ${node.kind} layer` : "absent");
  if (children !== undefined) {
    if (node.kind !== "frame") throw new FieldError(`${path}.children`, "absent (only frames have children)");
    if (!Array.isArray(children)) throw new FieldError(`${path}.children`, "a list of layers");
    if (!isDenseList(children)) throw new FieldError(`${path}.children`, "a list of layers without holes");
    node.children = children.map((child, i) => checkNode(child, `${path}.children[${i}]`, depth + 1, count));
  }
  if (node.text) checkRuns(node.text, `${path}.text`);
  return node;
}

/** Runs lie inside the characters, in order, without overlap. */
function checkRuns(text: LayerText, path: string): void {
  let at = 0;
  text.runs.forEach((run, i) => {
    if (run.start < at || run.end < run.start || run.end > text.characters.length)
      throw new FieldError(`${path}.runs[${i}]`, `a range in order within the ${text.characters.length} characters`);
    at = run.end;
  });
}

export const checkLayerDocument = (value: unknown): LayerDocument => {
  if (!isRecord(value)) throw new FieldError("layers", "an object with name, width, root, notes");
  const { root, ...rest } = value;
  const head = object({
    name,
    width: number({ min: 1, max: 100_000 }),
    notes: array(noteField, { max: 10_000 }),
    elements: number({ integer: true, min: 0 }),
    truncated: boolean(),
  }).check(rest, "layers");
  return { ...head, root: checkLayerNode(root, "layers.root") };
};
