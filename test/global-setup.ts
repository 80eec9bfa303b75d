/** Builds dist/ (CLI, plugin main thread, UI) once before any test file runs, so tests see the real bundles. */
import { spawnSync } from "node:child_process";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export default function setup(): void {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
  const build = spawnSync(process.execPath, ["esbuild.config.mjs"], { cwd: root, encoding: "utf8" });
  if (build.status !== 0) throw new Error(`build failed before the tests:\n${build.stderr}${build.stdout}`);
}
