/**
 * What `buildReactPreview` (worker side) hands to the preview runtime (inside the sandboxed iframe): one
 * JSON document in `<script type="application/json" id="figment-preview-data">`. Types only.
 */

/** One transpiled module: CommonJS code and its imports, already resolved by the builder. */
export interface PreviewModule {
  /** CommonJS (TypeScript `transpileModule` output), run as `function (require, module, exports) { … }`. */
  code: string;
  /**
   * Every specifier the module requires → a file path of the project or a built-in module id (`react`, …).
   * A specifier missing here (an unknown package, a file not in the project) fails at runtime, visibly.
   */
  deps: Record<string, string>;
  /** The first syntax error TypeScript found (`message (line N)`): requiring the module throws it. */
  syntaxError?: string;
}

/** A CSS module: its CSS with every local class renamed, and the local → scoped class map. */
export interface PreviewCssModule {
  css: string;
  classes: Record<string, string>;
}

/** How the runtime picks what to mount (see `entryPlan` in react-preview.ts). */
export interface PreviewEntry {
  /** A file that mounts the app itself (`src/main.tsx` calling `createRoot(…).render(…)`), run first. */
  main?: string;
  /**
   * When there is no main: the files that set up the prototype's screens, run in order (src/index.ts for the global
   * styles, then src/routes.ts), the last one's `routes: { path, Screen }[]` shown behind the router.
   */
  routes?: string[];
  /** Files whose exported component is mounted into #root, first match wins, when `main` mounted nothing. */
  components: string[];
}

export interface PreviewData {
  modules: Record<string, PreviewModule>;
  /** Plain stylesheets (`import "./index.css"`), url()s already data: URLs. */
  styles: Record<string, string>;
  cssModules: Record<string, PreviewCssModule>;
  /** Images and fonts as data: URLs (`import logo from "./logo.svg"`). */
  assets: Record<string, string>;
  /** JSON files as text (`import data from "./data.json"`). */
  json: Record<string, string>;
  entry: PreviewEntry;
}

/**
 * Module ids the runtime provides (preact/compat under React's names, two tiny class-name helpers, and React Router's
 * names over a history in memory).
 */
export const BUILTIN_MODULES: readonly string[] = [
  "react",
  "react-dom",
  "react-dom/client",
  "react/jsx-runtime",
  "react/jsx-dev-runtime",
  "preact",
  "preact/hooks",
  "preact/compat",
  "preact/jsx-runtime",
  "clsx",
  "classnames",
  "react-router",
  "react-router/dom",
];

/** The element id of the embedded JSON. */
export const PREVIEW_DATA_ID = "figment-preview-data";
/** The id of the box that shows runtime errors in the preview. */
export const PREVIEW_ERROR_ID = "figment-preview-error";
