/**
 * The one message contract between the main thread (plugin/) and the UI iframe (ui/): per direction, a map
 * from message name to its fields, each field defined once with its runtime check (contract/fields.ts).
 * The TypeScript types are derived from the same definitions, and both sides check every arrival with
 * `parseUiMessage` / `parseMainMessage`, refusing unknown names, missing, malformed and unknown fields.
 * Requests that expect an answer carry a `requestId`; REQUESTS says which message answers which.
 * Pure: no `figma`, no DOM.
 *
 * Images (the Generate image panel; fields in contract/image.ts, limits in contract/limits.ts):
 * - Place: `insert-image`, `fill-selection`, `replace-image` answer `image-placed` { nodeIds, note? } or an
 *   `error` on the request: `bad-image` (not PNG/JPEG/GIF: convert WebP first), `too-large` (over
 *   CREATE_IMAGE_MAX_SIDE: downscale first), `unsupported-node` (the message lists the layers and why),
 *   `not-generated` (Replace on a layer Figment did not make), `empty-selection`, `read-only` (Dev Mode),
 *   `not-found`, `bad-message` (a record holding a key, or too large). Each placement is one undo step; a
 *   refusal or failure changes nothing.
 * - Record: every placement carries the image's `record` (prompt cut to RECORD_LIMITS, never a key); the
 *   layer keeps it in pluginData with "Refine image" / "Regenerate image" relaunch buttons, which open the
 *   panel with `init.imageNode` { nodeId, record, action }. `selection` marks such layers (`image.versionId`).
 * - Batches: `place-in-grid` puts each result into the batch's grid frame (auto layout, wrapping; made by the
 *   first placement, `{ name }`, then found by `{ id }`), answering `image-placed` [gridFrameId, layerId]; a
 *   grid deleted meanwhile is `not-found`, nothing placed. `read-brand-colours` answers `brand-colours`: the
 *   paint styles, colour variables and most used plain colours of the selection (`empty-selection` if none).
 * - Versions: `save-image-version` (preview ≤ PREVIEW_MAX_SIDE px PNG/JPEG, ≤ PREVIEW_MAX_BYTES; same id as
 *   its record's versionId) and `delete-image-versions` answer `versions-usage`; `load-image-versions`
 *   answers `image-versions` (this file's, or `allFiles`). Over IMAGE_VERSIONS_BUDGET a save is refused with
 *   `storage-full` and nothing is dropped: the panel offers to delete versions.
 * - Inpainting (fields in contract/mask.ts): `read-mask-source` answers `mask-source`: the selected image
 *   layer's id (whose fill the result replaces), its image's original bytes and pixel size, and the shapes drawn
 *   over it as outlines mapped to image pixels, which the panel rasterises into the mask (ai/mask/). Refusals:
 *   `empty-selection`, `unsupported-node` (no image layer, no shape, two image layers, a shape off the image, a
 *   tiled fill…: the message says what to select), `too-large` (over MAX_MASK_SIDE), `not-found`, `export-failed`.
 *   `repaint-image` puts the result in place of that layer's image (any image layer, its crop kept; the panel
 *   keeps the original as a version first), answering `image-placed`.
 *
 * History (fields in contract/history.ts): `save-history-entry` (a code result, an analysis, or an image
 * pointer to a saved version with where it was placed) answers `history-saved` with the usage and either
 * `saved` (its listing line) or `full` (it would not fit Figma's 5 MB: a message, the bytes needed and the
 * entries that could be deleted; nothing was stored or dropped). `load-history` lists entries newest first
 * (`history`), `load-history-entry` answers one payload (`history-entry`), `delete-history-entries` answers
 * `history-usage`, `export-history` answers every payload (`history-export`) for a zip made in the panel.
 *
 * Search (fields in contract/search.ts): `load-search-index` answers the stored index at once; `scan-frames`
 * brings it up to date (pages loaded one by one, progress as `export-progress`, cancellable) and answers it
 * with the changes; `save-search-extras` keeps embeddings and captions the panel made; `export-frame-image`
 * answers a frame's small PNG (thumbnails, captions). The index is a cache of the document: when it does not
 * fit in clientStorage the scan still answers it, saying why in `notStored` (history is never dropped for it);
 * `save-search-extras` that does not fit is refused with `storage-full`, nothing dropped.
 *
 * Components (fields in contract/components.ts): `load-components` and `save-components` answer `components`,
 * the document's mapping as stored (figma.root shared plugin data, so every collaborator's code uses it) with its
 * notes and size; a save over Figma's 100 kB per entry is refused with `storage-full`, the stored one kept.
 * `read-main-component` answers `main-component`: the instance's main component and its set's property definitions
 * (every VARIANT option, each default), for the mapping form; a missing main component is `not-found`.
 *
 * Batch API (fields in contract/pending-batch.ts): `save-pending-batch` (same id: replaces it),
 * `load-pending-batches` and `delete-pending-batch` answer `pending-batches`, this file's batches oldest
 * first. They live in clientStorage by file, never in the document; a save over PENDING_BATCHES_BUDGET (or
 * what the rest of the 5 MB leaves) is refused with `storage-full`, nothing dropped; a batch holding a stored
 * API key is refused with `bad-message`.
 */
import {
  array,
  boolean,
  bytes,
  custom,
  describeValue,
  FieldError,
  type Field,
  isRecord,
  json,
  nullable,
  number,
  object,
  oneOf,
  optional,
  parseTagged,
  record,
  string,
  type Infer,
  type ObjectOf,
  type Shape,
} from "./fields.js";
import { keySlotField } from "./keys.js";
import type { LayerDocument } from "./layers.js";
import {
  brandColourField,
  FILL_MODES,
  gridIndexField,
  gridLabelsField,
  gridTargetField,
  imageNodeField,
  MAX_BRAND_COLOURS,
  imageRecordField,
  imageVersionField,
  layerSideField,
  PLACEMENTS,
  storageUsageField,
  versionIdField,
} from "./image.js";
import type { DesignExtras, InferredAutoLayout } from "../codegen/design/extras.js";
import type { Problem } from "../codegen/types.js";
import { FigmentError, type ErrorKind } from "../kernel/errors.js";
import { FAILURE_FIELDS } from "./failure.js";
import {
  MAX_SEARCH_FRAMES,
  MAX_EXPORT_IMAGES,
  MAX_EXPORT_NODES,
  MAX_HISTORY_ENTRIES,
  MAX_EXPORT_SVGS,
  MAX_FILE_FONTS,
  MAX_IMAGE_FILE_BYTES,
  MAX_IMAGE_VERSIONS,
  MAX_INFERRED_LAYOUTS,
  MAX_SVG_CHARS,
} from "./limits.js";
import {
  historyEntryField,
  historyFullField,
  historyIdField,
  historyItemField,
  historyKindField,
  historyRefField,
  historyUsageField,
  savedEntryField,
} from "./history.js";
import { MAX_PENDING_BATCHES, pendingBatchField } from "./pending-batch.js";
import { frameCaptionField, frameVectorField, scanChangesField, scanSkipField, searchIndexField } from "./search.js";
import { settingsField, settingsPatchField } from "./settings.js";
import { designStylesField, designVariablesField, variableModesField } from "./tokens.js";
import { requestIdField as requestId } from "./request-id.js";
import { COMMANDS, PANEL_OPENINGS } from "./words.js";
import { componentMapField, mainComponentField, storedComponentsField } from "./components.js";
import { maskSourceField } from "./mask.js";

export { COMMANDS, type Command } from "./words.js";
export { isRequestId } from "./request-id.js";
export type {
  BrandColour,
  FillMode,
  GridTarget,
  ImageNode,
  ImageRecord,
  ImageVersion,
  Placement,
  StorageUsage,
} from "./image.js";
export type { Affine, MaskPath, MaskShape, MaskSource } from "./mask.js";
export type { FrameCaption, FrameVector, ScanChanges, ScanSkip, SearchFrameDoc, SearchIndex } from "./search.js";
export type { PendingBatch, PendingItem, StoredBatchRecord } from "./pending-batch.js";
export type {
  HistoryEntry,
  HistoryFull,
  HistoryItem,
  HistoryKind,
  HistoryRef,
  HistoryUsage,
  SavedEntry,
} from "./history.js";

/**
 * The engine worker's code parts (ui/engine/code-parts/), loaded into it before the jobs that need them: `code-preview`
 * (the React preview's transpiler and Tailwind: what an offline Code job waits for), `code-format` (prettier and the
 * wasm formatters: sent after an offline Code job, before a model's) and `code-check` (ts-morph with TypeScript: the
 * project pass on model-written files, Code Connect); and a target's own compiler for its preview (`code-vue`: Vue's
 * SFC compiler and runtime; `code-svelte`: Svelte's compiler and runtime; `code-react-native`: react-native-web's
 * runtime; `code-angular`: ngtsc with TypeScript and Angular's runtime), loaded only for output in that target
 * (contract/targets.ts).
 */
export const CODE_PARTS = [
  "code-preview",
  "code-format",
  "code-check",
  "code-vue",
  "code-svelte",
  "code-react-native",
  "code-angular",
] as const;
export type CodePart = (typeof CODE_PARTS)[number];
/**
 * Scripts the main thread keeps packed for the panel's workers: the engine worker (the default), its tokenizer and code
 * parts, the search worker.
 */
export const WORKER_PARTS = ["engine", "tokenizer", ...CODE_PARTS, "search"] as const;
export type WorkerPart = (typeof WORKER_PARTS)[number];
/** The panels that come as parts of their own, when they first open (or in idle time after the first paint). */
export const PANEL_PARTS = ["image", "analyze", "search", "history", "settings"] as const;
export type PanelPart = (typeof PANEL_PARTS)[number];
/**
 * Scripts the main thread keeps packed for the panel itself, run in the UI iframe on first use: the Code panel's draft
 * emitters, "Insert as layers" (ui/code/layers/layers-part.tsx) and the panels above.
 */
export const UI_PARTS = ["draft", "layers", ...PANEL_PARTS] as const;
export type UiPart = (typeof UI_PARTS)[number];
const nodeId = string({ nonEmpty: true, max: 1000 });
/**
 * A page read into layers (contract/layers.ts): only an object here, so the layer validator (~1.5 KB gz) stays out of
 * ui.html, which holds this table too; the main thread checks it whole on arrival (contract/main-message.ts), and
 * the panel's reader checks what it sends (ui/code/layers/read-page.ts, in the draft part).
 */
const layerDocumentField = custom<LayerDocument>("a layer document (contract/layers.ts)", (value) =>
  isRecord(value) ? (value as unknown as LayerDocument) : undefined,
);

/**
 * `image`: the layer is an image Figment made (its record's version), so Replace can swap it.
 * `frameId`: the top-level frame the layer is in (itself when it is one), for Search's "like the selection".
 */
/**
 * `imageFill`: "own" when the layer's own fill shows an image, "inside" when it is a frame or group with an image
 * layer among its direct children (or its own image fill under children): what inpainting can start from.
 */
const selectedNode = object({
  id: nodeId,
  name: string(),
  type: string(),
  width: number(),
  height: number(),
  image: optional(object({ versionId: versionIdField })),
  frameId: optional(nodeId),
  imageFill: optional(oneOf(["own", "inside"])),
});
/** Why a selected layer cannot be exported: the panel titles its message by this, `reason` says the rest. */
export const UNSUPPORTED_PROBLEMS = ["too-large", "not-design", "hidden", "no-size"] as const;
export type UnsupportedProblem = (typeof UNSUPPORTED_PROBLEMS)[number];
const unsupportedNode = object({
  id: nodeId,
  name: string(),
  type: string(),
  width: number(),
  height: number(),
  problem: oneOf(UNSUPPORTED_PROBLEMS),
  reason: string(),
});
const selectionField = object({ nodes: array(selectedNode), unsupported: array(unsupportedNode) });

export type SelectedNode = Infer<typeof selectedNode>;
export type UnsupportedNode = Infer<typeof unsupportedNode>;
export type SelectionSummary = Infer<typeof selectionField>;

/** One exported frame: its REST JSON (`exportAsync({format:"JSON_REST_V1"})`) and, when asked for, a PNG. */
const exportedFrame = object({
  id: nodeId,
  name: string(),
  type: string(),
  width: number(),
  height: number(),
  json: json(),
  png: optional(bytes()),
  /** Scale the PNG was exported at (long side ≤ settings.maxImageSize); 0 when no PNG was asked for. */
  scale: number({ min: 0 }),
});
export type ExportedFrame = Infer<typeof exportedFrame>;

/** Figma's inferred auto layout of one frame drawn without auto layout (Plugin API `inferredAutoLayout`). */
const inferredAutoLayoutField = object(
  {
    layoutMode: oneOf(["HORIZONTAL", "VERTICAL", "NONE"]),
    itemSpacing: optional(number()),
    paddingTop: optional(number()),
    paddingRight: optional(number()),
    paddingBottom: optional(number()),
    paddingLeft: optional(number()),
    primaryAxisAlignItems: optional(string({ max: 40 })),
    counterAxisAlignItems: optional(string({ max: 40 })),
    layoutWrap: optional(oneOf(["NO_WRAP", "WRAP"])),
    counterAxisSpacing: optional(nullable(number())),
  },
  { extra: "drop" },
) satisfies Field<InferredAutoLayout>;

/**
 * What the REST JSON does not carry, for all frames of one export (codegen/design/extras.ts): image fill
 * bytes by imageRef (= the plugin's imageHash), as Figma stores them, and SVG markup of vector-like layers
 * by node id. Bytes travel as Uint8Array (structured clone).
 */
export const exportExtrasField = object({
  images: optional(record(bytes({ max: MAX_IMAGE_FILE_BYTES }), { max: MAX_EXPORT_IMAGES })),
  svgs: optional(record(string({ max: MAX_SVG_CHARS }), { max: MAX_EXPORT_SVGS })),
  variables: optional(designVariablesField),
  styles: optional(designStylesField),
  variableModes: optional(variableModesField),
  inferredLayouts: optional(record(inferredAutoLayoutField, { max: MAX_INFERRED_LAYOUTS })),
}) satisfies Field<DesignExtras>; // the panel hands them to codegen as they are
export type ExportExtras = Infer<typeof exportExtrasField>;

/**
 * What an export left out or could not get (a missing image, a failed SVG, a limit), by layer; shaped as codegen's
 * Problem.
 */
const exportProblem = object({
  severity: oneOf(["error", "warning", "info"]),
  code: string({ nonEmpty: true, max: 100 }),
  message: string(),
  nodeId: optional(nodeId),
}) satisfies Field<Problem>;
export type ExportProblem = Infer<typeof exportProblem>;

/**
 * `bad-image`: bytes createImage does not take (not PNG, JPEG or GIF); `too-large` also covers images over
 * 4096 px; `not-generated`: Replace on a layer Figment did not make; `read-only`: a canvas write in Dev Mode;
 * `storage-full`: the image versions' budget is used up (delete versions; nothing was dropped).
 */
export const ERROR_CODES = [
  "empty-selection",
  "unsupported-node",
  "too-large",
  "export-failed",
  "not-found",
  "bad-message",
  "bad-settings",
  "bad-image",
  "not-generated",
  "read-only",
  "storage-failed",
  "storage-full",
  "cancelled",
  "internal",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Each code as one of Figment's few kinds (kernel/errors.ts): the failure's kind when the main thread refuses. */
export const KIND_OF_CODE: Readonly<Record<ErrorCode, ErrorKind>> = {
  "empty-selection": "input",
  "unsupported-node": "input",
  "too-large": "input",
  "export-failed": "service",
  "not-found": "input",
  "bad-message": "internal",
  "bad-settings": "input",
  "bad-image": "input",
  "not-generated": "input",
  "read-only": "input",
  "storage-failed": "service",
  "storage-full": "limit",
  cancelled: "cancelled",
  internal: "internal",
};

const size = object({ width: number({ min: 1 }), height: number({ min: 1 }) });

/** A model price fetched from a provider's listing (OpenRouter `/models`): USD per 1M tokens. */
const fetchedPrice = object({
  input: number({ min: 0 }),
  output: number({ min: 0 }),
  source: string(),
  asOf: string(),
});
export type FetchedPrice = Infer<typeof fetchedPrice>;
/** Prices by model id, as a listing gave them (also carried to the worker for the estimate). */
export const fetchedPricesField = record(fetchedPrice, { max: 5000 });
const fetchedPrices = fetchedPricesField;

/** Messages from the main thread to the UI. */
const TO_UI = {
  /** The UI's whole starting state; the only message that carries API keys (by key slot). */
  init: {
    command: oneOf(COMMANDS),
    settings: settingsField,
    apiKeys: record(string({ nonEmpty: true, max: 1000 }), { max: 100 }),
    selection: selectionField,
    editorType: string(),
    /** The size the user last gave the panel, when they resized it. */
    panelSize: optional(size),
    /** Prices fetched from a provider's model listing, by model id. */
    prices: optional(fetchedPrices),
    /** Launched from "Refine image" / "Regenerate image" on an image Figment made: that image and its record. */
    imageNode: optional(imageNodeField),
    /** Launched from a menu command that opens something inside the panel ("Design from a prompt…"). */
    open: optional(oneOf(PANEL_OPENINGS)),
  },
  selection: { selection: selectionField },
  "export-progress": { requestId, done: number({ min: 0 }), total: number({ min: 0 }), label: string() },
  /**
   * `extras` (codegen's DesignExtras): image bytes and SVGs unless the request said `assets: false`, and the
   * design tokens the frames use (variables, styles, modes); `problems`: what they lack.
   */
  "export-result": {
    requestId,
    frames: array(exportedFrame, { max: MAX_EXPORT_NODES }),
    extras: optional(exportExtrasField),
    problems: optional(array(exportProblem, { max: 10_000 })),
  },
  thumbnail: { nodeId, png: bytes() },
  /** Settings after a save, and which key slots hold a key now (never the keys). */
  "settings-saved": { requestId: optional(requestId), settings: settingsField, keySlots: array(keySlotField) },
  /** The engine worker's script (or the tokenizer's, or the search worker's), gzip+base64; kept out of ui.html. */
  "worker-source": { requestId, data: string() },
  /** A packed (gzip+base64) script of the panel's own, as `get-ui-part` asked. */
  "ui-part": { requestId, data: string() },
  /**
   * insert-image, fill-selection, replace-image succeeded: the layers that now show the image (one undo
   * step). `note` says what the user may not expect (e.g. the image was scaled to fit the frame).
   */
  "image-placed": { requestId, nodeIds: array(nodeId, { max: 10_000 }), note: optional(string()) },
  /**
   * This file's image versions (or every file's, when asked), oldest first, and how much of the versions'
   * budget they use.
   * `lost`: versions listed but unreadable (cleared by Figma or damaged), now removed from the list.
   */
  "image-versions": {
    requestId,
    versions: array(imageVersionField, { max: MAX_IMAGE_VERSIONS }),
    usage: storageUsageField,
    lost: optional(number({ integer: true, min: 1 })),
  },
  /** A version was saved or versions deleted: the usage now. */
  "versions-usage": { requestId, usage: storageUsageField },
  /** An entry was saved (`saved`: its line), or refused for room (`full`; nothing stored, nothing dropped). */
  "history-saved": {
    requestId,
    usage: historyUsageField,
    saved: optional(historyItemField),
    full: optional(historyFullField),
  },
  /** Entries newest first (listing lines only: `load-history-entry` reads one's content). */
  history: { requestId, entries: array(historyItemField, { max: MAX_HISTORY_ENTRIES }), usage: historyUsageField },
  "history-entry": { requestId, entry: historyEntryField },
  "history-usage": { requestId, usage: historyUsageField },
  /** Every payload asked for, newest first; `damaged`: entries that could not be read (still stored). */
  "history-export": {
    requestId,
    entries: array(historyEntryField, { max: MAX_HISTORY_ENTRIES }),
    damaged: optional(array(historyItemField, { max: MAX_HISTORY_ENTRIES })),
  },
  /**
   * This file's search index: as stored (`load-search-index`: may be stale or empty, `scannedAt` says), or
   * fresh from a scan of every page (`scan-frames`), with what the scan changed and the frames it skipped.
   */
  "search-index": {
    requestId,
    index: searchIndexField,
    changes: optional(scanChangesField),
    skipped: optional(array(scanSkipField, { max: MAX_SEARCH_FRAMES })),
    notStored: optional(string()),
  },
  /**
   * A frame's picture, at most `maxSide` px on its long side (a result's thumbnail, or what a caption is made from).
   */
  "frame-image": { requestId, nodeId, png: bytes(), width: number({ min: 0 }), height: number({ min: 0 }) },
  /**
   * The selection's colours for a batch's style spec: named ones (styles, variables) first, then plain ones, each by
   * use.
   */
  "brand-colours": { requestId, colours: array(brandColourField, { max: MAX_BRAND_COLOURS }) },
  /**
   * The file's design system for "Design from a prompt": its local variables and collections (REST shape), the font
   * families it uses (most used first), and how many text layers were sampled for them.
   */
  "design-system": {
    requestId,
    variables: optional(designVariablesField),
    fonts: array(string({ nonEmpty: true, max: 100 }), { max: MAX_FILE_FONTS }),
    texts: number({ integer: true, min: 0 }),
  },
  /** This file's batches at the Batch API, oldest first (after a save or delete: as they are now). */
  "pending-batches": { requestId, batches: array(pendingBatchField, { max: MAX_PENDING_BATCHES }) },
  /** The document's component mapping (contract/components.ts), as stored now: after a load or a save. */
  /** `conflict`: a save was not written, the stored mapping having changed since its `base` (`stored` is it now). */
  components: { requestId, stored: storedComponentsField, conflict: optional(boolean()) },
  /** The instance's main component and its set's property definitions (every variant option, each default). */
  "main-component": { requestId, component: mainComponentField },
  /** The selection's image layer, its image and the shapes drawn over it, for the panel to make the mask from. */
  "mask-source": { requestId, source: maskSourceField },
  /**
   * `insert-layers` finished: the top layer made (absent when nothing was), how many of the `total` layers were built
   * (fewer past the limit), whether it was cancelled (then nothing is left on the canvas), and the notes for the user
   * (fonts replaced, images that could not be placed, the limit reached).
   */
  "layers-inserted": {
    requestId,
    rootId: optional(nodeId),
    built: number({ integer: true, min: 0 }),
    total: number({ integer: true, min: 0 }),
    cancelled: boolean(),
    notes: array(string({ max: 2000 }), { max: 10_000 }),
  },
  /** A request without a payload of its own succeeded. */
  done: { requestId },
  /** A request's failure (or, without an id, the panel's), in the one failure shape: `reason` an ErrorCode. */
  error: { requestId: optional(requestId), ...FAILURE_FIELDS },
} satisfies Record<string, Shape>;

/**
 * Messages from the UI to the main thread. Made when first read (parseMainMessage): ui.html holds this module but only
 * sends these, so the table stays out of it (~1 KB gz, issue 24's budget).
 */
const toMain = () =>
  ({
    ready: {},
    /**
     * `png: false` skips the PNG (offline code needs only the structure); `assets: false` skips image fill
     * bytes and vector SVGs (a reference picture needs neither).
     */
    /** `fullResolution`: the PNG at least 1 px per design px (a frame split into sections is cropped from it). */
    "export-selection": {
      requestId,
      png: optional(boolean()),
      assets: optional(boolean()),
      fullResolution: optional(boolean()),
    },
    /** Stops the request `requestId` (an export); one that already ended is a harmless race. */
    cancel: { requestId },
    "get-thumbnail": { nodeId },
    "get-worker-source": { requestId, part: optional(oneOf(WORKER_PARTS)) },
    "get-ui-part": { requestId, part: oneOf(UI_PARTS) },
    /** A settings update and, optionally, a key to store (a string) or remove (null) in one slot. */
    "save-settings": {
      requestId,
      settings: settingsPatchField,
      key: optional(object({ slot: keySlotField, value: nullable(string({ max: 1000 })) })),
    },
    "save-prices": { requestId, prices: fetchedPrices },
    /** Select the layer and zoom to it (switching page when needed). */
    "focus-node": { requestId, nodeId },
    /**
     * A new rectangle with the image as its fill (FILL), named from `name` or the record's prompt: beside the
     * selection (or at the viewport centre), or `into` the one selected frame, fitted to its width. `width` ×
     * `height` is the layer's size at 1× (normally the image's pixel size). Selected and scrolled into view.
     * `besideId`: beside that layer instead of the selection (a render, placed beside the frame it renders).
     */
    "insert-image": {
      requestId,
      bytes: bytes({ max: MAX_IMAGE_FILE_BYTES }),
      width: layerSideField,
      height: layerSideField,
      name: optional(string({ max: 500 })),
      record: imageRecordField,
      placement: optional(oneOf(PLACEMENTS)),
      besideId: optional(nodeId),
    },
    /**
     * The image as the fill of every selected layer (their size kept); refused, changing nothing, if any cannot take
     * fills.
     */
    "fill-selection": {
      requestId,
      bytes: bytes({ max: MAX_IMAGE_FILE_BYTES }),
      scaleMode: oneOf(FILL_MODES),
      record: imageRecordField,
    },
    /** Swaps the image of a layer Figment made (it has a record) for another version. */
    "replace-image": { requestId, nodeId, bytes: bytes({ max: MAX_IMAGE_FILE_BYTES }), record: imageRecordField },
    /**
     * Inpainting's result in place of the top visible image paint of `nodeId` (any image layer: the designer asked),
     * its crop kept.
     */
    "repaint-image": { requestId, nodeId, bytes: bytes({ max: MAX_IMAGE_FILE_BYTES }), record: imageRecordField },
    /**
     * A batch's result as a rectangle with the image fill (FILL) in the batch's grid frame: `{ name }` makes the
     * frame (auto layout, wrapping, ~4 columns of this image wide) beside the selection or at the viewport
     * centre; `{ id }` adds to it, at `index` among the batch's items when given (a retried item keeps its
     * place), else at the end. Named from `name` or the record's prompt; one undo step; answers `image-placed`
     * with [gridFrameId, layerId].
     */
    "place-in-grid": {
      requestId,
      grid: gridTargetField,
      bytes: bytes({ max: MAX_IMAGE_FILE_BYTES }),
      width: layerSideField,
      height: layerSideField,
      name: optional(string({ max: 500 })),
      record: imageRecordField,
      index: optional(gridIndexField),
      labels: optional(gridLabelsField),
    },
    /** The colours the selection uses (styles, colour variables, plain solid paints), for a batch's style spec. */
    "read-brand-colours": { requestId },
    "read-design-system": { requestId },
    /**
     * This file's versions, or with `allFiles` every file's (so versions of other files can be deleted to make room).
     */
    "load-image-versions": { requestId, allFiles: optional(boolean()) },
    /** Keeps a version (same id: replaces it); refused with `storage-full` when the budget would be exceeded. */
    "save-image-version": { requestId, version: imageVersionField },
    /** Deletes these versions, whichever file they came from; ids not stored are ignored (already deleted). */
    "delete-image-versions": { requestId, ids: array(versionIdField, { max: MAX_IMAGE_VERSIONS }) },
    /** Keeps a result in this file's history (same kind and id: replaces it). */
    "save-history-entry": { requestId, entry: savedEntryField },
    /** This file's entries (or every file's), newest first, optionally of one kind or made from one frame. */
    "load-history": {
      requestId,
      kind: optional(historyKindField),
      frameId: optional(nodeId),
      allFiles: optional(boolean()),
    },
    "load-history-entry": { requestId, kind: historyKindField, id: historyIdField },
    /**
     * Deletes these entries, whichever file they came from (an image entry deletes its stored version); unknown ones
     * are ignored.
     */
    "delete-history-entries": { requestId, entries: array(historyRefField, { max: MAX_HISTORY_ENTRIES }) },
    "export-history": { requestId, allFiles: optional(boolean()) },
    /** This file's search index as stored (instant; a scan brings it up to date). */
    "load-search-index": { requestId },
    /**
     * Reads every top-level frame of every page (loading pages one by one, yielding, with `export-progress`),
     * re-indexes only frames whose content hash changed, drops deleted ones, stores the index and answers it.
     */
    "scan-frames": { requestId },
    /** Keeps the model's additions (by frame id; ids not in the index, or with another hash, are ignored). */
    "save-search-extras": {
      requestId,
      vectors: optional(record(frameVectorField, { max: MAX_SEARCH_FRAMES })),
      captions: optional(record(frameCaptionField, { max: MAX_SEARCH_FRAMES })),
    },
    /** A frame's PNG at most `maxSide` px on its long side, on whichever page it is. */
    "export-frame-image": { requestId, nodeId, maxSide: number({ integer: true, min: 16, max: 4096 }) },
    /** Keeps a batch sent to the Batch API in this file's list (same id: replaces it). */
    "save-pending-batch": { requestId, batch: pendingBatchField },
    "load-pending-batches": { requestId },
    /** Forgets a batch (the provider's files are not touched); an id not stored is ignored. */
    "delete-pending-batch": { requestId, id: versionIdField },
    /** The document's component mapping (figma.root's shared plugin data). */
    "load-components": { requestId },
    /**
     * Keeps the mapping with the document, replacing the stored one (an empty list removes it); checked field by
     * field first. Over Figma's 100 kB per entry it is refused with `storage-full`, the stored one kept. `base`: the
     * revision the change was built on; when the stored mapping is another one now (a collaborator saved), nothing
     * is written and the reply says `conflict` with the mapping as it is, for the change to be made again on it.
     */
    "save-components": { requestId, map: componentMapField, base: optional(string({ max: 100 })) },
    /**
     * Reads the instance's main component (`not-found` when the instance is gone, detached or its component missing).
     */
    "read-main-component": { requestId, nodeId },
    /** Reads the selection for inpainting: one image layer and the shapes drawn over it (or the frame holding both). */
    "read-mask-source": { requestId },
    /**
     * A page the panel read into layers (its sandboxed iframe, contract/layers-read.ts) built on the canvas beside
     * `besideId` (or the selection): progress as `export-progress`, cancellable (what was built is removed), one undo
     * step; answers `layers-inserted`.
     */
    "insert-layers": { requestId, layers: layerDocumentField, besideId: optional(nodeId) },
    notify: { message: string(), error: optional(boolean()) },
    /** `remember`: the user chose this size (kept for the next open). */
    resize: { width: number(), height: number(), remember: optional(boolean()) },
    close: {},
  }) satisfies Record<string, Shape>;
let toMainTable: ReturnType<typeof toMain> | undefined;

type Payloads<M extends Record<string, Shape>> = { [K in keyof M]: ObjectOf<M[K]> };
export type ToUi = Payloads<typeof TO_UI>;
export type ToMain = Payloads<ReturnType<typeof toMain>>;

export type Message<Map> = { [K in keyof Map]: { type: K } & Map[K] }[keyof Map];
export type UiMessage = Message<ToUi>;
export type MainMessage = Message<ToMain>;

/**
 * The calls the UI makes to the main thread, declared as data: which message answers each (and which reports its
 * progress); `stoppable` ones run long enough there that a cancel is sent to stop them (a `cancel` message).
 * The UI's `call` (ui/channel/requests.ts) and the main thread's handler table (plugin/panel/session.ts) are
 * typed from this: a request without its handler does not compile.
 */
export const REQUESTS = {
  "export-selection": { reply: "export-result", progress: "export-progress", stoppable: true },
  "get-worker-source": { reply: "worker-source" },
  "get-ui-part": { reply: "ui-part" },
  "save-settings": { reply: "settings-saved" },
  "save-prices": { reply: "done" },
  "focus-node": { reply: "done" },
  "insert-image": { reply: "image-placed" },
  "fill-selection": { reply: "image-placed" },
  "replace-image": { reply: "image-placed" },
  "repaint-image": { reply: "image-placed" },
  "place-in-grid": { reply: "image-placed" },
  "read-brand-colours": { reply: "brand-colours" },
  "read-design-system": { reply: "design-system" },
  "load-image-versions": { reply: "image-versions" },
  "save-image-version": { reply: "versions-usage" },
  "delete-image-versions": { reply: "versions-usage" },
  "save-history-entry": { reply: "history-saved" },
  "load-history": { reply: "history" },
  "load-history-entry": { reply: "history-entry" },
  "delete-history-entries": { reply: "history-usage" },
  "export-history": { reply: "history-export" },
  "load-search-index": { reply: "search-index" },
  "scan-frames": { reply: "search-index", progress: "export-progress", stoppable: true },
  "save-search-extras": { reply: "done" },
  "export-frame-image": { reply: "frame-image" },
  "save-pending-batch": { reply: "pending-batches" },
  "load-pending-batches": { reply: "pending-batches" },
  "delete-pending-batch": { reply: "pending-batches" },
  "load-components": { reply: "components" },
  "save-components": { reply: "components" },
  "read-main-component": { reply: "main-component" },
  "read-mask-source": { reply: "mask-source" },
  "insert-layers": { reply: "layers-inserted", progress: "export-progress", stoppable: true },
} as const satisfies { [K in keyof ToMain]?: { reply: keyof ToUi; progress?: keyof ToUi; stoppable?: true } };

export type RequestName = keyof typeof REQUESTS;
export type ReplyName<K extends RequestName> = (typeof REQUESTS)[K]["reply"];
export type ProgressName<K extends RequestName> = (typeof REQUESTS)[K] extends { progress: infer P extends keyof ToUi }
  ? P
  : never;
/** The messages to the main thread that expect no answer (the session's notices: ready, cancel, resize…). */
export type NoticeName = Exclude<keyof ToMain, RequestName>;
/**
 * The UI's calls to the main thread by name: the payload without its id, the answer, the progress
 * (contract/requests.ts's CallMap).
 */
export type MainCalls = {
  [K in RequestName]: { body: Omit<ToMain[K], "requestId">; reply: ToUi[ReplyName<K>]; event: ToUi[ProgressName<K>] };
};

/** Whether the main thread is told to stop `name` when its call is cancelled. */
export const isStoppable = (name: RequestName): boolean => "stoppable" in REQUESTS[name];

/** A message that failed its check (as contract/protocol.ts's ProtocolError for the workers' messages). */
export class MessageError extends FigmentError {
  override name = "MessageError";
  constructor(message: string) {
    super("input", message, { reason: "bad-message" });
  }
}

function parseWith<M>(shapes: Record<string, Shape>, data: unknown, direction: string): M {
  try {
    return parseTagged<M>(shapes, data, "type");
  } catch (error) {
    // Structured clone never delivers a getter, but a message built in the same thread can: its throw is the message's
    // fault.
    if (!(error instanceof FieldError))
      throw new MessageError(
        `${direction}: a message that could not be read (reading it ` +
          `threw ${error instanceof Error ? error.name : typeof error})`,
      );
    if (error.path === "type")
      throw new MessageError(`${direction}: unknown message ${describeValue(isRecord(data) ? data["type"] : data)}`);
    if (error.path === "message") throw new MessageError(`${direction}: message is not an object`);
    throw new MessageError(
      `${direction}: message ${describeValue((data as Record<string, unknown>)["type"])} ` +
        `is malformed: ${error.message}`,
    );
  }
}

/** Checks a message arriving in the UI. Throws MessageError for unknown names or bad fields. */
export function parseUiMessage(data: unknown): UiMessage {
  return parseWith<UiMessage>(TO_UI, data, "to UI");
}

/** Checks a message arriving on the main thread. Throws MessageError for unknown names or bad fields. */
export function parseMainMessage(data: unknown): MainMessage {
  toMainTable ??= toMain();
  return parseWith<MainMessage>(toMainTable, data, "to main");
}

export function uiMessage<K extends keyof ToUi>(type: K, payload: ToUi[K]): UiMessage {
  return { type, ...payload } as unknown as UiMessage;
}

export function mainMessage<K extends keyof ToMain>(type: K, payload: ToMain[K]): MainMessage {
  return { type, ...payload } as unknown as MainMessage;
}
