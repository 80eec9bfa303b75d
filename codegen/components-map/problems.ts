/**
 * A mapping's notes as the problems a code result lists: one conversion for the CLI (files read from disk) and the
 * plugin (the stored mapping, pasted Code Connect), so both keep where a note points — `file` and `line` — and the
 * problems list can show it.
 */
import type { Problem } from "../types.js";
import type { MappingNote } from "./model.js";

/** The problem code of everything about the mapping itself (a file it could not read, a field it does not know). */
export const MAPPING_PROBLEM = "component-mapping";

export function mappingNoteProblem(note: MappingNote): Problem {
  return {
    severity: note.severity,
    code: MAPPING_PROBLEM,
    message: note.message,
    ...(note.file !== undefined ? { file: note.file } : {}),
    ...(note.line !== undefined ? { line: note.line } : {}),
  };
}
