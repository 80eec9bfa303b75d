/**
 * The project pass (pipeline step 4): every file set — the emitters' or a model's — goes through it.
 * Pure: no `figma` global, no Node APIs (ts-morph runs on its in-memory file system).
 *
 * Stages, in order: paths → Vue's and Svelte's components (their compilers) → syntax → component names → imports
 * (add, drop, resolve) → cycles.
 * Files with syntax errors are reported and returned exactly as they came in. Lines in problems refer
 * to the input text. Never throws: a failing stage becomes an `internal` problem and the pass goes on.
 */
import type { FileSet, Problem, SourceFile } from "../types";
import { checkCycles } from "./cycles";
import { buildExportIndex } from "./exports";
import { resolveReferences, type ImportEdge } from "./graph";
import { applyImportPlan, planImports, removedDeclarations, type ImportPlan } from "./imports";
import { normaliseComponentNames } from "./names";
import { checkPaths } from "./paths";
import { internalProblem, runStage } from "./problems";
import { checkSyntax } from "./syntax";
import { createWorkspace, type Workspace } from "./workspace";
import { vueProblems } from "../emit/vue/compile.js";
import { svelteProblems } from "../emit/svelte/compile.js";

// The team's library types check the generated use of its components (after formatting: codegen/index.ts);
// without them, the mapping itself checks the model's (ai/code/pipeline.ts).
export { checkLibraryUsage, type LibraryTypes } from "./library-types";
export { checkComponentUsage, type ComponentUsageOptions } from "./component-usage";
// A React Native answer's components and types (ai/code/pipeline.ts, with the code-react-native part's declarations).
export { checkReactNative } from "./react-native";

export interface ProjectOptions {
  /**
   * Folders that hold components (e.g. `src/components`). Files are never renamed, so this does not
   * change the result today; it is accepted so callers can pass their layout.
   */
  componentDirs?: string[];
}

/** Checks and repairs a file set; see the module comment. */
export function checkProject(files: SourceFile[], _options: ProjectOptions = {}): FileSet {
  const problems: Problem[] = [];
  let kept: SourceFile[];
  try {
    const checked = checkPaths(Array.isArray(files) ? files : []);
    kept = checked.files;
    problems.push(...checked.problems);
  } catch (error) {
    return { files: [], problems: [internalProblem("path check", error)] };
  }
  // Vue's single-file components and Svelte's components are checked by their own compilers (ts-morph reads the .ts
  // files).
  problems.push(...runStage("Vue components", problems, [], () => vueProblems(kept)));
  problems.push(...runStage("Svelte components", problems, [], () => svelteProblems(kept)));
  let workspace: Workspace;
  try {
    workspace = createWorkspace(kept);
  } catch (error) {
    problems.push(internalProblem("parse", error));
    return { files: kept, problems };
  }
  try {
    problems.push(
      ...runStage(
        "syntax check",
        problems,
        [],
        () => checkSyntax(workspace),
        () => {
          // Without a syntax check no file is known to be safe to edit.
          for (const file of workspace.code) file.broken = true;
        },
      ),
    );
    problems.push(...runStage("component names", problems, [], () => normaliseComponentNames(workspace)));
    problems.push(...fixImports(workspace, problems));
    return { files: printFiles(kept, workspace), problems };
  } catch (error) {
    problems.push(internalProblem("project pass", error));
    return { files: kept, problems };
  }
}

/** Plans every file's imports, checks references and cycles on the planned graph, then applies. */
function fixImports(workspace: Workspace, problems: Problem[]): Problem[] {
  const found: Problem[] = [];
  const plans = runStage<ImportPlan[]>("imports", problems, [], () =>
    planImports(workspace, buildExportIndex(workspace)),
  );
  for (const plan of plans) found.push(...plan.problems);
  const resolved = runStage("import resolution", problems, { edges: [], problems: [] }, () =>
    resolveReferences(workspace, removedDeclarations(plans)),
  );
  found.push(...resolved.problems);
  const edges: ImportEdge[] = [...resolved.edges];
  for (const plan of plans) {
    for (const target of plan.addedTargets) {
      edges.push({
        from: plan.file.path,
        to: target.path,
        kind: target.typeOnly ? "type" : "static",
      });
    }
  }
  const paths = workspace.code.map((file) => file.path);
  found.push(...runStage("import cycles", problems, [], () => checkCycles(paths, edges)));
  for (const plan of plans) {
    try {
      applyImportPlan(workspace, plan);
    } catch (error) {
      found.push(internalProblem("imports", error, plan.file.path));
    }
  }
  return found;
}

/** Input order; broken code files and non-code files exactly as they came in. */
function printFiles(kept: readonly SourceFile[], workspace: Workspace): SourceFile[] {
  return kept.map((file) => {
    const code = workspace.byPath.get(file.path);
    if (code === undefined || code.broken) return file;
    return { path: file.path, content: code.morph.getFullText() };
  });
}
