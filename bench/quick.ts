/**
 * BENCH_QUICK=1: every section runs once at its smallest size (one timed run, no warm-up, the smallest or first of
 * its pages or files, secondary comparisons left out), so `npm test` can run the whole bench and see any section
 * break. Its figures say nothing about speed: they go to bench/out/quick.json, never over the full run's results.json.
 */
import type { Browser, BrowserContext } from "playwright-core";
import { launchChromium, newPageContext, type PageHost } from "../cli/measure/browser.js";

export const QUICK = process.env["BENCH_QUICK"] === "1";

/** A section's count: `quick` under BENCH_QUICK, else the environment's `envName` if set, else `full`. */
export function benchCount(full: number, quick = 1, envName?: string): number {
  if (QUICK) return quick;
  const fromEnv = envName ? process.env[envName] : undefined;
  return fromEnv !== undefined && fromEnv.trim() !== "" ? Number(fromEnv) : full;
}

/** Under BENCH_QUICK the first `n` of `items` (a section's pages, frames or files), else all of them. */
export function quickSample<T>(items: readonly T[], n = 1): T[] {
  return QUICK ? items.slice(0, n) : [...items];
}

/** Under BENCH_QUICK the one of `items` that is smallest by `size` (the cheapest to measure), else all of them. */
export function quickSmallest<T>(items: readonly T[], size: (item: T) => number): T[] {
  if (!QUICK || items.length === 0) return [...items];
  const sizes = items.map(size);
  return [items[sizes.indexOf(Math.min(...sizes))]!];
}

/** Warm-up calls before timing: none under BENCH_QUICK. */
export function warmups(full: number): number {
  return QUICK ? 0 : full;
}

let quickBrowser: Promise<Browser> | undefined;
let quickContext: Promise<BrowserContext> | undefined;

/**
 * Runs `fn` with headless Chromium: `host` to open its pages on (withPage, withPluginPage), `browser` for what needs
 * the browser itself (tracing). The full run launches a browser per call with `options`, passes it as both and closes
 * it after, as the sections always have. Under BENCH_QUICK every section shares one browser, launched on first use
 * with the local model server allowed (what the sections that talk to the test server need; the others never reach
 * it), and one context of it whose idle page each load reuses, as the tests' renders do (usePageContext): a fresh
 * context costs Chromium a renderer's start and a compile of dist/code.js and ui.html, more than most of the pages.
 * Its pages are left blank after each section (no panel or worker of it running on) and closeQuickBrowser ends it.
 */
export async function withBenchBrowser<T>(
  fn: (host: PageHost, browser: Browser) => Promise<T>,
  options: { localModelServer?: boolean } = {},
): Promise<T> {
  if (QUICK) {
    quickBrowser ??= launchChromium({ localModelServer: true });
    const browser = await quickBrowser;
    quickContext ??= newPageContext(browser);
    const context = await quickContext;
    try {
      return await fn(context, browser);
    } finally {
      for (const page of context.pages()) await page.goto("about:blank").catch(() => page.close());
    }
  }
  const browser = await launchChromium(options);
  try {
    return await fn(browser, browser);
  } finally {
    await browser.close();
  }
}

/** Closes BENCH_QUICK's shared Chromium, if a section launched it. */
export async function closeQuickBrowser(): Promise<void> {
  const browser = quickBrowser;
  quickBrowser = undefined;
  quickContext = undefined;
  await (await browser?.catch(() => undefined))?.close();
}
