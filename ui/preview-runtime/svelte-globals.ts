/**
 * Svelte's client runtime for the Svelte preview (codegen/preview/svelte-preview.ts), bundled from the `svelte`
 * package into dist/svelte-runtime.js (esbuild.config.mjs) as Vue ships its global build: the modules the compiled
 * components import, which the preview runtime (runtime.ts) takes as built-ins.
 */
import * as svelte from "svelte";
import * as client from "svelte/internal/client";

(globalThis as unknown as { FigmentSvelte: Record<string, object> }).FigmentSvelte = {
  svelte,
  "svelte/internal/client": client,
};
