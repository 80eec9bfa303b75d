/**
 * What the panel keeps of a batch sent to OpenAI's Batch API, each field defined once: the local record of
 * the job (the shape of ai/batch/record.ts BatchRecord: ids at the provider, each run's status and each
 * line's state — never the key), the input files kept for a resume or a resubmit, the plan's name and items,
 * the size and quality, and the grid frame once the first result is placed. The main thread keeps these per
 * file in clientStorage (plugin/storage/pending-batches.ts), never in the document: the batch id must not
 * sync to collaborators with pluginData. Results are not kept here (too big): a line not yet placed is
 * fetched again. Pure: no `figma`, no DOM.
 */
import { array, boolean, literal, number, object, oneOf, optional, record, string, type Infer } from "./fields.js";
import { imageSizeField, isoTimeField, versionIdField } from "./image.js";
import { IMAGE_QUALITIES } from "./words.js";

/** Most items a panel batch holds (the Batch API takes 50,000 lines; the canvas and clientStorage far fewer). */
export const MAX_PENDING_ITEMS = 1000;
/** Most batches listed per file. */
export const MAX_PENDING_BATCHES = 200;

const text = (max: number) => string({ max });
const id = string({ nonEmpty: true, max: 500 });
const count = number({ integer: true, min: 0 });

/** One request line of the record (BatchLineRecord). */
const batchLineField = object({
  customId: string({ nonEmpty: true, max: 512 }),
  row: optional(count),
  frame: optional(object({ id: text(1000), name: text(500) })),
  fileStem: text(500),
  run: count,
  state: oneOf(["pending", "done", "failed"]),
  error: optional(text(4000)),
  /** Panel batches: the layer the image was placed as. */
  written: optional(array(text(1000), { max: 16 })),
  problems: optional(array(text(4000), { max: 50 })),
});

/** One submission of the record (BatchRun): the first, then one per resubmit of failed lines. */
const batchRunField = object({
  input: text(200),
  inputFileId: optional(id),
  batchId: optional(id),
  status: optional(text(100)),
  counts: optional(object({ total: count, completed: count, failed: count })),
  outputFileId: optional(id),
  errorFileId: optional(id),
  errors: optional(array(text(4000), { max: 100 })),
  created: isoTimeField,
  resubmitOf: optional(id),
  collected: optional(boolean()),
});

/** The local record of a bulk job, as ai/batch/record.ts shapes it (checked there too by `readRecord`). */
export const batchRecordField = object({
  version: literal(1),
  kind: oneOf(["images", "code"]),
  endpoint: oneOf(["/v1/images/generations", "/v1/responses"]),
  baseURL: text(2000),
  model: optional(text(200)),
  created: isoTimeField,
  runs: array(batchRunField, { max: 100 }),
  lines: array(batchLineField, { max: MAX_PENDING_ITEMS }),
  code: optional(object({ target: oneOf(["react", "html"]), styling: oneOf(["css-modules", "tailwind"]) })),
});
export type StoredBatchRecord = Infer<typeof batchRecordField>;

/** One image of the batch as the plan had it (PlanItem without its values). */
export const pendingItemField = object({
  row: number({ integer: true, min: 0 }),
  stem: text(500),
  prompt: text(32_000),
});
export type PendingItem = Infer<typeof pendingItemField>;

/** Input files by name (`input-1.jsonl`…): the JSONL sent, kept to resume an upload or resubmit failed lines. */
export const batchInputsField = record(string({ max: 2_000_000 }), { max: 100 });

export const pendingBatchField = object({
  /** The panel's id of the batch (a storage key part), not the provider's. */
  id: versionIdField,
  /** The plan's name: the grid frame and the list line are named after it. */
  name: string({ nonEmpty: true, max: 500 }),
  createdAt: isoTimeField,
  items: array(pendingItemField, { max: MAX_PENDING_ITEMS }),
  size: imageSizeField,
  quality: oneOf(IMAGE_QUALITIES),
  record: batchRecordField,
  inputs: batchInputsField,
  /** The grid frame the results go into, once the first is placed. */
  gridId: optional(string({ nonEmpty: true, max: 1000 })),
});
export type PendingBatch = Infer<typeof pendingBatchField>;
