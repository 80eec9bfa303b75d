/**
 * The React preview's runtime script (ui/preview-runtime/runtime.ts, minified), which esbuild.config.mjs
 * defines in the engine worker's bundle only. Node (CLI, tests) reads dist/preview-runtime.js instead.
 */
import { definedText } from "../../kernel/defined.js";

declare const __FIGMENT_PREVIEW_RUNTIME__: string;

/** The preview runtime's script, or undefined outside the worker bundle. */
export function previewRuntime(): string | undefined {
  return definedText(() => __FIGMENT_PREVIEW_RUNTIME__);
}
