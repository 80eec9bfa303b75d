/** The page a result's score is measured on: the preview document of its frame, as the preview shows it. Pure. */
import type { RestNode } from "../../../codegen/fidelity/design-nodes.js";
import { previewPages } from "../../../codegen/preview/html-page.js";
import type { SourceFile } from "../../../codegen/types.js";
import { previewDocument } from "../preview-document.js";
import type { ScoreInput } from "./measure.js";

/** The HTML page of the first frame (one page per frame when there are several) as the preview's srcdoc. */
export function htmlScoreInput(frame: RestNode | undefined, files: SourceFile[]): ScoreInput | undefined {
  const page = previewPages(files)[0];
  return frame && page ? { frame, html: previewDocument(page, files) } : undefined;
}
