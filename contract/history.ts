/**
 * What the panel and the main thread say about the history of results, each field defined once:
 * - an entry as the panel saves it: a code result (offline or AI, its files and turns), an analysis
 *   (findings and the model's Markdown), or an image: a pointer to a stored image version (contract/image.ts)
 *   with the canvas layers it was placed as, so no image byte is stored twice;
 * - an entry's line in a listing (small: what a list row shows, never the payload);
 * - the storage usage against Figma's 5 MB quota for the whole plugin (contract/limits.ts).
 * Pure: no `figma`, no DOM.
 */
import type { Finding } from "../codegen/analyze/types.js";
import {
  array,
  boolean,
  FieldError,
  type Field,
  isRecord,
  literal,
  number,
  object,
  oneOf,
  opaque,
  optional,
  string,
  type Infer,
} from "./fields.js";
import { designFactsField } from "./design-facts.js";
import { fidelityScoreField } from "./fidelity.js";
import { imageVersionField, isoTimeField, versionIdField } from "./image.js";
import { MAX_HISTORY_ENTRIES } from "./limits.js";
import { STYLINGS, TARGETS } from "./words.js";

export const HISTORY_KINDS = ["code", "image", "analysis"] as const;
export type HistoryKind = (typeof HISTORY_KINDS)[number];
export const historyKindField = oneOf(HISTORY_KINDS);
/** Entry ids are storage key parts, as version ids are. */
export const historyIdField = versionIdField;

const nodeId = string({ nonEmpty: true, max: 1000 });
/** The frame a result was made from, as it was named then. */
export const frameRefField = object({ id: nodeId, name: string({ max: 500 }) });
export type FrameRef = Infer<typeof frameRefField>;

const model = string({ nonEmpty: true, max: 200 });
const codeFile = object({ path: string({ nonEmpty: true, max: 500 }), content: string({ max: 10_000_000 }) });
/** One turn of an AI code conversation (the user's request or the model's answer). */
const codeTurn = object({ role: oneOf(["user", "assistant"]), text: string({ max: 1_000_000 }) });
/** Where and when an image was placed on the canvas (layers may since have been deleted). */
const placedAsField = object({ nodeIds: array(nodeId, { max: 100 }), at: isoTimeField });

export const CODE_MODES = ["offline", "ai"] as const;

/**
 * What a code result's zip records of it (`.figment/record.json`, codegen/project/recorded-project.ts PluginGeneration;
 * target and styling are the entry's): the Figment version, when, the frames, the node-ids option and the design's
 * facts (what changed since), and its binary files by size (their bytes are not kept), so "Download update" can make
 * that zip's files again. Absent in older entries, which cannot say what changed.
 */
export const codeRecordField = object({
  figment: string({ nonEmpty: true, max: 100 }),
  createdAt: isoTimeField,
  frames: array(frameRefField, { max: 50 }),
  nodeIds: boolean(),
  design: optional(designFactsField),
  assets: optional(
    array(object({ path: string({ nonEmpty: true, max: 500 }), bytes: number({ integer: true, min: 0 }) }), {
      max: 5000,
    }),
  ),
});
export type CodeRecord = Infer<typeof codeRecordField>;

export const codeEntryField = object({
  kind: literal("code"),
  id: historyIdField,
  createdAt: isoTimeField,
  mode: oneOf(CODE_MODES),
  frame: frameRefField,
  target: oneOf(TARGETS),
  styling: oneOf(STYLINGS),
  /** The model of an AI result. */
  model: optional(model),
  files: array(codeFile, { max: 5000 }),
  turns: optional(array(codeTurn, { max: 500 })),
  /** How closely the files match the design, as measured in the panel's preview (absent when not measured). */
  score: optional(fidelityScoreField),
  record: optional(codeRecordField),
});
export type CodeEntry = Infer<typeof codeEntryField>;

export const analysisEntryField = object({
  kind: literal("analysis"),
  id: historyIdField,
  createdAt: isoTimeField,
  frame: frameRefField,
  model: optional(model),
  /** codegen/analyze's findings, as the analysis made them (their shape is codegen's). */
  findings: array(opaque<Finding>("a finding"), { max: 20_000 }),
  /** The vision model's critique, when there was one. */
  markdown: optional(string({ max: 2_000_000 })),
});
export type AnalysisEntry = Infer<typeof analysisEntryField>;

/** Saving an image into history: the stored version `id` (save-image-version first), where it was placed. */
export const imagePointerField = object({
  kind: literal("image"),
  id: historyIdField,
  frame: optional(frameRefField),
  placedAs: optional(placedAsField),
});
export type ImagePointer = Infer<typeof imagePointerField>;

/** An image entry read back: the stored version (preview and record) and where it was placed. */
export const imageEntryField = object({
  kind: literal("image"),
  version: imageVersionField,
  frame: optional(frameRefField),
  placedAs: optional(placedAsField),
});
export type ImageEntry = Infer<typeof imageEntryField>;

/** A field over objects told apart by `kind`. */
function byKind<T>(what: string, fields: Record<string, Field<unknown>>): Field<T> {
  return {
    expected: what,
    check(value, path) {
      const field = isRecord(value) && typeof value["kind"] === "string" ? fields[value["kind"]] : undefined;
      if (!field) throw new FieldError(path ? `${path}.kind` : "kind", `one of ${Object.keys(fields).join(", ")}`);
      return field.check(value, path) as T;
    },
  };
}

export type SavedEntry = CodeEntry | AnalysisEntry | ImagePointer;
export const savedEntryField = byKind<SavedEntry>("a code, analysis or image entry", {
  code: codeEntryField,
  analysis: analysisEntryField,
  image: imagePointerField,
});
export type HistoryEntry = CodeEntry | AnalysisEntry | ImageEntry;
export const historyEntryField = byKind<HistoryEntry>("a code, analysis or image entry", {
  code: codeEntryField,
  analysis: analysisEntryField,
  image: imageEntryField,
});

/** An entry's line in a listing: what a row shows and what deleting it frees. */
export const historyItemField = object({
  kind: historyKindField,
  id: historyIdField,
  createdAt: isoTimeField,
  /** Quota it takes: its stored payload and its index line. */
  bytes: number({ integer: true, min: 0 }),
  /** Made in the open file (else in another file: listed so it can be deleted to make room). */
  thisFile: boolean(),
  /** A short label: the frame's name and target, the image's prompt. */
  title: string({ max: 300 }),
  frame: optional(frameRefField),
  model: optional(model),
  placedAs: optional(placedAsField),
  /** A code result's score in words, as the Code panel and `figment score` say it. */
  score: optional(string({ max: 400 })),
});
export type HistoryItem = Infer<typeof historyItemField>;

/**
 * clientStorage against Figma's quota for the whole plugin: `history` (every file's entries, images
 * included), `fileBytes` (this file's part of it), `other` (settings, keys, prices, search caches) and the
 * `quota`.
 */
export const historyUsageField = object({
  history: number({ integer: true, min: 0 }),
  fileBytes: number({ integer: true, min: 0 }),
  other: number({ integer: true, min: 0 }),
  quota: number({ integer: true, min: 0 }),
});
export type HistoryUsage = Infer<typeof historyUsageField>;

/** A save that did not fit: nothing was stored or dropped; `candidates` are what the user may delete (oldest first). */
export const historyFullField = object({
  message: string(),
  needed: number({ integer: true, min: 0 }),
  candidates: array(historyItemField, { max: MAX_HISTORY_ENTRIES }),
});
export type HistoryFull = Infer<typeof historyFullField>;

export const historyRefField = object({ kind: historyKindField, id: historyIdField });
export type HistoryRef = Infer<typeof historyRefField>;
