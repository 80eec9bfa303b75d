/**
 * Headless Chromium for tests and measurements: Debian's `chromium` package driven by playwright-core.
 * No browser download (this machine reaches no browser CDN): the executable comes from apt.
 * Pages are served from memory under a fake origin; every other request is aborted (no network).
 */
import { existsSync } from "node:fs";
import { chromium, type Browser, type Page, type Route } from "playwright-core";
import { ASSET_MIME } from "../codegen/file-paths.js";
import type { SourceFile } from "../codegen/types.js";

/** The fake origin the in-memory files are served under. */
export const FIGMENT_ORIGIN = "http://figment.test";

export const CHROMIUM_ARGS: readonly string[] = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--font-render-hinting=none",
];

/**
 * Chromium features off in every launch. `IsolateSandboxedIframes`: a sandboxed preview iframe gets a process of
 * its own, and under load headless Chromium then sometimes never acknowledges a mouse move over it or never
 * finishes closing the context (the preview-width drag e2e hung in CI). One process keeps the page the same.
 */
const DISABLED_FEATURES: readonly string[] = ["IsolateSandboxedIframes"];
/** Local Network Access: pages on the in-memory origin may reach a test server on 127.0.0.1. */
const LOCAL_SERVER_FEATURES: readonly string[] = ["LocalNetworkAccessChecks", "PrivateNetworkAccessRespectPreflightResults", "BlockInsecurePrivateNetworkRequests"];

/** `CHROMIUM_PATH` if set (and non-empty), else Debian's `/usr/bin/chromium`. */
export function chromiumPath(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  return fromEnv && fromEnv.trim() !== "" ? fromEnv : "/usr/bin/chromium";
}

export function chromiumAvailable(): boolean {
  return existsSync(chromiumPath());
}

/**
 * `localModelServer`: lets pages served from the in-memory origin reach a test server on 127.0.0.1.
 * Chromium treats that as a public → loopback request and refuses it (Local Network Access) unless told not to.
 */
export async function launchChromium(options: { localModelServer?: boolean } = {}): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}; install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH`,
    );
  }
  // One --disable-features switch: Chromium reads only the last one given.
  const disabled = options.localModelServer ? [...DISABLED_FEATURES, ...LOCAL_SERVER_FEATURES] : DISABLED_FEATURES;
  const args = [...CHROMIUM_ARGS, `--disable-features=${disabled.join(",")}`];
  return chromium.launch({ executablePath, headless: true, args });
}

/** Text types served to the page; images and fonts come from the asset table the emitters use. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  html: "text/html; charset=utf-8",
  htm: "text/html; charset=utf-8",
  css: "text/css; charset=utf-8",
  js: "text/javascript; charset=utf-8",
  mjs: "text/javascript; charset=utf-8",
  json: "application/json; charset=utf-8",
  txt: "text/plain; charset=utf-8",
  ...ASSET_MIME,
};

/** Every asset type but SVG (text) is bytes. */
const BINARY_EXTENSIONS = new Set(Object.keys(ASSET_MIME).filter((ext) => ext !== "svg"));

function extensionOf(path: string): string {
  const base = path.slice(path.lastIndexOf("/") + 1);
  const dot = base.lastIndexOf(".");
  return dot < 0 ? "" : base.slice(dot + 1).toLowerCase();
}

export function contentTypeFor(path: string): string {
  return CONTENT_TYPES[extensionOf(path)] ?? "application/octet-stream";
}

/** Normalizes `./a/b.css`, `/a/b.css` and `a//b.css` to `a/b.css`. */
function normalizePath(path: string): string {
  const out: string[] = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") out.pop();
    else out.push(part);
  }
  return out.join("/");
}

/**
 * A binary file's `bytes` are served as they are. Text files are served as UTF-8. Binary files (png, …)
 * written as text may be a `data:` URL, plain base64, or a latin1 "binary string"; each is decoded to bytes.
 */
function bodyOf(file: SourceFile): string | Buffer {
  if (file.bytes) return Buffer.from(file.bytes);
  const ext = extensionOf(file.path);
  if (!BINARY_EXTENSIONS.has(ext)) return file.content;
  const dataUrl = /^data:[^,]*?(;base64)?,/.exec(file.content);
  if (dataUrl) {
    const payload = file.content.slice(dataUrl[0].length);
    return dataUrl[1] ? Buffer.from(payload, "base64") : Buffer.from(decodeURIComponent(payload), "latin1");
  }
  const compact = file.content.replace(/\s+/g, "");
  if (compact.length > 0 && /^[A-Za-z0-9+/]+={0,2}$/.test(compact)) return Buffer.from(compact, "base64");
  return Buffer.from(file.content, "latin1");
}

/**
 * The few browser globals that functions passed to `page.evaluate` use. The project compiles without
 * the DOM lib (codegen must not touch the DOM), so such functions read them through
 * `globalThis as unknown as PageGlobals`.
 */
export interface PageElement {
  getBoundingClientRect(): { x: number; y: number; width: number; height: number };
  getClientRects(): { length: number };
  readonly innerText?: string;
  readonly textContent: string | null;
  readonly value?: string;
  readonly placeholder?: string;
}
export interface PageGlobals {
  document: {
    querySelector(selector: string): PageElement | null;
    fonts: { ready: Promise<unknown> };
    documentElement: { scrollWidth: number; clientWidth: number };
  };
  CSS: { escape(value: string): string };
  getComputedStyle(element: PageElement): { position: string };
  requestAnimationFrame(callback: () => void): number;
}

export interface Viewport {
  width: number;
  height: number;
}

export interface PageOptions {
  /** Requests to these origins go through to the network (tests: a local model server on 127.0.0.1). */
  allowOrigins?: readonly string[];
  /** Runs on the fresh page before it navigates. */
  beforeGoto?: (page: Page) => Promise<void>;
  /** Answers requests to other origins from memory (tests: Google Fonts from local files); undefined: refused. */
  serve?: (url: URL) => { contentType: string; body: string | Buffer } | undefined;
  /** Stylesheets linked into the page's head before it loads (tests: the design's fonts, as if installed). */
  stylesheets?: readonly string[];
}

/**
 * Opens a fresh context + page at `viewport`, serves `files` from memory under `http://figment.test/`
 * (any request to another origin is aborted; an unknown path gets a 404), navigates to `entry`,
 * waits for `load` and `document.fonts.ready`, runs `fn(page)` and closes the context.
 * `allowOrigins` lets requests to those origins through (tests: a local model server on 127.0.0.1).
 * `beforeGoto` runs on the fresh page before it navigates (bench: start a CPU profile that sees the whole load).
 */
export async function withPage<T>(
  browser: Browser,
  files: SourceFile[],
  entry: string,
  viewport: Viewport,
  fn: (page: Page) => Promise<T>,
  options: PageOptions = {},
): Promise<T> {
  const allowed = new Set(options.allowOrigins ?? []);
  const byPath = new Map<string, SourceFile>();
  for (const file of files) byPath.set(normalizePath(file.path), file);

  const context = await browser.newContext({
    viewport: { width: Math.max(1, Math.round(viewport.width)), height: Math.max(1, Math.round(viewport.height)) },
    deviceScaleFactor: 1,
    serviceWorkers: "block",
    javaScriptEnabled: true,
  });
  try {
    const page = await context.newPage();
    await page.route("**/*", async (route: Route) => {
      let url: URL;
      try {
        url = new URL(route.request().url());
      } catch {
        return route.abort("blockedbyclient");
      }
      if (allowed.has(url.origin)) return route.continue();
      if (url.origin !== FIGMENT_ORIGIN) {
        const served = options.serve?.(url);
        return served ? route.fulfill({ status: 200, contentType: served.contentType, body: served.body }) : route.abort("blockedbyclient");
      }
      let path: string;
      try {
        path = normalizePath(decodeURIComponent(url.pathname));
      } catch {
        path = normalizePath(url.pathname);
      }
      const file = byPath.get(path) ?? (path === "" ? byPath.get("index.html") : undefined);
      if (!file) {
        return route.fulfill({ status: 404, contentType: "text/plain; charset=utf-8", body: `not found: /${path}` });
      }
      return route.fulfill({ status: 200, contentType: contentTypeFor(file.path), body: bodyOf(file) });
    });
    // page.route does not see WebSockets: refuse those too.
    await page.routeWebSocket(/.*/, (ws) => ws.close({ code: 1008, reason: "no network in figment tests" }));
    if (options.stylesheets?.length) {
      await page.addInitScript((hrefs: readonly string[]) => {
        const add = (): void => {
          for (const href of hrefs) {
            const link = (globalThis as unknown as { document: { createElement(tag: string): { rel: string; href: string } } }).document.createElement("link");
            link.rel = "stylesheet";
            link.href = href;
            (globalThis as unknown as { document: { head: { appendChild(node: unknown): void } } }).document.head.appendChild(link);
          }
        };
        (globalThis as unknown as { document: { addEventListener(type: string, fn: () => void): void } }).document.addEventListener("DOMContentLoaded", add);
      }, options.stylesheets);
    }
    await options.beforeGoto?.(page);
    await page.goto(`${FIGMENT_ORIGIN}/${normalizePath(entry)}`, { waitUntil: "load" });
    await page.evaluate(async () => {
      await (globalThis as unknown as PageGlobals).document.fonts.ready;
    });
    return await fn(page);
  } finally {
    await context.close();
  }
}
