/**
 * The preview's caption: what the preview really shows. React output (and Vue's, Svelte's) is shown as it ships (its
 * own files run by the preview runtime) once the worker has it; until then (the draft), or when the runtime cannot
 * run it all, the preview is the same design emitted as HTML — not the React files, and the caption says so in those
 * words.
 */
import { plural } from "../../kernel/plural.js";
import { targetLabel } from "../../contract/targets.js";
import type { Target } from "../../contract/words.js";
import type { PreviewState } from "./code-job.js";

export interface PreviewNote {
  text: string;
  /** Said in passing (grey), not as something the user should know before reading the preview. */
  quiet: boolean;
}

/**
 * `draft`: the result is still the emitters' draft (the worker's checked files are on their way); `target`: what the
 * files are (Vue's and Svelte's run compiled by their own compiler).
 */
export function previewNote(preview: PreviewState, draft: boolean, target: Target): PreviewNote | undefined {
  const name = targetLabel(target);
  if (preview.status === "scripted") {
    const notes = preview.problems.length > 0 ? ` · ${plural(preview.problems.length, "note")}` : "";
    return { text: `${name} preview: the files run in a sandbox without network${notes}`, quiet: false };
  }
  if (preview.status !== "ready") return undefined;
  if (!preview.converted) return { text: `${name} preview, no scripts`, quiet: true };
  return draft
    ? { text: `Plain HTML draft: the ${name} files run once checked`, quiet: false }
    : { text: `Plain HTML of the design: the ${name} files could not run`, quiet: false };
}
