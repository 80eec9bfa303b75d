// Builds the `figment` CLI (dist/cli.js). `node esbuild.config.mjs bench` also builds dist/bench.mjs.
// The plugin's main-thread and UI bundles join here with the plugin issue.
import { build } from "esbuild";
import { chmod } from "node:fs/promises";

const node = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // Runtime dependencies (ts-morph, prettier, playwright-core) load from node_modules.
  packages: "external",
  sourcemap: true,
  logLevel: "warning",
};

await build({ ...node, entryPoints: ["cli/main.ts"], outfile: "dist/cli.js", banner: { js: "#!/usr/bin/env node" } });
await chmod("dist/cli.js", 0o755);

if (process.argv.includes("bench")) {
  await build({ ...node, entryPoints: ["bench/run.ts"], outfile: "dist/bench.mjs" });
}
