/** The emitters behind one call: design tree → files, before the project pass and formatting. Light. */
import type { DesignDocument } from "../design/types.js";
import type { CodeOptions } from "../load.js";
import type { FileSet } from "../types.js";
import { emitHtml } from "./html.js";
import { emitReact } from "./react.js";

/** Emitter output only (no project pass, no formatting). */
export function emitFiles(doc: DesignDocument, options: CodeOptions): FileSet {
  return options.target === "react" ? emitReact(doc, { styling: options.styling, nodeIds: options.nodeIds }) : emitHtml(doc, { nodeIds: options.nodeIds });
}
