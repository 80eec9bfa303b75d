/**
 * The React preview's runtime script (ui/preview-runtime/runtime.ts, minified), which esbuild.config.mjs
 * defines in the codegen worker's bundle only. Node (CLI, tests) reads dist/preview-runtime.js instead.
 */
declare const __FIGMENT_PREVIEW_RUNTIME__: string;

/** Read in exactly one place, so the bundle holds one copy of the string. */
function definedRuntime(): unknown {
  try {
    return __FIGMENT_PREVIEW_RUNTIME__;
  } catch {
    // Not defined: not the worker bundle (a unit test, the CLI, the UI's own bundle).
    return undefined;
  }
}

/** The preview runtime's script, or undefined outside the worker bundle. */
export function previewRuntime(): string | undefined {
  const runtime = definedRuntime();
  return typeof runtime === "string" && runtime.length > 0 ? runtime : undefined;
}
