import { ts } from "ts-morph";
import type { Problem } from "../types";
import { problem } from "./problems";
import { lineAndColumn, type Workspace } from "./workspace";

/** More syntax errors than this in one file are summarised in one extra problem. */
const MAX_ERRORS_PER_FILE = 20;

/**
 * Reports syntax errors (syntactic diagnostics only: no type check, no lib files) and marks the
 * files that have them as broken, so later stages leave them as they were.
 */
export function checkSyntax(workspace: Workspace): Problem[] {
  const problems: Problem[] = [];
  const program = workspace.project.getProgram().compilerObject;
  for (const file of workspace.code) {
    const node = file.morph.compilerNode;
    const diagnostics = program.getSyntacticDiagnostics(node);
    if (diagnostics.length === 0) continue;
    file.broken = true;
    for (const diagnostic of diagnostics.slice(0, MAX_ERRORS_PER_FILE)) {
      const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
      const where = diagnostic.start === undefined ? {} : lineAndColumn(node, diagnostic.start);
      problems.push(problem("error", "syntax", message, { file: file.path, ...where }));
    }
    if (diagnostics.length > MAX_ERRORS_PER_FILE) {
      const more = diagnostics.length - MAX_ERRORS_PER_FILE;
      problems.push(problem("error", "syntax", `${more} more syntax errors`, { file: file.path }));
    }
  }
  return problems;
}
