/**
 * The page that shows a result's files in Chromium, for a measurement: HTML as written (its index.html), React as
 * the preview document the panel shows (codegen/preview/react-preview.ts, its Tailwind compiled, with the preview
 * runtime that the build writes to dist/preview-runtime.js beside dist/cli.js). One page, so the CLI measures what
 * the panel shows.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import type { FallbackFace } from "../../codegen/fonts/plan.js";
import { reactPreview } from "../../codegen/preview/react-preview.js";
import type { VueRuntimes } from "../../codegen/preview/vue-preview.js";
import type { SourceFile } from "../../codegen/types.js";
import type { Target } from "../../codegen/targets.js";

/** Beside the bundled CLI (dist/cli.js), and from the sources (cli/measure/ → dist/). */
const RUNTIME_PLACES = ["./preview-runtime.js", "../../dist/preview-runtime.js"];

let runtime: Promise<string> | undefined;

/** The React preview's runtime script, read once. */
export function previewRuntimeScript(): Promise<string> {
  runtime ??= (async () => {
    for (const place of RUNTIME_PLACES) {
      try {
        return await readFile(new URL(place, import.meta.url), "utf8");
      } catch {
        // try the next place
      }
    }
    runtime = undefined;
    throw new Error("the React preview's runtime (dist/preview-runtime.js) is missing: run `npm run build`");
  })();
  return runtime;
}

const bundled = new Map<string, Promise<string>>();

/** A file the build writes beside the preview's runtime (dist/<file>: Svelte's runtime, Angular's), read once. */
export function bundledText(file: string, what: string): Promise<string> {
  let text = bundled.get(file);
  if (!text) {
    text = (async () => {
      for (const place of RUNTIME_PLACES.map((p) => p.replace("preview-runtime.js", file))) {
        try {
          return await readFile(new URL(place, import.meta.url), "utf8");
        } catch {
          // try the next place
        }
      }
      bundled.delete(file);
      throw new Error(`${what} (dist/${file}) is missing: run \`npm run build\``);
    })();
    bundled.set(file, text);
  }
  return text;
}

const bundledScript = (name: string, what: string): Promise<string> =>
  bundledText(`${name}.js`, `${what} for the preview`);

/** Svelte's client runtime (the build's dist/svelte-runtime.js, from the `svelte` package). */
const svelteRuntimeScript = (): Promise<string> => bundledScript("svelte-runtime", "Svelte's runtime");

/** Angular's runtime (the build's dist/angular-runtime.js, from the Angular packages, linked). */
const angularRuntimeScript = (): Promise<string> => bundledScript("angular-runtime", "Angular's runtime");

let vueRuntimes: Promise<VueRuntimes> | undefined;

/** Vue's and vue-router's global builds, from their packages (dependencies of the CLI), read once. */
export function vueRuntimeScripts(): Promise<VueRuntimes> {
  const require = createRequire(import.meta.url);
  vueRuntimes ??= (async () => ({
    vue: await readFile(require.resolve("vue/dist/vue.runtime.global.prod.js"), "utf8"),
    router: await readFile(require.resolve("vue-router/dist/vue-router.global.prod.js"), "utf8"),
  }))();
  return vueRuntimes;
}

export interface ResultPage {
  files: SourceFile[];
  entry: string;
}

/**
 * HTML: the files and their index.html (else the first page); React: one page, the preview document; Vue: the same
 * document over the components Vue's compiler made (codegen/preview/vue-preview.ts); Svelte: over Svelte's
 * (codegen/preview/svelte-preview.ts); Angular: over what ngtsc compiled (angular-compile.ts,
 * codegen/preview/angular-preview.ts); React Native: its components through react-native-web
 * (codegen/preview/react-native-preview.ts; `measured`: the design's fallback faces of fonts no catalog knows, which
 * React's fonts.css defines and its files do not carry).
 */
export async function resultPage(
  files: SourceFile[],
  target: Target,
  measured: readonly FallbackFace[] = [],
): Promise<ResultPage> {
  if (target === "vue") {
    const { vuePreview } = await import("../../codegen/preview/vue-preview.js");
    const preview = await vuePreview(files, await previewRuntimeScript(), await vueRuntimeScripts());
    return { files: [{ path: "index.html", content: preview.html }], entry: "index.html" };
  }
  if (target === "svelte") {
    const { sveltePreview } = await import("../../codegen/preview/svelte-preview.js");
    const preview = await sveltePreview(files, await previewRuntimeScript(), await svelteRuntimeScript());
    return { files: [{ path: "index.html", content: preview.html }], entry: "index.html" };
  }
  if (target === "react-native") {
    const { reactNativePreview } = await import("../../codegen/preview/react-native-preview.js");
    const native = await bundledScript("react-native-runtime", "React Native's runtime");
    const preview = reactNativePreview(files, await previewRuntimeScript(), native, measured);
    return { files: [{ path: "index.html", content: preview.html }], entry: "index.html" };
  }
  if (target === "angular") {
    const { angularPreview } = await import("../../codegen/preview/angular-preview.js");
    const { compileAngular } = await import("./angular-compile.js");
    const script = await angularRuntimeScript();
    const preview = await angularPreview(files, await previewRuntimeScript(), { script, compile: compileAngular });
    return { files: [{ path: "index.html", content: preview.html }], entry: "index.html" };
  }
  if (target === "react") {
    const preview = await reactPreview(files, await previewRuntimeScript());
    return { files: [{ path: "index.html", content: preview.html }], entry: "index.html" };
  }
  const pages = files.filter((f) => /\.html?$/i.test(f.path)).map((f) => f.path);
  const entry = pages.find((p) => p.toLowerCase() === "index.html") ?? pages.sort()[0];
  if (entry === undefined) throw new Error("the files hold no HTML page to render");
  return { files, entry };
}
