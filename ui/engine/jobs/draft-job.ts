/** The batch draft's pure work in the worker (ai/params stays out of ui.html): computed prompts, and pasted rows read. */
import { ParamsError } from "../../../ai/params/errors.js";
import { readPasted } from "../../image-batch/draft/draft-prompts.js";
import type { WorkerReply } from "../protocol/index.js";

export { draftPrompts } from "../../image-batch/draft/draft-prompts.js";

export function readRowsReply(id: string, text: string): WorkerReply {
  try {
    return { id, ok: true, kind: "read-rows", table: readPasted(text) };
  } catch (error) {
    if (!(error instanceof ParamsError)) throw error;
    return { id, ok: true, kind: "read-rows", error: error.message };
  }
}
