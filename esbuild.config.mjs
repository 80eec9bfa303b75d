// Builds everything into dist/:
//   dist/cli.js     the `figment` CLI (Node)
//   dist/code.js    the plugin's main thread (Figma sandbox: no DOM)
//   dist/ui.html    the plugin UI: one file, its script and styles inlined
//   dist/preview-runtime.js  the React preview's runtime (ui/preview-runtime/), also defined in the worker
//                   as __FIGMENT_PREVIEW_RUNTIME__ (codegen/preview/runtime-source.ts); tests read the file
//   dist/svelte-runtime.js  Svelte's client runtime for the Svelte preview (CLI and tests)
//   dist/angular-runtime.js Angular's runtime for the Angular preview (CLI and tests)
// The engine worker (the code generator: ts-morph + prettier; every model request: the openai SDK) is bundled
// gzip+base64 into dist/code.js, which hands it to the UI on first use: inside ui.html it would delay every panel open
// by the time to receive and parse 2.8 MB. Its code parts are packed apart and loaded into the worker only before the
// jobs that need them (ui/engine/code-parts/): the formatter and the React preview (what an offline Code job needs),
// and ts-morph with TypeScript (~7 MB, for model-written files and Code Connect), so model, image and analysis jobs
// start light and Code jobs start sooner. So is the search worker (orama, ~25 KB gzipped), sent when the Search panel
// first opens: it kept ui.html over its 150 KB budget. And so are the panels other than Code (esbuild.panel-parts.mjs):
// each comes when it first opens, or in idle time after the first paint, which keeps ui.html within its 80 KB.
// `node esbuild.config.mjs bench` also builds dist/bench.mjs (`corpus`: dist/corpus.mjs, the corpus regenerator;
// `fonts`: dist/fonts.mjs, the font catalog's); `--extras-only` builds those alone, leaving the plugin's bundles as
// they are; `--watch` rebuilds on change (npm run dev).
import { build, context } from "esbuild";
import { chmod, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join, resolve as resolvePath } from "node:path";
import { gzipSync } from "node:zlib";
import { buildShellAndParts } from "./esbuild.panel-parts.mjs";
import { angularTypes } from "./esbuild.angular-types.mjs";
import { reactNativeTypes } from "./esbuild.react-native-types.mjs";

/** package.json's version: what a result's record says made it (ui/engine/figment-version.ts). */
const VERSION = JSON.parse(await readFile("package.json", "utf8")).version;

const watch = process.argv.includes("--watch");

/**
 * `import text from "tailwindcss/index.css?raw"`: the file's text in the bundle (the React preview's Tailwind
 * compiler, codegen/preview/tailwind-compile.ts, bundles Tailwind's own stylesheets so). Vitest serves the same
 * import as Vite's `?raw`.
 */
const rawText = {
  name: "raw-text",
  setup(b) {
    // Node's resolution (the package's exports), since the CLI's build keeps packages external.
    b.onResolve({ filter: /\?raw$/ }, (args) => ({
      path: createRequire(resolvePath(args.resolveDir, "_")).resolve(args.path.slice(0, -"?raw".length)),
      namespace: "raw-text",
    }));
    b.onLoad({ filter: /.*/, namespace: "raw-text" }, async (args) => ({
      contents: await readFile(args.path, "utf8"),
      loader: "text",
    }));
  },
};

/**
 * For the bundles that must not carry it (the engine, the panel's draft): a `?raw` import there means the Tailwind
 * compiler came in past the project pass shims, and the build fails saying so (esbuild alone would bundle the
 * stylesheet as CSS beside the script).
 */
const rawTextRefused = {
  name: "raw-text-refused",
  setup(b) {
    b.onResolve({ filter: /\?raw$/ }, (args) => ({
      errors: [
        {
          text:
            `${args.path} (imported by ${args.importer}) belongs to the ` +
            `code-format part (ui/engine/code-parts/), not to this bundle`,
        },
      ],
    }));
  },
};

const node = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // Runtime dependencies (ts-morph, prettier, playwright-core) load from node_modules.
  packages: "external",
  plugins: [rawText],
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

/** What every script for the UI iframe is: one minified IIFE, kept in memory until placed. */
const browserIife = {
  bundle: true,
  platform: "browser",
  format: "iife",
  // The panel runs in Figma's Chromium (desktop and browser), not in the main thread's sandbox: ES2022 syntax
  // (class fields, private methods) as written is 400 B smaller gzipped than lowered to ES2020.
  target: "es2022",
  minify: true,
  write: false,
  logLevel: "warning",
};

/** ui.html's script and the panel parts (esbuild.panel-parts.mjs adds their entries). */
const uiScript = {
  ...browserIife,
  jsx: "automatic",
  jsxImportSource: "preact",
  outdir: "dist/ui-parts",
};

/** Runs inside the React preview's sandboxed iframe; the worker inlines it into each preview document. */
const previewRuntime = {
  entryPoints: ["ui/preview-runtime/runtime.ts"],
  ...browserIife,
  outfile: "dist/preview-runtime.js",
};

/** Svelte's client runtime for the Svelte preview (ui/preview-runtime/svelte-globals.ts); the CLI reads the file. */
const svelteRuntime = {
  entryPoints: ["ui/preview-runtime/svelte-globals.ts"],
  ...browserIife,
  conditions: ["browser", "production"],
  write: true,
  outfile: "dist/svelte-runtime.js",
};

/**
 * The code-angular part: `process` in `@angular/compiler-cli`'s chunks is the stand-in's (ui/engine/code-parts/
 * node-builtins.shim.ts), and nowhere else in the part (TypeScript would take itself for Node).
 */
const NODE_SHIM = resolvePath("ui/engine/code-parts/node-builtins.shim.ts");
const angularCompilerProcess = {
  name: "angular-compiler-process",
  setup(b) {
    b.onLoad({ filter: /[\\/]@angular[\\/]compiler-cli[\\/]bundles[\\/].*\.js$/ }, async (args) => ({
      contents: `import { process } from ${JSON.stringify(NODE_SHIM)};\n${await readFile(args.path, "utf8")}`,
      loader: "js",
    }));
  },
};

/**
 * The Angular packages ship partially compiled declarations, which `@angular/compiler` would link in the page with
 * `new Function` (the preview's CSP has no 'unsafe-eval'): Angular's linker (its Babel plugin) links them here.
 */
const angularLinker = {
  name: "angular-linker",
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/]@angular[\\/].*\.m?js$/ }, async (args) => {
      const { transformAsync } = await import("@babel/core");
      const { default: linker } = await import("@angular/compiler-cli/linker/babel");
      const code = await readFile(args.path, "utf8");
      if (!code.includes("ɵɵngDeclare")) return { contents: code, loader: "js" };
      const out = await transformAsync(code, {
        filename: args.path,
        plugins: [linker],
        compact: false,
        babelrc: false,
        configFile: false,
        sourceMaps: false,
      });
      return { contents: out?.code ?? code, loader: "js" };
    });
  },
};

/** Angular's runtime for the Angular preview (ui/preview-runtime/angular-globals.ts); the CLI reads the file. */
const angularRuntime = {
  entryPoints: ["ui/preview-runtime/angular-globals.ts"],
  ...browserIife,
  plugins: [angularLinker],
  conditions: ["browser", "production"],
  define: { ngDevMode: "false" },
  write: true,
  outfile: "dist/angular-runtime.js",
};

/**
 * React Native's runtime for the React Native preview (ui/preview-runtime/react-native-globals.ts): React, react-dom,
 * react-native-web as `react-native`, react-native-svg's web build (its `.web.js` files first); the CLI reads the file.
 */
const reactNativeRuntime = {
  entryPoints: ["ui/preview-runtime/react-native-globals.ts"],
  ...browserIife,
  alias: { "react-native": "./ui/preview-runtime/react-native-web-shim.ts" },
  resolveExtensions: [".web.tsx", ".web.ts", ".web.js", ".tsx", ".ts", ".js", ".mjs", ".json"],
  define: { "process.env.NODE_ENV": '"production"', __DEV__: "false" },
  conditions: ["browser", "production"],
  write: true,
  outfile: "dist/react-native-runtime.js",
};

/** The tokenizer, loaded into the worker only for estimates (ui/engine/tokenizer.entry.ts). */
const tokenizer = {
  entryPoints: ["ui/engine/tokenizer.entry.ts"],
  ...browserIife,
  outfile: "dist/ui-parts/tokenizer.js",
};

/** The Search panel's orama index (ui/search-worker/), sent to the panel when Search first opens. */
const searchWorker = {
  entryPoints: ["ui/search-worker/search.worker.ts"],
  ...browserIife,
  outfile: "dist/ui-parts/search-worker.js",
};

/**
 * The emitters for the Code panel's instant draft (ui/code/draft-part.ts: codegen's design tree and emitters,
 * ~25 KB gz), run in the panel but sent by the main thread on first use, so ui.html stays within its budget.
 */
const draftPart = {
  entryPoints: ["ui/code/draft-part.ts"],
  ...browserIife,
  plugins: [rawTextRefused],
  outfile: "dist/ui-parts/draft.js",
};

/**
 * The formatter, the React preview and the project pass (prettier, Tailwind, ts-morph with TypeScript: ~9 of the
 * engine's 10 MB) come in the code parts (ui/engine/code-parts/): in the engine bundle, the three modules that bring
 * them in are replaced by shims that call into the parts once the host has loaded them, so a worker for model
 * requests, images or analysis starts light.
 */
const CODE_PART_SHIMS = new Map(
  [
    ["codegen/format/index.ts", "ui/engine/code-parts/format.shim.ts"],
    ["codegen/project/index.ts", "ui/engine/code-parts/project.shim.ts"],
    ["codegen/preview/react-preview.ts", "ui/engine/code-parts/react-preview.shim.ts"],
  ].map(([real, shim]) => [resolvePath(real), resolvePath(shim)]),
);

/**
 * In a target's preview part (code-vue, code-svelte, code-angular, code-react-native): react-preview.ts's calls go to
 * the code-preview part by its global alone, so the part's script names no other part's global (bench/plugin-util.ts
 * tells the parts apart by them).
 */
const TARGET_PART_SHIMS = new Map([
  ...CODE_PART_SHIMS,
  [resolvePath("codegen/preview/react-preview.ts"), resolvePath("ui/engine/code-parts/target-preview.shim.ts")],
]);

/** The shims in place of the real modules, but for those of the part being built (`own`). */
const codePartShims = (own = [], shims = CODE_PART_SHIMS) => ({
  name: "code-part-shims",
  setup(b) {
    const kept = new Set(own.map((path) => resolvePath(path)));
    b.onResolve({ filter: /(format|project)\/index(\.js)?$|react-preview(\.js)?$/ }, (args) => {
      if (!args.path.startsWith(".")) return undefined;
      const real = resolvePath(args.resolveDir, args.path.replace(/\.js$/, "") + ".ts");
      const shim = kept.has(real) ? undefined : shims.get(real);
      return shim ? { path: shim } : undefined;
    });
  },
});

const engine = {
  entryPoints: ["ui/engine/engine.worker.ts"],
  // The tokenizer comes separately, on demand (see `tokenizer`).
  alias: { "gpt-tokenizer/encoding/o200k_base": "./ui/engine/tokenizer-shim.ts" },
  // The Tailwind compiler and its stylesheets belong to the code-format part: one reaching the engine fails its build.
  plugins: [codePartShims(), rawTextRefused],
  ...browserIife,
  outfile: "dist/ui-parts/engine.js",
};

/**
 * For a worker bundle holding codegen/format: its wasm formatters load through web-fmt-load.browser.ts, which imports
 * the wasm itself (as base64 text, with `loader: { ".wasm": "base64" }`; decoded when first used), where Node reads the
 * file.
 */
const WEB_FMT_LOAD = resolvePath("codegen/format/web-fmt-load.ts");
const webFmtInWorker = {
  name: "web-fmt-in-worker",
  setup(b) {
    b.onResolve({ filter: /\/web-fmt-load(\.js)?$/ }, (args) => {
      const real = resolvePath(args.resolveDir, args.path.replace(/\.js$/, "") + ".ts");
      return real === WEB_FMT_LOAD ? { path: resolvePath("codegen/format/web-fmt-load.browser.ts") } : undefined;
    });
  },
};

/** The code parts, loaded into the engine worker before the jobs that need them (ui/engine/code-parts/), by name. */
const CODE_PARTS = {
  // What an offline Code job waits for: the React preview (sucrase, Tailwind's compiler and stylesheets).
  "code-preview": {
    entryPoints: ["ui/engine/code-parts/preview.entry.ts"],
    ...browserIife,
    plugins: [codePartShims(["codegen/preview/react-preview.ts"]), rawText],
    outfile: "dist/ui-parts/code-preview.js",
  },
  // The formatters (prettier, the wasm ones), sent after the offline job: Tailwind reaching them fails the build.
  "code-format": {
    entryPoints: ["ui/engine/code-parts/format.entry.ts"],
    ...browserIife,
    loader: { ".wasm": "base64" },
    plugins: [codePartShims(["codegen/format/index.ts"]), rawTextRefused, webFmtInWorker],
    outfile: "dist/ui-parts/code-format.js",
  },
  // The formatter and the preview are the other parts': a module of theirs here would be a second copy.
  "code-check": {
    entryPoints: ["ui/engine/code-parts/check.entry.ts"],
    ...browserIife,
    plugins: [codePartShims(["codegen/project/index.ts"]), rawTextRefused],
    outfile: "dist/ui-parts/code-check.js",
  },
  // A target's own compiler and runtime for its preview, sent only for output in that target (contract/targets.ts);
  // the document builder and Tailwind are the code-preview part's.
  "code-vue": {
    entryPoints: ["ui/engine/code-parts/vue.entry.ts"],
    ...browserIife,
    plugins: [codePartShims([], TARGET_PART_SHIMS), rawTextRefused],
    outfile: "dist/ui-parts/code-vue.js",
  },
  "code-svelte": {
    entryPoints: ["ui/engine/code-parts/svelte.entry.ts"],
    ...browserIife,
    conditions: ["browser", "production"],
    plugins: [codePartShims([], TARGET_PART_SHIMS), rawTextRefused],
    outfile: "dist/ui-parts/code-svelte.js",
  },
  "code-react-native": {
    entryPoints: ["ui/engine/code-parts/react-native.entry.ts"],
    ...browserIife,
    plugins: [codePartShims([], TARGET_PART_SHIMS), rawTextRefused],
    outfile: "dist/ui-parts/code-react-native.js",
  },
  // ngtsc with TypeScript, in memory: Node's modules that its chunks name at load stand in (never called), `path` is
  // path-browserify (ts-morph's, for its own browser build).
  "code-angular": {
    entryPoints: ["ui/engine/code-parts/angular.entry.ts"],
    ...browserIife,
    alias: Object.fromEntries([
      ...["fs", "module", "os", "url"].map((m) => [m, NODE_SHIM]),
      ["path", "path-browserify"],
    ]),
    plugins: [codePartShims([], TARGET_PART_SHIMS), rawTextRefused, angularCompilerProcess],
    outfile: "dist/ui-parts/code-angular.js",
  },
};

/**
 * The runtimes the target preview parts carry as text: Vue's and vue-router's global builds, Svelte's client runtime,
 * React Native's and Angular's (dist/svelte-runtime.js, dist/react-native-runtime.js, dist/angular-runtime.js, built
 * before the parts); the declarations ngtsc reads in the code-angular part (esbuild.angular-types.mjs); and, for the
 * code-check part, the declarations the model path type-checks React Native against (esbuild.react-native-types.mjs).
 */
async function targetRuntimes() {
  const require = createRequire(import.meta.url);
  const text = async (path) => JSON.stringify(await readFile(path, "utf8"));
  return {
    __FIGMENT_VUE_RUNTIME__: await text(require.resolve("vue/dist/vue.runtime.global.prod.js")),
    __FIGMENT_VUE_ROUTER_RUNTIME__: await text(require.resolve("vue-router/dist/vue-router.global.prod.js")),
    __FIGMENT_SVELTE_RUNTIME__: await text("dist/svelte-runtime.js"),
    __FIGMENT_REACT_NATIVE_RUNTIME__: await text("dist/react-native-runtime.js"),
    __FIGMENT_ANGULAR_RUNTIME__: await text("dist/angular-runtime.js"),
    __FIGMENT_ANGULAR_TYPES__: JSON.stringify(angularTypes()),
    __FIGMENT_REACT_NATIVE_TYPES__: JSON.stringify(reactNativeTypes()),
  };
}

/** Each code part built and packed, by name. */
async function packCodeParts() {
  const define = await targetRuntimes();
  const built = await Promise.all(
    Object.entries(CODE_PARTS).map(async ([name, options]) => [name, pack(await build({ ...options, define }))]),
  );
  return Object.fromEntries(built);
}

async function writePreviewRuntime(result) {
  const js = result.outputFiles[0]?.text ?? "";
  await mkdir("dist", { recursive: true });
  await writeFile("dist/preview-runtime.js", js);
  return js;
}

/** The engine worker with the preview runtime defined in it. */
const engineWith = (runtimeJs) => ({
  ...engine,
  define: { __FIGMENT_PREVIEW_RUNTIME__: JSON.stringify(runtimeJs), __FIGMENT_VERSION__: JSON.stringify(VERSION) },
});

/** Inserts text into the template with a function replacer, so `$&` or `$1` in bundles stay literal. */
function inline(template, marker, text) {
  if (!template.includes(marker)) throw new Error(`ui/index.html has no ${marker}`);
  return template.replace(marker, () => text);
}

/** `</script>` inside a bundle would end the inline script early. */
const scriptSafe = (code) => code.replace(/<\/(script)/gi, "<\\/$1");

/** The panel before `init`, rendered by the App itself (ui/shell/prerender.tsx), as HTML for ui.html's #app. */
async function prerenderedPanel() {
  const result = await build({
    ...node,
    entryPoints: ["ui/shell/prerender.tsx"],
    packages: undefined,
    sourcemap: false,
    write: false,
    jsx: "automatic",
    jsxImportSource: "preact",
    loader: { ".css": "empty" },
  });
  const { prerenderPanel } = await import(
    `data:text/javascript;base64,${Buffer.from(result.outputFiles[0].text).toString("base64")}`
  );
  return prerenderPanel();
}

/** ui.html's one running script, which starts the panel's after the first paint (ui/shell/start-panel.ts). */
const startPanel = { ...browserIife, entryPoints: ["ui/shell/start-panel.ts"] };

async function writeUiHtml(scriptResult) {
  const template = await readFile("ui/index.html", "utf8");
  const js = scriptResult.outputFiles.find((f) => f.path.endsWith(".js"))?.text ?? "";
  const css = scriptResult.outputFiles.find((f) => f.path.endsWith(".css"))?.text ?? "";
  const [panel, starter] = await Promise.all([prerenderedPanel(), build(startPanel)]);
  let html = inline(template, "<!-- FIGMENT_STYLE -->", `<style>${css}</style>`);
  html = inline(html, "<!-- FIGMENT_PANEL -->", panel);
  // The type and id are ui/shell/panel-script.ts's (test/manifest.test.ts holds this file to them).
  html = inline(
    html,
    "<!-- FIGMENT_SCRIPT -->",
    `<script type="text/x-figment-panel" ` +
      `id="figment-panel-script">${scriptSafe(js)}</script>` +
      `<script>${scriptSafe(starter.outputFiles[0].text)}</script>`,
  );
  await mkdir("dist", { recursive: true });
  await writeFile("dist/ui.html", html);
}

const pack = (result) =>
  gzipSync(result?.outputFiles[0]?.contents ?? new Uint8Array(), { level: 9 }).toString("base64");
let packedTokenizer = "";
let packedSearchWorker = "";
let packedDraft = "";
/** The code parts, packed, by name. */
let packedCodeParts = {};
/** The panel parts, packed, by name. */
let packedPanelParts = {};

/** The main thread with the packed workers and tokenizer defined in it (plugin/panel/worker-payload.ts). */
function pluginMainWith(engineResult) {
  return {
    ...pluginMain,
    define: {
      __FIGMENT_ENGINE__: JSON.stringify(pack(engineResult)),
      __FIGMENT_TOKENIZER__: JSON.stringify(packedTokenizer),
      __FIGMENT_CODE_PARTS__: JSON.stringify(packedCodeParts),
      __FIGMENT_SEARCH_WORKER__: JSON.stringify(packedSearchWorker),
      __FIGMENT_DRAFT__: JSON.stringify(packedDraft),
      __FIGMENT_PANEL_PARTS__: JSON.stringify(packedPanelParts),
    },
  };
}

/** The bundles named on the command line beside the plugin's (bench, fonts, corpus). */
async function buildExtras() {
  if (process.argv.includes("bench")) {
    await build({ ...node, entryPoints: ["bench/run.ts"], outfile: "dist/bench.mjs" });
    // The layers builder on the simulator (needs Figma's typings, so the bench loads it by path: bench/layers-d2c.ts).
    await build({ ...node, entryPoints: ["test/figma-sim/page-build.ts"], outfile: "dist/page-build.mjs" });
  }
  if (process.argv.includes("fonts")) {
    await build({ ...node, entryPoints: ["test/fonts/regenerate.ts"], outfile: "dist/fonts.mjs" });
  }
  if (process.argv.includes("corpus")) {
    await build({ ...node, entryPoints: ["test/corpus/regenerate.ts"], outfile: "dist/corpus.mjs" });
  }
}

/**
 * The `figment` binary, split: dist/cli.js holds the command table and the parsers, and each command's run (with
 * the compilers, ts-morph, prettier, Chromium's driver and the model client it imports) is a chunk beside it that
 * loads when that command runs. One bundle loaded all of them for every command: `figment --help` took 1.9 s of CPU.
 * The chunks sit in dist/ itself, where the modules that find files beside the binary (import.meta.url) expect them.
 */
async function buildCli() {
  for (const file of await readdir("dist").catch(() => []))
    if (/^cli-chunk-/.test(file)) await rm(join("dist", file), { force: true });
  await build({
    ...node,
    entryPoints: { cli: "cli/main.ts" },
    outdir: "dist",
    splitting: true,
    chunkNames: "cli-chunk-[hash]",
    banner: { js: "#!/usr/bin/env node" },
  });
  await chmod("dist/cli.js", 0o755);
}

async function buildAll() {
  await buildCli();
  const runtimeJs = await writePreviewRuntime(await build(previewRuntime));
  await build(svelteRuntime);
  await build(angularRuntime);
  await build(reactNativeRuntime);
  // The CLI's model path type-checks a React Native answer against these (cli/code/ai.ts), as the check part does.
  await writeFile("dist/react-native-types.json", JSON.stringify(reactNativeTypes()));
  packedTokenizer = pack(await build(tokenizer));
  packedSearchWorker = pack(await build(searchWorker));
  packedDraft = pack(await build(draftPart));
  packedCodeParts = await packCodeParts();
  const [ui, engineResult] = await Promise.all([buildShellAndParts(uiScript, uiScript), build(engineWith(runtimeJs))]);
  packedPanelParts = ui.parts;
  await build(pluginMainWith(engineResult));
  await writeUiHtml(ui.shell);
  await buildExtras();
}

if (process.argv.includes("--extras-only")) {
  // The extras alone, the plugin's bundles left as they are: a test building the bench while other tests read
  // dist/code.js and dist/ui.html must not rewrite them under their feet (test/bench-quick.test.ts).
  await buildExtras();
} else if (!watch) {
  await buildAll();
} else {
  await buildAll();
  let lastWorker;
  const onEnd = (name, action) => ({
    name,
    setup(b) {
      b.onEnd(async (result) => {
        if (result.errors.length > 0) return;
        await action(result).catch((e) => console.error(e));
        console.log(`rebuilt (${name})`);
      });
    },
  });
  // The runtime is a define of the worker: when it changes, the worker's context is made again with it.
  let workerContext;
  let workerSwap = Promise.resolve();
  const watchWorker = (runtimeJs) =>
    (workerSwap = workerSwap.then(async () => {
      await workerContext?.dispose();
      workerContext = await context({
        ...engineWith(runtimeJs),
        plugins: [
          ...engine.plugins,
          onEnd("worker", async (result) => {
            lastWorker = result;
            packedCodeParts = await packCodeParts();
            await build(pluginMainWith(result));
          }),
        ],
      });
      await workerContext.watch();
    }));
  const contexts = await Promise.all([
    // Any change under ui/ builds the shell and the parts again (they depend on each other), then dist/code.js.
    context({
      ...uiScript,
      entryPoints: ["ui/main.tsx"],
      plugins: [
        onEnd("ui", async () => {
          const ui = await buildShellAndParts(uiScript, uiScript);
          packedPanelParts = ui.parts;
          await writeUiHtml(ui.shell);
          if (lastWorker) await build(pluginMainWith(lastWorker));
        }),
      ],
    }),
    context({
      ...previewRuntime,
      plugins: [onEnd("preview runtime", async (result) => watchWorker(await writePreviewRuntime(result)))],
    }),
    context({
      ...pluginMain,
      write: false,
      plugins: [onEnd("main", () => (lastWorker ? build(pluginMainWith(lastWorker)) : Promise.resolve()))],
    }),
  ]);
  await Promise.all(contexts.map((c) => c.watch()));
  console.log("watching plugin/, ui/, contract/, codegen/ and kernel/ for changes");
}
