/**
 * Svelte's client runtime for the Svelte preview (codegen/preview/svelte-preview.ts), bundled from the `svelte`
 * package into dist/svelte-runtime.js (esbuild.config.mjs) as Vue ships its global build: the modules the compiled
 * components import, which the preview runtime (runtime.ts) takes as built-ins.
 */
import * as svelte from "svelte";
import * as client from "svelte/internal/client";

/**
 * A module marked as an ES module whose bindings stay live: the compiled components' imports (sucrase's CommonJS)
 * would otherwise read a copy taken before `mount` set them (`$.window`, `<svelte:window>`'s target, was undefined).
 */
function live(ns: object): object {
  const out: Record<string, unknown> = {};
  Object.defineProperty(out, "__esModule", { value: true });
  for (const key of Object.keys(ns))
    Object.defineProperty(out, key, { get: () => (ns as Record<string, unknown>)[key], enumerable: true });
  return out;
}

(globalThis as unknown as { FigmentSvelte: Record<string, object> }).FigmentSvelte = {
  svelte: live(svelte),
  "svelte/internal/client": live(client),
};
