/**
 * The Vue preview: a Vue project's files compiled by Vue's official compiler (`@vue/compiler-sfc`: each
 * single-file component's script and template into one module, its scoped styles rewritten with its scope id),
 * then shown by the React preview's document builder (react-preview.ts: modules, stylesheets, assets, Tailwind)
 * with Vue's and vue-router's runtime scripts in the page and a main of the preview's own that mounts the screens
 * behind a router in memory. Pure: no DOM, no Node (the runtimes' scripts come from the caller).
 */
import type { SourceFile } from "../types.js";
import { compileVueFiles } from "../emit/vue/compile.js";

export { compileVueFile, compileVueFiles, type CompiledVue } from "../emit/vue/compile.js";
// Both through react-preview.js: in the engine worker its shim hands them over from the code-preview part.
import { buildReactPreview, compileTailwind, type ReactPreview } from "./react-preview.js";

/** Vue's and vue-router's global builds (vue.runtime.global.prod.js, vue-router.global.prod.js), in that order. */
export interface VueRuntimes {
  vue: string;
  router: string;
}

/** The module the preview mounts from: the project's screens behind a router whose history is in memory. */
export const VUE_PREVIEW_MAIN = "src/figment-preview-main.ts";

/**
 * The preview's main: the routes of src/routes.ts, else the first screen (or src/App.vue) at `/`. Its history is in
 * memory (the panel's frame has no address of its own); `web`: the browser's, as the project's src/main.ts has it
 * (a test of the browser's back button).
 */
export function vuePreviewMain(files: readonly SourceFile[], history: "memory" | "web" = "memory"): string {
  const create = history === "memory" ? "createMemoryHistory" : "createWebHistory";
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
    `import { ${create}, createRouter, RouterView } from "vue-router";`,
    ...(has("src/index.ts") ? ['import "./index";'] : []),
    ...(has("src/tailwind.css") ? ['import "./tailwind.css";'] : []),
    ...routes,
    // The web history starts where the page is: the page served (index.html) shows the flow's start, at `/`.
    ...(history === "web" ? ['history.replaceState(null, "", "/");'] : []),
    `const router = createRouter({ history: ${create}(), routes });`,
    ...(history === "memory" ? ['void router.push("/");'] : []),
    'createApp({ render: () => h(RouterView) }).use(router).mount("#root");',
    "",
  ].join("\n");
}

/** The preview document of a Vue project's files (Tailwind compiled from the templates' classes). */
export async function vuePreview(
  files: SourceFile[],
  runtime: string,
  vue: VueRuntimes,
  history: "memory" | "web" = "memory",
): Promise<ReactPreview> {
  const compiled = compileVueFiles(files);
  const all = [...compiled.files, { path: VUE_PREVIEW_MAIN, content: vuePreviewMain(files, history) }];
  const tailwind = await compileTailwind(files);
  const preview = buildReactPreview(all, `${vue.vue}\n${vue.router}\n${runtime}`, {
    ...(tailwind ? { tailwind } : {}),
    builtins: ["vue", "vue-router"],
    main: VUE_PREVIEW_MAIN,
  });
  return { html: preview.html, problems: [...compiled.problems, ...preview.problems] };
}
