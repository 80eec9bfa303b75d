/**
 * The React preview's runtime. It runs inside the preview iframe only (`sandbox="allow-scripts"`, no
 * same-origin, CSP without network; see codegen/preview/react-preview.ts), never in the UI or the worker.
 * esbuild.config.mjs bundles it to a minified IIFE that `buildReactPreview` inlines into the document.
 *
 * - Modules: `react`, `react-dom`, `react-dom/client`, `react/jsx-runtime`, `react/jsx-dev-runtime` are
 *   preact/compat (`createRoot`, `render`, hooks…); `preact`, `preact/hooks` are themselves; `clsx` and
 *   `classnames` are small equivalents; `react-router` a router over a history in memory (router.ts). Anything
 *   else that is not a file of the project fails visibly.
 * - Loader: CommonJS. `define(path, factory)` registers a module; a module's `require(spec)` follows the
 *   imports the builder resolved (extensions, `/index`, `@/`). A module's code is compiled (an inline
 *   script, allowed by the CSP; `eval` is not) the first time it is required.
 * - Styles: `import "./x.css"` injects a <style>; `import styles from "./x.module.css"` injects the scoped
 *   CSS and returns a Proxy mapping each local class to its scoped name (unknown names stay as written).
 *   Images and fonts import as data: URLs, JSON as its value.
 * - Mounting follows `PreviewData.entry`: the main file if it mounts the app, else the routes of src/routes.ts behind
 *   the router, else the first component.
 * - Errors (module evaluation, syntax, render, later event handlers or effects) appear in a red box at the
 *   top of the page with the message and the file, never as a blank page.
 */
import * as preact from "preact";
import * as compat from "preact/compat";
import { createRoot as compatCreateRoot, hydrateRoot } from "preact/compat/client";
import * as hooks from "preact/hooks";
import * as jsxRuntime from "preact/jsx-runtime";
import { PREVIEW_DATA_ID, PREVIEW_ERROR_ID, type PreviewData } from "../../codegen/preview/data.js";
import { routedApp, routerModule } from "./router.js";

interface Module {
  exports: unknown;
}
type Require = (spec: string) => unknown;
type Factory = (require: Require, module: Module, exports: unknown) => void;

const hasOwn = (object: object, key: string): boolean => Object.hasOwn(object, key);

// ─── Errors ──────────────────────────────────────────────────────────────────────────────────────────────

/** The innermost module that was being evaluated when an error went through the loader. */
const errorFiles = new WeakMap<object, string>();
/** Errors the loader itself raised about a file (syntax, imports): that file, whatever the stack says. */
const originFiles = new WeakMap<object, string>();

function loaderError(error: Error, path: string): Error {
  originFiles.set(error, path);
  errorFiles.set(error, path);
  return error;
}

/** sourceURL (as it appears in stacks) → project path. */
const sourceUrls = new Map<string, string>();
const shown = new Set<string>();

const sourceUrlOf = (path: string): string => `figment:///${path.replace(/[^\w./@-]/g, "_")}`;

function asError(value: unknown): Error {
  if (value instanceof Error) return value;
  if (typeof value === "object" && value !== null && typeof (value as { message?: unknown }).message === "string") {
    const error = new Error((value as { message: string }).message);
    const file = errorFiles.get(value);
    if (file !== undefined) errorFiles.set(error, file);
    return error;
  }
  return new Error(`Non-error thrown: ${String(value)}`);
}

/** The project files of an error's stack, innermost first, with the line in the compiled module. */
function projectFrames(error: Error): { path: string; line: string; fn: string }[] {
  const frames: { path: string; line: string; fn: string }[] = [];
  for (const line of String(error.stack ?? "").split("\n")) {
    const m = /^\s*at (?:(.*?) \()?(figment:\/\/\/[^\s()]*?):(\d+):\d+\)?\s*$/.exec(line);
    const path = m ? sourceUrls.get(m[2]!) : undefined;
    if (m && path !== undefined) frames.push({ path, line: m[3]!, fn: m[1] ?? "" });
  }
  return frames;
}

function errorBox(): HTMLElement {
  const existing = document.getElementById(PREVIEW_ERROR_ID);
  if (existing) return existing;
  const box = document.createElement("div");
  box.id = PREVIEW_ERROR_ID;
  box.setAttribute("role", "alert");
  box.style.cssText =
    "position:fixed;top:0;left:0;right:0;z-index:2147483647;max-height:60%;overflow:auto;margin:0;padding:10px 12px;" +
    "background:#fff0f0;color:#86181d;border-bottom:2px solid " +
    "#d73a49;font:12px/1.45 ui-monospace,Menlo,Consolas,monospace;" +
    "white-space:pre-wrap;word-break:break-word;text-align:left;box-sizing:border-box";
  (document.body ?? document.documentElement).appendChild(box);
  return box;
}

/** Shows an error in the page: its kind, the file it came from, its message and the project frames. */
function showError(value: unknown, fallbackFile?: string): void {
  const error = asError(value);
  const frames = projectFrames(error);
  const file =
    originFiles.get(error) ||
    frames[0]?.path ||
    errorFiles.get(error) ||
    (value !== null && typeof value === "object" ? errorFiles.get(value) : undefined) ||
    fallbackFile;
  const key = `${error.name}|${error.message}|${file ?? ""}`;
  if (shown.has(key) || shown.size >= 5) return;
  shown.add(key);
  const entry = document.createElement("div");
  entry.className = "figment-preview-error__entry";
  if (file) entry.setAttribute("data-file", file);
  const title = document.createElement("strong");
  title.textContent = `${error.name || "Error"}${file ? ` in ${file}` : ""}`;
  const message = document.createElement("div");
  message.className = "figment-preview-error__message";
  message.textContent = error.message;
  entry.append(title, message);
  if (frames.length > 0) {
    const stack = document.createElement("div");
    stack.style.opacity = "0.75";
    stack.textContent = frames
      .slice(0, 6)
      .map((f) => `  at ${f.fn || "(module)"} (${f.path}, compiled line ${f.line})`)
      .join("\n");
    entry.appendChild(stack);
  }
  const box = errorBox();
  if (box.childElementCount > 0) entry.style.cssText = "margin-top:8px;padding-top:8px;border-top:1px solid #f1b8bd";
  box.appendChild(entry);
}

// ─── Built-in modules ────────────────────────────────────────────────────────────────────────────────────

let mounted = false;

type Root = ReturnType<typeof compatCreateRoot>;
function createRoot(container: Element | DocumentFragment): Root {
  const root = compatCreateRoot(container as Element);
  return {
    render(children) {
      mounted = true;
      root.render(children);
    },
    unmount: () => root.unmount(),
  };
}
const render = ((vnode: preact.ComponentChild, parent: Element, callback?: () => void) => {
  mounted = true;
  return (compat.render as (v: unknown, p: Element, c?: () => void) => unknown)(vnode, parent, callback);
}) as typeof compat.render;

/** An ES module as CommonJS: named exports, `default`, and `__esModule` for TypeScript's interop helpers. */
const esm = (named: object, defaultExport: unknown = named): Record<string, unknown> => ({
  ...named,
  default: defaultExport,
  __esModule: true,
});

type ClassValue = string | number | bigint | boolean | null | undefined | ClassValue[] | Record<string, unknown>;
function clsx(...values: ClassValue[]): string {
  const out: string[] = [];
  const add = (value: ClassValue): void => {
    if (!value) return;
    if (typeof value === "string" || typeof value === "number" || typeof value === "bigint") out.push(String(value));
    else if (Array.isArray(value)) value.forEach(add);
    else if (typeof value === "object") for (const key of Object.keys(value)) if (value[key]) out.push(key);
  };
  values.forEach(add);
  return out.join(" ");
}

const compatDefault = (compat as unknown as { default?: unknown }).default ?? compat;
const reactModule = esm(compat, compatDefault);
const reactDom = { ...(compatDefault as object), render, createRoot, hydrateRoot };
const jsxModule = esm(jsxRuntime);

const builtins: Record<string, unknown> = {
  react: reactModule,
  "react-dom": esm({ ...compat, render, createRoot, hydrateRoot }, reactDom),
  "react-dom/client": esm({ createRoot, hydrateRoot }),
  "react/jsx-runtime": jsxModule,
  "react/jsx-dev-runtime": jsxModule,
  preact: esm(preact),
  "preact/hooks": esm(hooks),
  "preact/compat": reactModule,
  "preact/jsx-runtime": jsxModule,
  clsx: esm({ clsx }, clsx),
  classnames: esm({}, clsx),
  "react-router": esm(routerModule),
  "react-router/dom": esm(routerModule),
};
// The Vue preview (codegen/preview/vue-preview.ts) runs Vue's and vue-router's global builds before this script.
const vueGlobals = globalThis as unknown as { Vue?: object; VueRouter?: object };
if (vueGlobals.Vue) builtins["vue"] = vueGlobals.Vue;
if (vueGlobals.VueRouter) builtins["vue-router"] = vueGlobals.VueRouter;
// The Svelte preview (codegen/preview/svelte-preview.ts) runs Svelte's client runtime (svelte-globals.ts) first.
const svelteGlobals = globalThis as unknown as { FigmentSvelte?: Record<string, object> };
Object.assign(builtins, svelteGlobals.FigmentSvelte);
// The Angular preview (codegen/preview/angular-preview.ts) runs Angular's runtime (angular-globals.ts) first.
const angularGlobals = globalThis as unknown as { FigmentAngular?: Record<string, object> };
Object.assign(builtins, angularGlobals.FigmentAngular);
// The React Native preview (react-native-preview.ts) runs React, react-native-web… (react-native-globals.ts) first.
const nativeGlobals = globalThis as unknown as { FigmentReactNative?: Record<string, object> };
Object.assign(builtins, nativeGlobals.FigmentReactNative);

// ─── Loader ──────────────────────────────────────────────────────────────────────────────────────────────

function readData(): PreviewData {
  const empty: PreviewData = {
    modules: {},
    styles: {},
    cssModules: {},
    assets: {},
    json: {},
    entry: { components: [] },
  };
  try {
    const text = document.getElementById(PREVIEW_DATA_ID)?.textContent ?? "";
    return text.trim() === "" ? empty : { ...empty, ...(JSON.parse(text) as Partial<PreviewData>) };
  } catch (error) {
    showError(error, "the preview document");
    return empty;
  }
}

const data = readData();
const factories = new Map<string, Factory>();
const cache = new Map<string, Module>();
const injected = new Set<string>();
/** The module whose script is being compiled, and the syntax error it raised. */
let compiling: string | undefined;
let compileError: unknown;

function define(path: string, factory: Factory): void {
  if (typeof path === "string" && typeof factory === "function") factories.set(path, factory);
}

function injectStyle(path: string, css: string): void {
  if (injected.has(path)) return;
  injected.add(path);
  const style = document.createElement("style");
  style.setAttribute("data-file", path);
  style.textContent = css;
  document.head.appendChild(style);
}

function cssModuleExports(classes: Record<string, string>): unknown {
  const proxy: object = new Proxy(
    {},
    {
      get(_, key) {
        if (key === "__esModule") return true;
        if (key === "default") return proxy;
        if (typeof key !== "string" || key === "then") return undefined;
        return hasOwn(classes, key) ? classes[key] : key;
      },
      has: (_, key) => typeof key === "string" && hasOwn(classes, key),
      ownKeys: () => Object.keys(classes),
      getOwnPropertyDescriptor: (_, key) =>
        typeof key === "string" && hasOwn(classes, key)
          ? { value: classes[key], enumerable: true, configurable: true, writable: false }
          : undefined,
    },
  );
  return proxy;
}

/** Runs the module's code as an inline script that calls `define` (the CSP allows inline scripts, not eval). */
function compile(path: string): Factory {
  const source = data.modules[path]!;
  if (source.syntaxError !== undefined) throw loaderError(new SyntaxError(source.syntaxError), path);
  const url = sourceUrlOf(path);
  sourceUrls.set(url, path);
  const script = document.createElement("script");
  script.text =
    `__figmentPreview.define(${JSON.stringify(path)},function(require,module,exports){${source.code}\n` +
    `});\n` +
    `//# sourceURL=${url}\n`;
  compiling = path;
  compileError = undefined;
  try {
    document.head.appendChild(script);
  } finally {
    compiling = undefined;
    script.remove();
  }
  const factory = factories.get(path);
  if (factory) return factory;
  throw loaderError(
    compileError !== undefined ? asError(compileError) : new SyntaxError("this file could not be compiled"),
    path,
  );
}

function evaluate(path: string): unknown {
  const cached = cache.get(path);
  if (cached) return cached.exports;
  const module: Module = { exports: {} };
  cache.set(path, module);
  try {
    const factory = factories.get(path) ?? compile(path);
    factory(requireFrom(path), module, module.exports);
  } catch (error) {
    cache.delete(path);
    if (typeof error === "object" && error !== null && !errorFiles.has(error)) errorFiles.set(error, path);
    throw error;
  }
  return module.exports;
}

/** The exports of a project file or built-in module (by resolved id). */
function load(id: string): unknown {
  if (hasOwn(builtins, id)) return builtins[id];
  if (hasOwn(data.modules, id)) return evaluate(id);
  if (hasOwn(data.cssModules, id)) {
    const cssModule = data.cssModules[id]!;
    injectStyle(id, cssModule.css);
    return cssModuleExports(cssModule.classes);
  }
  if (hasOwn(data.styles, id)) {
    injectStyle(id, data.styles[id]!);
    return {};
  }
  if (hasOwn(data.assets, id)) return data.assets[id];
  if (hasOwn(data.json, id)) return JSON.parse(data.json[id]!);
  throw new Error(`"${id}" is not a file of the project`);
}

function requireFrom(from: string): Require {
  const deps = data.modules[from]?.deps ?? {};
  return (spec) => {
    if (hasOwn(deps, spec)) return load(deps[spec]!);
    if (/^(?:\.{1,2}|[@~]?\/)/.test(spec) || spec === "." || spec === "..") {
      throw loaderError(
        new Error(`Cannot find "${spec}" (imported by ${from}): it is not a file of the project`),
        from,
      );
    }
    throw loaderError(
      new Error(
        `The preview cannot load "${spec}" (imported by ${from}): it has ` +
          `only react, react-dom and the project's own files, no other packages`,
      ),
      from,
    );
  };
}

// ─── Mounting ────────────────────────────────────────────────────────────────────────────────────────────

function componentOf(exports: unknown): preact.ComponentType | undefined {
  if (typeof exports === "function") return exports as preact.ComponentType;
  if (typeof exports !== "object" || exports === null) return undefined;
  const named = exports as Record<string, unknown>;
  if (typeof named["default"] === "function") return named["default"] as preact.ComponentType;
  if (typeof named["App"] === "function") return named["App"] as preact.ComponentType;
  const key = Object.keys(named).find((k) => /^[A-Z][A-Za-z0-9]*$/.test(k) && typeof named[k] === "function");
  return key !== undefined ? (named[key] as preact.ComponentType) : undefined;
}

function boot(): void {
  const root = document.getElementById("root");
  if (!root) return showError(new Error("The preview document has no #root element"));
  try {
    const { main, routes, components } = data.entry;
    if (main !== undefined) {
      evaluate(main);
      // A Vue, Svelte, Angular or React Native main mounts its app with the framework's own mount.
      if (
        mounted ||
        vueGlobals.Vue ||
        svelteGlobals.FigmentSvelte ||
        angularGlobals.FigmentAngular ||
        nativeGlobals.FigmentReactNative
      )
        return;
    }
    // The prototype's screens at their routes: its links go from one to the other in the preview too.
    const app = routes?.length ? routedApp((routes.map(evaluate).at(-1) as { routes?: unknown }).routes) : undefined;
    if (app !== undefined) {
      render(app, root);
      return;
    }
    for (const path of components) {
      const component = componentOf(evaluate(path));
      if (component) {
        render(compat.createElement(component, null), root);
        return;
      }
    }
    throw new Error(
      "Nothing to preview: no src/main.tsx mounts the app and no file exports " +
        "a component (src/App.tsx with a default export is the usual root)",
    );
  } catch (error) {
    showError(error);
  }
}

addEventListener("error", (event: ErrorEvent) => {
  if (compiling !== undefined) {
    compileError = event.error ?? new SyntaxError(event.message);
    event.preventDefault();
    return;
  }
  showError(event.error ?? new Error(event.message));
});
addEventListener("unhandledrejection", (event: PromiseRejectionEvent) => showError(event.reason));

const globals = globalThis as unknown as Record<string, unknown>;
globals["process"] ??= { env: { NODE_ENV: "development" } };
globals["__figmentPreview"] = { define, require: load, modules: builtins };

boot();
