import { Project, ts, type SourceFile as MorphFile } from "ts-morph";
import type { SourceFile } from "../types";

/** Extensions the project pass parses; everything else passes through untouched. */
export const CODE_EXTENSIONS = [".ts", ".tsx", ".js", ".jsx"] as const;

export function isCodePath(path: string): boolean {
  const lower = path.toLowerCase();
  return CODE_EXTENSIONS.some((extension) => lower.endsWith(extension));
}

/** Files that may contain JSX components. */
export function isJsxPath(path: string): boolean {
  const lower = path.toLowerCase();
  return lower.endsWith(".tsx") || lower.endsWith(".jsx");
}

export function isJavaScriptPath(path: string): boolean {
  const lower = path.toLowerCase();
  return lower.endsWith(".js") || lower.endsWith(".jsx");
}

/** One code file inside the ts-morph project. `broken` files are reported but never manipulated. */
export interface CodeFile {
  path: string;
  original: string;
  morph: MorphFile;
  broken: boolean;
}

/** The in-memory ts-morph project holding the code files, keyed by their set path. */
export interface Workspace {
  project: Project;
  /** Code files in input order. */
  code: CodeFile[];
  byPath: Map<string, CodeFile>;
  /** Every path in the set (code and not), for import resolution. */
  allPaths: Set<string>;
}

const COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  jsx: ts.JsxEmit.ReactJSX,
  allowJs: true,
  checkJs: false,
  noLib: true,
  noEmit: true,
  allowImportingTsExtensions: true,
  resolveJsonModule: true,
  types: [],
};

/** Builds the in-memory project (no disk, no lib files: runs in a Web Worker as well as in Node). */
export function createWorkspace(files: readonly SourceFile[]): Workspace {
  const project = new Project({
    useInMemoryFileSystem: true,
    skipAddingFilesFromTsConfig: true,
    skipFileDependencyResolution: true,
    skipLoadingLibFiles: true,
    compilerOptions: COMPILER_OPTIONS,
  });
  const code: CodeFile[] = [];
  const byPath = new Map<string, CodeFile>();
  for (const file of files) {
    if (!isCodePath(file.path)) continue;
    const morph = project.createSourceFile(toVirtualPath(file.path), file.content, {
      overwrite: true,
    });
    const entry: CodeFile = { path: file.path, original: file.content, morph, broken: false };
    code.push(entry);
    byPath.set(file.path, entry);
  }
  return { project, code, byPath, allPaths: new Set(files.map((file) => file.path)) };
}

/**
 * Where a set path lives in the in-memory file system. The extension is lower-cased: TypeScript only
 * knows `.tsx`, not `.TSX` (two paths differing in case never both reach this point).
 */
export function toVirtualPath(path: string): string {
  const dot = path.lastIndexOf(".");
  const slash = path.lastIndexOf("/");
  const virtual = dot > slash ? path.slice(0, dot) + path.slice(dot).toLowerCase() : path;
  return `/${virtual}`;
}

/** 1-based line and column of a position in a file. */
export function lineAndColumn(file: ts.SourceFile, position: number): { line: number; column: number } {
  const { line, character } = file.getLineAndCharacterOfPosition(position);
  return { line: line + 1, column: character + 1 };
}
