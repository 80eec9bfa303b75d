/**
 * The worker bootstrap (ui/engine/boot.ts) in headless Chromium: a real Worker unpacks a gzip+base64 script
 * itself and runs it, messages sent while it unpacks reach the script's own handler in order, and a payload
 * it cannot unpack is reported as the worker's error event. Also inside an opaque-origin sandboxed iframe, as
 * Figma runs plugin panels (Blob URLs and importScripts must work there).
 */
import { gzipSync } from "node:zlib";
import type { Browser, Frame } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumAvailable, withPage } from "../../cli/measure/browser.js";
import { BOOTSTRAP_SOURCE } from "./boot.js";
import { connectChromium } from "../../test/helpers/chromium-server.js";

const runBrowser = chromiumAvailable() || process.env["CI"] !== undefined;
if (!runBrowser) console.warn("boot.browser: Chromium not found and CI unset; skipping the browser tests");

/** The "engine worker" for the test: echoes what it gets, with the decode time the bootstrap left. */
const SCRIPT = `self.onmessage = function (e) { postMessage({ echo: e.data, decodeMs: self.__figmentDecodeMs }); };`;
const packed = (source: string) => gzipSync(Buffer.from(source, "utf8")).toString("base64");

/** Runs in the page: starts a bootstrapped worker, sends `before` at once and `after` once it answered, collects. */
const RUNNER =
  `
window.runBoot = function (bootSource, payload) {
  return new Promise(function (resolve) {
    var url = URL.createObjectURL(new Blob([bootSource], { type: "text/javascript" }));
    var worker = new Worker(url);
    var got = [];
    var timer = setTimeout(function () { resolve({ got: got, error: "timeout" }); }, 10000);
    worker.onerror = function (event) { event.preventDefault(); clearTimeout(timer); resolve({ got: got, error: ` +
  `event.message || "error" }); };
    worker.onmessage = function (event) {
      got.push(event.data);
      if (got.length === 2) worker.postMessage("after");
      if (got.length === 3) { clearTimeout(timer); worker.terminate(); resolve({ got: got }); }
    };
    worker.postMessage({ figmentBoot: payload });
    worker.postMessage("before-1");
    worker.postMessage("before-2");
  });
};`;

type Outcome = { got: { echo: unknown; decodeMs?: number }[]; error?: string };

const html = (body: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><script>${RUNNER}</script></head><body>${body}</body></html>`;

async function inPage<T>(browser: Browser, fn: (frame: Frame) => Promise<T>, sandboxed: boolean): Promise<T> {
  const files = [
    {
      path: "index.html",
      content: sandboxed ? html(`<iframe id="f" sandbox="allow-scripts" src="inner.html"></iframe>`) : html(""),
    },
    { path: "inner.html", content: html("") },
  ];
  return withPage(browser, files, "index.html", { width: 400, height: 300 }, async (page) => {
    if (!sandboxed) return fn(page.mainFrame());
    const frame = await (await page.waitForSelector("#f")).contentFrame();
    await frame!.waitForFunction(() => typeof (globalThis as unknown as { runBoot?: unknown }).runBoot === "function");
    expect(await frame!.evaluate(() => origin)).toBe("null");
    return fn(frame!);
  });
}

const run = (frame: Frame, payload: string): Promise<Outcome> =>
  frame.evaluate(
    ([boot, data]) =>
      (globalThis as unknown as { runBoot(b: string, d: string): Promise<Outcome> }).runBoot(boot, data),
    [BOOTSTRAP_SOURCE, payload] as const,
  );

describe.runIf(runBrowser)("the worker bootstrap", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await connectChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each([false, true])(
    "unpacks and runs the script; messages sent meanwhile arrive in order (sandboxed iframe: %s)",
    async (sandboxed) => {
      const outcome = await inPage(browser, (frame) => run(frame, packed(SCRIPT)), sandboxed);
      expect(outcome.error).toBeUndefined();
      expect(outcome.got.map((m) => m.echo)).toEqual(["before-1", "before-2", "after"]);
      expect(outcome.got[0]!.decodeMs).toBeGreaterThanOrEqual(0);
    },
  );

  it("reports a payload it cannot unpack as the worker's error", async () => {
    const outcome = await inPage(
      browser,
      (frame) => run(frame, Buffer.from("not gzip at all").toString("base64")),
      false,
    );
    expect(outcome.got).toEqual([]);
    expect(outcome.error).toMatch(/could not be unpacked/);
  });

  it("reports a script that sets no message handler", async () => {
    const outcome = await inPage(browser, (frame) => run(frame, packed("var nothing = 1;")), false);
    expect(outcome.error).toMatch(/did not start/);
  });
});
