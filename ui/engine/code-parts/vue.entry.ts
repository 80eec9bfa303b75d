/**
 * The `code-vue` part (see parts.ts): Vue's SFC compiler (codegen/emit/vue/compile.ts) and Vue's and vue-router's
 * runtime builds, which esbuild.config.mjs defines here; run by importScripts in the engine worker only for Vue output,
 * it registers itself. The document builder and Tailwind come from the code-preview part (target-preview.shim.ts).
 */
import { vuePreview } from "../../../codegen/preview/vue-preview.js";
import { registerVuePart } from "./parts.js";

declare const __FIGMENT_VUE_RUNTIME__: string;
declare const __FIGMENT_VUE_ROUTER_RUNTIME__: string;

registerVuePart({
  preview: (files, runtime) =>
    vuePreview(files, runtime, { vue: __FIGMENT_VUE_RUNTIME__, router: __FIGMENT_VUE_ROUTER_RUNTIME__ }),
});
