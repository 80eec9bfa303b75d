/**
 * What the main thread reads for inpainting and the panel turns into a mask (ai/mask/): the selected image
 * layer's image (its original bytes and pixel size) and the shapes drawn over it, each as its outline in its
 * own coordinates with the affine map from there to the image's pixels. The panel rasterises them at the
 * image's resolution: the main thread only reads the document, and outlines are exact at any size.
 * Also the affine maps themselves (Figma's Transform shape), which both sides compute with. Pure.
 */
import { array, custom, bytes, isDenseList, number, object, oneOf, string, type Infer } from "./fields.js";
import { CREATE_IMAGE_MAX_SIDE, MAX_IMAGE_FILE_BYTES } from "./limits.js";

/** Figma's 2×3 affine matrix `[[a, c, e], [b, d, f]]`: x' = a·x + c·y + e, y' = b·x + d·y + f. */
export type Affine = [[number, number, number], [number, number, number]];

export const IDENTITY: Affine = [
  [1, 0, 0],
  [0, 1, 0],
];

/** `outer ∘ inner`: first `inner`, then `outer`. */
export function compose(outer: Affine, inner: Affine): Affine {
  const [[a, c, e], [b, d, f]] = outer;
  const [[A, C, E], [B, D, F]] = inner;
  return [
    [a * A + c * B, a * C + c * D, a * E + c * F + e],
    [b * A + d * B, b * C + d * D, b * E + d * F + f],
  ];
}

/** The inverse map; undefined when the matrix flattens the plane (a layer scaled to zero width). */
export function invert(m: Affine): Affine | undefined {
  const [[a, c, e], [b, d, f]] = m;
  const det = a * d - b * c;
  if (!Number.isFinite(det) || Math.abs(det) < 1e-12) return undefined;
  return [
    [d / det, -c / det, (c * f - d * e) / det],
    [-b / det, a / det, (b * e - a * f) / det],
  ];
}

export function apply(m: Affine, x: number, y: number): [number, number] {
  return [m[0][0] * x + m[0][1] * y + m[0][2], m[1][0] * x + m[1][1] * y + m[1][2]];
}

/**
 * A mask is made at the image's own resolution: up to what Figma keeps of an image (it downscales larger ones on
 * import).
 */
export const MAX_MASK_SIDE = CREATE_IMAGE_MAX_SIDE;
/** Shapes over one image, and the characters of their outlines together (a few traced photos' worth). */
export const MAX_MASK_SHAPES = 500;
export const MAX_MASK_PATH_CHARS = 4_000_000;

export const affineField = custom<Affine>("a 2×3 matrix [[a, c, e], [b, d, f]] of finite numbers", (v) => {
  // Dense lists only: `every` skips a hole, which the copy below turned into `undefined` (accepted here, refused
  // when checked again).
  if (!isDenseList(v) || v.length !== 2) return undefined;
  const rows = v.map((row: unknown) =>
    isDenseList(row) && row.length === 3 && row.every((n) => typeof n === "number" && Number.isFinite(n))
      ? (row as [number, number, number])
      : undefined,
  );
  return rows[0] && rows[1] ? [[...rows[0]], [...rows[1]]] : undefined;
});

/** An outline as Figma gives it (`fillGeometry`, `strokeGeometry`): SVG path data of M, L, Q, C, Z, absolute. */
export const maskPathField = object({
  data: string({ nonEmpty: true, max: MAX_MASK_PATH_CHARS }),
  windingRule: oneOf(["NONZERO", "EVENODD"]),
});
export type MaskPath = Infer<typeof maskPathField>;

/** One shape drawn over the image: its outlines in its own coordinates, and the map from them to image pixels. */
export const maskShapeField = object({
  id: string({ nonEmpty: true, max: 1000 }),
  name: string({ max: 1000 }),
  toImage: affineField,
  paths: array(maskPathField, { max: 10_000 }),
});
export type MaskShape = Infer<typeof maskShapeField>;

/** How the image fills its layer (Figma's scaleMode; TILE is refused: a tiled image has no one place to repaint). */
export const MASK_SCALE_MODES = ["FILL", "FIT", "CROP"] as const;

const side = number({ integer: true, min: 1, max: MAX_MASK_SIDE });

/**
 * The selection's image and the shapes over it. `layer`: the image layer's rectangle (its own coordinates)
 * and the map from them to image pixels: only what the layer shows is repainted (a FILL-cropped image's
 * hidden margins, a FIT image's letterbox are not).
 */
export const maskSourceField = object({
  /** The layer whose fill the result replaces, and its name. */
  nodeId: string({ nonEmpty: true, max: 1000 }),
  name: string({ max: 1000 }),
  /** The image fill's original bytes (getBytesAsync) and pixel size (getSizeAsync). */
  image: bytes({ max: MAX_IMAGE_FILE_BYTES }),
  width: side,
  height: side,
  scaleMode: oneOf(MASK_SCALE_MODES),
  layer: object({ width: number({ min: 0 }), height: number({ min: 0 }), toImage: affineField }),
  shapes: array(maskShapeField, { max: MAX_MASK_SHAPES }),
});
export type MaskSource = Infer<typeof maskSourceField>;
