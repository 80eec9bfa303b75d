/**
 * The preview's caption: what the preview really shows. React output is shown as it ships (its own files run by
 * the preview runtime) once the worker has it; until then (the draft), or when the runtime cannot run it all, the
 * preview is the same design emitted as HTML — not the React files, and the caption says so in those words.
 */
import { plural } from "../../kernel/plural.js";
import type { PreviewState } from "./code-job.js";

export interface PreviewNote {
  text: string;
  /** Said in passing (grey), not as something the user should know before reading the preview. */
  quiet: boolean;
}

/** `draft`: the result is still the emitters' draft (the worker's checked files are on their way). */
export function previewNote(preview: PreviewState, draft: boolean): PreviewNote | undefined {
  if (preview.status === "scripted") {
    const notes = preview.problems.length > 0 ? ` · ${plural(preview.problems.length, "note")}` : "";
    return { text: `React preview: the files run in a sandbox without network${notes}`, quiet: false };
  }
  if (preview.status !== "ready") return undefined;
  if (!preview.converted) return { text: "HTML preview, no scripts", quiet: true };
  return draft
    ? { text: "Plain HTML draft: the React files run once checked", quiet: false }
    : { text: "Plain HTML of the design: the React files could not run", quiet: false };
}
