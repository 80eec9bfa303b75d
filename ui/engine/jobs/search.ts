/** The search section's jobs: captions of frames' pictures, their vectors, a query's vector. */
import { lazy, type Jobs } from "./job.js";

export const searchJobs: Jobs<"search-captions" | "search-embed" | "search-query"> = {
  "search-captions": lazy(
    () => import("./search-job.js"),
    (m) => m.searchCaptions,
  ),
  "search-embed": lazy(
    () => import("./search-job.js"),
    (m) => m.searchEmbed,
  ),
  "search-query": lazy(
    () => import("./search-job.js"),
    (m) => m.searchQuery,
  ),
};
