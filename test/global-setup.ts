/**
 * Before any test file runs: builds dist/ (CLI, plugin main thread, UI) so tests see the real bundles, and bundles
 * the plugin harness's host page once for the run (each browser test file would otherwise bundle it again).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { bundleHost, HOST_BUNDLE_ENV } from "./harness/plugin-page.js";

export default async function setup(): Promise<() => void> {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
  const build = spawnSync(process.execPath, ["esbuild.config.mjs"], { cwd: root, encoding: "utf8" });
  if (build.status !== 0) throw new Error(`build failed before the tests:\n${build.stderr}${build.stdout}`);
  // Rebuilt every run, so never stale; under node_modules/.cache, so never committed. Test files inherit the env.
  const cache = join(root, "node_modules", ".cache", "figment-test");
  mkdirSync(cache, { recursive: true });
  const host = join(cache, `harness-host-${process.pid}.js`);
  writeFileSync(host, await bundleHost(root));
  process.env[HOST_BUNDLE_ENV] = host;
  return () => rmSync(host, { force: true });
}
