/**
 * Vue's official compiler (`@vue/compiler-sfc`) over a project's single-file components: each one's script and
 * template into one module (TypeScript, ESM), its scoped styles rewritten with its scope id, or the errors it finds
 * with their file and line. The preview runs the modules (codegen/preview/vue-preview.ts); the project pass reports
 * the errors of a model's components (codegen/project).
 */
import { compileScript, compileStyle, parse } from "@vue/compiler-sfc";
import { fnv1a } from "../../../kernel/hash.js";
import type { Problem, SourceFile } from "../../types.js";

/** FNV-1a, base 36: a component's scope id from its path. */
const shortHash = (text: string): string => fnv1a(text).toString(36).slice(0, 5);

export interface CompiledVue {
  /** The project's files with each `X.vue` as `X.vue.ts` (its module) and `X.vue.css` (its styles). */
  files: SourceFile[];
  problems: Problem[];
}

function problemAt(file: string, message: string, line?: number): Problem {
  return { severity: "error", code: "vue-compile", message, file, ...(line !== undefined ? { line } : {}) };
}

function errorText(error: unknown): { message: string; line?: number } {
  if (typeof error === "string") return { message: error };
  const message = error instanceof Error ? error.message : String(error);
  const loc: unknown = typeof error === "object" && error !== null && "loc" in error ? error.loc : undefined;
  const start = typeof loc === "object" && loc !== null && "start" in loc ? (loc.start as { line?: unknown }) : {};
  return typeof start.line === "number" ? { message, line: start.line } : { message };
}

/** One single-file component compiled: its module (TypeScript, ESM) and its styles, or its errors. */
export function compileVueFile(file: SourceFile): { module: string; css: string; problems: Problem[] } {
  const problems: Problem[] = [];
  let { descriptor, errors } = parse(file.content, { filename: file.path });
  // A template alone is a component too: an empty setup gives the compiler a script to build it on.
  if (errors.length === 0 && !descriptor.script && !descriptor.scriptSetup)
    ({ descriptor, errors } = parse(`<script setup lang="ts">\n// (a template alone)\n</script>\n${file.content}`, {
      filename: file.path,
    }));
  for (const error of errors) {
    const { message, line } = errorText(error);
    problems.push(problemAt(file.path, message, line));
  }
  if (errors.length > 0) return { module: "", css: "", problems };
  const id = shortHash(file.path);
  let module: string;
  try {
    const script = compileScript(descriptor, { id, inlineTemplate: true, genDefaultAs: "_sfc_main" });
    const scoped = descriptor.styles.some((s) => s.scoped);
    module = `${script.content}\n${scoped ? `_sfc_main.__scopeId = "data-v-${id}";\n` : ""}export default _sfc_main;\n`;
  } catch (error) {
    const { message, line } = errorText(error);
    problems.push(problemAt(file.path, message, line));
    return { module: "", css: "", problems };
  }
  const css = descriptor.styles
    .map((style) => {
      const out = compileStyle({
        source: style.content,
        filename: file.path,
        id: `data-v-${id}`,
        scoped: !!style.scoped,
      });
      for (const error of out.errors) problems.push(problemAt(file.path, errorText(error).message));
      return out.code;
    })
    .join("\n");
  return { module, css, problems };
}

/** Every `.vue` file of the project compiled (compileVueFile), the others as they are. */
export function compileVueFiles(files: readonly SourceFile[]): CompiledVue {
  const out: SourceFile[] = [];
  const problems: Problem[] = [];
  for (const file of files) {
    if (!file.path.endsWith(".vue") || file.bytes) {
      out.push(file);
      continue;
    }
    const compiled = compileVueFile(file);
    problems.push(...compiled.problems);
    const base = file.path.slice(file.path.lastIndexOf("/") + 1);
    // Imported after the module's own imports, as Vite's plugin puts a component's styles after its script: the
    // components it uses bring theirs first, and its placement of them (a use's class) wins over their own rules.
    const styles = compiled.css ? `\nimport "./${base}.css";\n` : "";
    out.push({ path: `${file.path}.ts`, content: compiled.module + styles });
    if (compiled.css) out.push({ path: `${file.path}.css`, content: compiled.css });
  }
  return { files: out, problems };
}

/** What Vue's compiler finds wrong in the project's single-file components (none: each compiles). */
export function vueProblems(files: readonly SourceFile[]): Problem[] {
  return files.filter((f) => f.path.endsWith(".vue") && !f.bytes).flatMap((f) => compileVueFile(f).problems);
}
