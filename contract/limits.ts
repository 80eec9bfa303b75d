/**
 * Limits both sides speak of: the main thread enforces them, the panel explains them and sizes itself by
 * them. Main-thread-only tuning (yield interval, caches, PNG scale) stays in plugin/limits.ts.
 */

/** A frame with more layers than this is refused: its export alone would hold Figma for seconds. */
export const MAX_LAYERS = 5000;
/** Longest side, in px, of a frame Figment exports (Figma's own exports get unreliable beyond this). */
export const MAX_SIDE = 10_000;
/** At most this many nodes per export request. */
export const MAX_EXPORT_NODES = 50;

/** The panel's size: opened at DEFAULT (or the user's last size), resizable within MIN..MAX. */
export const PANEL = {
  default: { width: 420, height: 600 },
  min: { width: 300, height: 240 },
  max: { width: 1200, height: 1000 },
  /** The "expand" toggle's working size. */
  expanded: { width: 960, height: 760 },
} as const;
