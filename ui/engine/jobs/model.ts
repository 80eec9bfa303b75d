/** The model room's jobs for code: the prompt and its estimate, the generation, the connection test. */
import { prepareModelCode } from "./ai-prepare.js";
import { lazy, type Jobs } from "./job.js";

export const modelJobs: Jobs<"ai-prepare" | "ai-generate" | "test-connection"> = {
  "ai-prepare": prepareModelCode,
  "ai-generate": lazy(() => import("./model-job.js"), (m) => m.runModelJob),
  "test-connection": lazy(() => import("./connection-job.js"), (m) => m.runConnectionTest),
};
