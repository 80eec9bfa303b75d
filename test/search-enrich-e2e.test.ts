/**
 * Search by meaning end to end at Figma's default 420×600: the real dist/ui.html and dist/code.js on the figma
 * simulator with a multi-page file, a key in clientStorage and the settings pointing at the OpenAI-wire test
 * server. The enrich bar offers to describe and embed every frame with a price and sends nothing before the
 * press; the press captions every frame (Responses API, one picture each) and embeds them in one request, all
 * bodies valid per the OpenAPI spec; the plugin keeps what was made, so a new scan leaves nothing to do.
 * Screenshots go to test-artifacts/search-enrich/.
 */
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { panelScreenshot, ROOT, withPluginPage } from "./harness/plugin-page.js";
import { searchAiScript } from "./openai-server/captions.js";
import { startOpenAiServer, type OpenAiTestServer } from "./openai-server/server.js";
import { runBrowser, useBrowser } from "./helpers/browser.js";

const ARTIFACTS = join(ROOT, "test-artifacts", "search-enrich");
const FILE = "figmagic-design-system.file.json";
const KEY = "sk-test-search-enrich-5f6e";
const shot = (page: Page, name: string) => panelScreenshot(page, ARTIFACTS, name);

describe.runIf(runBrowser)("search by meaning in the Search panel", { timeout: 180_000 }, () => {
  const browser = useBrowser({ localModelServer: true });
  let server: OpenAiTestServer;
  beforeAll(async () => {
    server = await startOpenAiServer(searchAiScript());
  });
  afterAll(async () => {
    await server?.close();
  });

  it(
    "offers the run with its price, sends nothing before the " +
      "press, describes and embeds every frame, and keeps them",
    async () => {
      const storage = {
        "figment.settings": { provider: "openai", baseUrl: server.url.replace(/\/+$/, ""), model: "gpt-4o-mini" },
        "figment.apiKey": KEY,
      };
      await withPluginPage(
        browser,
        { fixture: FILE, command: "search", storage, allowOrigins: [new URL(server.url).origin] },
        async ({ page, ui }) => {
          const start = ui.locator(".enrich-bar__start");
          await start.waitFor({ timeout: 60_000 });
          const text = (await start.textContent()) ?? "";
          const frames = Number(/describe and embed (\d+) frames — (about \$[\d.]+|under \$0\.01)$/.exec(text)?.[1]);
          expect(frames, text).toBeGreaterThan(10);
          expect(server.requests.filter((r) => r.method === "POST")).toEqual([]);
          await shot(page, "e2e-1-ready");
          await start.click();
          await ui.locator(".enrich-bar__done").waitFor({ timeout: 60_000 });
          expect(await ui.locator(".enrich-bar__done").textContent()).toContain(
            `${frames} frames described and embedded`,
          );
          await shot(page, "e2e-2-done");
          const posts = server.requests.filter((r) => r.method === "POST");
          expect(posts.filter((r) => r.path === "/v1/responses").length).toBe(frames);
          expect(posts.filter((r) => r.path === "/v1/embeddings").length).toBe(1);
          expect(posts.flatMap((r) => r.schemaErrors)).toEqual([]);
          expect(posts.every((r) => !r.rawBody.includes(KEY))).toBe(true);
          // What was made is stored: a new scan answers it, and nothing is left to do.
          await ui.getByRole("button", { name: "Refresh" }).click();
          await ui.locator(".enrich-bar__start").waitFor({ state: "detached", timeout: 30_000 });
          await ui.getByRole("searchbox", { name: "Search frames" }).fill("button");
          await ui.locator(".search-row").first().waitFor();
          expect(server.requests.filter((r) => r.method === "POST").length).toBeGreaterThanOrEqual(posts.length);
          await shot(page, "e2e-3-searching");
        },
      );
    },
  );
});
