/**
 * Type-checks generated React projects with the TypeScript compiler (strict, jsx: react-jsx, @types/react, React
 * Router's types from compile-types/),
 * in memory: each file set lives under its own virtual folder and one program checks them all at once.
 */
import { dirname, join, resolve } from "node:path";
import ts from "typescript";
import type { SourceFile } from "../codegen/types.js";

const REPO = resolve(dirname(new URL(import.meta.url).pathname), "..");
const TYPES = join(REPO, "node_modules", "@types");
const VIRTUAL = "/virtual-figment";
/** The prototype's router: React Router's types for the names generated code uses (declared modules). */
const ROUTER_TYPES = join(REPO, "test", "compile-types", "react-router.d.ts");

/** Source files read from disk, by name and language options (see typecheckReactProjects' host). */
const DISK_FILES = new Map<string, ts.SourceFile>();

export interface CompileResult {
  /** Diagnostics per file-set index: "path:line:col message". Empty arrays mean the set compiles. */
  errors: string[][];
}

export function typecheckReactProjects(sets: SourceFile[][]): CompileResult {
  const files = new Map<string, string>();
  const roots: string[] = [];
  sets.forEach((set, index) => {
    for (const file of set) {
      const path = `${VIRTUAL}/${index}/${file.path}`;
      files.set(path, file.content);
      if (/\.(tsx?|d\.ts)$/.test(file.path)) roots.push(path);
    }
  });
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    jsx: ts.JsxEmit.ReactJSX,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
    types: [],
    typeRoots: [TYPES],
    skipLibCheck: true,
    noUnusedLocals: true,
    noUnusedParameters: true,
    isolatedModules: true,
    baseUrl: VIRTUAL,
    paths: {
      react: [join(TYPES, "react")],
      "react/*": [join(TYPES, "react", "*")],
      "react-dom": [join(TYPES, "react-dom")],
      "react-dom/*": [join(TYPES, "react-dom", "*")],
    },
  };
  const host = ts.createCompilerHost(options);
  const read = host.readFile.bind(host);
  const exists = host.fileExists.bind(host);
  host.readFile = (name) => files.get(name) ?? read(name);
  host.fileExists = (name) => files.has(name) || exists(name);
  const getSource = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language, onError, create) => {
    const text = files.get(name);
    if (text !== undefined) return ts.createSourceFile(name, text, language, true);
    // Files on disk (the TypeScript libs, @types/react) are the same for every call: parsed and bound once per
    // process, not once per program (eval-files checks one program per fixture file).
    const key = `${name}\0${JSON.stringify(language)}`;
    let cached = DISK_FILES.get(key);
    if (!cached) {
      cached = getSource(name, language, onError, create);
      if (cached) DISK_FILES.set(key, cached);
    }
    return cached;
  };
  host.directoryExists = (dir) => dir.startsWith(VIRTUAL) || ts.sys.directoryExists(dir);
  const program = ts.createProgram([...roots, ROUTER_TYPES], options, host);
  const errors: string[][] = sets.map(() => []);
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const name = diagnostic.file?.fileName ?? "";
    const m = new RegExp(`^${VIRTUAL}/(\\d+)/(.*)$`).exec(name);
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
    const where =
      diagnostic.file && diagnostic.start !== undefined
        ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start)
        : undefined;
    const text = `${m?.[2] ?? name}${where ? `:${where.line + 1}:${where.character + 1}` : ""} ${message}`;
    if (m) errors[Number(m[1])]!.push(text);
    else errors.forEach((list) => list.push(text));
  }
  return { errors };
}
