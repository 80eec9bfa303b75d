/**
 * A code result saved in History, shown again in the code panel's results view (files, preview, copy, zip):
 * HTML previews as it is, React files run in the preview sandbox (the job's `show` asks the worker). The
 * model's conversation itself (response id or kept messages) is not in History, so a reopened AI result
 * shows its turns as text, and "Refine with AI" starts a new conversation on the selected frame. Its fidelity score
 * is the one kept with it (the frame's design is not kept, so it is not measured again). Pure.
 */
import type { CodeEntry } from "../../contract/history.js";
import type { CodeOutput } from "./code-job.js";
import { isPageSession, PAGE_FRAME } from "./prompt-design.js";

export function savedOutput(entry: CodeEntry): CodeOutput {
  const page = isPageSession(entry.frame.id);
  // A designed page is previewed and inserted at the width it was designed at; a frame's size is its own.
  const size = page ? PAGE_FRAME : { width: 0, height: 0 };
  const files = entry.files.map(({ path, content }) => ({ path, content }));
  return {
    id: 0,
    options: { target: entry.target, styling: entry.styling, nodeIds: false },
    files,
    problems: [],
    ms: 0,
    workerColdStartMs: undefined,
    frames: [{ id: entry.frame.id, name: entry.frame.name, ...size }],
    preview: entry.target === "html" ? { status: "ready", files, converted: false } : { status: "loading" },
    saved: {
      createdAt: entry.createdAt,
      mode: entry.mode,
      ...(entry.model ? { model: entry.model } : {}),
      ...(entry.turns?.length ? { turns: entry.turns } : {}),
      ...(page ? { page: true } : {}),
    },
    ...(entry.score ? { score: { status: "done" as const, score: entry.score } } : {}),
    // Its zip records it as the first one did (an entry from before records were kept has none).
    ...(entry.record ? { record: entry.record } : {}),
  };
}
