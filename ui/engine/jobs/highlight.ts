/** The code section's highlighting job: a file's lines as escaped HTML with token classes, here so the grammars
 * (~4 KB gzipped) are not in ui.html. */
import { highlightLines, languageOf } from "../../lib/highlight.js";
import type { Jobs } from "./job.js";

export const highlightJobs: Jobs<"highlight"> = {
  highlight: async ({ path, text }) => ({ lines: highlightLines(text, languageOf(path)) }),
};
