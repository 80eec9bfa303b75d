/**
 * The rows section's jobs: the Rows setup's computed prompts and pasted rows (ai/params, kept out of ui.html's
 * budget), and the model's rows from a frame's texts.
 */
import { rowPrompts, readPasted } from "../../../ai/params/row-prompts.js";
import { ParamsError } from "../../../ai/params/errors.js";
import { lazy, type Jobs } from "./job.js";

export const rowsJobs: Jobs<"row-prompts" | "read-rows" | "infer-rows"> = {
  "row-prompts": async (request) => rowPrompts(request),
  /** Text that is not rows is an answer, not a failure: the panel shows why, with its line and column. */
  "read-rows": async (request) => {
    try {
      return { table: readPasted(request.text) };
    } catch (error) {
      if (!(error instanceof ParamsError)) throw error;
      return { error: error.message };
    }
  },
  "infer-rows": lazy(
    () => import("./infer-job.js"),
    (m) => m.runInferJob,
  ),
};
