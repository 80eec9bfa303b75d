/**
 * The React preview: a project's own files (the model's, refined by conversation, or the offline
 * emitter's) as one self-contained HTML document that runs them in a sandboxed iframe. Every script is
 * transpiled here with sucrase (types stripped, JSX for React's automatic runtime, CommonJS); nothing is executed
 * here. Sucrase, not TypeScript: 200 KB instead of 3.5 MB in the worker's code-format part, and ~10× faster
 * (issue 41); it checks no types, as `transpileModule` did not either. The document carries a strict CSP (no network:
 * no connect-src, images and fonts only as data:), the modules as JSON, and the preview runtime
 * (ui/preview-runtime/runtime.ts: preact/compat under React's names, a CommonJS loader, CSS injection, an error box).
 * Pure: no DOM, no Node; runs in the engine worker.
 *
 * What gets mounted into #root (the runtime follows `PreviewData.entry`):
 * 1. `src/main.{tsx,jsx,ts,js}` (or `src/index.{tsx,jsx}`, `main.tsx`, `index.tsx`) when it imports
 *    react-dom: it runs and mounts the app itself, as in a Vite project.
 * 2. Otherwise the prototype's screens, when src/routes.ts lists them (`routes: { path, Screen }[]`), behind the
 *    runtime's router: the links go from screen to screen in place.
 * 3. Otherwise (or when it mounted nothing) the first component found, in this order of files:
 *    `src/App.*`, `App.*`, `src/index.*`, `index.*`, `src/screens/*`, `src/pages/*`, then every other script
 *    in path order. A file's component is its default export, else its `App` export, else its first
 *    PascalCase function export.
 *
 * Packages other than react/react-dom (and clsx/classnames, react-router) are not provided: they are reported as
 * problems here, and importing one shows an error in the preview. Tailwind is compiled by Tailwind's own
 * compiler (tailwind-compile.ts, async: `reactPreview` compiles, then builds; `buildReactPreview` alone
 * takes the compiled stylesheets, and without them reports Tailwind's classes as unstyled). The CSP stops
 * fetch/XHR/beacons/images/fonts/WebSockets; it cannot stop a frame from navigating itself (see PREVIEW_HOST_CSP) nor
 * WebRTC's STUN packets (Chromium has no CSP directive for them). The preview holds only the design's code, no key.
 */
import { transform } from "sucrase";
import { ASSET_MIME, assetDataUrl, dirname, extension, resolvePath } from "../file-paths.js";
import type { Problem, SourceFile } from "../types.js";
import { inlineCssImports, rewriteCssUrls, scopeCssModule, type CssResolver } from "./css.js";
import { fontsourceGoogleHref, isGoogleFontsHref } from "../fonts/fontsource.js";
import { GOOGLE_FONTS_CSS, GOOGLE_FONTS_FILES } from "../fonts/output.js";
import { BUILTIN_MODULES, PREVIEW_DATA_ID, type PreviewData, type PreviewEntry, type PreviewModule } from "./data.js";
import { scriptSafe } from "./page-script.js";
import { compileTailwind, usesTailwind, type TailwindBuild } from "./tailwind-compile.js";

/** Tailwind's compiler on a static page's files (ai/code/page.ts): here, so the engine reaches it through the part. */
export { compileTailwind };

/**
 * The preview document's policy: inline scripts and styles, data: images and fonts; no network but Google
 * Fonts' stylesheets and font files (the design's fonts: the one request the code may make, to Google only).
 */
export const REACT_PREVIEW_CSP =
  `default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline' ` +
  `${GOOGLE_FONTS_CSS}; img-src data:; font-src data: ${GOOGLE_FONTS_FILES}`;

/** The iframe's sandbox: scripts, but no same-origin (so no access to the UI, its storage or its key). */
export const REACT_PREVIEW_SANDBOX = "allow-scripts";

/**
 * For the page that embeds the preview (ui.html), as a CSP meta. A frame may navigate itself anywhere
 * (`location.href = "https://…?data"`) and no directive of its own CSP stops that; the embedding page's
 * `frame-src` does. srcdoc frames are not subject to it, so both previews keep working.
 */
export const PREVIEW_HOST_CSP = "frame-src 'none'";

export interface ReactPreview {
  html: string;
  problems: Problem[];
}

const SCRIPT = /\.(?:tsx?|jsx?|mjs|cjs|mts|cts)$/i;
const STYLE = /\.(?:css|scss|sass|less)$/i;
const CSS_MODULE = /\.module\.(?:css|scss|sass|less)$/i;
/** Extensions tried, in order, for an import without one (then `/index` + each). */
const RESOLVE_EXTENSIONS = [".tsx", ".ts", ".jsx", ".js", ".mjs", ".cjs", ".json"];

type Resolved =
  | { kind: "builtin"; id: string }
  | { kind: "file"; path: string }
  | { kind: "missing"; path: string }
  | { kind: "package"; name: string };

/** Where `spec`, imported from `from`, points: a built-in, a project file, a missing file or a package. */
function resolveSpecifier(
  from: string,
  spec: string,
  exists: (path: string) => boolean,
  builtins: readonly string[],
): Resolved {
  const clean = spec.replace(/[?#].*$/, "");
  if (builtins.includes(clean)) return { kind: "builtin", id: clean };
  let base: string;
  if (clean.startsWith("./") || clean.startsWith("../") || clean === "." || clean === "..")
    base = resolvePath(dirname(from), clean);
  else if (clean.startsWith("@/") || clean.startsWith("~/")) base = resolvePath("src", clean.slice(2));
  else if (clean.startsWith("/")) base = resolvePath("", clean);
  else {
    const parts = clean.split("/");
    return { kind: "package", name: clean.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]! };
  }
  const candidates = [
    base,
    ...RESOLVE_EXTENSIONS.map((e) => base + e),
    ...RESOLVE_EXTENSIONS.map((e) => `${base}/index${e}`),
  ];
  // ESM-style `./Header.js` for `Header.tsx`; root-relative assets may live in Vite's public/.
  if (/\.(?:js|jsx|mjs)$/.test(base))
    candidates.push(base.replace(/\.m?jsx?$/, ".tsx"), base.replace(/\.m?jsx?$/, ".ts"));
  if (clean.startsWith("/")) candidates.push(resolvePath("public", clean));
  const found = candidates.find(exists);
  return found !== undefined ? { kind: "file", path: found } : { kind: "missing", path: base };
}

interface Transpiled {
  path: string;
  code: string;
  /** Specifiers the output requires (type-only imports are gone by then). */
  requires: string[];
  syntaxError?: string;
}

/** `require("x")` as sucrase writes an import (and as plain JS files write it). */
const REQUIRE_CALL = /\brequire\(\s*(["'])([^"'\n]+)\1\s*\)/g;
/**
 * `import … from "x"`, `export … from "x"`, `import "x"` (not `import type`): a file's imports when it does not parse.
 */
const WRITTEN_IMPORT = new RegExp(
  String.raw`^[ \t]*(?:import(?![ \t]+type\b)|export)\b[^'";]*?\bfrom[ ` +
    String.raw`\t]*(["'])([^"'\n]+)\1|^[ \t]*import[ \t]*(["'])([^"'\n]+)\3`,
  "gm",
);
/** A namespace with values: sucrase drops it (it keeps only type-only ones), so the preview would miss its code. */
const VALUE_NAMESPACE = /^[ \t]*(?:export[ \t]+)?(?:namespace|module)[ \t]+[A-Za-z_$][\w$.]*[ \t]*\{/m;

/** Sucrase's syntax error: "Error transforming <path>: <message> (line:column)", with `loc` (1-based column). */
function syntaxErrorOf(error: unknown, path: string): { text: string; line?: number; column?: number } {
  const message = error instanceof Error ? error.message : String(error);
  const text = message.replace(/^Error transforming [^:]*: /, "").replace(/\s*\(\d+:\d+\)\s*$/, "");
  const loc: unknown = typeof error === "object" && error !== null && "loc" in error ? error.loc : undefined;
  const line =
    typeof loc === "object" && loc !== null && "line" in loc && typeof loc.line === "number" ? loc.line : undefined;
  const column =
    typeof loc === "object" && loc !== null && "column" in loc && typeof loc.column === "number"
      ? loc.column
      : undefined;
  return {
    text: text === "" ? `${path} does not parse` : text,
    ...(line !== undefined ? { line } : {}),
    ...(column !== undefined ? { column } : {}),
  };
}

function transpile(file: SourceFile, problems: Problem[]): Transpiled {
  const typescript = /\.[cm]?tsx?$/i.test(file.path);
  if (
    typescript &&
    !/(?:^|\s)declare[ \t]+(?:namespace|module)\b/.test(file.content) &&
    VALUE_NAMESPACE.test(file.content)
  ) {
    problems.push({
      severity: "warning",
      code: "preview-namespace",
      message: "The preview does not run TypeScript namespaces: what this file puts in one is missing there",
      file: file.path,
    });
  }
  let code: string;
  try {
    code = transform(file.content, {
      transforms: typescript ? ["typescript", "jsx", "imports"] : ["jsx", "imports"],
      jsxRuntime: "automatic",
      production: true,
      filePath: file.path,
    }).code;
  } catch (error) {
    const { text, line, column } = syntaxErrorOf(error, file.path);
    const syntaxError = line !== undefined ? `${text} (line ${line}, column ${column ?? 1})` : text;
    problems.push({
      severity: "error",
      code: "preview-syntax",
      message: `${text} (the preview shows this error where the file is imported)`,
      file: file.path,
      ...(line !== undefined ? { line, ...(column !== undefined ? { column } : {}) } : {}),
    });
    // The imports as written, so the entry rule still sees what the broken file would mount (its error shows there).
    const written = [...file.content.matchAll(WRITTEN_IMPORT)].map((m) => m[2] ?? m[4]!);
    return { path: file.path, code: "", requires: [...new Set(written)], syntaxError };
  }
  const requires = [...code.matchAll(REQUIRE_CALL)].map((m) => m[2]!);
  return { path: file.path, code, requires: [...new Set(requires)] };
}

const MAIN_CANDIDATES = [
  "src/main.tsx",
  "src/main.jsx",
  "src/main.ts",
  "src/main.js",
  "src/index.tsx",
  "src/index.jsx",
  "main.tsx",
  "main.jsx",
  "index.tsx",
  "index.jsx",
];
const COMPONENT_RANK: RegExp[] = [
  /^src\/App\.[jt]sx?$/,
  /^App\.[jt]sx?$/,
  /^src\/app\.[jt]sx?$/i,
  /^src\/index\.[jt]sx?$/,
  /^index\.[jt]sx?$/,
  /^src\/screens\//,
  /^src\/pages\//,
];

/** The entry rule of the module comment, over the transpiled modules. */
export function entryPlan(modules: Record<string, PreviewModule>): PreviewEntry {
  const mounts = (path: string): boolean =>
    Object.values(modules[path]?.deps ?? {}).some((d) => d === "react-dom" || d === "react-dom/client");
  const main = MAIN_CANDIDATES.find((p) => p in modules && mounts(p));
  const rank = (path: string): number => {
    const i = COMPONENT_RANK.findIndex((r) => r.test(path));
    return i < 0 ? COMPONENT_RANK.length : i;
  };
  const components = Object.keys(modules)
    .filter(
      (p) =>
        p !== main &&
        !/\.(?:test|spec|stories)\.[jt]sx?$/.test(p) &&
        !/(?:^|\/)(?:vite|tailwind|postcss|eslint)\.config\.[cm]?[jt]s$/.test(p),
    )
    .sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  // src/index.ts first, as the project's main does: it brings the fonts and the global styles in.
  const index = ["src/index.ts", "src/index.tsx"].filter((p) => p in modules);
  const routes = main === undefined && "src/routes.ts" in modules ? { routes: [...index, "src/routes.ts"] } : {};
  return main !== undefined ? { main, components } : { ...routes, components };
}

/** JSON for an inline `<script type="application/json">`: no `<` at all, so no `</script` or `<!--`. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** CSS for an inline `<style>`: `</style` inside it (a string, a comment) would end the element early. */
const styleSafe = (css: string): string => css.replace(/<\/(style)/gi, "<\\/$1");

function cleanPath(path: string): string {
  return resolvePath("", path.replace(/\\/g, "/"));
}

export interface ReactPreviewOptions {
  /** The project's Tailwind stylesheets compiled (`compileTailwind`); without it Tailwind's classes are unstyled. */
  tailwind?: TailwindBuild;
  /** The modules the page provides (the Vue preview's: vue and vue-router, whose scripts run before the runtime). */
  builtins?: readonly string[];
  /** The module that mounts the app, whatever the entry rule would pick (the Vue preview's own). */
  main?: string;
}

/**
 * The preview document with the project's Tailwind compiled first (when it uses Tailwind): what the panel's worker
 * and the CLI's result page show and score.
 */
export async function reactPreview(files: SourceFile[], runtime: string): Promise<ReactPreview> {
  const tailwind = await compileTailwind(files.map((f) => ({ ...f, path: cleanPath(f.path) })));
  return buildReactPreview(files, runtime, tailwind ? { tailwind } : {});
}

/**
 * The preview document for a React project's files, and what it cannot show faithfully. `runtime` is the
 * preview runtime's script (`previewRuntime()` in the worker; dist/preview-runtime.js in tests).
 */
export function buildReactPreview(
  files: SourceFile[],
  runtime: string,
  options: ReactPreviewOptions = {},
): ReactPreview {
  const problems: Problem[] = [];
  const byPath = new Map<string, SourceFile>();
  for (const file of files) {
    const path = cleanPath(file.path);
    if (path !== "") byPath.set(path, { path, content: file.content, ...(file.bytes ? { bytes: file.bytes } : {}) });
  }
  const all = [...byPath.values()];
  const data: PreviewData = {
    modules: {},
    styles: {},
    cssModules: {},
    assets: {},
    json: {},
    entry: { components: [] },
  };

  const assetUrls = new Map<string, string | undefined>();
  const assetUrl = (path: string): string | undefined => {
    if (!assetUrls.has(path)) assetUrls.set(path, byPath.has(path) ? assetDataUrl(byPath.get(path)!) : undefined);
    return assetUrls.get(path);
  };
  const cssResolve: CssResolver = (fromDir, ref) => {
    let clean = ref.trim().replace(/[?#].*$/, "");
    if (clean === "" || /^[a-z][a-z0-9+.-]*:|^\/\//i.test(clean)) return undefined;
    try {
      clean = decodeURIComponent(clean);
    } catch {
      // keep it as written
    }
    const candidates = clean.startsWith("/")
      ? [resolvePath("", clean), resolvePath("public", clean)]
      : [resolvePath(fromDir, clean)];
    const path = candidates.find((p) => byPath.has(p));
    if (path === undefined) return undefined;
    const url = assetUrl(path);
    return {
      path,
      ...(url !== undefined ? { dataUrl: url } : {}),
      ...(STYLE.test(path) ? { css: byPath.get(path)!.content } : {}),
    };
  };

  const transpiled: Transpiled[] = [];
  for (const file of all) {
    const { path } = file;
    if (/\.d\.[cm]?ts$/.test(path)) continue;
    if (SCRIPT.test(path)) {
      if (/(?:^|\/)(?:vite|tailwind|postcss|eslint|vitest)\.config\.[cm]?[jt]s$/.test(path)) continue;
      transpiled.push(transpile(file, problems));
    } else if (STYLE.test(path)) {
      if (/\.(?:scss|sass|less)$/i.test(path)) {
        problems.push({
          severity: "info",
          code: "preview-stylesheet",
          message: "The preview applies this stylesheet as plain CSS (no Sass or Less compiler)",
          file: path,
        });
      }
      const dir = dirname(path);
      const inlined = inlineCssImports(file.content, dir, cssResolve, new Set([path]));
      // Google Fonts' stylesheets stay (@import first, as CSS wants it); other remote ones are not loaded.
      const fonts = inlined.dropped.filter(isGoogleFontsHref);
      const css =
        fonts.map((href) => `@import url("${href.replace(/"/g, "%22")}");\n`).join("") +
        rewriteCssUrls(inlined.css, dir, cssResolve);
      const remote = inlined.dropped.filter((ref) => !/^tailwindcss\b/.test(ref) && !isGoogleFontsHref(ref));
      if (remote.length > 0) {
        problems.push({
          severity: "info",
          code: "preview-css-import",
          message: `The preview has no network: ${remote.map((r) => JSON.stringify(r)).join(", ")} is not loaded`,
          file: path,
        });
      }
      if (CSS_MODULE.test(path)) data.cssModules[path] = scopeCssModule(css, path);
      else data.styles[path] = css;
    } else if (extension(path) === "json") {
      try {
        JSON.parse(file.content);
        data.json[path] = file.content;
      } catch {
        problems.push({
          severity: "warning",
          code: "preview-json",
          message: "This JSON file does not parse; importing it fails in the preview",
          file: path,
        });
      }
    } else if (ASSET_MIME[extension(path)]) {
      const url = assetUrl(path);
      if (url !== undefined) data.assets[path] = url;
      else
        problems.push({
          severity: "warning",
          code: "preview-asset",
          message: "This asset is neither a data: URL nor base64; the preview cannot embed it",
          file: path,
        });
    }
  }

  const scripts = new Set(transpiled.map((t) => t.path));
  const known = (path: string): boolean =>
    scripts.has(path) || path in data.styles || path in data.cssModules || path in data.assets || path in data.json;
  const packages = new Map<string, string[]>();
  for (const module of transpiled) {
    const deps: Record<string, string> = {};
    for (const spec of module.requires) {
      const resolved = resolveSpecifier(module.path, spec, known, options.builtins ?? BUILTIN_MODULES);
      if (resolved.kind === "builtin") deps[spec] = resolved.id;
      else if (resolved.kind === "file") deps[spec] = resolved.path;
      else if (resolved.kind === "package") {
        // No node_modules here: a Fontsource import loads the same faces from Google Fonts.
        const fontHref = fontsourceGoogleHref(spec);
        if (fontHref) {
          data.styles[spec] = `@import url("${fontHref}");`;
          deps[spec] = spec;
        } else packages.set(resolved.name, [...(packages.get(resolved.name) ?? []), module.path]);
      } else
        problems.push({
          severity: "warning",
          code: "preview-missing-file",
          message: `"${spec}" is not a file of the project; the preview fails where it is imported`,
          file: module.path,
        });
    }
    data.modules[module.path] = {
      code: module.code,
      deps,
      ...(module.syntaxError !== undefined ? { syntaxError: module.syntaxError } : {}),
    };
  }
  for (const [name, importers] of packages) {
    problems.push({
      severity: "warning",
      code: "preview-unknown-package",
      message:
        `The preview has only react and react-dom: "${name}" (imported by ${[...new Set(importers)].join(", ")}) ` +
        `is not available, so the preview shows an error where it is imported`,
      file: importers[0]!,
    });
  }

  data.entry = options.main !== undefined ? { main: options.main, components: [] } : entryPlan(data.modules);
  if (data.entry.main === undefined && data.entry.components.length === 0) {
    problems.push({
      severity: "error",
      code: "preview-no-entry",
      message: "There is no script to preview: no src/main.tsx, src/App.tsx or other component file",
    });
  }
  // Tailwind compiled: each project stylesheet that imports it becomes its compiled CSS where it is imported; the
  // zip's src/tailwind.css (added for the emitters' code-only files), and one no script imports, go in the page.
  const pageStyles: string[] = [];
  if (options.tailwind) {
    problems.push(...options.tailwind.problems);
    const imported = new Set(Object.values(data.modules).flatMap((m) => Object.values(m.deps)));
    for (const sheet of options.tailwind.stylesheets) {
      const css = rewriteCssUrls(sheet.css, dirname(sheet.path), cssResolve);
      if (!sheet.added && sheet.path in data.styles) data.styles[sheet.path] = css;
      if (sheet.added || !imported.has(sheet.path)) pageStyles.push(css);
    }
  } else if (usesTailwind(all)) {
    problems.push({
      severity: "warning",
      code: "preview-tailwind",
      message:
        "Tailwind utility classes are not styled in this preview (Tailwind " +
        "was not compiled for it); the downloaded project styles them",
    });
  }

  const html = [
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${REACT_PREVIEW_CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    "<title>Preview</title>",
    ...pageStyles.map((css) => `<style>${styleSafe(css)}</style>`),
    "</head>",
    "<body>",
    '<div id="root"></div>',
    `<script type="application/json" id="${PREVIEW_DATA_ID}">${scriptJson(data)}</script>`,
    `<script>${scriptSafe(runtime)}</script>`,
    "</body>",
    "</html>",
    "",
  ].join("\n");
  return { html, problems };
}
