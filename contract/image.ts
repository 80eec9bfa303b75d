/**
 * What the image panel and the main thread say about generated images, each field defined once:
 * - the record of how an image was made, kept in the node's pluginData (it syncs to every collaborator:
 *   never a key; every string bounded, so a record stays far below pluginData's 100 kB per entry);
 * - a stored version: a small preview with its record, kept in clientStorage per file, the shape the later
 *   history (code results, analyses) grows into: `kind`, `id`, `createdAt`, and a file scope added on save;
 * - the node a relaunch button opened the panel for.
 * Pure: no `figma`, no DOM.
 */
import { array, bytes, custom, literal, number, object, oneOf, optional, string, type Infer } from "./fields.js";
import { CREATE_IMAGE_MAX_SIDE, PREVIEW_MAX_BYTES, PREVIEW_MAX_SIDE } from "./limits.js";
import {
  IMAGE_ACTIONS,
  IMAGE_APIS,
  IMAGE_BACKGROUNDS,
  IMAGE_FORMATS,
  IMAGE_QUALITIES,
  PROVIDERS,
  SD_CONTROL_TYPES,
} from "./words.js";

/** Longest strings of a record, in characters (the panel cuts a longer prompt before sending). */
export const RECORD_LIMITS = { prompt: 4000, revisedPrompt: 4000, model: 200, responseId: 200 } as const;
/**
 * Longest record as stored (UTF-8 JSON). The bounds above keep a record under ~50 kB even if every prompt
 * character needed a 6-byte JSON escape; the main thread checks the real size before writing.
 */
export const MAX_RECORD_BYTES = 60_000;

/** Version ids double as storage key parts: letters, digits and `._:-`, at most 100 characters. */
export const versionIdField = custom<string>("an id of 1–100 letters, digits, '.', '_', ':' or '-'", (v) =>
  typeof v === "string" && /^[A-Za-z0-9._:-]{1,100}$/.test(v) ? v : undefined,
);

/** An ISO 8601 time with a zone ("2026-05-01T12:00:00.000Z"), as `new Date().toISOString()` writes it. */
export const isoTimeField = custom<string>("an ISO 8601 time such as 2026-05-01T12:00:00.000Z", (v) =>
  typeof v === "string" &&
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(v) &&
  !Number.isNaN(Date.parse(v))
    ? v
    : undefined,
);

/** "1536x1024" or "auto", as the APIs write a size. */
export const imageSizeField = custom<string>('"auto" or WIDTHxHEIGHT such as 1536x1024', (v) =>
  typeof v === "string" && /^(auto|[1-9]\d{0,4}x[1-9]\d{0,4})$/.test(v) ? v : undefined,
);

const count = number({ integer: true, min: 1, max: 4 });

/** How an image was made: enough to show it, refine it and draw it again with the same settings. */
export const imageRecordField = object({
  /** The version this image is (its stored preview has the same id). */
  versionId: versionIdField,
  createdAt: isoTimeField,
  /** The user's words (for a refinement: what to change). */
  prompt: string({ max: RECORD_LIMITS.prompt }),
  /** The prompt the model drew from, when it rewrote the user's. */
  revisedPrompt: optional(string({ max: RECORD_LIMITS.revisedPrompt })),
  model: string({ nonEmpty: true, max: RECORD_LIMITS.model }),
  provider: oneOf(PROVIDERS),
  api: oneOf(IMAGE_APIS),
  size: imageSizeField,
  quality: oneOf(IMAGE_QUALITIES),
  background: oneOf(IMAGE_BACKGROUNDS),
  /** The output format asked for (the bytes placed may have been converted, e.g. WebP to PNG). */
  format: oneOf(IMAGE_FORMATS),
  /** How many images the request asked for, and which of them this is (0-based). */
  count,
  index: number({ integer: true, min: 0, max: 3 }),
  /** Responses API: the id a refinement builds on (`previous_response_id`). */
  responseId: optional(string({ nonEmpty: true, max: RECORD_LIMITS.responseId })),
  /** The version this one refined: the edit chain. */
  refinedFrom: optional(versionIdField),
  /** How many reference images went with the request (the selection, files); the images are not kept. */
  references: optional(number({ integer: true, min: 0, max: 16 })),
  /** Drawn by a Stable Diffusion server: its seed and parameters, enough to draw it again ("Same seed"). */
  sd: optional(sdRecordField()),
});
export type ImageRecord = Infer<typeof imageRecordField>;

/**
 * An SD image's parameters as its record keeps them (a hoisted function: the record above uses it). `seed` is the
 * one the server drew this image with; `strength` is img2img's denoising strength (absent for txt2img); `control`,
 * a render's ControlNet unit and the frame whose picture was its control image (the picture itself is not kept:
 * "Same seed" exports the frame again by its id, and says so when it is gone).
 */
function sdRecordField() {
  return object({
    seed: number({ integer: true, min: 0, max: Number.MAX_SAFE_INTEGER }),
    steps: number({ integer: true, min: 1, max: 500 }),
    cfgScale: number({ min: 0, max: 100 }),
    sampler: optional(string({ max: 200 })),
    negativePrompt: optional(string({ max: RECORD_LIMITS.prompt })),
    strength: optional(number({ min: 0, max: 1 })),
    control: optional(
      object({
        type: oneOf(SD_CONTROL_TYPES),
        strength: number({ min: 0, max: 2 }),
        frame: object({
          id: string({ nonEmpty: true, max: 1000 }),
          name: string({ max: 500 }),
          width: number({ min: 0 }),
          height: number({ min: 0 }),
        }),
      }),
    ),
  });
}
export type SdRecord = NonNullable<ImageRecord["sd"]>;

/** A small preview: PNG or JPEG made by the panel (the main thread checks the bytes against the size). */
const previewField = object({
  bytes: bytes({ max: PREVIEW_MAX_BYTES }),
  width: number({ integer: true, min: 1, max: PREVIEW_MAX_SIDE }),
  height: number({ integer: true, min: 1, max: PREVIEW_MAX_SIDE }),
});

/** A version as stored and listed. The full image is not kept here: it is on the canvas once placed. */
export const imageVersionField = object({
  kind: literal("image"),
  id: versionIdField,
  createdAt: isoTimeField,
  record: imageRecordField,
  preview: previewField,
  /** The full image the preview stands for: its pixel size and file size. */
  original: object({
    width: number({ integer: true, min: 1 }),
    height: number({ integer: true, min: 1 }),
    bytes: number({ integer: true, min: 0 }),
  }),
});
export type ImageVersion = Infer<typeof imageVersionField>;

/**
 * Bytes the stored versions of every file take (Figma's measure: key + JSON, a Uint8Array by its length),
 * their budget, and the part this file's versions take.
 */
export const storageUsageField = object({
  bytes: number({ integer: true, min: 0 }),
  budget: number({ integer: true, min: 0 }),
  fileBytes: number({ integer: true, min: 0 }),
});
export type StorageUsage = Infer<typeof storageUsageField>;

/** The generated image a relaunch button ("Refine image", "Regenerate image") opened the panel for. */
export const imageNodeField = object({
  nodeId: string({ nonEmpty: true, max: 1000 }),
  record: imageRecordField,
  action: oneOf(IMAGE_ACTIONS),
});
export type ImageNode = Infer<typeof imageNodeField>;

/** How an image fills a shape: cover and crop (FILL) or show whole (FIT), as Figma's scaleMode. */
export const FILL_MODES = ["FILL", "FIT"] as const;
export type FillMode = (typeof FILL_MODES)[number];

/** Where Insert puts the new layer: beside the selection (or at the viewport centre), or into the selected frame. */
export const PLACEMENTS = ["beside", "into"] as const;
export type Placement = (typeof PLACEMENTS)[number];

/** The layer size Insert gives an image: its pixel size at 1×, so at most what createImage takes. */
export const layerSideField = number({ min: 1, max: CREATE_IMAGE_MAX_SIDE });

/**
 * Where `place-in-grid` puts a Rows run's image (or a Batch API batch's): `{ id }` appends to its grid frame (made by
 * the first placement), `{ name }` makes a new grid frame of that name.
 */
export type GridTarget = { id: string } | { name: string };
const gridById = object({ id: string({ nonEmpty: true, max: 1000 }) });
const gridByName = object({ name: string({ nonEmpty: true, max: 500 }) });
export const gridTargetField = custom<GridTarget>("{ id } of the batch's grid frame or { name } for a new one", (v) => {
  for (const shape of [gridById, gridByName]) {
    try {
      return shape.check(v, "grid");
    } catch {
      // try the other shape
    }
  }
  return undefined;
});

/** A Rows item's position (0-based): a retried item lands among the others in this order. */
export const gridIndexField = number({ integer: true, min: 0, max: 10_000 });

/**
 * A parameter grid's headers (an X/Y plot): a text layer above each column ("CFG 7") and, when any is not empty,
 * one before each row ("Seed 2"); the grid made by the first placement holds them and a placeholder for every
 * cell (columns × rows), so a cell that fails or comes late leaves the others in their places.
 */
export interface GridLabels {
  columns: string[];
  rows: string[];
}
const gridLabel = string({ max: 200 });
export const gridLabelsField = object({ columns: array(gridLabel, { max: 16 }), rows: array(gridLabel, { max: 100 }) });

/** At most this many brand colours are read from the selection. */
export const MAX_BRAND_COLOURS = 12;
/** Where a brand colour came from: a paint style, a colour variable, or a plain solid paint. */
export const COLOUR_SOURCES = ["style", "variable", "fill"] as const;
/**
 * A colour of the selection: `#RRGGBB` (`#RRGGBBAA` when not opaque), its style or variable name, and how many paints
 * use it.
 */
export const brandColourField = object({
  hex: custom<string>("a colour such as #1A2B3C or #1A2B3C80", (v) =>
    typeof v === "string" && /^#[0-9A-F]{6}([0-9A-F]{2})?$/.test(v) ? v : undefined,
  ),
  name: optional(string({ max: 500 })),
  source: oneOf(COLOUR_SOURCES),
  uses: number({ integer: true, min: 1 }),
});
export type BrandColour = Infer<typeof brandColourField>;
