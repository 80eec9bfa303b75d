/** The Stable Diffusion section's jobs: the connection test and one generation, loaded on first use. */
import { lazy, type Jobs } from "./job.js";

export const sdJobs: Jobs<"sd-connect" | "sd-generate"> = {
  "sd-connect": lazy(
    () => import("./sd-job.js"),
    (m) => m.runSdConnect,
  ),
  "sd-generate": lazy(
    () => import("./sd-job.js"),
    (m) => m.runSdGenerate,
  ),
};
