/**
 * The Batch API requests between the panel and the worker, each field defined once with its check (a section of
 * the engine's protocol, joined in index.ts): `batch-submit` (the plan's items → Images API lines → upload →
 * batch), `batch-refresh` (resume a run whose batch was never created, then its status), `batch-collect`
 * (each answered line's image bytes or its error), `batch-resubmit` (failed lines alone) and `batch-cancel`.
 * The record travels whole in both directions (it holds no key) with the input files it needs; every save of
 * it in the worker is sent as a `batch-saved` event, so the panel stores it at once and a crash between
 * upload and create loses nothing. Results are never kept: the panel places them.
 */
import type { BatchRecord } from "../../../ai/batch/record.js";
import type { BatchStatus } from "../../../ai/batch/status.js";
import { IMAGE_QUALITIES } from "../../../ai/image/options.js";
import { array, bytes, number, object, oneOf, opaque, optional, string, type Field } from "../../../contract/fields.js";
import { imageSizeField } from "../../../contract/image.js";
import {
  batchInputsField,
  batchRecordField,
  MAX_PENDING_ITEMS,
  pendingItemField,
} from "../../../contract/pending-batch.js";
import { modelFields, type Section } from "./common.js";

/** The record and its input files, as the panel stored them (contract/pending-batch.ts has ai's BatchRecord shape). */
const job = { record: batchRecordField satisfies Field<BatchRecord>, inputs: batchInputsField };

/** One answered line: the served image (the panel converts and places it), or why it failed. */
const lineResult = object({
  customId: string({ nonEmpty: true, max: 512 }),
  image: optional(
    object({
      bytes: bytes(),
      format: oneOf(["png", "jpeg", "webp", "gif"]),
      width: number({ min: 1 }),
      height: number({ min: 1 }),
    }),
  ),
  error: optional(string()),
});

export const batchSection = {
  requests: {
    /** One Images API request per item (no references, no streaming), submitted as one batch. */
    "batch-submit": {
      ...modelFields,
      items: array(pendingItemField, { max: MAX_PENDING_ITEMS }),
      size: imageSizeField,
      quality: oneOf(IMAGE_QUALITIES),
    },
    "batch-refresh": { ...modelFields, ...job },
    "batch-collect": { ...modelFields, ...job },
    "batch-resubmit": { ...modelFields, ...job },
    "batch-cancel": { ...modelFields, ...job },
  },
  replies: {
    "batch-submit": { ...job },
    "batch-refresh": { ...job, status: opaque<BatchStatus>("a batch status") },
    /**
     * `record`: as collectBatch left it (answered lines done, failed ones failed) — the panel marks a line done
     * only once it is placed. `downloaded`: the output and error files fetched by this call.
     */
    "batch-collect": { ...job, results: array(lineResult, { max: MAX_PENDING_ITEMS }), downloaded: array(string()) },
    /** `lines`: how many failed lines went into the new batch (0: none had failed). */
    "batch-resubmit": { ...job, lines: number({ integer: true, min: 0 }) },
    "batch-cancel": { ...job },
  },
  events: {
    /** The record was saved in the worker (after an upload, a create, a status): store it now. */
    "batch-saved": { ...job },
  },
  streams: {
    "batch-submit": ["batch-saved"],
    "batch-refresh": ["batch-saved"],
    "batch-collect": ["batch-saved"],
    "batch-resubmit": ["batch-saved"],
    "batch-cancel": ["batch-saved"],
  },
  estimates: [],
  codeParts: {},
} as const satisfies Section;
