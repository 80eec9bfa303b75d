/** Bulk work on OpenAI's Batch API: input lines, the local record, submit, status, collect, resubmit. */
export { BATCH_ENDPOINTS, batchJsonl, MAX_BATCH_BYTES, MAX_BATCH_LINES, parseBatchJsonl } from "./lines.js";
export type { BatchEndpoint, BatchInputLine, BatchRequest } from "./lines.js";
export { FINAL_STATUSES, lineCounts, lineLabel, readRecord } from "./record.js";
export type { BatchLineRecord, BatchRecord, BatchRun, LineCounts, LineState } from "./record.js";
export type { BatchStore } from "./store.js";
export { applyBatch, inputName, startBatch, submitRun, unsubmittedRuns } from "./submit.js";
export type { NewBatch, PlannedLine, StepOptions } from "./submit.js";
export { refreshStatus, statusOf } from "./status.js";
export type { BatchStatus, RunStatus } from "./status.js";
export { collectBatch, downloadName, failureOf, parseOutputLines } from "./collect.js";
export type { BatchOutputLine, CollectReport, LineWriter, LineWritten } from "./collect.js";
export { resubmitFailed } from "./resubmit.js";
export { imageBatchBodies, rowCustomId } from "./image-bodies.js";
export type { ImageBatchBody } from "./image-bodies.js";
export { cancelBatch, CANCELLED_BEFORE_CREATE, type CancelReport } from "./cancel.js";
