/**
 * "Send to Batch API" in headless Chromium at 420×600, on a small page bundled from ui/image/rows/batch-api/ (like
 * enrich-bar-browser.test.ts): the real PendingView and usePendingBatches, the worker's real Batch API job
 * (ui/engine/jobs/batch-job.ts) against the OpenAI-wire test server, the main thread's storage scripted in the page.
 * The setup's own "Send to Batch API" button is not on main yet, so the page calls `batchApi.submit(plan)` as it
 * will. Shown first: the estimate at the Batch API's 50% and what will happen; nothing sent until Send; then
 * the batch is stored from its first save on and listed. A provider other than OpenAI is refused before
 * anything is sent. Screenshots to test-artifacts/image-batch-api/.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "./harness/plugin-page.js";
import { pageBundle, withComponentPage } from "./helpers/component-page.js";
import { startOpenAiServer, type OpenAiTestServer } from "./openai-server/server.js";
import { runBrowser, useBrowser } from "./helpers/browser.js";

const ARTIFACTS = join(ROOT, "test-artifacts", "image-batch-api");
const PAGE_API = "http://figment.test/v1";

const PAGE_ENTRY =
  `
import { render } from "preact";
import { DEFAULT_SETTINGS } from "./contract/settings.ts";
import { batchJobs } from "./ui/engine/jobs/batch.ts";
import { inProcessEngine } from "./test/helpers/in-process-engine.ts";
import { PendingView } from "./ui/image/rows/batch-api/pending-view.tsx";
import { usePendingBatches } from "./ui/image/rows/batch-api/use-pending.ts";
import "./ui/styles.css";

const cfg = window.__cfg;
const settings = { ...DEFAULT_SETTINGS, provider: cfg.provider, baseUrl: cfg.baseUrl };
let list = [];
window.__saved = [];
window.__reports = [];
const requests = {
  call: async (type, payload) => {
    if (type === "load-pending-batches") return { requestId: "r", batches: list };
    if (type === "save-pending-batch") {
      window.__saved.push(JSON.parse(JSON.stringify(payload.batch)));
      const i = list.findIndex((b) => b.id === payload.batch.id);
      list = i < 0 ? [...list, payload.batch] : list.map((b, j) => (j === i ? payload.batch : b));
      return { requestId: "r", batches: list };
    }
    throw new Error("unexpected " + type);
  },
};
const engine = inProcessEngine(batchJobs);
const worker = {
  // One item's estimate (the tokenizer is not on this page): the hook multiplies it by the items.
  call: async (kind, body, options) => (kind === "image-prepare" ? { estimate: { costUsd: 0.011, batchCostUsd: ` +
  `0.0055 } } : engine.call(kind, body, options)),
};
const vault = { hasKeyFor: () => true, revealFor: () => "sk-test-batch-submit-42" };
const items = Array.from({ length: 8 }, (_, i) => ({ row: i + 1, values: {}, stem: String(i + 1).padStart(2, "0") + ` +
  `"-hero", prompt: "A hero image for a tea brand, variant " + (i + 1) }));
const plan = { name: "Hero variants", items, style: { text: "", colours: [], useColours: false, references: [] }, ` +
  `size: { width: 1024, height: 1024 }, quality: "low", acceptFirst: false, reasonFirst: false };

function Page() {
  const batchApi = usePendingBatches({ requests, worker, vault, settings, report: (text) => ` +
  `window.__reports.push(text) });
  return (
    <div class="panel panel--image panel--rows" style="width:420px;height:600px;overflow:auto">
      <PendingView session={{ batchApi }} />
      <div style="padding:12px"><button id="setup-send" type="button" class="button button--secondary" onClick={() ` +
  `=> batchApi.submit(plan)}>Send to Batch API</button></div>
    </div>
  );
}
render(<Page />, document.getElementById("app"));
`;

const bundle = pageBundle(PAGE_ENTRY, { sourcefile: "batch-submit-page.tsx", target: "es2022" });

async function withSubmitPage<T>(
  browser: Browser,
  srv: OpenAiTestServer,
  provider: string,
  fn: (page: Page) => Promise<T>,
): Promise<T> {
  const ready = (page: Page) => page.waitForSelector("#setup-send");
  const api = { from: PAGE_API, to: srv.url.replace(/\/+$/, "") };
  return withComponentPage(
    browser,
    await bundle(),
    { bodyStyle: "margin:0", cfg: { baseUrl: PAGE_API, provider }, api, ready },
    fn,
  );
}

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.mouse.move(0, 599);
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

describe.runIf(runBrowser)("Send to Batch API in the browser", { timeout: 180_000 }, () => {
  const browser = useBrowser();
  let srv: OpenAiTestServer;
  beforeAll(async () => {
    srv = await startOpenAiServer();
  });
  afterAll(async () => {
    await srv?.close();
  });

  it("shows what will happen and the 50% estimate, sends " +
    "nothing until Send, then stores and lists the batch", async () => {
    await withSubmitPage(browser, srv, "openai", async (page) => {
      await page.locator("#setup-send").click();
      const confirm = page.getByRole("region", { name: "Send to the Batch API" });
      await confirm.getByText("≈ $0.044 on the Batch API (50% of ≈ $0.088 live)").waitFor();
      expect(await confirm.textContent()).toContain("8 images · 1024×1024 · low quality · Images API");
      expect(await confirm.textContent()).toContain("Results within 24 h; you can close the plugin.");
      expect(srv.requests).toHaveLength(0);
      await shot(page, "submit-confirmation");
      await confirm.getByRole("button", { name: "Send to Batch API" }).click();
      await page.locator(".batch-api-row__name", { hasText: "Hero variants" }).waitFor({ timeout: 30_000 });
      await page.locator(".batch-api-row__status", { hasText: /validating|in progress/ }).waitFor({ timeout: 30_000 });
      expect(await page.getByRole("region", { name: "Send to the Batch API" }).count()).toBe(0);
      const saved = (await page.evaluate("window.__saved")) as {
        record: { runs: { inputFileId?: string; batchId?: string }[] };
        inputs: Record<string, string>;
      }[];
      // Stored before the upload answered, then with the file, then with the batch: closing at any point loses nothing.
      expect(saved[0]!.record.runs[0]!.inputFileId).toBeUndefined();
      expect(saved.some((b) => b.record.runs[0]!.inputFileId && !b.record.runs[0]!.batchId)).toBe(true);
      expect(saved.at(-1)!.record.runs[0]!.batchId).toMatch(/^batch-/);
      expect(Object.keys(saved.at(-1)!.inputs)).toEqual(["input-1.jsonl"]);
      expect(JSON.stringify(saved)).not.toContain("sk-test-batch-submit-42");
      expect(srv.routeCounts()["POST /v1/files"]).toBe(1);
      expect(srv.routeCounts()["POST /v1/batches"]).toBe(1);
      expect(await page.evaluate("window.__reports")).toEqual([
        "Sent “Hero variants” to the Batch API: 8 images within 24 h. You can close the plugin.",
      ]);
    });
  }, 60_000);

  it("refuses a provider other than OpenAI with the reason, before anything is sent", async () => {
    const before = srv.requests.length;
    await withSubmitPage(browser, srv, "openrouter", async (page) => {
      await page.locator("#setup-send").click();
      const notice = page.locator(".batch-api-confirm.notice--error");
      await notice.waitFor();
      expect(await notice.textContent()).toContain(
        "The Batch API is OpenAI's: the provider in Settings is OpenRouter.",
      );
      expect(await page.getByRole("button", { name: "Send to Batch API" }).count()).toBe(1); // only the setup's
      await shot(page, "submit-refused");
      expect(srv.requests.length).toBe(before);
    });
  }, 60_000);
});
