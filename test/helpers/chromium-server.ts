/**
 * The test run's Chromium: the global setup (test/global-setup.ts) starts one browser server, whose pages may reach a
 * server on 127.0.0.1 (the flags of `localModelServer`), and names its endpoint in the environment the test files
 * inherit, under both flag sets' names; each file connects to it (test/helpers/browser.ts) instead of launching a
 * Chromium of its own. A launch costs about 1.1 s of a worker's time, a connection 0.3 s, over some 130 files.
 * Each file still opens its own contexts, and they close when it disconnects: nothing of a file outlives it.
 */
import { chromium, type Browser, type BrowserServer } from "playwright-core";
import { chromiumAvailable, chromiumLaunchOptions, launchChromium } from "../../cli/measure/browser.js";

/** The environment variables naming the servers' endpoints, by the flag set's name. */
const ENDPOINT_ENV = {
  default: "FIGMENT_TEST_CHROMIUM",
  localModelServer: "FIGMENT_TEST_CHROMIUM_LOCAL",
} as const;

export interface SharedChromiumOptions {
  /** Pages on the in-memory origin may reach a test server on 127.0.0.1 (the OpenAI-wire server). */
  localModelServer?: boolean;
}

const envOf = (options: SharedChromiumOptions): string =>
  options.localModelServer ? ENDPOINT_ENV.localModelServer : ENDPOINT_ENV.default;

/**
 * Starts the run's browser servers (none where Chromium is not installed) and sets their endpoints in this
 * process's environment; the returned function stops them.
 */
export async function startSharedChromium(): Promise<() => Promise<void>> {
  if (!chromiumAvailable()) return async () => {};
  // One browser for both: its pages may reach 127.0.0.1, which every page of the default set needs too, for the
  // large files it fetches from the run's file server (test/helpers/static-server.ts). The routes still refuse
  // every request a call does not serve or allow, so no page reaches anything else.
  const server: BrowserServer = await chromium.launchServer(chromiumLaunchOptions({ localModelServer: true }));
  const names = Object.values(ENDPOINT_ENV);
  for (const name of names) process.env[name] = server.wsEndpoint();
  return async () => {
    for (const name of names) delete process.env[name];
    await server.close();
  };
}

/**
 * The run's shared Chromium (its `close` disconnects, which closes this connection's contexts), or a Chromium of
 * its own where no server runs (a file run outside vitest's global setup) or it cannot be reached.
 */
export async function connectChromium(options: SharedChromiumOptions = {}): Promise<Browser> {
  const endpoint = process.env[envOf(options)];
  if (endpoint) {
    try {
      // A bound for a server that stopped answering: then the file launches its own.
      return await chromium.connect(endpoint, { timeout: 60_000 });
    } catch (error) {
      console.warn(`the run's shared Chromium could not be reached (${String(error)}): launching one`);
    }
  }
  return launchChromium(options);
}
