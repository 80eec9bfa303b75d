/**
 * The Svelte preview: a Svelte project's files compiled by Svelte's official compiler (`svelte/compiler`: each
 * component into one client module and its scoped stylesheet; each `.svelte.ts` module's runes), then shown by the
 * React preview's document builder (react-preview.ts: modules, stylesheets, assets, Tailwind) with Svelte's client
 * runtime in the page (dist/svelte-runtime.js, from the `svelte` package) and a main of the preview's own that mounts
 * the project's App (codegen/svelte-app.ts). Pure: no DOM, no Node (the runtime's script comes from
 * the caller).
 */
import { compile, compileModule } from "svelte/compiler";
import { transform } from "sucrase";
import { svelteAppFile } from "../svelte-app.js";
import type { Problem, SourceFile } from "../types.js";
import { buildReactPreview, type ReactPreview } from "./react-preview.js";
import { compileTailwind } from "./tailwind-compile.js";

/** The modules Svelte's compiled components import, which the runtime's script provides. */
export const SVELTE_BUILTINS = ["svelte", "svelte/internal/client"];

/** The module the preview mounts from, and the App it mounts. */
export const SVELTE_PREVIEW_MAIN = "src/figment-preview-main.ts";
const PREVIEW_APP = "src/FigmentPreviewApp.svelte";

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
      const styles = compiled.css ? `import "./${base}.css";\n` : "";
      out.push({ path: `${file.path}.ts`, content: styles + compiled.module });
      if (compiled.css) out.push({ path: `${file.path}.css`, content: compiled.css });
    } else out.push(file);
  }
  return { files: out, problems };
}

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

/** The preview document of a Svelte project's files (Tailwind compiled from the components' classes). */
export async function sveltePreview(files: SourceFile[], runtime: string, svelte: string): Promise<ReactPreview> {
  const app = { path: PREVIEW_APP, content: svelteAppFile(files) };
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
