/**
 * One headless Chromium per test file (cli/measure/browser.ts's launchChromium, with its flags), a fresh context per
 * test (withPage and withPluginPage open and close one), closed after the file's last test.
 *
 *   describe.runIf(runBrowser)("…", () => {
 *     const browser = useBrowser();
 *     it("…", () => withPage(browser, …));
 *   });
 *
 * A file that renders many pages (the fidelity and responsive measurements) opens them in one context instead
 * (usePageContext): a fresh page per render, without starting a context and its renderer process each time.
 */
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { chromiumAvailable, launchChromium, newPageContext } from "../../cli/measure/browser.js";

/** Browser tests run where Chromium is installed, and always in CI (there a missing browser must fail). */
export const runBrowser: boolean = chromiumAvailable() || process.env["CI"] !== undefined;

export interface BrowserOptions {
  /** Pages on the in-memory origin may reach a test server on 127.0.0.1 (the OpenAI-wire server). */
  localModelServer?: boolean;
}

/**
 * Registers, in the calling describe block, a beforeAll that launches Chromium and an afterAll that closes it, and
 * returns the browser. It is a stand-in that forwards to the launched browser, so that tests keep passing `browser`
 * by value although it only exists once beforeAll has run; using it outside a test or hook throws.
 */
export function useBrowser(options: BrowserOptions = {}): Browser {
  let launched: Browser | undefined;
  beforeAll(async () => {
    launched = await launchChromium(options);
  });
  afterAll(async () => {
    await launched?.close();
    launched = undefined;
  });
  return forwarding("useBrowser", () => launched);
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
