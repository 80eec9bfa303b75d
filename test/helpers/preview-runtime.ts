/** The React preview's runtime for Node-side tests: dist/preview-runtime.js, which test/global-setup.ts builds. */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const PREVIEW_RUNTIME_PATH = join(ROOT, "dist/preview-runtime.js");

let cached: string | undefined;

/** The minified runtime script, as the worker embeds it. */
export function previewRuntimeForTests(): string {
  if (cached !== undefined) return cached;
  if (!existsSync(PREVIEW_RUNTIME_PATH))
    throw new Error(`${PREVIEW_RUNTIME_PATH} is missing: run \`node esbuild.config.mjs\` (vitest's global setup does)`);
  cached = readFileSync(PREVIEW_RUNTIME_PATH, "utf8");
  return cached;
}
