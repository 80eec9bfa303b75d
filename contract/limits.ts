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

/** `figma.createImage` takes PNG, JPEG or GIF up to this many px per side (larger: the panel downscales first). */
export const CREATE_IMAGE_MAX_SIDE = 4096;
/** Longest image file the panel may send to be placed (a 4096×4096 RGBA PNG stored uncompressed is ~67 MB). */
export const MAX_IMAGE_FILE_BYTES = 80_000_000;

/**
 * Figma's clientStorage quota for the whole plugin ("5MB": keys + values as JSON, a Uint8Array by its
 * length). Counted as 5,000,000 so we stay under it whichever megabyte Figma means.
 */
export const CLIENT_STORAGE_QUOTA = 5_000_000;
/** Kept free for settings, keys and prices: history (code, analyses) is refused before it takes this. */
export const SETTINGS_RESERVE = 100_000;
/** Longest history entry payload as stored (compressed); a code result is usually a few kB. */
export const MAX_HISTORY_PAYLOAD_BYTES = 1_000_000;
/** At most this many history entries per listing. */
export const MAX_HISTORY_ENTRIES = 5000;

/**
 * Image versions in clientStorage. Figma gives a plugin 5 MB in all (settings, keys, prices, history);
 * image versions get this share, as small previews, and are never dropped to make room: the user deletes.
 */
export const IMAGE_VERSIONS_BUDGET = 2_000_000;
/** A version's preview: PNG or JPEG made by the panel, at most this many px per side and this many bytes. */
export const PREVIEW_MAX_SIDE = 256;
export const PREVIEW_MAX_BYTES = 200_000;
/** At most this many versions per load (the budget runs out long before with real previews). */
export const MAX_IMAGE_VERSIONS = 1000;

/**
 * Assets sent beside an export's REST JSON (image fill bytes, vector SVGs). The zip keeps every byte, so
 * nothing is re-encoded: what does not fit is left out and listed as a problem by layer name.
 * Image bytes of one export in all (Figma keeps images ≤ 4096 px, so one photo is rarely over ~20 MB).
 */
export const MAX_EXPORT_IMAGE_BYTES = 150_000_000;
/** Distinct image fills per export. */
export const MAX_EXPORT_IMAGES = 1000;
/** Vector-like layers exported as SVG per export, and the markup of one (a detailed illustration is ~1 MB). */
export const MAX_EXPORT_SVGS = 5000;
/** Figma's inferred auto layouts read per export (frames drawn without auto layout); more are left out. */
export const MAX_INFERRED_LAYOUTS = 2000;
export const MAX_SVG_CHARS = 5_000_000;
/** SVG markup of one export in all. */
export const MAX_EXPORT_SVG_CHARS = 40_000_000;

/** Top-level frames Search indexes per file (all pages). */
export const MAX_SEARCH_FRAMES = 5000;
/**
 * A frame's texts kept in the search index, in characters (the rest is cut: names and first texts rank best anyway).
 */
export const MAX_SEARCH_TEXT_CHARS = 4000;
/** Embedding size the plugin asks for by default: 256-d vectors keep 1,000 frames' index under ~1.5 MB of the 5 MB. */
export const DEFAULT_SEARCH_DIMENSIONS = 256;
/** Longest side, in px, of a search result's thumbnail (2× a 48-px row) and of the picture a caption is made from. */
export const SEARCH_THUMBNAIL_SIDE = 96;
export const CAPTION_IMAGE_SIDE = 768;
/**
 * What the search indexes of all files together may take of clientStorage (stored compressed). The index is a
 * cache of the document: history and image versions keep their room; an index over this is answered, not stored.
 */
export const SEARCH_INDEX_BUDGET = 1_500_000;

/**
 * What the batches sent to the Batch API (all files together) may take of clientStorage, stored compressed:
 * records, items and input files, never results. A save over it is refused, nothing dropped.
 */
export const PENDING_BATCHES_BUDGET = 500_000;

/**
 * Strings a message carries, bounded before any work starts (issue 50: a 1,000,001-character instruction held the
 * token count for over 10 minutes). A name (a model, a layer, a file path) is short.
 */
export const MAX_NAME_CHARS = 1000;
/**
 * What a person writes for the model (instructions, a question, a correction round): 1,000,000 characters is about
 * 250,000 tokens, more than a model's context holds beside the design.
 */
export const MAX_PROMPT_CHARS = 1_000_000;
/**
 * Any string a field names no bound for: far above any real one (a page with its pictures inlined, a packed worker
 * script), still a refusal in a sentence before a half-gigabyte string is worked on.
 */
export const MAX_TEXT_CHARS = 100_000_000;

/**
 * "Insert as layers" (contract/layers.ts), elements read per page: past this the reader stops and says what it built
 * (a 10,000-element page is refused).
 */
export const MAX_LAYER_NODES = 10_000;

/**
 * "Design from a prompt"'s file design system (plugin/export/file-design-system.ts): the local variables read (a
 * large library file has thousands), the text layers of the current page sampled for its fonts, the font families
 * sent, and the tokens the theme keeps (each ≈ 40 characters of the prompt).
 */
export const MAX_FILE_VARIABLES = 2000;
export const MAX_FONT_SAMPLE_TEXTS = 3000;
export const MAX_FILE_FONTS = 16;
export const MAX_THEME_TOKENS = 300;
