/**
 * The model-path e2e set-up, once: one Chromium per test file that may reach a server on 127.0.0.1, and
 * OpenAI-wire test servers (test/openai-server/) started by the tests that need one, each closed after its test.
 * The plugin page itself is test/harness/plugin-page.ts's withPluginPage, given `allowOrigins: [serverOrigin(server)]`.
 *
 *   describe.runIf(runBrowser)("…", () => {
 *     const { browser, startServer } = useModelE2e();
 *     it("…", async () => {
 *       const server = await startServer();
 *       await withPluginPage(browser, { …, allowOrigins: [serverOrigin(server)] }, async ({ ui }) => { … });
 *     });
 *   });
 */
import type { Browser } from "playwright-core";
import { afterEach } from "vitest";
import {
  startOpenAiServer,
  type OpenAiTestServer,
  type ScriptedReply,
  type ScriptFn,
} from "../openai-server/server.js";
import { useBrowser } from "./browser.js";

export interface ModelE2e {
  browser: Browser;
  /** A fresh OpenAI-wire server (replies as startOpenAiServer takes them), closed once the current test ends. */
  startServer(script?: ScriptedReply[] | ScriptFn): Promise<OpenAiTestServer>;
}

/** Registers the browser's and the servers' hooks in the calling describe block. */
export function useModelE2e(): ModelE2e {
  const browser = useBrowser({ localModelServer: true });
  const open: OpenAiTestServer[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((server) => server.close()));
  });
  return {
    browser,
    async startServer(script) {
      const server = await startOpenAiServer(script);
      open.push(server);
      return server;
    },
  };
}

/** The origin a plugin page must be allowed to reach for `server` (withPluginPage's allowOrigins). */
export function serverOrigin(server: OpenAiTestServer): string {
  return new URL(server.url).origin;
}
