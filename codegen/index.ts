/**
 * The codegen pipeline: REST JSON → design tree → emitted files → (project pass) → formatter.
 * Pure: runs in Node (CLI, tests) and in a Web Worker (plugin UI). The main thread imports the light
 * parts directly (./load.js, ./emit/index.js) so that ts-morph and prettier stay out of it.
 */
import type { DesignDocument } from "./design/types.js";
import { emitFiles } from "./emit/index.js";
import { formatFiles } from "./format/index.js";
import type { CodeOptions } from "./load.js";
import { needsCodeCheck } from "./needs-check.js";
import { checkLibraryUsage, checkProject } from "./project/index.js";
import type { FileSet, SourceFile } from "./types.js";

export { emitFiles } from "./emit/index.js";
export { DEFAULT_CODE_OPTIONS, loadDesign } from "./load.js";
export type { CodeOptions, LoadedDesign, LoadOptions, Styling, Target } from "./load.js";

/**
 * The whole pipeline from the design tree: emit, check and repair with ts-morph where there is work for it, format
 * (the emitters' files: codegen/format's wasm formatters). The project pass finds nothing to repair in the emitters'
 * own files (codegen/project/emitted.test.ts holds every fixture frame to that: same files, no problem) and costs
 * ~100 ms warm, the whole TypeScript compiler cold: it runs only where needsCodeCheck says (the team's components).
 */
export async function generateCode(doc: DesignDocument, options: CodeOptions): Promise<FileSet> {
  const emitted = emitFiles(doc, options);
  // Skipped, the check adds no problem of its own (the emitters' are already counted once).
  const checked = needsCodeCheck(options) ? checkProject(emitted.files) : { files: emitted.files, problems: [] };
  const formatted = await formatUnprinted(checked.files, emitted.printed);
  // After formatting, so that its lines are the written files' lines.
  const usage =
    options.libraryTypes && needsCodeCheck(options) ? checkLibraryUsage(formatted.files, options.libraryTypes) : [];
  return {
    files: formatted.files,
    problems: [...emitted.problems, ...checked.problems, ...formatted.problems, ...usage],
  };
}

/**
 * The format pass over the files the emitters did not print in its form (or the project pass rewrote since); when
 * there are none it is not called at all, so the plugin's engine need not load the wasm formatters for it.
 */
export async function formatUnprinted(files: SourceFile[], printed: ReadonlyMap<string, string>): Promise<FileSet> {
  const toFormat = files.filter((file) => file.bytes === undefined && printed.get(file.path) !== file.content);
  if (toFormat.length === 0) return { files, problems: [] };
  if (toFormat.length === files.length) return formatFiles(files, "emitters");
  const formatted = await formatFiles(toFormat, "emitters");
  const byPath = new Map(formatted.files.map((file) => [file.path, file]));
  return { files: files.map((file) => byPath.get(file.path) ?? file), problems: formatted.problems };
}

export { printHint } from "./hint/print.js";
export { modelHint } from "./hint/model.js";
export { parseHint } from "./hint/parse.js";
export type { SourceFile, Problem, FileSet, EmittedFiles } from "./types.js";
export type { DesignDocument, DesignNode } from "./design/types.js";
export type { DesignExtras } from "./design/extras.js";
