/**
 * Angular's own compiler (ngtsc, codegen/emit/angular/ngtsc.ts) on a project's files in Node: the files in memory, the
 * Angular packages' declarations read from node_modules. The score's Angular page runs what it emits
 * (codegen/preview/angular-preview.ts); the checker's test asks it for 0 errors. AOT here, not JIT in the page: JIT
 * needs the decorators downlevelled and sees no signal input without the CLI's JIT transform, and one compile (~1.5 s
 * a frame) serves both. The Code panel's preview runs the same compile in the engine worker (the code-angular part).
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import ts from "typescript";
import { keepParsed } from "../../codegen/emit/angular/keep-parsed.js";
import { angularOptions, type CompiledAngular, runNgtsc } from "../../codegen/emit/angular/ngtsc.js";
import type { SourceFile } from "../../codegen/types.js";

let serial = 0;

/** The declarations' parsed files (TypeScript's and Angular's libraries, read from node_modules), kept. */
const kept = keepParsed();

/**
 * Where imports resolved and which package.json holds each file, kept across compiles like the parsed files: looked
 * up on disk again for every compile (stat, read, JSON.parse), they were an eighth of one. Each compile's own files
 * are under a folder of their own (`root`), so nothing kept of one applies to another's.
 */
let resolutions: ts.ModuleResolutionCache | undefined;

/** The project's `.ts` files compiled by ngtsc (its `.html` and `.css` read as the components' resources). */
export async function compileAngular(files: readonly SourceFile[]): Promise<CompiledAngular> {
  const { NgtscProgram } = await import("@angular/compiler-cli");
  const require = createRequire(import.meta.url);
  // A folder that does not exist, beside node_modules: the packages resolve as from the project itself.
  const packages = dirname(dirname(dirname(require.resolve("@angular/core/package.json"))));
  const root = join(dirname(packages), `.figment-angular-${process.pid}-${++serial}`);
  const virtual = new Map<string, string>();
  for (const f of files) if (!f.bytes) virtual.set(join(root, f.path), f.content);
  const host = ts.createCompilerHost(angularOptions(root));
  const { fileExists, readFile, getSourceFile, directoryExists } = host;
  host.fileExists = (f) => virtual.has(f) || fileExists.call(host, f);
  host.readFile = (f) => virtual.get(f) ?? readFile.call(host, f);
  host.directoryExists = (d) => d === root || d.startsWith(root + "/") || (directoryExists?.call(host, d) ?? false);
  host.getSourceFile = (f, language, onError, create) => {
    if (virtual.has(f)) return ts.createSourceFile(f, virtual.get(f)!, language);
    return kept(f, language, () => getSourceFile.call(host, f, language, onError, create));
  };
  const cache = (resolutions ??= ts.createModuleResolutionCache(host.getCurrentDirectory(), (f) => f));
  host.getModuleResolutionCache = () => cache;
  host.resolveModuleNameLiterals = (literals, containingFile, redirected, options, containing) =>
    literals.map((literal) =>
      ts.resolveModuleName(
        literal.text,
        containingFile,
        options,
        host,
        cache,
        redirected,
        ts.getModeForUsageLocation(containing, literal, options),
      ),
    );
  const roots = [...virtual.keys()].filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"));
  return runNgtsc(NgtscProgram, roots, root, host);
}
