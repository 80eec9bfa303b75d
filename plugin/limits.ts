/** Main-thread tuning, chosen so Figma never freezes for long and exports stay a sane size. */

/** Scale cap of frame PNGs: 2× is enough for a vision model; more only costs time and tokens. */
export const MAX_PNG_SCALE = 2;
/** Longest side, in px, of a selection thumbnail. */
export const THUMBNAIL_SIDE = 240;
/** Traversals yield to Figma after this many nodes. */
export const YIELD_EVERY = 250;
/** Dev Mode codegen: results kept (by node id + export hash). */
export const CODEGEN_CACHE_SIZE = 50;
/**
 * Image bytes and SVG exports in flight at once: enough to overlap Figma's downloads, few enough to stay responsive.
 */
export const ASSET_CONCURRENCY = 4;
/** Asset progress goes to the panel about this many times per phase (every item when there are fewer). */
export const ASSET_PROGRESS_STEPS = 50;
