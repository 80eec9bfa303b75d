/**
 * Svelte's official compiler (`svelte/compiler`) over a project's components: each `.svelte` file into one client
 * module and its scoped stylesheet (runes mode), each `.svelte.ts` module's runes compiled after its types are
 * stripped, or the errors it finds with their file and line. The preview runs the modules
 * (codegen/preview/svelte-preview.ts); the project pass reports the errors of a model's components (codegen/project).
 */
import { compile, compileModule } from "svelte/compiler";
import { transform } from "sucrase";
import type { Problem, SourceFile } from "../../types.js";

export interface CompiledSvelte {
  /** The project's files with each `X.svelte` as `X.svelte.ts` (its module) and `X.svelte.css` (its styles). */
  files: SourceFile[];
  problems: Problem[];
}

function problemOf(file: string, error: unknown): Problem {
  const message = error instanceof Error ? error.message : String(error);
  const start: unknown = typeof error === "object" && error !== null && "start" in error ? error.start : undefined;
  const line = typeof start === "object" && start !== null && "line" in start ? start.line : undefined;
  return { severity: "error", code: "svelte-compile", message, file, ...(typeof line === "number" ? { line } : {}) };
}

/** One component compiled for the browser (runes mode): its module and its scoped styles, or its error. */
export function compileSvelteFile(file: SourceFile): { module: string; css: string; problems: Problem[] } {
  try {
    const out = compile(file.content, { filename: file.path, css: "external", discloseVersion: false, runes: true });
    return { module: out.js.code, css: out.css?.code ?? "", problems: [] };
  } catch (error) {
    return { module: "", css: "", problems: [problemOf(file.path, error)] };
  }
}

/** A `.svelte.ts` module: its types stripped (sucrase), then its runes compiled. */
export function compileSvelteModule(file: SourceFile): { module: string; problems: Problem[] } {
  try {
    const js = transform(file.content, { transforms: ["typescript"], disableESTransforms: true }).code;
    return { module: compileModule(js, { filename: file.path }).js.code, problems: [] };
  } catch (error) {
    return { module: "", problems: [problemOf(file.path, error)] };
  }
}

/** Every `.svelte` file and `.svelte.ts` module of the project compiled, the others as they are. */
export function compileSvelteFiles(files: readonly SourceFile[]): CompiledSvelte {
  const out: SourceFile[] = [];
  const problems: Problem[] = [];
  for (const file of files) {
    if (file.bytes) out.push(file);
    else if (/\.svelte\.[jt]s$/.test(file.path)) {
      const compiled = compileSvelteModule(file);
      problems.push(...compiled.problems);
      out.push({ path: file.path, content: compiled.module });
    } else if (file.path.endsWith(".svelte")) {
      const compiled = compileSvelteFile(file);
      problems.push(...compiled.problems);
      const base = file.path.slice(file.path.lastIndexOf("/") + 1);
      // Imported after the module's own imports, as vite-plugin-svelte appends a component's styles: the components
      // it uses bring theirs first, and its placement of them (a use's class) comes after their own rules.
      const styles = compiled.css ? `\nimport "./${base}.css";\n` : "";
      out.push({ path: `${file.path}.ts`, content: compiled.module + styles });
      if (compiled.css) out.push({ path: `${file.path}.css`, content: compiled.css });
    } else out.push(file);
  }
  return { files: out, problems };
}

/** What Svelte's compiler finds wrong in the project's components and rune modules (none: each compiles). */
export function svelteProblems(files: readonly SourceFile[]): Problem[] {
  return files
    .filter((f) => !f.bytes && (f.path.endsWith(".svelte") || /\.svelte\.[jt]s$/.test(f.path)))
    .flatMap((f) => (f.path.endsWith(".svelte") ? compileSvelteFile(f) : compileSvelteModule(f)).problems);
}
