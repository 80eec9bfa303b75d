/**
 * One mask model for every image provider: the image's pixel size and an 8-bit coverage plane, 255 where the
 * image is repainted and 0 where it is kept (Stable Diffusion's convention: white = repaint). Edges drawn at
 * a slant carry partial coverage. Each provider's file format is made from it (convert.ts). Pure data.
 */

export interface Mask {
  width: number;
  height: number;
  /** width × height bytes, rows top to bottom: 255 = repaint, 0 = keep. */
  coverage: Uint8Array;
}

export interface MaskSize {
  width: number;
  height: number;
}

/** An empty (keep everything) mask of that size. */
export function emptyMask(width: number, height: number): Mask {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1)
    throw new RangeError(`A mask's size must be whole numbers of at least 1 px, not ${width} × ${height}.`);
  return { width, height, coverage: new Uint8Array(width * height) };
}

export interface MaskExtent {
  /** Pixels with any coverage, and those wholly repainted. */
  touched: number;
  full: number;
  /** The smallest pixel rectangle holding every touched pixel; undefined when none is. */
  bounds?: { x: number; y: number; width: number; height: number };
}

/** How much of the image a mask repaints, and where. */
export function maskExtent(mask: Mask): MaskExtent {
  let touched = 0;
  let full = 0;
  let left = mask.width;
  let top = mask.height;
  let right = -1;
  let bottom = -1;
  for (let y = 0; y < mask.height; y++) {
    const row = y * mask.width;
    for (let x = 0; x < mask.width; x++) {
      const c = mask.coverage[row + x]!;
      if (c === 0) continue;
      touched++;
      if (c === 255) full++;
      if (x < left) left = x;
      if (x > right) right = x;
      if (y < top) top = y;
      bottom = y;
    }
  }
  return {
    touched,
    full,
    ...(touched > 0 ? { bounds: { x: left, y: top, width: right - left + 1, height: bottom - top + 1 } } : {}),
  };
}

/** Why a mask cannot go with an image of `image`'s size (it must match it pixel for pixel); undefined when it can. */
export function maskSizeProblem(mask: MaskSize, image: MaskSize): string | undefined {
  if (mask.width === image.width && mask.height === image.height) return undefined;
  return (
    `The mask is ${mask.width} × ${mask.height} px but the image is ` +
    `${image.width} × ${image.height} px: a mask must be the image's size.`
  );
}
