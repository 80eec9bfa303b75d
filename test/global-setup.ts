/**
 * Before any test file runs: builds dist/ (CLI, plugin main thread, UI) so tests see the real bundles (unless
 * FIGMENT_DIST_BUILT=1 says the caller just built it: .ci/run builds once for `npm test` and the starters), bundles
 * the plugin harness's host page once for the run (each browser test file would otherwise bundle it again), starts
 * the run's Chromium (test/helpers/chromium-server.ts) and its file server (test/helpers/static-server.ts), and makes
 * the run's cache directory (test/helpers/run-cache.ts).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { bundleHost, HOST_BUNDLE_ENV } from "./harness/plugin-page.js";
import { startSharedChromium } from "./helpers/chromium-server.js";
import { RUN_CACHE_ENV, runCacheSummary } from "./helpers/run-cache.js";
import { STATIC_ORIGIN_ENV, startStaticServer } from "./helpers/static-server.js";

/** Set by a caller that built dist/ itself just before the run (.ci/run). */
const DIST_BUILT_ENV = "FIGMENT_DIST_BUILT";

/**
 * Both test projects (vitest.config.ts) name this setup, and vitest calls it per project: the first call does the
 * work and the last teardown undoes it (one build, one host bundle, one run cache per run).
 */
interface SetupOnce {
  done: Promise<() => Promise<void>>;
  users: number;
}
const ONCE = Symbol.for("figment.test.globalSetup");

export default async function setup(): Promise<() => Promise<void>> {
  const shared = globalThis as unknown as { [ONCE]?: SetupOnce };
  const once = (shared[ONCE] ??= { done: setupRun(), users: 0 });
  once.users++;
  const teardown = await once.done;
  return async () => {
    if (--once.users > 0) return;
    delete shared[ONCE];
    await teardown();
  };
}

async function setupRun(): Promise<() => Promise<void>> {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
  if (process.env[DIST_BUILT_ENV] !== "1") {
    const build = spawnSync(process.execPath, ["esbuild.config.mjs"], { cwd: root, encoding: "utf8" });
    if (build.status !== 0) throw new Error(`build failed before the tests:\n${build.stderr}${build.stdout}`);
  }
  const stopChromium = startSharedChromium();
  // Rebuilt every run, so never stale; under node_modules/.cache, so never committed. Test files inherit the env.
  const cache = join(root, "node_modules", ".cache", "figment-test");
  mkdirSync(cache, { recursive: true });
  const host = join(cache, `harness-host-${process.pid}.js`);
  writeFileSync(host, await bundleHost(root));
  process.env[HOST_BUNDLE_ENV] = host;
  // The run's store of work several files repeat (renders of the same page): this run's only, removed after it.
  const runCache = join(cache, `run-${process.pid}`);
  rmSync(runCache, { recursive: true, force: true });
  mkdirSync(runCache);
  process.env[RUN_CACHE_ENV] = runCache;
  const files = await startStaticServer(root);
  process.env[STATIC_ORIGIN_ENV] = files.origin;
  const stop = await stopChromium;
  return async () => {
    // Its hit rate, so that keys that stop lining up between files show.
    const summary = runCacheSummary(runCache);
    if (summary.length > 0) console.log(`run cache: ${summary.join("; ")}`);
    rmSync(host, { force: true });
    rmSync(runCache, { recursive: true, force: true });
    delete process.env[STATIC_ORIGIN_ENV];
    await Promise.all([stop(), files.close()]);
  };
}
