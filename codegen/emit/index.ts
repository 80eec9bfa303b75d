/** The emitters behind one call: design tree → files, before the project pass and formatting. Light. */
import type { DesignDocument } from "../design/types.js";
import type { CodeOptions } from "../load.js";
import type { FileSet } from "../types.js";
import { inferLayout } from "../layout/index.js";
import { emitHtml } from "./html.js";
import { emitReact } from "./react.js";

/** Emitter output only (no project pass, no formatting). */
export function emitFiles(design: DesignDocument, options: CodeOptions): FileSet {
  const doc = options.layout === "exact" ? design : inferLayout(design);
  return options.target === "react" ? emitReact(doc, { styling: options.styling, nodeIds: options.nodeIds }) : emitHtml(doc, { nodeIds: options.nodeIds });
}
