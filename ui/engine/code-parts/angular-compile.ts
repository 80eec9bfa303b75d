/**
 * ngtsc in the engine worker (the code-angular part): codegen/emit/angular/ngtsc.ts's compile over a compiler host in
 * memory — the project's files under /app, the declarations ngtsc reads (the Angular packages', rxjs's and TypeScript's
 * libraries for ES2022 and the DOM, which the build collects: esbuild.angular-types.mjs) under /node_modules — and a
 * file system of Angular's for its paths that never asks Node (esbuild.config.mjs gives the part stand-ins for Node's
 * modules, and path-browserify for `path`).
 */
import { NgtscProgram, NodeJSFileSystem, setFileSystem } from "@angular/compiler-cli";
import ts from "typescript";
import { keepParsed } from "../../../codegen/emit/angular/keep-parsed.js";
import { type CompiledAngular, runNgtsc } from "../../../codegen/emit/angular/ngtsc.js";
import type { SourceFile } from "../../../codegen/types.js";

/** A declaration file the part carries: its path under node_modules and its text. */
export interface Declaration {
  path: string;
  content: string;
}

const ROOT = "/app";
const LIBS = "/node_modules/typescript/lib";

/** Angular's paths on "/" as the working directory (Node's file system is never read: the host holds every file). */
class MemoryPaths extends NodeJSFileSystem {
  override pwd(): ReturnType<NodeJSFileSystem["pwd"]> {
    return "/" as ReturnType<NodeJSFileSystem["pwd"]>;
  }
  override resolve(...paths: string[]): ReturnType<NodeJSFileSystem["resolve"]> {
    return super.resolve("/", ...paths);
  }
}

let pathsSet = false;

/** The declarations' parsed files, kept for every compile after the first (parsing them is most of its time). */
const kept = keepParsed();

function memoryHost(files: Map<string, string>): ts.CompilerHost {
  const directories = new Set<string>();
  for (const path of files.keys())
    for (let at = path.lastIndexOf("/"); at > 0; at = path.lastIndexOf("/", at - 1)) directories.add(path.slice(0, at));
  return {
    fileExists: (f) => files.has(f),
    readFile: (f) => files.get(f),
    directoryExists: (d) => d === "/" || directories.has(d),
    getDirectories: () => [],
    getSourceFile(f, language) {
      const text = files.get(f);
      if (text === undefined) return undefined;
      const parse = () => ts.createSourceFile(f, text, language);
      return f.startsWith("/node_modules/") ? kept(f, language, parse) : parse();
    },
    getDefaultLibFileName: (options) => `${LIBS}/${ts.getDefaultLibFileName(options)}`,
    getDefaultLibLocation: () => LIBS,
    writeFile: () => undefined,
    getCurrentDirectory: () => "/",
    getCanonicalFileName: (f) => f,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => "\n",
    realpath: (f) => f,
  };
}

/** The project's `.ts` files compiled by ngtsc, strict (its `.html` and `.css` read as the components' resources). */
export function compileAngularInMemory(
  files: readonly SourceFile[],
  declarations: readonly Declaration[],
): CompiledAngular {
  if (!pathsSet) setFileSystem(new MemoryPaths());
  pathsSet = true;
  const all = new Map<string, string>();
  for (const d of declarations) all.set(`/node_modules/${d.path}`, d.content);
  for (const f of files) if (!f.bytes) all.set(`${ROOT}/${f.path}`, f.content);
  const roots = files.filter((f) => !f.bytes && /(?<!\.d)\.ts$/.test(f.path)).map((f) => `${ROOT}/${f.path}`);
  return runNgtsc(NgtscProgram, roots, ROOT, memoryHost(all));
}
