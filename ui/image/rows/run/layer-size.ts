/** The size of a Rows image's layer in its grid. Pure. */

/**
 * Long side of a layer in the grid. The fill keeps every pixel of the image (Figma scales it, FILL); the layer
 * itself is drawn at a size one can browse a grid of twenty at without zooming far out.
 */
export const GRID_LAYER_SIDE = 512;

/** The layer's size: the image's, scaled down (never up) to GRID_LAYER_SIDE on its long side, ratio kept. */
export function gridLayerSize(width: number, height: number): { width: number; height: number } {
  const scale = Math.min(1, GRID_LAYER_SIDE / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}
