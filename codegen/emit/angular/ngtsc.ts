/**
 * Angular's own compiler (ngtsc, `@angular/compiler-cli`'s NgtscProgram) over a compiler host: the components'
 * templates and styles compiled ahead of time (Ivy instructions, emulated encapsulation) in strict mode (`strict`,
 * `strictTemplates`), with its diagnostics. The host is the caller's: the CLI's reads the Angular packages from
 * node_modules (cli/measure/angular-compile.ts), the engine worker's holds them in memory (the code-angular part,
 * ui/engine/code-parts/angular-compile.ts). The compiler comes from the caller too, so nothing here loads it.
 */
import ts from "typescript";
import type { NgtscProgram } from "@angular/compiler-cli";
import type { Problem, SourceFile } from "../../types.js";

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

/** The options of a project whose files are under `root` (emitted under `root/out`). */
export const angularOptions = (root: string): ts.CompilerOptions => ({
  ...ANGULAR_STRICT,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ES2022,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
  skipLibCheck: true,
  isolatedModules: true,
  useDefineForClassFields: false,
  rootDir: root,
  outDir: `${root}/out`,
});

const slashed = (path: string): string => path.split("\\").join("/");
const relativeTo = (root: string, file: string): string => slashed(file).slice(slashed(root).length + 1);

function problemOf(d: ts.Diagnostic, root: string): Problem {
  const file = d.file ? relativeTo(root, d.file.fileName) : undefined;
  const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : undefined;
  return {
    severity: d.category === ts.DiagnosticCategory.Error ? "error" : "warning",
    code: "angular-compile",
    message: ts.flattenDiagnosticMessageText(d.messageText, "\n"),
    ...(file !== undefined ? { file } : {}),
    ...(line !== undefined ? { line } : {}),
  };
}

/**
 * The project's `.ts` files (`roots`, under `root`) compiled by ngtsc through `host` (its `.html` and `.css` read as
 * the components' resources); the host's writeFile is taken over to collect the JavaScript.
 */
export function runNgtsc(
  Program: typeof NgtscProgram,
  roots: string[],
  root: string,
  host: ts.CompilerHost,
): CompiledAngular {
  const options = angularOptions(root);
  const out: SourceFile[] = [];
  host.writeFile = (f, text) => {
    if (f.endsWith(".js")) out.push({ path: relativeTo(`${root}/out`, f), content: text });
  };
  const program = new Program(roots, options, host);
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
