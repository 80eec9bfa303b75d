/** The image section's jobs: the request's check and estimate, and the image request itself. */
import { prepareImage } from "./image-prepare.js";
import { lazy, type Jobs } from "./job.js";

export const imageJobs: Jobs<"image-prepare" | "generate-image"> = {
  "image-prepare": prepareImage,
  "generate-image": lazy(
    () => import("./image-job.js"),
    (m) => m.runImageJob,
  ),
};
