/**
 * One headless Chromium per test file (cli/browser.ts's launchChromium, with its flags), a fresh context per test
 * (withPage and withPluginPage open and close one), closed after the file's last test.
 *
 *   describe.runIf(runBrowser)("…", () => {
 *     const browser = useBrowser();
 *     it("…", () => withPage(browser, …));
 *   });
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { chromiumAvailable, launchChromium } from "../../cli/browser.js";

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
  return new Proxy({} as Browser, {
    get(_, key) {
      if (!launched) throw new Error(`useBrowser: the browser is used (.${String(key)}) outside a test or hook of its describe block`);
      const value: unknown = Reflect.get(launched, key, launched);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(launched) : value;
    },
  });
}
