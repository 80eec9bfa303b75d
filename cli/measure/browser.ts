/**
 * Headless Chromium for tests and measurements: Debian's Chromium driven by playwright-core, its headless shell
 * (package `chromium-headless-shell`) where installed, else the browser (package `chromium`). No browser download
 * (this machine reaches no browser CDN): the executable comes from apt.
 * Pages are served from memory under a fake origin; every other request is aborted (no network).
 */
import { existsSync } from "node:fs";
import {
  chromium,
  type Browser,
  type BrowserContext,
  type LaunchOptions,
  type Page,
  type Route,
} from "playwright-core";
import { ASSET_MIME } from "../../codegen/file-paths.js";
import type { SourceFile } from "../../codegen/types.js";

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
 * Chromium features off in every launch. Chromium reads only the last --disable-features, so ours replaces the
 * list Playwright passes: what of it matters here is repeated (background requests to Google that this
 * machine's closed network refuses, HTTPS upgrades of the harness's http origin), all but PaintHolding, which
 * stays on as in the Chromium a designer runs Figma in (the first-paint figures are measured with it).
 * - `IsolateSandboxedIframes`: a sandboxed preview iframe gets a process of its own, and under load headless
 *   Chromium then sometimes never acknowledges a mouse move over it or never finishes closing the context (the
 *   preview-width drag e2e hung in CI). One process keeps the page the same.
 * - The browser's own WebUI (the omnibox popup and the toolbar, preloaded in a renderer of their own even
 *   headless): 0.8 s of CPU per launch, in a window nobody sees.
 */
const DISABLED_FEATURES: readonly string[] = [
  "IsolateSandboxedIframes",
  ...["WebUIOmniboxPopup", "WebUIOmniboxAimPopup", "WebUIOmniboxFullPopup", "WebUIToolbar", "PreloadTopChromeWebUI"],
  // Playwright's (playwright-core chromiumSwitches), but PaintHolding.
  ...[
    "AvoidUnnecessaryBeforeUnloadCheckSync",
    "DestroyProfileOnBrowserClose",
    "HttpsUpgrades",
    "HttpsFirstBalancedModeAutoEnable",
    "LensOverlay",
    "MediaRouter",
  ],
  ...[
    "ThirdPartyStoragePartitioning",
    "AvoidCorsURLLoaderRestartOnRedirect",
    "OptimizationHints",
    "NetworkTimeServiceQuerying",
    "AimEnabled",
    "PreconnectToSearch",
  ],
];
/** Local Network Access: pages on the in-memory origin may reach a test server on 127.0.0.1. */
const LOCAL_SERVER_FEATURES: readonly string[] = [
  "LocalNetworkAccessChecks",
  "PrivateNetworkAccessRespectPreflightResults",
  "BlockInsecurePrivateNetworkRequests",
];

/**
 * Debian's Chromium executables, in the order taken. The headless shell is the same Blink and Skia without the
 * browser's window layers (what Playwright itself runs headless): a launch costs 0.9 CPU-s against 2.1, and a mix of
 * the browser tests 20 % less CPU, every test passing as it did.
 */
export const DEBIAN_CHROMIUMS: readonly string[] = ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"];

/** `CHROMIUM_PATH` if set (and non-empty), else the first of Debian's executables installed (`/usr/bin/chromium`). */
export function chromiumPath(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && fromEnv.trim() !== "") return fromEnv;
  return DEBIAN_CHROMIUMS.find((path) => existsSync(path)) ?? "/usr/bin/chromium";
}

export function chromiumAvailable(): boolean {
  return existsSync(chromiumPath());
}

/**
 * `localModelServer`: lets pages served from the in-memory origin reach a test server on 127.0.0.1.
 * Chromium treats that as a public → loopback request and refuses it (Local Network Access) unless told not to.
 */
export async function launchChromium(options: { localModelServer?: boolean } = {}): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions(options));
}

/** What launchChromium starts Chromium with (the tests' shared browser server starts it the same way). */
export function chromiumLaunchOptions(options: { localModelServer?: boolean } = {}): LaunchOptions {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}; install Debian's ` +
        `chromium (apt-get install chromium) or set CHROMIUM_PATH`,
    );
  }
  // One --disable-features switch: Chromium reads only the last one given.
  const disabled = options.localModelServer ? [...DISABLED_FEATURES, ...LOCAL_SERVER_FEATURES] : DISABLED_FEATURES;
  const args = [...CHROMIUM_ARGS, `--disable-features=${disabled.join(",")}`];
  return { executablePath, headless: true, args };
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
  /**
   * Paths of the page that Chromium fetches itself from the URL given (a local file server) instead of being sent
   * from memory over the browser protocol: tests' large unchanging files (the plugin harness's 13 MB dist/code.js
   * costs about 1 s of CPU a page when sent). The page sees them at their own paths.
   */
  fetchFrom?: ReadonlyMap<string, string>;
}

/**
 * Where withPage opens its page: a browser (a fresh context per call, closed after it) or a context the caller
 * made with newPageContext and keeps open. In a context, a call takes an idle page of it (or opens one), loads its
 * files there and leaves the page idle for the next call: the page's routes answer each call with that call's
 * files only (Playwright turns the HTTP cache off while requests are routed), and a navigation gives each call a
 * new document, so only what outlives a navigation is shared (window.name, sessionStorage, history). That skips
 * starting a context and a renderer process per page. A call with `stylesheets` or `beforeGoto` (init scripts,
 * which a page keeps) gets a fresh page in the context, closed after it; so does `fn` with its own routes or init
 * scripts: such an `fn` must be given a browser.
 */
export type PageHost = Browser | BrowserContext;

/**
 * A viewport Chromium takes: whole pixels, at least 1. A size that is no finite number is a fault before this point
 * (the design's boxes are read finite or not at all), said here in words, not as Playwright's "expected integer, got
 * float NaN".
 */
export function pageViewport(viewport: Viewport): Viewport {
  if (!Number.isFinite(viewport.width) || !Number.isFinite(viewport.height))
    throw new Error(`a page's viewport must be a finite size in px, not ${viewport.width}×${viewport.height}`);
  return { width: Math.max(1, Math.round(viewport.width)), height: Math.max(1, Math.round(viewport.height)) };
}

const contextOptions = (viewport: Viewport) => ({
  viewport: pageViewport(viewport),
  deviceScaleFactor: 1,
  serviceWorkers: "block" as const,
  javaScriptEnabled: true,
});

/** A context for withPage's pages, with the options withPage gives its own contexts; the caller closes it. */
export function newPageContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext(contextOptions({ width: 1280, height: 720 }));
}

/**
 * Runs `fn` with a context for several withPage calls: `host` itself when it is one, else a context made for the
 * call and closed after it. The pages of one context are reused, so a measurement of several widths starts one
 * renderer process instead of one per page (a fresh context per page made `figment code --score` about 4× slower).
 */
export async function inOneContext<T>(host: PageHost, fn: (context: BrowserContext) => Promise<T>): Promise<T> {
  if (isContext(host)) return fn(host);
  const context = await newPageContext(host);
  try {
    return await fn(context);
  } finally {
    await context.close();
  }
}

// Read, not `in`: a test's browser may be a forwarding proxy (test/helpers/browser.ts).
const isContext = (host: PageHost): host is BrowserContext =>
  typeof (host as Partial<Browser>).newContext !== "function";

/** What one withPage call serves: its files by path, the origins it lets through, what it answers from memory. */
interface Served {
  byPath: Map<string, SourceFile>;
  allowed: Set<string>;
  serve: PageOptions["serve"];
  fetchFrom: PageOptions["fetchFrom"];
}

/** Routes every request of `page` as `current()` says: the call the page serves now. */
async function routePage(page: Page, current: () => Served): Promise<void> {
  await page.route("**/*", async (route: Route) => {
    const { byPath, allowed, serve, fetchFrom } = current();
    let url: URL;
    try {
      url = new URL(route.request().url());
    } catch {
      return route.abort("blockedbyclient");
    }
    if (allowed.has(url.origin)) return route.continue();
    if (url.origin !== FIGMENT_ORIGIN) {
      const served = serve?.(url);
      return served
        ? route.fulfill({ status: 200, contentType: served.contentType, body: served.body })
        : route.abort("blockedbyclient");
    }
    let path: string;
    try {
      path = normalizePath(decodeURIComponent(url.pathname));
    } catch {
      path = normalizePath(url.pathname);
    }
    const upstream = fetchFrom?.get(path);
    if (upstream) return route.continue({ url: upstream });
    const file = byPath.get(path) ?? (path === "" ? byPath.get("index.html") : undefined);
    if (!file) {
      return route.fulfill({ status: 404, contentType: "text/plain; charset=utf-8", body: `not found: /${path}` });
    }
    return route.fulfill({ status: 200, contentType: contentTypeFor(file.path), body: bodyOf(file) });
  });
  // page.route does not see WebSockets: refuse those too, but for an allowed origin's (ComfyUI's /ws on 127.0.0.1).
  await page.routeWebSocket(/.*/, (ws) => {
    const origin = new URL(ws.url().replace(/^ws/, "http")).origin;
    if (current().allowed.has(origin)) ws.connectToServer();
    else ws.close({ code: 1008, reason: "no network in figment tests" });
  });
}

/** A page of a shared context that withPage loads again for each call. */
interface ReusablePage {
  page: Page;
  served: Served;
}
const idlePages = new WeakMap<BrowserContext, ReusablePage[]>();

async function takeIdlePage(context: BrowserContext, served: Served): Promise<ReusablePage> {
  const idle = idlePages.get(context) ?? [];
  idlePages.set(context, idle);
  const reused = idle.pop();
  if (reused && !reused.page.isClosed()) return Object.assign(reused, { served });
  const page = await context.newPage();
  const fresh: ReusablePage = { page, served };
  await routePage(page, () => fresh.served);
  return fresh;
}

/** Navigates to `entry` and waits for `load` and the document's fonts. */
async function load(page: Page, entry: string): Promise<void> {
  await page.goto(`${FIGMENT_ORIGIN}/${normalizePath(entry)}`, { waitUntil: "load" });
  await page.evaluate(async () => {
    await (globalThis as unknown as PageGlobals).document.fonts.ready;
  });
}

/**
 * Opens a page at `viewport` (in a fresh context, or in the context given: PageHost), serves `files` from memory
 * under `http://figment.test/` (any request to another origin is aborted; an unknown path gets a 404), navigates to
 * `entry`, waits for `load` and `document.fonts.ready`, runs `fn(page)` and closes what it opened.
 * `allowOrigins` lets requests to those origins through (tests: a local model server on 127.0.0.1).
 * `beforeGoto` runs on the fresh page before it navigates (bench: start a CPU profile that sees the whole load).
 */
export async function withPage<T>(
  host: PageHost,
  files: SourceFile[],
  entry: string,
  viewport: Viewport,
  fn: (page: Page) => Promise<T>,
  options: PageOptions = {},
): Promise<T> {
  const served: Served = {
    byPath: new Map(files.map((file) => [normalizePath(file.path), file])),
    allowed: new Set(options.allowOrigins ?? []),
    serve: options.serve,
    fetchFrom: options.fetchFrom,
  };
  if (isContext(host) && !options.stylesheets?.length && !options.beforeGoto) {
    const reusable = await takeIdlePage(host, served);
    const out = await runOn(reusable.page, viewport, entry, fn, true).catch(async (error: unknown) => {
      await reusable.page.close(); // in a state nobody knows: not reused
      throw error;
    });
    idlePages.get(host)?.push(reusable);
    return out;
  }
  const context = isContext(host) ? host : await host.newContext(contextOptions(viewport));
  let opened: Page | undefined;
  try {
    const page = (opened = await context.newPage());
    await routePage(page, () => served);
    if (options.stylesheets?.length) await addStylesheets(page, options.stylesheets);
    await options.beforeGoto?.(page);
    return await runOn(page, viewport, entry, fn, context === host);
  } finally {
    if (context === host) await opened?.close();
    else await context.close();
  }
}

/** Loads `entry` at `viewport` (set on the page when its context was not made at that size) and runs `fn`. */
async function runOn<T>(
  page: Page,
  viewport: Viewport,
  entry: string,
  fn: (page: Page) => Promise<T>,
  resize: boolean,
): Promise<T> {
  if (resize) await page.setViewportSize(contextOptions(viewport).viewport);
  await load(page, entry);
  return fn(page);
}

/** Links `hrefs` into the page's head before its own scripts run (an init script, kept by the page). */
async function addStylesheets(page: Page, hrefs: readonly string[]): Promise<void> {
  await page.addInitScript((hrefs: readonly string[]) => {
    const add = (): void => {
      for (const href of hrefs) {
        const link = (
          globalThis as unknown as { document: { createElement(tag: string): { rel: string; href: string } } }
        ).document.createElement("link");
        link.rel = "stylesheet";
        link.href = href;
        (
          globalThis as unknown as { document: { head: { appendChild(node: unknown): void } } }
        ).document.head.appendChild(link);
      }
    };
    (
      globalThis as unknown as { document: { addEventListener(type: string, fn: () => void): void } }
    ).document.addEventListener("DOMContentLoaded", add);
  }, hrefs);
}
