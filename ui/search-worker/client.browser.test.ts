/**
 * The search worker for real in headless Chromium: the client (client.ts) starts it from a packed script (as the
 * main thread hands it over), requests made while it starts wait and go out in order, an index is built,
 * queried by words and by vector, replaced; a missing script is a clear error that a later request retries; a
 * worker that dies fails what was pending, and the next request starts a new one fed the last index.
 */
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumAvailable, withPage } from "../../cli/measure/browser.js";
import { connectChromium } from "../../test/helpers/chromium-server.js";
import { ROOT } from "../../test/harness/plugin-page.js";

const runBrowser = chromiumAvailable() || process.env["CI"] !== undefined;

/**
 * The page: `window.make(payloads)` makes a client whose n-th script fetch answers payloads[n] (the last one repeats).
 */
const PAGE_ENTRY =
  `
import { SearchWorkerClient } from "./ui/search-worker/client.ts";
import { encodeVector } from "./contract/vector-codec.ts";
const counts = { buttons: 0, inputs: 0, images: 0, headings: 0, width: 375, height: 812 };
window.doc = (id, name, texts) => ({ id, name, page: "Screens", pageId: "0:1", texts, components: [], counts, ` +
  `summary: "375×812", hash: "h" + id });
window.encodeVector = encodeVector;
window.make = (payloads) => {
  window.fetches = 0;
  window.workers = [];
  return new SearchWorkerClient({
    source: async () => payloads[Math.min(window.fetches++, payloads.length - 1)],
    createWorker: (url) => { const w = new Worker(url); window.workers.push(w); return w; },
  });
};
`;

let bundled: Promise<{ page: string; worker: string }> | undefined;
function bundle(): Promise<{ page: string; worker: string }> {
  bundled ??= (async () => {
    const options = {
      bundle: true,
      platform: "browser",
      format: "iife",
      target: "es2020",
      write: false,
      logLevel: "silent",
    } as const;
    const worker = await build({ ...options, entryPoints: [join(ROOT, "ui/search-worker/search.worker.ts")] });
    const page = await build({
      ...options,
      stdin: { contents: PAGE_ENTRY, loader: "ts", resolveDir: ROOT, sourcefile: "client-page.ts" },
    });
    return { page: page.outputFiles[0]!.text, worker: gzipSync(worker.outputFiles[0]!.contents).toString("base64") };
  })();
  return bundled;
}

async function inPage<T>(browser: Browser, fn: (page: Page, packed: string) => Promise<T>): Promise<T> {
  const { page, worker } = await bundle();
  const html =
    `<!doctype html><html><head><meta charset="utf-8"></head><body><script ` + `src="page.js"></script></body></html>`;
  return withPage(
    browser,
    [
      { path: "index.html", content: html },
      { path: "page.js", content: page },
    ],
    "index.html",
    { width: 400, height: 300 },
    (p) => fn(p, worker),
  );
}

describe.runIf(runBrowser)("the search worker in Chromium", { timeout: 30_000 }, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await connectChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("builds, answers words and vector queries sent while it starts, and replaces its index", async () => {
    await inPage(browser, async (page, packed) => {
      const result = await page.evaluate(async (packed) => {
        const w = window as unknown as Record<string, (...a: unknown[]) => unknown>;
        const client = w["make"]!([packed]) as import("./client.js").SearchWorkerClient;
        const doc = w["doc"] as (
          id: string,
          name: string,
          texts: string[],
        ) => import("../../contract/search.js").SearchFrameDoc;
        const vec = w["encodeVector"] as (v: number[]) => string;
        const docs = [
          doc("1:1", "Beach list", ["Beach towels"]),
          doc("1:2", "Ocean landing", ["Waves and sand"]),
          doc("1:3", "Settings", ["Privacy"]),
        ];
        const ids = (hits: { id: string }[]) => hits.map((h) => h.id);
        // All at once, before the worker exists: they wait for it and go out in order.
        const [built, words, byVector, hybrid] = await Promise.all([
          client.call("index", {
            docs,
            vectors: { "1:1": vec([1, 0, 0]), "1:2": vec([0, 1, 0]), "1:3": vec([0, 0, 1]) },
            dimensions: 3,
          }),
          client.call("query", { term: "privacy", limit: 10 }).then((r) => r.hits),
          client.call("query", { vector: [0, 0.9, 0.1], limit: 2, exclude: ["1:3"] }).then((r) => r.hits),
          client.call("query", { term: "sea", vector: [0, 1, 0], limit: 1 }).then((r) => r.hits),
        ]);
        const replaced = await client.call("index", { docs: [doc("2:1", "Checkout", ["Coupon"])], vectors: {} });
        const after = await Promise.all([
          client.call("query", { term: "privacy", limit: 10 }).then((r) => r.hits),
          client.call("query", { term: "coupon", limit: 10 }).then((r) => r.hits),
        ]);
        const badVector = await client.call("query", { vector: [1, 0, 0], term: "x", limit: 1 }).then(
          () => "answered",
          (e: Error) => e.message,
        );
        const starts = performance.getEntriesByName("figment:search-worker-start").length;
        return {
          built,
          words: ids(words),
          byVector: ids(byVector),
          hybrid: ids(hybrid),
          replaced,
          after: after.map(ids),
          badVector,
          fetches: (window as unknown as { fetches: number }).fetches,
          starts,
        };
      }, packed);
      expect(result.built).toMatchObject({ frames: 3, vectors: 3 });
      expect(result.words).toEqual(["1:3"]);
      expect(result.byVector).toEqual(["1:2", "1:1"]);
      expect(result.hybrid).toEqual(["1:2"]);
      expect(result.replaced).toMatchObject({ frames: 1, vectors: 0 });
      expect(result.after).toEqual([[], ["2:1"]]);
      // A vector against an index without vectors is ignored: ranked by its words alone.
      expect(result.badVector).toBe("answered");
      expect(result.fetches).toBe(1);
      expect(result.starts).toBe(1);
    });
  });

  it(
    "a missing script is a clear error and the next request asks again; a " +
      "dead worker fails what was pending, then restarts with the last index",
    async () => {
      await inPage(browser, async (page, packed) => {
        const result = await page.evaluate(async (packed) => {
          const w = window as unknown as Record<string, unknown> & { workers: Worker[]; fetches: number };
          const client = (w["make"] as (p: string[]) => import("./client.js").SearchWorkerClient)(["", packed]);
          const doc = w["doc"] as (
            id: string,
            name: string,
            texts: string[],
          ) => import("../../contract/search.js").SearchFrameDoc;
          const missing = await client.call("index", { docs: [doc("1:1", "Beach list", [])], vectors: {} }).then(
            () => "built",
            (e: Error) => e.message,
          );
          await client.call("index", {
            docs: [doc("1:1", "Beach list", []), doc("1:2", "Settings", ["Privacy"])],
            vectors: {},
          });
          // The worker dies with a query posted (only microtasks passed: its answer cannot have been read yet).
          const pending = client.call("query", { term: "privacy", limit: 5 }).then(
            () => "answered",
            (e: Error) => e.message,
          );
          for (let i = 0; i < 10; i++) await Promise.resolve();
          w.workers[0]!.dispatchEvent(new ErrorEvent("error", { message: "out of memory" }));
          const died = await pending;
          const again = (await client.call("query", { term: "privacy", limit: 5 }).then((r) => r.hits)).map(
            (h) => h.id,
          );
          // It dies again before a query went out: that query goes to the next worker.
          const next = client.call("query", { term: "settings", limit: 5 }).then((r) => r.hits);
          w.workers[1]!.dispatchEvent(new ErrorEvent("error", { message: "gone" }));
          const rescued = (await next).map((h) => h.id);
          return { missing, died, again, rescued, workers: w.workers.length, fetches: w.fetches };
        }, packed);
        expect(result.missing).toBe(
          "the search worker is missing from this build (empty payload); rebuild with npm run build",
        );
        expect(result.died).toBe("the search worker stopped (out of memory)");
        expect(result.again).toEqual(["1:2"]);
        expect(result.rescued).toEqual(["1:2"]);
        expect(result.workers).toBe(3);
        expect(result.fetches).toBe(2);
      });
    },
  );
});
