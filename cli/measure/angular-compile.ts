/**
 * Angular's own compiler (ngtsc, `@angular/compiler-cli`'s NgtscProgram) on a project's files, in memory: the
 * components' templates and styles compiled ahead of time (Ivy instructions, emulated encapsulation) in strict mode
 * (`strict`, `strictTemplates`), with its diagnostics. The score's Angular page runs what it emits
 * (codegen/preview/angular-preview.ts); the checker's test asks it for 0 errors. Node only: it reads the Angular
 * packages' declarations from node_modules. AOT here, not JIT in the page: JIT needs the decorators downlevelled and
 * sees no signal input without the CLI's JIT transform, and one compile (~1.5 s a frame) serves both.
 */
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import ts from "typescript";
import type { Problem, SourceFile } from "../../codegen/types.js";

/** What ngtsc made of a project: each script as ES2022 JavaScript (`src/app/app.js`), and its errors. */
export interface CompiledAngular {
  files: SourceFile[];
  problems: Problem[];
}

/** The compiler options of the starter's tsconfig.json (strict) and of its angularCompilerOptions. */
export const ANGULAR_STRICT = {
  strict: true,
  noImplicitOverride: true,
  noPropertyAccessFromIndexSignature: true,
  noImplicitReturns: true,
  noFallthroughCasesInSwitch: true,
  strictInjectionParameters: true,
  strictInputAccessModifiers: true,
  strictTemplates: true,
  strictStandalone: true,
} as const;

let serial = 0;

function problemOf(d: ts.Diagnostic, root: string): Problem {
  const file = d.file ? relative(root, d.file.fileName).split("\\").join("/") : undefined;
  const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : undefined;
  return {
    severity: d.category === ts.DiagnosticCategory.Error ? "error" : "warning",
    code: "angular-compile",
    message: ts.flattenDiagnosticMessageText(d.messageText, "\n"),
    ...(file !== undefined ? { file } : {}),
    ...(line !== undefined ? { line } : {}),
  };
}

/** The project's `.ts` files compiled by ngtsc (its `.html` and `.css` read as the components' resources). */
export async function compileAngular(files: readonly SourceFile[]): Promise<CompiledAngular> {
  const { NgtscProgram } = await import("@angular/compiler-cli");
  const require = createRequire(import.meta.url);
  // A folder that does not exist, beside node_modules: the packages resolve as from the project itself.
  const packages = dirname(dirname(dirname(require.resolve("@angular/core/package.json"))));
  const root = join(dirname(packages), `.figment-angular-${process.pid}-${++serial}`);
  const virtual = new Map<string, string>();
  for (const f of files) if (!f.bytes) virtual.set(join(root, f.path), f.content);
  const options: ts.CompilerOptions = {
    ...ANGULAR_STRICT,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ES2022,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
    skipLibCheck: true,
    isolatedModules: true,
    useDefineForClassFields: false,
    rootDir: root,
    outDir: join(root, "out"),
  };
  const host = ts.createCompilerHost(options);
  const { fileExists, readFile, getSourceFile, directoryExists } = host;
  host.fileExists = (f) => virtual.has(f) || fileExists.call(host, f);
  host.readFile = (f) => virtual.get(f) ?? readFile.call(host, f);
  host.directoryExists = (d) => d === root || d.startsWith(root + "/") || (directoryExists?.call(host, d) ?? false);
  host.getSourceFile = (f, language, onError, create) =>
    virtual.has(f)
      ? ts.createSourceFile(f, virtual.get(f)!, language)
      : getSourceFile.call(host, f, language, onError, create);
  const out: SourceFile[] = [];
  host.writeFile = (f, text) => {
    if (f.endsWith(".js")) out.push({ path: relative(join(root, "out"), f).split("\\").join("/"), content: text });
  };
  const roots = [...virtual.keys()].filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"));
  const program = new NgtscProgram(roots, options, host);
  const diagnostics = [
    ...program.getTsOptionDiagnostics(),
    ...program.getNgOptionDiagnostics(),
    ...program.getTsSyntacticDiagnostics(),
    ...program.getTsSemanticDiagnostics(),
    ...program.getNgStructuralDiagnostics(),
    ...program.getNgSemanticDiagnostics(),
  ];
  program.emit();
  return { files: out, problems: diagnostics.map((d) => problemOf(d, root)) };
}
