/**
 * The test run's Chromium: the global setup (test/global-setup.ts) starts one browser server per set of launch flags
 * (the default one, and the one whose pages may reach a server on 127.0.0.1) and names their endpoints in the
 * environment the test files inherit; each file connects to it (test/helpers/browser.ts) instead of launching a
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
  const flagSets: SharedChromiumOptions[] = [{}, { localModelServer: true }];
  const servers: BrowserServer[] = await Promise.all(
    flagSets.map((options) => chromium.launchServer(chromiumLaunchOptions(options))),
  );
  flagSets.forEach((options, i) => void (process.env[envOf(options)] = servers[i]!.wsEndpoint()));
  return async () => {
    for (const options of flagSets) delete process.env[envOf(options)];
    await Promise.all(servers.map((server) => server.close()));
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
