/**
 * The run's one headless Chromium (test/helpers/chromium-server.ts: launched once by the global setup with
 * cli/measure/browser.ts's flags), connected to per test file, a fresh context per test (withPage and withPluginPage
 * open and close one), disconnected after the file's last test.
 *
 *   describe.runIf(runBrowser)("…", () => {
 *     const browser = useBrowser();
 *     it("…", () => withPage(browser, …));
 *   });
 *
 * A file that renders many pages (the fidelity and responsive measurements) opens them in one context instead
 * (usePageContext): a fresh page per render, without starting a context and its renderer process each time.
 */
import type { Browser, BrowserContext, Download } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { chromiumAvailable, newPageContext } from "../../cli/measure/browser.js";
import { connectChromium, type SharedChromiumOptions } from "./chromium-server.js";

/** Browser tests run where Chromium is installed, and always in CI (there a missing browser must fail). */
export const runBrowser: boolean = chromiumAvailable() || process.env["CI"] !== undefined;

export type BrowserOptions = SharedChromiumOptions;

/**
 * Registers, in the calling describe block, a beforeAll that connects to the run's Chromium and an afterAll that
 * disconnects (closing the contexts the block left open), and returns the browser. It is a stand-in that forwards to
 * the connected browser, so that tests keep passing `browser` by value although it only exists once beforeAll has
 * run; using it outside a test or hook throws.
 */
export function useBrowser(options: BrowserOptions = {}): Browser {
  let connected: Browser | undefined;
  beforeAll(async () => {
    connected = await connectChromium(options);
  });
  afterAll(async () => {
    await connected?.close();
    connected = undefined;
  });
  return forwarding("useBrowser", () => connected);
}

/**
 * A context of `browser` (useBrowser's, registered before this) for withPage and the measurements that take a
 * PageHost: each call opens a fresh page in it and closes that page. Opened in a beforeAll, closed in an afterAll.
 */
export function usePageContext(browser: Browser): BrowserContext {
  let context: BrowserContext | undefined;
  beforeAll(async () => {
    context = await newPageContext(browser);
  });
  afterAll(async () => {
    await context?.close();
    context = undefined;
  });
  return forwarding("usePageContext", () => context);
}

/** A stand-in for what exists only once a beforeAll has run: forwards to it, throws when used before or after. */
function forwarding<T extends object>(name: string, current: () => T | undefined): T {
  return new Proxy({} as T, {
    get(_, key) {
      const target = current();
      if (!target) throw new Error(`${name}: used (.${String(key)}) outside a test or hook of its describe block`);
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * A download's bytes. Read through the connection (Download.path() does not exist on a browser connected to, as the
 * run's shared Chromium is).
 */
export async function downloadedBytes(download: Download): Promise<Buffer> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  return Buffer.concat(chunks);
}
