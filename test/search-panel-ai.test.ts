/**
 * The Search panel's ranking by meaning in headless Chromium, on a small page bundled from ui/search/ with a
 * stand-in for the main thread (an index whose frames carry vectors) and for the model (SearchAi, answering
 * query vectors after a delay, honouring the signal): words at once, the hybrid ranking replacing them when the
 * vector arrives, a superseded query's vector aborted and never shown, nothing of it without `available`.
 * Screenshots go to test-artifacts/search-panel/.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ROOT } from "./harness/plugin-page.js";
import { bundleTestPage, withComponentPage, type PageBundle } from "./helpers/component-page.js";
import { runBrowser, useBrowser } from "./helpers/browser.js";
import { effectsRan, timersRan } from "./helpers/page-turns.js";
import { EMBED_DELAY_MS } from "../ui/search/use-search-results.js";

const ARTIFACTS = join(ROOT, "test-artifacts", "search-panel");

const PAGE_ENTRY =
  `
import { render } from "preact";
import { SearchPanel } from "./ui/search/search-panel.tsx";
import { useSearchSession } from "./ui/search/search-session.ts";
import { encodeVector } from "./contract/vector-codec.ts";
import "./ui/styles.css";

const params = new URLSearchParams(location.search);
const counts = { buttons: 0, inputs: 0, images: 0, headings: 0, width: 375, height: 812 };
const doc = (id, name, texts, vector) => ({ doc: { id, name, page: "Screens", pageId: "0:1", texts, components: [], ` +
  `counts, summary: "375×812", hash: "h" + id }, vector });
const frames = [
  doc("1:1", "Beach list", ["Beach towels", "Sun cream"], [1, 0, 0]),
  doc("1:2", "Ocean landing", ["Waves and sand", "Book a trip"], [0, 1, 0]),
  doc("1:3", "Settings", ["Language", "Privacy"], [0, 0, 1]),
];
const index = { docs: frames.map((f) => f.doc), vectors: Object.fromEntries(frames.map((f) => [f.doc.id, { hash: ` +
  `f.doc.hash, model: "m", dimensions: 3, vector: encodeVector(f.vector) }])), captions: {}, scannedAt: 1 };
const requests = {
  async call(type) {
    if (type === "load-search-index" || type === "scan-frames") return { index, changes: { added: [], reindexed: ` +
  `[], dropped: [], unchanged: 3 }, skipped: [] };
    if (type === "export-frame-image") throw new Error("no thumbnails here");
    if (type === "get-worker-source") return { data: __SEARCH_WORKER__ };
    return {};
  },
};
/**
 * Query vectors: "sea…" points at the ocean frame; "slow" answers only when the test calls window.__answerSlow()
 * (so it is superseded while on the way however slow the machine), the others after 30 ms.
 */
const log = (window.__ai = { calls: [], aborted: [] });
const ai = {
  available: params.get("available") === "1",
  plan: () => ({ captions: 0, vectors: 0 }),
  enrich: async (i) => i,
  queryVector(text, signal) {
    log.calls.push(text);
    return new Promise((resolve, reject) => {
      const answer = () => resolve(text.startsWith("sea") || text === "slow" ? [0, 1, 0] : [0, 0, 1]);
      const timer = text === "slow" ? undefined : setTimeout(answer, 30);
      if (text === "slow") window.__answerSlow = answer;
      signal.addEventListener("abort", () => { clearTimeout(timer); log.aborted.push(text); reject(new ` +
  `DOMException("aborted", "AbortError")); });
    });
  },
};
function Page() {
  const session = useSearchSession({ requests, notify: () => undefined });
  return <SearchPanel session={session} selection={{ nodes: [], unsupported: [] }} hasKey={true} ai={ai} ` +
  `onOpenSettings={() => undefined} />;
}
render(<div class="app" style="height:600px"><main class="main"><Page /></main></div>, ` +
  `document.getElementById("app"));
`;

/** The search worker (ui/search-worker/), packed as the main thread hands it over. */
async function packedSearchWorker(): Promise<string> {
  const r = await build({
    entryPoints: [join(ROOT, "ui/search-worker/search.worker.ts")],
    bundle: true,
    platform: "browser",
    format: "iife",
    target: "es2020",
    write: false,
    logLevel: "silent",
  });
  return gzipSync(r.outputFiles[0]!.contents).toString("base64");
}

let searchPage: Promise<PageBundle> | undefined;
const bundle = (): Promise<PageBundle> =>
  (searchPage ??= packedSearchWorker().then((worker) =>
    bundleTestPage(PAGE_ENTRY, {
      sourcefile: "search-page.tsx",
      define: { __SEARCH_WORKER__: JSON.stringify(worker) },
    }),
  ));

async function withSearchPage<T>(browser: Browser, available: boolean, fn: (page: Page) => Promise<T>): Promise<T> {
  const ready = (page: Page) => page.locator(".search-row").first().waitFor();
  return withComponentPage(
    browser,
    await bundle(),
    { bodyStyle: "margin:0", query: `available=${available ? 1 : 0}`, ready },
    fn,
  );
}

const ranking = (page: Page) =>
  page.locator(".search-body").evaluate((el) => `${el.getAttribute("data-ranking")}:${el.getAttribute("data-term")}`);
const ids = (page: Page) =>
  page.locator(".search-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-node-id")));
const ai = (page: Page) => page.evaluate("window.__ai") as Promise<{ calls: string[]; aborted: string[] }>;

describe.runIf(runBrowser)("the Search panel with a model", { timeout: 180_000 }, () => {
  const browser = useBrowser();

  it(
    "words at once, then the hybrid ranking when the " + "query's vector arrives (a frame found by meaning alone)",
    async () => {
      await withSearchPage(browser, true, async (page) => {
        const box = page.getByRole("searchbox", { name: "Search frames" });
        // Every state the panel shows, recorded as it changes: on a busy machine the vector may arrive before a
        // poll would see the words-only state, so the test reads the record, not the moment.
        // (A string: this file has no DOM types; the page has.)
        await page.evaluate(`(() => {
        window.__states = [];
        const snap = () => {
          const body = document.querySelector(".search-body");
          const state = {
            ranking: \`\${body?.getAttribute("data-ranking")}:\${body?.getAttribute("data-term")}\`,
            ids: [...document.querySelectorAll(".search-row")].map((r) => r.getAttribute("data-node-id")),
            calls: window.__ai.calls.length,
          };
          const last = window.__states[window.__states.length - 1];
          if (!last || JSON.stringify(last) !== JSON.stringify(state)) window.__states.push(state);
        };
        new MutationObserver(snap).observe(document.body, { subtree: true, childList: true, attributes: true });
      })()`);
        await box.fill("sea");
        await expect.poll(() => ranking(page)).toBe("hybrid:sea");
        const states = (await page.evaluate("window.__states")) as { ranking: string; ids: string[]; calls: number }[];
        // At once: by words ("sea" is in no frame's words), before any vector was asked for.
        const words = states.find((s) => s.ranking === "words:sea");
        expect(words, JSON.stringify(states)).toMatchObject({ ids: [], calls: 0 });
        expect(states.findIndex((s) => s.ranking === "words:sea")).toBeLessThan(
          states.findIndex((s) => s.ranking === "hybrid:sea"),
        );
        // Only the frame close in meaning: the others score about nothing and are left out.
        expect(await ids(page)).toEqual(["1:2"]);
        expect((await ai(page)).calls).toEqual(["sea"]);
        mkdirSync(ARTIFACTS, { recursive: true });
        await page.screenshot({ path: join(ARTIFACTS, "9-hybrid.png") });
      });
    },
  );

  it("a query superseded while its vector is on the way is aborted, and its late ranking never shows", async () => {
    await withSearchPage(browser, true, async (page) => {
      const box = page.getByRole("searchbox", { name: "Search frames" });
      await box.fill("slow");
      await expect.poll(async () => (await ai(page)).calls).toEqual(["slow"]);
      await box.fill("settings");
      await expect.poll(() => ranking(page)).toBe("hybrid:settings");
      expect((await ai(page)).aborted).toEqual(["slow"]);
      // The aborted query's vector comes now, late: its ranking never shows.
      await page.evaluate("window.__answerSlow()");
      await effectsRan(page);
      expect(await ranking(page)).toBe("hybrid:settings");
      expect((await ids(page))[0]).toBe("1:3");
    });
  });

  it("typing faster than the pause embeds only the last text; without `available`, nothing is embedded", async () => {
    await withSearchPage(browser, true, async (page) => {
      // Faster than the pause by construction, not by the machine's speed: the page's clock stands still while the
      // keys go in (on a busy machine 20 ms between keys could take longer than the pause), then runs on.
      await page.clock.install();
      await page.clock.pauseAt(Date.now() + 1000);
      await page.getByRole("searchbox", { name: "Search frames" }).pressSequentially("beach", { delay: 20 });
      await page.clock.resume();
      await expect.poll(() => ranking(page)).toBe("hybrid:beach");
      expect((await ai(page)).calls).toEqual(["beach"]);
    });
    await withSearchPage(browser, false, async (page) => {
      await page.getByRole("searchbox", { name: "Search frames" }).fill("beach");
      await expect.poll(() => ranking(page)).toBe("words:beach");
      // Past the typing pause after which a vector would be asked for.
      await timersRan(page, EMBED_DELAY_MS);
      expect(await ranking(page)).toBe("words:beach");
      expect((await ai(page)).calls).toEqual([]);
      expect(await ids(page)).toEqual(["1:1"]);
    });
  });
});
