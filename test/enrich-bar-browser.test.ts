/**
 * The enrich bar in headless Chromium at Figma's default panel size (420×600), on a small page bundled from
 * ui/search/ (like ui-controls.test.ts): the real bar, its job (use-enrich.ts), the real SearchAi
 * (use-search-ai.ts → enrich-run.ts) and the worker's search job run in the page against the OpenAI-wire test
 * server, with the main thread's messages scripted in the page (pictures made by a canvas, saves recorded).
 * States: ready with the estimate, running with Cancel, cancelled, an error explained, done. Screenshots go to
 * test-artifacts/search-enrich/.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "./harness/plugin-page.js";
import { pageBundle, withComponentPage } from "./helpers/component-page.js";
import { searchAiScript } from "./openai-server/captions.js";
import { startOpenAiServer, type OpenAiTestServer, type ScriptedReply } from "./openai-server/server.js";
import { runBrowser, useBrowser } from "./helpers/browser.js";

const ARTIFACTS = join(ROOT, "test-artifacts", "search-enrich");
const FRAMES = 80;
const PAGE_API = "http://figment.test/v1";

const PAGE_ENTRY =
  `
import { render } from "preact";
import { useCallback, useState } from "preact/hooks";
import { DEFAULT_SETTINGS } from "./contract/settings.ts";
import { PluginError } from "./ui/channel/requests.ts";
import { searchJobs } from "./ui/engine/jobs/search.ts";
import { inProcessEngine } from "./test/helpers/in-process-engine.ts";
import { EnrichBar } from "./ui/search/enrich-bar.tsx";
import { useEnrich } from "./ui/search/use-enrich.ts";
import { useSearchAi } from "./ui/search/use-search-ai.ts";
import "./ui/styles.css";

const cfg = window.__cfg;
const settings = { ...DEFAULT_SETTINGS, provider: "custom", baseUrl: cfg.baseUrl, model: "gpt-4o-mini" };
const saves = [];
window.__saves = saves;
async function picture(i) {
  const canvas = document.createElement("canvas");
  canvas.width = 64; canvas.height = 48;
  const g = canvas.getContext("2d");
  g.fillStyle = "hsl(" + (i * 37 % 360) + ",70%,50%)"; g.fillRect(0, 0, 64, 48);
  const blob = await new Promise((r) => canvas.toBlob(r, "image/png"));
  return new Uint8Array(await blob.arrayBuffer());
}
const requests = {
  call: async (type, payload, opts) => {
    if (type === "export-frame-image") return { nodeId: payload.nodeId, png: await ` +
  `picture(Number(payload.nodeId.split(":")[1])), width: 64, height: 48 };
    if (type === "save-search-extras") {
      saves.push(payload);
      if (window.__full) throw new PluginError("storage-full", "The search index would need 5.2 MB of Figma's 5 ` +
  `MB, so these captions and embeddings were not saved. Nothing was deleted.");
      return { requestId: "r" };
    }
    throw new Error("unexpected " + type);
  },
};
const worker = inProcessEngine(searchJobs);
const vault = { hasKeyFor: () => true, revealFor: () => "sk-test-enrich-bar" };

function Page() {
  const [index, setIndex] = useState(cfg.index);
  const ai = useSearchAi({ requests, worker, vault, settings, prices: undefined });
  const job = useEnrich(ai, useCallback((next) => setIndex(next), []));
  window.__index = index;
  return (
    <div class="panel panel--search" style="width:420px;height:600px;overflow:auto">
      <div class="panel__head" style="padding:12px"><input id="probe" class="input" placeholder="Search frames…" ` +
  `/></div>
      <EnrichBar ai={ai} job={job} index={index} onOpenSettings={() => { window.__settings = true; }} />
      <ul style="padding:12px;margin:0;list-style:none">{index.docs.slice(0, 6).map((d) => <li key={d.id} ` +
  `style="padding:6px 0">{d.name}</li>)}</ul>
    </div>
  );
}
render(<Page />, document.getElementById("app"));
`;

const bundle = pageBundle(PAGE_ENTRY, { sourcefile: "enrich-page.tsx", target: "es2022" });

const index = {
  docs: Array.from({ length: FRAMES }, (_, i) => ({
    id: `1:${i}`,
    name: ["Map view", "Checkout", "Profile", "Onboarding"][i % 4]! + ` ${i + 1}`,
    page: "Screens",
    pageId: "0:1",
    texts: ["Find a place near you", "Continue"],
    components: ["Button"],
    counts: { buttons: 1, inputs: 0, images: 1, headings: 1, width: 375, height: 812 },
    summary: "screen 375×812, 1 button, 1 image, 1 heading",
    hash: `h${i}`,
  })),
  vectors: {},
  captions: {},
  scannedAt: 1,
};

async function withEnrichPage<T>(browser: Browser, baseUrl: string, fn: (page: Page) => Promise<T>): Promise<T> {
  const ready = (page: Page) => page.waitForSelector("#probe");
  return withComponentPage(
    browser,
    await bundle(),
    { cfg: { baseUrl: PAGE_API, index }, api: { from: PAGE_API, to: baseUrl }, ready },
    fn,
  );
}

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

describe.runIf(runBrowser)("the enrich bar in the browser", { timeout: 180_000 }, () => {
  const browser = useBrowser();
  let srv: OpenAiTestServer;
  let mode: "ok" | "hang" | "401" = "ok";
  beforeAll(async () => {
    const script = searchAiScript();
    srv = await startOpenAiServer(
      (req): ScriptedReply =>
        req.path.startsWith("/v1/models")
          ? { kind: "json", body: { data: [] } }
          : mode === "hang"
            ? { kind: "hang" }
            : mode === "401"
              ? { kind: "error", status: 401, message: "Incorrect API key provided" }
              : script(req),
    );
  });
  afterAll(async () => {
    await srv?.close();
  });

  it(
    "sends nothing before the press; shows the estimate; " + "running with Cancel; cancelled keeps nothing made",
    async () => {
      await withEnrichPage(browser, srv.url, async (page) => {
        const button = page.locator(".enrich-bar__start");
        await button.waitFor();
        expect(await button.textContent()).toMatch(
          /^Search by meaning: describe and embed 80 frames — (about \$[\d.]+|under \$0\.01)$/,
        );
        expect(srv.requests.length).toBe(0);
        await shot(page, "1-ready");
        mode = "hang";
        await button.click();
        await page.getByRole("status").filter({ hasText: "Describing frames" }).waitFor();
        await page.waitForFunction("document.querySelector('.enrich-bar__running')");
        await shot(page, "2-running");
        await page.getByRole("button", { name: "Cancel" }).click();
        await page.locator(".notice--info", { hasText: "Cancelled" }).waitFor();
        expect(await page.locator(".notice--info").textContent()).toContain("Nothing was made.");
        await shot(page, "3-cancelled");
        mode = "ok";
      });
    },
  );

  it("a refused key is explained with Open settings; done says what was made and the index carries it", async () => {
    await withEnrichPage(browser, srv.url, async (page) => {
      mode = "401";
      await page.locator(".enrich-bar__start").click();
      const notice = page.locator(".notice--error");
      await notice.waitFor();
      expect(await notice.getAttribute("data-kind")).toBe("unauthorized");
      expect(await notice.textContent()).toContain("The API key was not accepted");
      await shot(page, "4-error");
      await page.getByRole("button", { name: "Open settings" }).click();
      expect(await page.evaluate("window.__settings")).toBe(true);
      mode = "ok";
      await page.getByRole("button", { name: "Dismiss" }).click();
      await page.locator(".enrich-bar__start").click();
      await page.locator(".enrich-bar__done").waitFor({ timeout: 30_000 });
      expect(await page.locator(".enrich-bar__done").textContent()).toContain(
        "80 frames described and embedded. Search now ranks by meaning too.",
      );
      expect(await page.locator(".enrich-bar__start").count()).toBe(0);
      const counts = await page.evaluate(
        "({ captions: Object.keys(window.__index.captions).length, vectors: " +
          "Object.keys(window.__index.vectors).length, saves: window.__saves.length })",
      );
      expect(counts).toEqual({ captions: 80, vectors: 80, saves: Math.ceil(FRAMES / 6) + 1 });
      await shot(page, "5-done");
    });
  }, 60_000);
});
