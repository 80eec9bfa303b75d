// Builds everything into dist/:
//   dist/cli.js     the `figment` CLI (Node)
//   dist/code.js    the plugin's main thread (Figma sandbox: no DOM)
//   dist/ui.html    the plugin UI: one file, its script and styles inlined, and the codegen worker
//                   (ts-morph + prettier) inlined gzip+base64, unpacked only when first needed
// `node esbuild.config.mjs bench` also builds dist/bench.mjs; `--watch` rebuilds on change (npm run dev).
import { build, context } from "esbuild";
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import { gzipSync } from "node:zlib";

const watch = process.argv.includes("--watch");
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

const pluginMain = {
  entryPoints: ["plugin/main.ts"],
  outfile: "dist/code.js",
  bundle: true,
  platform: "neutral",
  format: "iife",
  target: "es2020",
  mainFields: ["module", "main"],
  logLevel: "warning",
};

const uiScript = {
  entryPoints: ["ui/main.tsx"],
  bundle: true,
  platform: "browser",
  format: "iife",
  target: "es2020",
  minify: true,
  write: false,
  jsx: "automatic",
  jsxImportSource: "preact",
  outdir: "dist/ui-parts",
  logLevel: "warning",
};

const worker = {
  entryPoints: ["ui/worker/codegen.worker.ts"],
  bundle: true,
  platform: "browser",
  format: "iife",
  target: "es2020",
  minify: true,
  write: false,
  outfile: "dist/ui-parts/worker.js",
  logLevel: "warning",
};

/** Inserts text into the template with a function replacer, so `$&` or `$1` in bundles stay literal. */
function inline(template, marker, text) {
  if (!template.includes(marker)) throw new Error(`ui/index.html has no ${marker}`);
  return template.replace(marker, () => text);
}

/** `</script>` inside a bundle would end the inline script early. */
const scriptSafe = (code) => code.replace(/<\/(script)/gi, "<\\/$1");

async function writeUiHtml(scriptResult, workerResult) {
  const template = await readFile("ui/index.html", "utf8");
  const js = scriptResult.outputFiles.find((f) => f.path.endsWith(".js"))?.text ?? "";
  const css = scriptResult.outputFiles.find((f) => f.path.endsWith(".css"))?.text ?? "";
  const workerJs = workerResult.outputFiles[0]?.contents ?? new Uint8Array();
  const packed = gzipSync(workerJs, { level: 9 }).toString("base64");
  let html = inline(template, "<!-- FIGMENT_STYLE -->", `<style>${css}</style>`);
  html = inline(html, "<!-- FIGMENT_WORKER -->", `<script type="application/octet-stream" id="figment-worker" data-encoding="gzip+base64">${packed}</script>`);
  html = inline(html, "<!-- FIGMENT_SCRIPT -->", `<script>${scriptSafe(js)}</script>`);
  await mkdir("dist", { recursive: true });
  await writeFile("dist/ui.html", html);
}

async function buildAll() {
  await build({ ...node, entryPoints: ["cli/main.ts"], outfile: "dist/cli.js", banner: { js: "#!/usr/bin/env node" } });
  await chmod("dist/cli.js", 0o755);
  await build(pluginMain);
  const [scriptResult, workerResult] = await Promise.all([build(uiScript), build(worker)]);
  await writeUiHtml(scriptResult, workerResult);
  if (process.argv.includes("bench")) {
    await build({ ...node, entryPoints: ["bench/run.ts"], outfile: "dist/bench.mjs" });
  }
}

if (!watch) {
  await buildAll();
} else {
  await buildAll();
  let last = { script: undefined, worker: undefined };
  const rebuildHtml = async () => {
    if (last.script && last.worker) await writeUiHtml(last.script, last.worker).catch((e) => console.error(e));
  };
  const onEnd = (key) => ({
    name: `ui-${key}`,
    setup(b) {
      b.onEnd(async (result) => {
        if (result.errors.length === 0) {
          last[key] = result;
          await rebuildHtml();
          console.log(`rebuilt dist/ui.html (${key})`);
        }
      });
    },
  });
  const contexts = await Promise.all([
    context(pluginMain),
    context({ ...uiScript, plugins: [onEnd("script")] }),
    context({ ...worker, plugins: [onEnd("worker")] }),
  ]);
  await Promise.all(contexts.map((c) => c.watch()));
  console.log("watching plugin/, ui/ and codegen/ for changes");
}
