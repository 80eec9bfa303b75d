/**
 * What a provider does to an image before its model sees it, and how to cut a picture so that it does nothing.
 *
 * OpenAI (https://platform.openai.com/docs/guides/images-vision#calculating-costs): at detail "high" an image is
 * scaled to fit within 2048 × 2048, then scaled so that its shortest side is at most 768 px; at "low" it is seen at
 * 512 × 512. OpenRouter (https://openrouter.ai/docs/features/multimodal/images) passes images to the model's own
 * provider, which for OpenAI's models applies the same rule; another OpenAI-compatible endpoint is assumed to as well.
 * A picture within these sides reaches the model as sent: one design px stays at least one image px.
 */
import type { PngRect } from "../../mask/png.js";
import type { ImageDetail } from "../prompt.js";

export interface ImageLimits {
  /** The longest side the provider leaves unscaled. */
  longSide: number;
  /** The shortest side it leaves unscaled. */
  shortSide: number;
  /** Where the limits are documented. */
  source: string;
}

const OPENAI_VISION = "https://platform.openai.com/docs/guides/images-vision#calculating-costs";

/** The sides an image keeps at `detail` ("auto" is counted as "high": the provider may choose it). */
export function imageLimits(detail: ImageDetail = "high"): ImageLimits {
  return detail === "low"
    ? { longSide: 512, shortSide: 512, source: OPENAI_VISION }
    : { longSide: 2048, shortSide: 768, source: OPENAI_VISION };
}

/** The scale the provider shows a `width` × `height` image at (1: unscaled). */
export function providerScale(width: number, height: number, limits: ImageLimits): number {
  if (!(width > 0 && height > 0)) return 1;
  const fit = Math.min(1, limits.longSide / Math.max(width, height));
  const shortest = Math.min(width, height) * fit;
  return fit * Math.min(1, limits.shortSide / shortest);
}

/** A rectangle in image pixels (whole pixels): the one the tiles are cut by (ai/mask/png.ts cropPng). */
export type PixelRect = PngRect;

/**
 * `rect` cut into equal tiles each within `limits` (unscaled by the provider): columns no wider than the long side,
 * then rows short enough that each tile's shortest side is within the short side. Row by row, top to bottom.
 */
export function tilesFor(rect: PixelRect, limits: ImageLimits): PixelRect[] {
  if (rect.w <= 0 || rect.h <= 0) return [];
  const columns = Math.ceil(rect.w / limits.longSide);
  const tileW = Math.ceil(rect.w / columns);
  // A tile as wide as the short side or narrower may be as tall as the long side; a wider one no taller than the short.
  const maxH = tileW <= limits.shortSide ? limits.longSide : limits.shortSide;
  const rows = Math.ceil(rect.h / maxH);
  const tileH = Math.ceil(rect.h / rows);
  const tiles: PixelRect[] = [];
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < columns; c++) {
      const x = rect.x + c * tileW;
      const y = rect.y + r * tileH;
      const w = Math.min(tileW, rect.x + rect.w - x);
      const h = Math.min(tileH, rect.y + rect.h - y);
      if (w > 0 && h > 0) tiles.push({ x, y, w, h });
    }
  return tiles;
}
