/**
 * The mask of what the main thread read (contract/mask.ts): every shape's outlines mapped to the image's
 * pixels and filled by their winding rules, united, cut to what the layer shows of the image, at the
 * image's own resolution. A shape that covers no visible pixel is named; so is a mask that covers none.
 */
import type { MaskSource } from "../../contract/mask.js";
import type { Mask } from "./mask.js";
import { flattenPath, type Point } from "./path.js";
import { rasterize, type Fill } from "./rasterize.js";
import { FigmentError, isFigmentError } from "../../kernel/errors.js";

/**
 * The layer's rectangle in image pixels: the part of the image the layer shows (a parallelogram if the crop is
 * rotated).
 */
function visibleArea(source: MaskSource): Fill {
  const { width, height, toImage } = source.layer;
  const ring = flattenPath(`M 0 0 L ${width} 0 L ${width} ${height} L 0 ${height} Z`, toImage);
  return { rings: ring, rule: "NONZERO" };
}

function shapeFills(shape: MaskSource["shapes"][number]): Fill[] {
  try {
    return shape.paths.map((path) => ({ rings: flattenPath(path.data, shape.toImage), rule: path.windingRule }));
  } catch (error) {
    if (isFigmentError(error, "input")) throw new FigmentError("input", `“${shape.name}”: ${error.message}`);
    throw error;
  }
}

const bounds = (fills: Fill[]): [number, number, number, number] => {
  let [l, t, r, b] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const fill of fills)
    for (const ring of fill.rings)
      for (const [x, y] of ring as Point[]) {
        l = Math.min(l, x);
        t = Math.min(t, y);
        r = Math.max(r, x);
        b = Math.max(b, y);
      }
  return [l, t, r, b];
};

/**
 * The mask (255 = repaint) at the image's pixel size. Throws an input error when a shape or the whole covers nothing
 * visible.
 */
export function maskFromSource(source: MaskSource): Mask {
  const clip = visibleArea(source);
  const [cl, ct, cr, cb] = bounds([clip]);
  const [vl, vt, vr, vb] = [Math.max(0, cl), Math.max(0, ct), Math.min(source.width, cr), Math.min(source.height, cb)];
  const fills: Fill[] = [];
  for (const shape of source.shapes) {
    const own = shapeFills(shape);
    if (!own.some((f) => f.rings.length > 0))
      throw new FigmentError(
        "input",
        `“${shape.name}” has no area to repaint (a line or an open ` +
          `path without a stroke): draw a closed shape over the area.`,
      );
    const [l, t, r, b] = bounds(own);
    if (!(r > vl && l < vr && b > vt && t < vb))
      throw new FigmentError(
        "input",
        `“${shape.name}” is not over the visible part of “${source.name}”: ` +
          `move it onto the image or leave it out of the selection.`,
      );
    fills.push(...own);
  }
  if (fills.length === 0)
    throw new FigmentError(
      "input",
      `Nothing is drawn over “${source.name}”: draw a shape over the area to repaint and select it with the image.`,
    );
  const coverage = rasterize(source.width, source.height, fills, clip);
  if (!coverage.some((c) => c > 0))
    throw new FigmentError(
      "input",
      `The shapes over “${source.name}” cover none of its pixels: ` +
        `are they only hairlines, or outside what the layer shows?`,
    );
  return { width: source.width, height: source.height, coverage };
}
