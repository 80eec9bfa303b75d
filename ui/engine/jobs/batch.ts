/** The batch section's jobs: the Batch API's steps (batch-job.ts). */
import { lazy, type Jobs } from "./job.js";

export const batchJobs: Jobs<"batch-submit" | "batch-refresh" | "batch-collect" | "batch-resubmit" | "batch-cancel"> = {
  "batch-submit": lazy(
    () => import("./batch-job.js"),
    (m) => m.batchSubmit,
  ),
  "batch-refresh": lazy(
    () => import("./batch-job.js"),
    (m) => m.batchRefresh,
  ),
  "batch-collect": lazy(
    () => import("./batch-job.js"),
    (m) => m.batchCollect,
  ),
  "batch-resubmit": lazy(
    () => import("./batch-job.js"),
    (m) => m.batchResubmit,
  ),
  "batch-cancel": lazy(
    () => import("./batch-job.js"),
    (m) => m.batchCancel,
  ),
};
