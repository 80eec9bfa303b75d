/**
 * The Vue preview: a Vue project's files compiled by Vue's official compiler (`@vue/compiler-sfc`: each
 * single-file component's script and template into one module, its scoped styles rewritten with its scope id),
 * then shown by the React preview's document builder (react-preview.ts: modules, stylesheets, assets, Tailwind)
 * with Vue's and vue-router's runtime scripts in the page and a main of the preview's own that mounts the screens
 * behind a router in memory. Pure: no DOM, no Node (the runtimes' scripts come from the caller).
 */
import { compileScript, compileStyle, parse } from "@vue/compiler-sfc";
import type { Problem, SourceFile } from "../types.js";
import { shortHash } from "./css.js";
import { buildReactPreview, type ReactPreview } from "./react-preview.js";
import { compileTailwind } from "./tailwind-compile.js";

/** Vue's and vue-router's global builds (vue.runtime.global.prod.js, vue-router.global.prod.js), in that order. */
export interface VueRuntimes {
  vue: string;
  router: string;
}

/** The module the preview mounts from: the project's screens behind a router whose history is in memory. */
export const VUE_PREVIEW_MAIN = "src/figment-preview-main.ts";

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
    const styles = compiled.css ? `import "./${base}.css";\n` : "";
    out.push({ path: `${file.path}.ts`, content: styles + compiled.module });
    if (compiled.css) out.push({ path: `${file.path}.css`, content: compiled.css });
  }
  return { files: out, problems };
}

/** The preview's main: the routes of src/routes.ts, else the first screen (or src/App.vue) at `/`. */
export function vuePreviewMain(files: readonly SourceFile[]): string {
  const has = (path: string): boolean => files.some((f) => f.path === path);
  const first =
    files.find((f) => /^src\/screens\/[^/]+\.vue$/.test(f.path))?.path ??
    files.find((f) => /^src\/(?:App|pages\/[^/]+)\.vue$/.test(f.path))?.path;
  const routes = has("src/routes.ts")
    ? ['import { routes } from "./routes";']
    : first
      ? [`import Screen from "./${first.slice(4)}";`, 'const routes = [{ path: "/", component: Screen }];']
      : ["const routes = [] as never[];"];
  return [
    'import { createApp, h } from "vue";',
    'import { createMemoryHistory, createRouter, RouterView } from "vue-router";',
    ...(has("src/index.ts") ? ['import "./index";'] : []),
    ...(has("src/tailwind.css") ? ['import "./tailwind.css";'] : []),
    ...routes,
    "const router = createRouter({ history: createMemoryHistory(), routes });",
    'void router.push("/");',
    'createApp({ render: () => h(RouterView) }).use(router).mount("#root");',
    "",
  ].join("\n");
}

/** The preview document of a Vue project's files (Tailwind compiled from the templates' classes). */
export async function vuePreview(files: SourceFile[], runtime: string, vue: VueRuntimes): Promise<ReactPreview> {
  const compiled = compileVueFiles(files);
  const all = [...compiled.files, { path: VUE_PREVIEW_MAIN, content: vuePreviewMain(files) }];
  const tailwind = await compileTailwind(files);
  const preview = buildReactPreview(all, `${vue.vue}\n${vue.router}\n${runtime}`, {
    ...(tailwind ? { tailwind } : {}),
    builtins: ["vue", "vue-router"],
    main: VUE_PREVIEW_MAIN,
  });
  return { html: preview.html, problems: [...compiled.problems, ...preview.problems] };
}
