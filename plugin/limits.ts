/** Limits of the main thread, chosen so Figma never freezes for long and exports stay a sane size. */

/** A frame with more layers than this is refused: its export alone would hold Figma for seconds. */
export const MAX_LAYERS = 5000;
/** Longest side, in px, of a frame Figment exports (Figma's own exports get unreliable beyond this). */
export const MAX_SIDE = 10_000;
/** At most this many nodes per export request. */
export const MAX_EXPORT_NODES = 50;
/** Scale cap of frame PNGs: 2× is enough for a vision model; more only costs time and tokens. */
export const MAX_PNG_SCALE = 2;
/** Longest side, in px, of a selection thumbnail. */
export const THUMBNAIL_SIDE = 240;
/** Traversals yield to Figma after this many nodes. */
export const YIELD_EVERY = 250;
/** Dev Mode codegen: results kept (by node id + export hash). */
export const CODEGEN_CACHE_SIZE = 50;

/** The panel's size: opened at DEFAULT, resizable by the UI within MIN..MAX. */
export const PANEL = {
  default: { width: 420, height: 600 },
  min: { width: 300, height: 240 },
  max: { width: 1200, height: 1000 },
} as const;
