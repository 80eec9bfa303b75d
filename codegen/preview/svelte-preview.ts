/**
 * The Svelte preview: a Svelte project's files compiled by Svelte's official compiler (`svelte/compiler`: each
 * component into one client module and its scoped stylesheet; each `.svelte.ts` module's runes), then shown by the
 * React preview's document builder (react-preview.ts: modules, stylesheets, assets, Tailwind) with Svelte's client
 * runtime in the page (dist/svelte-runtime.js, from the `svelte` package) and a main of the preview's own that mounts
 * the project's App (codegen/emit/svelte/app.ts). Pure: no DOM, no Node (the runtime's script comes from
 * the caller).
 */
import { svelteAppFile } from "../emit/svelte/app.js";
import { compileSvelteFiles } from "../emit/svelte/compile.js";
import type { SourceFile } from "../types.js";
// Both through react-preview.js: in the engine worker its shim hands them over from the code-preview part.
import { buildReactPreview, compileTailwind, type ReactPreview } from "./react-preview.js";

export {
  compileSvelteFile,
  compileSvelteFiles,
  compileSvelteModule,
  type CompiledSvelte,
} from "../emit/svelte/compile.js";

/** The modules Svelte's compiled components import, which the runtime's script provides. */
export const SVELTE_BUILTINS = ["svelte", "svelte/internal/client"];

/** The module the preview mounts from, and the App it mounts. */
export const SVELTE_PREVIEW_MAIN = "src/figment-preview-main.ts";
const PREVIEW_APP = "src/FigmentPreviewApp.svelte";

/** The preview's main: the project's entry (fonts, global styles), Tailwind's stylesheet, the App mounted. */
export function sveltePreviewMain(files: readonly SourceFile[]): string {
  const has = (path: string): boolean => files.some((f) => f.path === path);
  return [
    'import { mount } from "svelte";',
    ...(has("src/index.ts") ? ['import "./index";'] : []),
    ...(has("src/tailwind.css") ? ['import "./tailwind.css";'] : []),
    `import App from "./${PREVIEW_APP.slice(4)}";`,
    'mount(App, { target: document.getElementById("root")! });',
    "",
  ].join("\n");
}

/**
 * The App the preview mounts: the project's (codegen/emit/svelte/app.ts) over its screens or routes; a model's answer
 * without screens has its own src/App.svelte, mounted as it is.
 */
function previewApp(files: readonly SourceFile[]): string {
  const screens = files.some((f) => f.path === "src/routes.ts" || /^src\/screens\/[^/]+\.svelte$/.test(f.path));
  if (screens || !files.some((f) => f.path === "src/App.svelte")) return svelteAppFile(files);
  return '<script lang="ts">\n  import App from "./App.svelte";\n</script>\n\n<App />\n';
}

/** The preview document of a Svelte project's files (Tailwind compiled from the components' classes). */
export async function sveltePreview(files: SourceFile[], runtime: string, svelte: string): Promise<ReactPreview> {
  const app = { path: PREVIEW_APP, content: previewApp(files) };
  const compiled = compileSvelteFiles([...files, app]);
  const all = [...compiled.files, { path: SVELTE_PREVIEW_MAIN, content: sveltePreviewMain(files) }];
  const tailwind = await compileTailwind(files);
  const preview = buildReactPreview(all, `${svelte}\n${runtime}`, {
    ...(tailwind ? { tailwind } : {}),
    builtins: SVELTE_BUILTINS,
    main: SVELTE_PREVIEW_MAIN,
  });
  return { html: preview.html, problems: [...compiled.problems, ...preview.problems] };
}
