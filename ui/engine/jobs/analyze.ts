/** The analyze section's jobs: the deterministic findings, the model's input and estimate, the analysis. */
import { analyzeFindings, analyzePrepare } from "./analyze-prepare.js";
import { lazy, type Jobs } from "./job.js";

export const analyzeJobs: Jobs<"analyze-findings" | "analyze-prepare" | "analyze-model"> = {
  "analyze-findings": analyzeFindings,
  "analyze-prepare": analyzePrepare,
  "analyze-model": lazy(
    () => import("./analyze-job.js"),
    (m) => m.runAnalyzeJob,
  ),
};
