/**
 * The draft: the emitters' files, made in the panel itself straight from the exported structure, so code is on
 * screen a few ms after the export instead of after the worker's cold start (ts-morph and prettier stay in the
 * worker). The job shows it marked "formatting…" until the worker's checked and formatted files replace it.
 * The preview (the design rendered as HTML) comes from here too: it needs neither the project pass nor
 * prettier, so it no longer waits for a second worker request.
 */
import { emitFiles } from "../../codegen/emit/index.js";
import { loadDesign, type CodeOptions } from "../../codegen/load.js";
import { withDrawings } from "../../codegen/design/drawings.js";
import type { Problem, SourceFile } from "../../codegen/types.js";
import type { ExportExtras } from "../../contract/messages.js";
import { asNodesReply, type ExportEntry } from "../engine/protocol/index.js";

/**
 * What the preview renders: the design as HTML with one stylesheet, its elements carrying their layers' ids — the
 * fidelity score measures the preview by them, and a layer is outlined in it by them (ui/code/score/).
 */
const PREVIEW_OPTIONS: CodeOptions = { target: "html", styling: "css-modules", nodeIds: true };

export interface Draft {
  /** The emitters' files, not yet checked by the project pass nor formatted. */
  files: SourceFile[];
  /** What reading the design and emitting found (the worker adds the project pass's and prettier's). */
  problems: Problem[];
  /** HTML files for the preview, with layer ids: the draft itself for HTML output with ids, else an HTML rendering. */
  preview: SourceFile[];
  /** Time spent here, in ms. */
  ms: number;
}

/**
 * The draft for `exports` (one loadDesign call over all of them, as the worker does), with the export's image
 * bytes and SVGs. Throws what loadDesign throws on unusable input; the caller then waits for the worker,
 * whose answer says it in full.
 */
export function draftCode(
  exports: ExportEntry[],
  options: CodeOptions,
  extras: ExportExtras = {},
  now: () => number = () => performance.now(),
  pages: readonly (readonly string[])[] = [],
): Draft {
  const started = now();
  const loaded = loadDesign(asNodesReply(exports), [], extras);
  // Frames drawing one page at several widths made one page, as the worker makes them (ui/code/page-groups.ts).
  const design = { ...loaded, document: withDrawings(loaded.document, pages) };
  const emitted = emitFiles(design.document, options);
  // The preview is of the same checked layout (the layout check's decisions) as the files.
  const previewOptions = options.layoutDecisions
    ? { ...PREVIEW_OPTIONS, layoutDecisions: options.layoutDecisions }
    : PREVIEW_OPTIONS;
  const preview =
    options.target === "html" && options.nodeIds ? emitted.files : emitFiles(design.document, previewOptions).files;
  return { files: emitted.files, problems: [...design.problems, ...emitted.problems], preview, ms: now() - started };
}
