// The panel parts: Image (with the Rows mode), Analyze, Search, History and Settings are bundled apart from
// ui.html and packed (gzip+base64 of { js, css }) into dist/code.js (`__FIGMENT_PANEL_PARTS__`), which hands
// each to the panel when it first opens (`get-ui-part`; ui/parts/load-part.ts). A Figma plugin's UI is one HTML
// string and cannot fetch files, so lazy code must travel this way.
//
// A part must not carry a second copy of what ui.html already has (a second preact breaks hooks; a second
// registry or store splits state). So every module the shell's bundle holds is taken from the shell: the shell
// registers those modules' namespaces in `globalThis.__figmentShell` (an array), and in a part each import of
// such a module becomes `module.exports = <that namespace>`. Which modules those are is found by building:
// shell → what the parts use of it → shell registering exactly those → … until the list no longer changes
// (registering a namespace keeps all its exports, which may pull a few more modules into the shell).
import { build } from "esbuild";
import { relative } from "node:path";
import { gzipSync } from "node:zlib";

/** Each panel part's entry: it defines the panel's keeper in ui/parts/registry.ts. */
export const PANEL_PART_ENTRIES = {
  image: "ui/image/image-part.tsx",
  analyze: "ui/analyze/analyze-part.tsx",
  search: "ui/search/search-part.tsx",
  history: "ui/history/history-part.tsx",
  settings: "ui/settings/settings-part.tsx",
  // Not a panel: "Insert as layers" (its bar, job and page sources), loaded when a Code result or Paste HTML shows.
  layers: "ui/code/layers/layers-part.tsx",
};

const SHELL_GLOBAL = "__figmentShell";
const SHELL_NAMESPACE = "figment-shell";
const MAX_ROUNDS = 6;

const key = (path) => relative(process.cwd(), path).split("\\").join("/");

/** The modules in a build's script (not its CSS), by path from the repository. */
function scriptInputs(result) {
  const [, output] = Object.entries(result.metafile.outputs).find(([path]) => path.endsWith(".js"));
  return new Set(Object.keys(output.inputs));
}

/** ui/main.tsx, and after it the registry of the shell modules the parts take (`shared`, in that order). */
function shellEntry(shared) {
  const imports = shared.map((path, i) => `import * as m${i} from ${JSON.stringify(`./${path}`)};`);
  const register =
    shared.length > 0 ? `globalThis.${SHELL_GLOBAL} = [${shared.map((_, i) => `m${i}`).join(", ")}];` : "";
  return {
    contents: ['import "./ui/main.tsx";', ...imports, register].join("\n"),
    resolveDir: process.cwd(),
    sourcefile: "ui/shell-entry.tsx",
    loader: "tsx",
  };
}

/** In a part: an import of a module the shell holds becomes that module from the shell's registry. */
function fromShell(shellModules, shared, used) {
  return {
    name: "figment-from-shell",
    setup(b) {
      b.onResolve({ filter: /.*/ }, async (args) => {
        if (args.kind === "entry-point" || args.pluginData?.fromShell) return undefined;
        const resolved = await b.resolve(args.path, {
          kind: args.kind,
          importer: args.importer,
          resolveDir: args.resolveDir,
          pluginData: { fromShell: true },
        });
        if (resolved.errors.length > 0 || resolved.external || !shellModules.has(key(resolved.path)))
          return resolved.errors.length > 0 ? undefined : resolved;
        used.add(key(resolved.path));
        // ".cjs": esbuild takes a path's extension for its module kind (a ".mjs" would be ESM, without exports).
        return { path: `${key(resolved.path)}.cjs`, namespace: SHELL_NAMESPACE };
      });
      // The shell's namespace as a CommonJS module marked __esModule (so default imports work); its prototype
      // is the namespace, so every import stays a live binding.
      b.onLoad({ filter: /.*/, namespace: SHELL_NAMESPACE }, (args) => ({
        contents:
          `module.exports = ` +
          `Object.create(globalThis.${SHELL_GLOBAL}[` +
          `${shared.indexOf(args.path.slice(0, -".cjs".length))}], { __esModule: { value: true } });`,
        loader: "js",
      }));
    },
  };
}

async function buildParts(options, shellModules, shared) {
  const used = new Set();
  const built = await Promise.all(
    Object.entries(PANEL_PART_ENTRIES).map(async ([name, entry]) => [
      name,
      await build({
        ...options,
        entryPoints: [entry],
        metafile: true,
        plugins: [fromShell(shellModules, shared, used)],
      }),
    ]),
  );
  return { results: Object.fromEntries(built), used: [...used].sort() };
}

/** Checks what must hold of the parts: no preact of their own, no module twice in ui.html and a part. */
function checkParts(parts, shellModules) {
  for (const [name, result] of Object.entries(parts)) {
    for (const input of scriptInputs(result)) {
      if (input.startsWith(`${SHELL_NAMESPACE}:`)) continue;
      if (/node_modules\/preact\//.test(input))
        throw new Error(`panel part ${name} bundles ${input}: it must come from the shell`);
      if (shellModules.has(input)) throw new Error(`panel part ${name} bundles ${input}, which ui.html holds too`);
    }
  }
}

/** One part as it travels: gzip -9 of JSON { js, css }, base64. */
function packPart(result) {
  const text = (ext) => result.outputFiles.find((f) => f.path.endsWith(ext))?.text ?? "";
  const json = JSON.stringify({ js: text(".js"), css: text(".css") });
  return gzipSync(Buffer.from(json, "utf8"), { level: 9 }).toString("base64");
}

/**
 * Builds ui.html's script (`shellOptions`: the options for ui/main.tsx, without entryPoints) and the panel parts
 * (`partOptions`, likewise). Returns the shell's result (JS and CSS outputs) and the packed parts by name.
 */
export async function buildShellAndParts(shellOptions, partOptions) {
  let shared = [];
  let shell = await build({ ...shellOptions, stdin: shellEntry(shared), metafile: true });
  for (let round = 0; round < MAX_ROUNDS; round++) {
    if (process.env.FIGMENT_PARTS_DEBUG) console.log(`panel parts: round ${round}, ${shared.length} shared modules`);
    const shellModules = scriptInputs(shell);
    const parts = await buildParts(partOptions, shellModules, shared);
    if (parts.used.join("\n") === shared.join("\n")) {
      checkParts(parts.results, shellModules);
      return {
        shell,
        shared,
        partResults: parts.results,
        parts: Object.fromEntries(Object.entries(parts.results).map(([name, result]) => [name, packPart(result)])),
      };
    }
    shared = parts.used;
    shell = await build({ ...shellOptions, stdin: shellEntry(shared), metafile: true });
  }
  throw new Error(`the panel parts' shared modules did not settle in ${MAX_ROUNDS} builds`);
}
