/**
 * The Angular preview: an Angular project's files compiled ahead of time by Angular's own compiler (ngtsc: templates
 * into Ivy instructions, component styles with emulated encapsulation; the caller runs it — in Node,
 * cli/measure/angular-compile.ts; in the engine worker, the code-angular part), then shown by the React preview's
 * document builder (react-preview.ts: modules, stylesheets, assets, Tailwind) with Angular's runtime in the page
 * (dist/angular-runtime.js) and a main of the preview's own that bootstraps the App (codegen/emit/angular/app.ts)
 * behind the router, its location in memory. Pure: no DOM, no Node (the runtime's script and the compiler come from
 * the caller).
 */
import { ANGULAR_TRANSITIONS_PATH, withAngularApp } from "../emit/angular/app.js";
import { assetDataUrl } from "../file-paths.js";
import type { Problem, SourceFile } from "../types.js";
// Both through react-preview.js: in the engine worker its shim hands them over from the code-preview part.
import { buildReactPreview, compileTailwind, type ReactPreview } from "./react-preview.js";

/** The modules ngtsc's output and the preview's main import, which the runtime's script provides. */
export const ANGULAR_BUILTINS = [
  "@angular/core",
  "@angular/common",
  "@angular/common/testing",
  "@angular/platform-browser",
  "@angular/router",
];

/** Angular's runtime script and a compiler of the project's files (ngtsc's JavaScript and its problems). */
export interface AngularRuntime {
  script: string;
  compile(files: readonly SourceFile[]): Promise<{ files: SourceFile[]; problems: Problem[] }>;
}

/** The module the preview boots from. */
export const ANGULAR_PREVIEW_MAIN = "src/figment-preview-main.ts";

/** A component's template or stylesheet (compiled into its module, not a page's stylesheet). */
const COMPONENT_RESOURCE = /^src\/app\/.*\.(?:html|css)$/;

/** The preview's main: the global styles and fonts, Tailwind's stylesheet, the App bootstrapped on #root. */
export function angularPreviewMain(files: readonly SourceFile[]): string {
  const has = (path: string): boolean => files.some((f) => f.path === path);
  // The design's page transitions (the router's view transitions: emit/angular/prototype.ts).
  const transitions = has(ANGULAR_TRANSITIONS_PATH);
  const router = transitions ? ", viewTransitions" : "";
  return [
    'import { bootstrapApplication } from "@angular/platform-browser";',
    'import { provideRouter } from "@angular/router";',
    'import { provideLocationMocks } from "@angular/common/testing";',
    ...["fonts.ts", "global.css", "tokens.css", "tailwind.css", "transitions.css"]
      .filter((f) => has(`src/${f}`))
      .map((f) => `import "./${f.replace(/\.ts$/, "")}";`),
    'import { App } from "./app/app";',
    'import { routes } from "./app/app.routes";',
    ...(transitions ? ['import { viewTransitions } from "./app/transitions";'] : []),
    'document.getElementById("root")!.append(document.createElement("app-root"));',
    `void bootstrapApplication(App, { providers: [provideRouter(routes${router}), provideLocationMocks()] });`,
    "",
  ].join("\n");
}

/** Templates' and component styles' asset paths (`assets/x.png`, `../../assets/x.png`) as data URLs. */
function inlineAssets(files: readonly SourceFile[]): SourceFile[] {
  const assets = files.filter((f) => f.path.startsWith("src/assets/"));
  return files.map((f) => {
    if (!COMPONENT_RESOURCE.test(f.path)) return f;
    let content = f.content;
    for (const a of assets) {
      const name = a.path.slice("src/".length);
      content = content
        .split(`../../${name}`)
        .join(assetDataUrl(a))
        .split(`"${name}"`)
        .join(`"${assetDataUrl(a)}"`);
    }
    return { path: f.path, content };
  });
}

/** The preview document of an Angular project's files (Tailwind compiled from the templates' classes). */
export async function angularPreview(
  files: SourceFile[],
  runtime: string,
  angular: AngularRuntime,
): Promise<ReactPreview> {
  // The project's root component (the starter's) when the files do not bring their own.
  const compiled = await angular.compile(inlineAssets(withAngularApp(files)));
  const kept = files.filter((f) => f.bytes || !(/\.ts$/.test(f.path) || COMPONENT_RESOURCE.test(f.path)));
  const all = [...kept, ...compiled.files, { path: ANGULAR_PREVIEW_MAIN, content: angularPreviewMain(files) }];
  const tailwind = await compileTailwind(files);
  const preview = buildReactPreview(all, `${angular.script}\n${runtime}`, {
    ...(tailwind ? { tailwind } : {}),
    builtins: ANGULAR_BUILTINS,
    main: ANGULAR_PREVIEW_MAIN,
  });
  const errors = compiled.problems.filter((p) => p.severity === "error");
  return { html: preview.html, problems: [...errors, ...preview.problems] };
}
