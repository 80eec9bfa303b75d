/**
 * The model section's jobs for code: the prompt and its estimate, the generation, a correction round's estimate, a
 * prepared input's estimate (a split page's whole-page request), the connection test, the questions asked first
 * ("Ask me first").
 */
import { prepareModelCode } from "./ai-prepare.js";
import { preparePage } from "./ai-prepare-page.js";
import { estimateCorrectionRound } from "./ai-round-estimate.js";
import { estimateInput } from "./ai-estimate.js";
import { lazy, type Jobs } from "./job.js";

export const modelJobs: Jobs<
  | "ai-prepare"
  | "ai-prepare-page"
  | "ai-generate"
  | "ai-round-estimate"
  | "ai-estimate"
  | "test-connection"
  | "ai-clarify"
> = {
  "ai-prepare": prepareModelCode,
  "ai-prepare-page": preparePage,
  "ai-round-estimate": estimateCorrectionRound,
  "ai-estimate": estimateInput,
  "ai-generate": lazy(
    () => import("./model-job.js"),
    (m) => m.runModelJob,
  ),
  "ai-clarify": lazy(
    () => import("./clarify-job.js"),
    (m) => m.runClarifyJob,
  ),
  "test-connection": lazy(
    () => import("./connection-job.js"),
    (m) => m.runConnectionTest,
  ),
};
