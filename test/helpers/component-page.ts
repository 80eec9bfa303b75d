/**
 * A small test page made of the panel's own Preact components (a TSX entry written in the test), bundled with
 * esbuild once per test file and served from memory by withPage at the panel's size (420×600).
 */
import { build } from "esbuild";
import type { Page } from "playwright-core";
import { withPage, type PageHost } from "../../cli/measure/browser.js";
import { ROOT } from "../harness/plugin-page.js";

export interface PageBundle {
  js: string;
  css: string;
}

export interface PageBundleOptions {
  /** The entry's name in esbuild's messages, e.g. "search-page.tsx". */
  sourcefile: string;
  target?: string;
  /** Compile-time constants (esbuild's define). */
  define?: Record<string, string>;
}

/** Returns a function that bundles `entry` (TSX, imports relative to the repository) the first time it is called. */
export function pageBundle(entry: string, options: PageBundleOptions): () => Promise<PageBundle> {
  let bundled: Promise<PageBundle> | undefined;
  return () => (bundled ??= bundleTestPage(entry, options));
}

/** Bundles `entry` (TSX, imports relative to the repository); every CSS output joined. */
export async function bundleTestPage(entry: string, options: PageBundleOptions): Promise<PageBundle> {
  const result = await build({
    stdin: { contents: entry, loader: "tsx", resolveDir: ROOT, sourcefile: options.sourcefile },
    ...(options.define ? { define: options.define } : {}),
    bundle: true,
    platform: "browser",
    format: "iife",
    target: options.target ?? "es2020",
    jsx: "automatic",
    jsxImportSource: "preact",
    outdir: "out",
    write: false,
    logLevel: "silent",
  });
  const text = (ext: string) => result.outputFiles.filter((f) => f.path.endsWith(ext)).map((f) => f.text);
  return { js: text(".js")[0] ?? "", css: text(".css").join("\n") };
}

export interface ComponentPageOptions {
  /** Attributes of the <html> element besides lang (a dark theme's class and variables). */
  htmlAttributes?: string;
  bodyStyle?: string;
  /** Set as `window.__cfg` before the page's script runs. */
  cfg?: unknown;
  /** The page's query string, without "?". */
  query?: string;
  /**
   * The page calls its model API under `from` on its own origin (a page on http://figment.test may not call a
   * loopback address: Private Network Access); those calls are passed on to `to`, the test server's base URL.
   */
  api?: { from: string; to: string };
  /** Resolves once the page is ready for the test. */
  ready(page: Page): Promise<unknown>;
}

/** Opens the bundled page in a fresh context, waits until it is ready, runs `fn` and closes the context. */
export async function withComponentPage<T>(
  browser: PageHost,
  bundle: PageBundle,
  options: ComponentPageOptions,
  fn: (page: Page) => Promise<T>,
): Promise<T> {
  const cfg = options.cfg === undefined ? "" : `<script>window.__cfg=${JSON.stringify(options.cfg)}</script>`;
  const html =
    `<!doctype html><html lang="en"${options.htmlAttributes ? ` ${options.htmlAttributes}` : ""}><head><meta ` +
    `charset="utf-8"><style>${bundle.css}</style></head><body` +
    `${options.bodyStyle ? ` style="${options.bodyStyle}"` : ""}><div id="app"></div>${cfg}<script ` +
    `src="page.js"></script></body></html>`;
  const entry = options.query ? `index.html?${options.query}` : "index.html";
  const files = [
    { path: "index.html", content: html },
    { path: "page.js", content: bundle.js },
  ];
  return withPage(browser, files, entry, { width: 420, height: 600 }, async (page) => {
    const api = options.api;
    if (api) {
      await page.route(`${api.from}/**`, async (route) => {
        try {
          await route.fulfill({
            response: await route.fetch({ url: route.request().url().replace(api.from, api.to) }),
          });
        } catch {
          // The page cancelled a held request, or the page closed.
        }
      });
    }
    await options.ready(page);
    return fn(page);
  });
}
