/**
 * The Batch API in the plugin, end to end in headless Chromium: the real dist/ui.html + dist/code.js on the
 * figma simulator, the worker calling the OpenAI-wire test server on 127.0.0.1 (its batches move one step
 * per retrieve). Submitted from the setup's "Send to Batch API" (a confirmation with both prices, nothing sent
 * before Send, then stored in clientStorage and listed); for the later steps the batch is submitted by the
 * worker's own job (ui/engine/jobs/batch-job.ts) and stored as the panel stores it, then: open → the list shows
 * it "in progress" → close → reopen, Check now → the results are inserted as a grid (N image rectangles in an
 * auto-layout frame named after the batch), the batch id is in clientStorage and in no node's pluginData →
 * reopen: nothing is downloaded again. Failed lines are listed with their reasons and resubmitted alone.
 * Screenshots at 420×600 to test-artifacts/image-batch-api/.
 */
import { join } from "node:path";
import { gunzipSync, gzipSync, strFromU8, strToU8 } from "fflate";
import type { Frame, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { PendingBatch } from "../contract/pending-batch.js";
import { DEFAULT_SETTINGS } from "../contract/settings.js";
import { batchJobs } from "../ui/engine/jobs/batch.js";
import { runJob } from "../ui/engine/jobs/run.js";
import { panelScreenshot, ROOT, withPluginPage } from "./harness/plugin-page.js";
import { CANVAS_FILE } from "./helpers/canvas-file.js";
import { readBatchInput, type OpenAiTestServer } from "./openai-server/server.js";
import { useModelE2e } from "./helpers/e2e.js";
import { runBrowser, usePageContext } from "./helpers/browser.js";
import { effectsRan } from "./helpers/page-turns.js";

const ARTIFACTS = join(ROOT, "test-artifacts", "image-batch-api");
const KEY = "sk-test-batch-e2e-5a6b7c8d";
const VIEWPORT = { width: 900, height: 800 };
const FILE_ID = "batche2efile0001";
const STORE_KEY = `figment.batches/doc:${FILE_ID}`;
const SETUP = `window.__figmentSim.document.setPluginData("figment.fileId", ${JSON.stringify(FILE_ID)})`;
type Sim = <T>(expression: string) => Promise<T>;

const shot = (page: Page, name: string): Promise<void> => panelScreenshot(page, ARTIFACTS, name);
const origin = (srv: OpenAiTestServer): string => new URL(srv.url).origin;
const settings = (url: string) => ({ provider: "openai", baseUrl: url.replace(/\/+$/, ""), model: "gpt-5" });

/** Submits through the worker's job (as the panel's submit does) and returns the batch as the panel stores it. */
async function submitted(srv: OpenAiTestServer, n: number): Promise<PendingBatch> {
  const items = Array.from({ length: n }, (_, i) => ({
    row: i + 1,
    stem: `${String(i + 1).padStart(2, "0")}-hero`,
    prompt: `A hero image for a tea brand, variant ${i + 1}`,
  }));
  const request = {
    kind: "batch-submit",
    id: "e2e",
    settings: { ...DEFAULT_SETTINGS, ...settings(srv.url), provider: "openai" },
    apiKey: KEY,
    timeoutMs: 30_000,
    items,
    size: "1024x1024",
    quality: "low",
  } as const;
  const reply = await runJob(batchJobs, request, { signal: new AbortController().signal, emit: () => undefined });
  if (!reply.ok || reply.kind !== "batch-submit") throw new Error(`submit failed: ${JSON.stringify(reply)}`);
  return {
    id: "be2e0001",
    name: "Hero variants",
    createdAt: new Date(Date.now() - 2 * 3600_000).toISOString(),
    items,
    size: "1024x1024",
    quality: "low",
    record: reply.record,
    inputs: reply.inputs,
  };
}

const stored = (batches: PendingBatch[]) => ({ v: 1, zipped: gzipSync(strToU8(JSON.stringify(batches))) });
const batchesIn = (storage: Record<string, unknown>): PendingBatch[] =>
  JSON.parse(strFromU8(gunzipSync((storage[STORE_KEY] as { zipped: Uint8Array }).zipped))) as PendingBatch[];

/** clientStorage as the main thread left it, byte arrays kept. */
async function storageOf(sim: Sim): Promise<Record<string, unknown>> {
  const text = await sim<string>(
    `JSON.stringify(Object.fromEntries(sim.storage), (_, v) => { if (!(v instanceof Uint8Array)) return ` +
      `v; let s = ""; for (const b of v) s += String.fromCharCode(b); return { __b64: btoa(s) }; })`,
  );
  return JSON.parse(text, (_, value: unknown) => {
    const b64 = typeof value === "object" && value !== null ? (value as { __b64?: unknown }).__b64 : undefined;
    return typeof b64 === "string" ? new Uint8Array(Buffer.from(b64, "base64")) : value;
  }) as Record<string, unknown>;
}

async function openRowsMode(ui: Frame): Promise<void> {
  await ui.getByRole("radio", { name: "Rows" }).click();
  await ui.locator(".batch-api-row").first().waitFor();
}

const status = (ui: Frame) => ui.locator(".batch-api-row__status").first();

interface Grid {
  name: string;
  layoutMode: string;
  layoutWrap: string;
  children: { type: string; name: string; fills: { type: string }[] }[];
}
const gridNamed = (name: string) =>
  `(() => { const g = sim.figma.currentPage.children.find((n) => n.name === ${JSON.stringify(name)}); ` +
  `return g && { name: g.name, layoutMode: g.layoutMode, layoutWrap: g.layoutWrap, children: ` +
  `g.children.map((c) => ({ type: c.type, name: c.name, fills: c.fills })) }; })()`;

describe.runIf(runBrowser)("the Batch API in the Image panel", { timeout: 240_000 }, () => {
  const { browser, startServer } = useModelE2e();
  // Plugin pages reused between tests (no init scripts, routes or listeners of their own): one renderer, not one per
  // test.
  const pages = usePageContext(browser);
  let server: OpenAiTestServer | undefined;

  it(
    "Send to Batch API from the setup: a confirmation first, nothing sent before Send, " +
      "then every row in one batch, recorded in clientStorage and listed after reopening",
    async () => {
      const srv = (server = await startServer());
      const base = {
        fixture: CANVAS_FILE,
        select: [] as string[],
        command: "image",
        viewport: VIEWPORT,
        allowOrigins: [origin(srv)],
        setup: SETUP,
      };
      let storage: Record<string, unknown> = { "figment.settings": settings(srv.url), "figment.apiKey": KEY };
      await withPluginPage(pages, { ...base, storage }, async ({ page, ui, sim }) => {
        await ui.getByRole("radio", { name: "Rows" }).click();
        await ui.locator(".setup").waitFor();
        await ui.getByRole("button", { name: "Paste CSV or JSONL" }).click();
        await ui.getByRole("textbox", { name: "CSV or JSONL rows" }).fill("audience,mood\nkids,calm\nadults,bold\n");
        await ui.getByRole("button", { name: "Use these rows" }).click();
        await ui.getByRole("textbox", { name: "Prompt template" }).fill("A {mood} hero image for {audience}");
        await ui.getByRole("textbox", { name: "Grid name" }).fill("Tea heroes");
        // A batch sends every row at once: accept-first cannot ride along, so the button waits for it to be off.
        const send = ui.locator(".setup-send").getByRole("button", { name: "Send to Batch API" });
        await expect.poll(() => send.isDisabled()).toBe(true);
        await ui.getByRole("checkbox", { name: "Accept the first image before the rest" }).uncheck();
        // Enabled once the worker has computed every row's prompt (it starts on first use: slow on a busy machine).
        await expect.poll(() => send.isEnabled(), { timeout: 30_000 }).toBe(true);
        await send.click();
        const confirm = ui.getByRole("region", { name: "Send to the Batch API" });
        await confirm.waitFor();
        await expect.poll(() => confirm.textContent()).not.toContain("Estimating…");
        expect(await confirm.textContent()).toMatch(/Results within 24 h/);
        expect(srv.requests.filter((r) => r.path !== "/v1/models")).toHaveLength(0);
        await shot(page, "submit-from-setup");
        await confirm.getByRole("button", { name: "Send to Batch API" }).click();
        await ui.locator(".batch-api-row__name", { hasText: "Tea heroes" }).waitFor({ timeout: 30_000 });
        // Listed from the first save on (before the upload answers); stored whole once the batch exists.
        await expect
          .poll(async () => batchesIn(await storageOf(sim))[0]?.record.runs[0]?.batchId, { timeout: 30_000 })
          .toMatch(/^batch-/);
        storage = await storageOf(sim);
      });
      const upload = srv.requests.find((r) => r.path === "/v1/files")!;
      expect(upload.schemaErrors).toEqual([]);
      const read = readBatchInput(upload.files[0]!.bytes.toString("utf8"));
      expect(read.errors).toEqual([]);
      expect(read.lines.map((l) => [l.url, (l.body as { prompt: string }).prompt])).toEqual([
        ["/v1/images/generations", "A calm hero image for kids"],
        ["/v1/images/generations", "A bold hero image for adults"],
      ]);
      expect(srv.requests.find((r) => r.path === "/v1/batches" && r.method === "POST")!.schemaErrors).toEqual([]);
      const [batch] = batchesIn(storage);
      expect(batch!.name).toBe("Tea heroes");
      expect(batch!.record.runs[0]!.batchId).toMatch(/^batch-/);
      expect(batch!.items.map((i) => i.prompt)).toEqual(["A calm hero image for kids", "A bold hero image for adults"]);
      expect(JSON.stringify(storage[STORE_KEY])).not.toContain(KEY);
      // Closed and reopened: the batch is still there, its status checked.
      await withPluginPage(pages, { ...base, storage }, async ({ ui }) => {
        await openRowsMode(ui);
        await ui.locator(".batch-api-row__name", { hasText: "Tea heroes" }).waitFor();
        await status(ui)
          .filter({ hasText: /in progress|finalizing|completed/ })
          .waitFor({ timeout: 30_000 });
      });
    },
  );

  it(
    "submitted → reopened in progress → completed: the grid " + "is inserted once, the batch id only in clientStorage",
    async () => {
      const srv = (server = await startServer());
      const batch = await submitted(srv, 3);
      const batchId = batch.record.runs[0]!.batchId!;
      const base = {
        fixture: CANVAS_FILE,
        select: [] as string[],
        command: "image",
        viewport: VIEWPORT,
        allowOrigins: [origin(srv)],
        setup: SETUP,
      };
      let storage: Record<string, unknown> = {
        "figment.settings": settings(srv.url),
        "figment.apiKey": KEY,
        [STORE_KEY]: stored([batch]),
      };

      await withPluginPage(pages, { ...base, storage }, async ({ page, ui, sim }) => {
        await openRowsMode(ui);
        await ui.locator(".batch-api-row__name", { hasText: "Hero variants" }).waitFor();
        await status(ui).filter({ hasText: "in progress" }).waitFor({ timeout: 30_000 });
        await expect(ui.locator(".batch-api-row").first().textContent()).resolves.toMatch(/3 images · 2 h ago/);
        await shot(page, "pending-in-progress");
        storage = await storageOf(sim);
      });
      expect(batchesIn(storage)[0]!.record.runs[0]!.status).toBe("in_progress");

      await withPluginPage(pages, { ...base, storage }, async ({ page, ui, sim }) => {
        await openRowsMode(ui);
        await status(ui).filter({ hasText: "finalizing" }).waitFor({ timeout: 30_000 });
        await ui.getByRole("button", { name: "Check now" }).click();
        await ui
          .locator(".batch-api-row__inserted", { hasText: "3 images inserted in “Hero variants”" })
          .waitFor({ timeout: 60_000 });
        await status(ui)
          .filter({ hasText: /^completed$/ })
          .waitFor();
        await shot(page, "inserted");
        const grid = await sim<Grid>(gridNamed("Hero variants"));
        expect(grid.layoutMode).not.toBe("NONE");
        expect(grid.children.map((c) => [c.type, c.name, c.fills[0]?.type])).toEqual([
          ["RECTANGLE", "01-hero", "IMAGE"],
          ["RECTANGLE", "02-hero", "IMAGE"],
          ["RECTANGLE", "03-hero", "IMAGE"],
        ]);
        const pluginData = await sim<{ key: string; value: string }[]>("sim.record.pluginData");
        expect(pluginData.filter((p) => p.key === "figment.image")).toHaveLength(3);
        expect(JSON.stringify(pluginData)).not.toContain(batchId);
        expect(JSON.stringify(pluginData)).not.toContain(KEY);
        await ui.getByRole("button", { name: "Select", exact: true }).click();
        storage = await storageOf(sim);
      });
      const kept = batchesIn(storage)[0]!;
      expect(kept.record.runs[0]).toMatchObject({ batchId, status: "completed", collected: true });
      expect(kept.record.lines.map((l) => [l.state, l.written?.length])).toEqual([
        ["done", 1],
        ["done", 1],
        ["done", 1],
      ]);
      expect(kept.gridId).toBeDefined();
      expect(JSON.stringify(storage[STORE_KEY])).not.toContain(KEY);

      const before = srv.routeCounts();
      expect(before["GET /v1/files/{id}/content"]).toBe(1);
      await withPluginPage(pages, { ...base, storage }, async ({ ui, sim }) => {
        await openRowsMode(ui);
        await status(ui)
          .filter({ hasText: /^completed$/ })
          .waitFor();
        expect(await ui.getByRole("button", { name: "Check now" }).count()).toBe(0);
        // The panel has run what showing the list started (a check of a batch still to place would start here, and
        // show as the row's activity until it ends): none.
        await effectsRan(ui);
        expect(await status(ui).textContent()).toBe("completed");
        // A fresh simulator: the canvas of the last session is not here, so any grid would be a second placement.
        const grids = await sim<number>(
          `sim.figma.currentPage.children.filter((n) => n.name === "Hero variants").length`,
        );
        expect(grids).toBe(0);
      });
      expect(srv.routeCounts()).toEqual(before); // nothing retrieved, nothing downloaded again
    },
  );

  it("lists failed lines with their reasons and resubmits them alone", async () => {
    const srv = (server = await startServer());
    srv.batches.script({ fail: (id) => id === "row-2" });
    const batch = await submitted(srv, 3);
    const storage = { "figment.settings": settings(srv.url), "figment.apiKey": KEY, [STORE_KEY]: stored([batch]) };
    await withPluginPage(
      pages,
      {
        fixture: CANVAS_FILE,
        select: [],
        command: "image",
        viewport: VIEWPORT,
        allowOrigins: [origin(srv)],
        setup: SETUP,
        storage,
      },
      async ({ page, ui, sim }) => {
        await openRowsMode(ui);
        await status(ui).filter({ hasText: "in progress" }).waitFor({ timeout: 30_000 });
        for (const step of ["finalizing", "1 failed"]) {
          await ui.getByRole("button", { name: "Check now" }).click();
          await status(ui).filter({ hasText: step }).waitFor({ timeout: 60_000 });
        }
        await ui.locator(".batch-api-row__failed li", { hasText: "Row 2: 400: Invalid request for row-2" }).waitFor();
        await ui.locator(".batch-api-row__inserted", { hasText: "2 images inserted" }).waitFor();
        await shot(page, "failed-lines");
        expect((await sim<Grid>(gridNamed("Hero variants"))).children.map((c) => c.name)).toEqual([
          "01-hero",
          "03-hero",
        ]);
        srv.batches.script({});
        await ui.getByRole("button", { name: "Resubmit 1 failed" }).click();
        await status(ui).filter({ hasText: "validating" }).waitFor({ timeout: 30_000 });
        const uploads = srv.requests.filter((r) => r.path === "/v1/files");
        expect(uploads).toHaveLength(2);
        expect(uploads[1]!.files[0]!.bytes.toString("utf8")).toContain('"custom_id":"row-2"');
        expect(uploads[1]!.files[0]!.bytes.toString("utf8")).not.toContain("row-1");
      },
    );
  });
});
