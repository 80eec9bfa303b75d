/**
 * The client in Chromium, from an opaque-origin page (a data: URL, origin "null", as the plugin's iframe), against
 * the SD test server: with CORS off the browser blocks the answers and the error names the flag to add; with it on
 * the same calls work; a server that is down stays "unreachable", not a CORS block.
 */
import { build } from "esbuild";
import type { Page } from "playwright-core";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { runBrowser, useBrowser } from "../../test/helpers/browser.js";
import { startSdNextServer, type SdServerOptions, type SdTestServer } from "../../test/sdnext-server/server.js";

interface Outcome {
  ok: boolean;
  reason?: string;
  message?: string;
  problem?: { type: string };
  step?: string;
  images?: number[][];
}

describe.runIf(runBrowser)("SD client from the plugin's opaque origin", () => {
  const browser = useBrowser({ localModelServer: true });
  let bundle = "";
  let server: SdTestServer | undefined;

  beforeAll(async () => {
    const out = await build({
      entryPoints: ["ai/sdnext/index.ts"],
      bundle: true,
      write: false,
      format: "iife",
      globalName: "sd",
      platform: "browser",
      target: "es2022",
      logLevel: "silent",
    });
    bundle = out.outputFiles[0]?.text ?? "";
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function onOpaquePage<T>(fn: (page: Page) => Promise<T>): Promise<T> {
    const page = await browser.newPage();
    try {
      await page.goto("data:text/html,<!doctype html><title>plugin</title>");
      expect(await page.evaluate(() => self.origin)).toBe("null");
      await page.addScriptTag({ content: bundle });
      return await fn(page);
    } finally {
      await page.close();
    }
  }

  /** testConnection then a txt2img in the page: what came back, or the error's reason, message, problem, next step. */
  const callFromPage = (page: Page, baseUrl: string, auth?: string): Promise<Outcome> =>
    page.evaluate(
      async ({ baseUrl, auth }) => {
        const sd = (window as unknown as { sd: typeof import("./index.js") }).sd;
        const connection = { baseUrl, ...(auth ? { auth } : {}) };
        try {
          await sd.testConnection(connection);
          const result = await sd.txt2img(connection, { prompt: "a lighthouse", width: 64, height: 64, seed: 5 });
          return { ok: true, images: result.images.map((i) => [i.width, i.height, i.seed ?? -1]) };
        } catch (error) {
          const e = error as { reason?: string; message?: string; problem?: { type: string } };
          return {
            ok: false,
            reason: e.reason,
            message: e.message,
            problem: e.problem,
            step: e.problem ? sd.sdNextStep(e.problem as Parameters<typeof sd.sdNextStep>[0]) : undefined,
          };
        }
      },
      { baseUrl, auth },
    );

  async function start(options: SdServerOptions): Promise<SdTestServer> {
    server = await startSdNextServer(options);
    return server;
  }

  it(
    "CORS off: the browser blocks the answer and the " + "error names --cors-origins and --cors-allow-origins",
    async () => {
      const sd = await start({ cors: false });
      const outcome = await onOpaquePage((page) => callFromPage(page, sd.url));
      expect(outcome).toMatchObject({ ok: false, reason: "offline", problem: { type: "cors" } });
      expect(outcome.message).toContain('does not allow requests from the plugin\'s origin ("null")');
      expect(outcome.step).toBe(
        "Restart the server with --cors-origins null (SD.Next) or " +
          "--cors-allow-origins null (AUTOMATIC1111) so it answers the plugin.",
      );
      // The server did answer: the request reached it from origin "null".
      expect(sd.requests[0]?.headers["origin"]).toBe("null");
    },
  );

  it("CORS on: the same calls work, credentials and JSON bodies through the preflight", async () => {
    const sd = await start({ cors: true, apiAuth: "ada:pw" });
    const outcome = await onOpaquePage((page) => callFromPage(page, sd.url, "ada:pw"));
    expect(outcome).toEqual({ ok: true, images: [[64, 64, 5]] });
    expect(sd.requests.filter((r) => r.method === "POST").every((r) => r.errors.length === 0)).toBe(true);
  });

  it("a server that is down is unreachable, not a CORS block", async () => {
    const sd = await start({ cors: false });
    const url = sd.url;
    await sd.close();
    const outcome = await onOpaquePage((page) => callFromPage(page, url));
    expect(outcome).toMatchObject({ ok: false, reason: "offline", problem: { type: "unreachable" } });
  });
});
