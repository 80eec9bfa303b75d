/**
 * Where a layer's image fill puts the image: the affine map from the layer's own coordinates (0…width,
 * 0…height) to the image's pixels, per scale mode. FILL scales the image to cover the layer and centres it
 * (cropping the overflow), FIT scales it to fit inside and centres it, CROP places it by the paint's
 * `imageTransform`, which maps the layer's unit square to the image's (so [[0.5, 0, 0.25], [0, 1, 0]] shows
 * the middle half of the image's width). TILE repeats the image, so an area of the layer is no one area of
 * the image; a FILL or FIT image turned by the paint's `rotation` is refused too (rotate the layer instead).
 * Pure: reads only the paint's fields.
 */
import { compose, type Affine } from "../../contract/mask.js";

export interface ImageFill {
  scaleMode: string;
  imageTransform?: Affine | readonly (readonly number[])[];
  rotation?: number;
}

export interface PixelSize {
  width: number;
  height: number;
}

export type FillMap = { toImage: Affine } | { problem: string };

/** The map from layer coordinates to image pixels, or why there is none. */
export function imageFillMap(fill: ImageFill, layer: PixelSize, image: PixelSize): FillMap {
  if (!(layer.width > 0 && layer.height > 0)) return { problem: "has no area (its width or height is 0)" };
  if (!(image.width > 0 && image.height > 0)) return { problem: "has an image with no pixels" };
  if (fill.scaleMode === "TILE")
    return {
      problem:
        "tiles its image (scale mode Tile), so the shapes fall on " +
        "several copies of it: set the image fill to Fill, Fit or Crop",
    };
  if ((fill.scaleMode === "FILL" || fill.scaleMode === "FIT") && (fill.rotation ?? 0) % 360 !== 0)
    return {
      problem: "turns its image inside the fill (the fill's rotate button): turn it back and rotate the layer instead",
    };
  if (fill.scaleMode === "FILL" || fill.scaleMode === "FIT") {
    const fit = fill.scaleMode === "FIT";
    const scale = (fit ? Math.min : Math.max)(layer.width / image.width, layer.height / image.height);
    const left = (layer.width - image.width * scale) / 2;
    const top = (layer.height - image.height * scale) / 2;
    return {
      toImage: [
        [1 / scale, 0, -left / scale],
        [0, 1 / scale, -top / scale],
      ],
    };
  }
  if (fill.scaleMode === "CROP") {
    const t = fill.imageTransform;
    const crop: Affine =
      t && t.length === 2 && t.every((row) => row.length === 3 && row.every(Number.isFinite))
        ? [
            [t[0]![0]!, t[0]![1]!, t[0]![2]!],
            [t[1]![0]!, t[1]![1]!, t[1]![2]!],
          ]
        : [
            [1, 0, 0],
            [0, 1, 0],
          ];
    const unit: Affine = [
      [1 / layer.width, 0, 0],
      [0, 1 / layer.height, 0],
    ];
    const pixels: Affine = [
      [image.width, 0, 0],
      [0, image.height, 0],
    ];
    return { toImage: compose(pixels, compose(crop, unit)) };
  }
  return { problem: `has an image fill in a scale mode Figment does not know (${fill.scaleMode})` };
}
