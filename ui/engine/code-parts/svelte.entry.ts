/**
 * The `code-svelte` part (see parts.ts): Svelte's compiler (codegen/emit/svelte/compile.ts) and Svelte's client runtime
 * (dist/svelte-runtime.js, which esbuild.config.mjs defines here); run by importScripts in the engine worker only for
 * Svelte output, it registers itself. The document builder and Tailwind come from the code-preview part.
 */
import { sveltePreview } from "../../../codegen/preview/svelte-preview.js";
import { registerSveltePart } from "./parts.js";

declare const __FIGMENT_SVELTE_RUNTIME__: string;

registerSveltePart({
  preview: (files, runtime) => sveltePreview(files, runtime, __FIGMENT_SVELTE_RUNTIME__),
});
