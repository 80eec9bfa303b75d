/**
 * The Generate image panel end to end in headless Chromium at Figma's default 420×600: the real dist/code.js
 * on the figma simulator and dist/ui.html, the worker calling the OpenAI-wire test server on 127.0.0.1 (real
 * PNG bytes of the asked size; never the internet). Prompt → estimate → Send → partial images painted as they
 * arrive → the version; refine builds on it; Cancel keeps nothing; refusals and rate limits explained; the key
 * is never in logs. Screenshots of every state go to test-artifacts/image-panel/.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Frame, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { chromiumAvailable, launchChromium } from "../cli/browser.js";
import { ROOT, withPluginPage } from "./harness/plugin-page.js";
import { imageReply, moderationError, startOpenAiServer, type OpenAiTestServer } from "./openai-server/server.js";

const ARTIFACTS = join(ROOT, "test-artifacts", "image-panel");
const LOGIN = "figmasharp-login.file.json";
const LOGIN_FRAME = "101:3";
const KEY = "sk-test-img-3c4d5e6f7a8b";
const VIEWPORT = { width: 900, height: 800 };
const runBrowser = chromiumAvailable() || process.env["CI"] !== undefined;

/** The panel alone, at its size. */
async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const box = (await page.locator("#plugin-ui").boundingBox())!;
  await page.mouse.move(0, VIEWPORT.height - 1);
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), clip: { x: box.x + 1, y: box.y + 1, width: box.width - 2, height: box.height - 2 } });
}

const settings = (url: string, patch: Record<string, unknown> = {}) => ({ provider: "openai", baseUrl: url.replace(/\/+$/, ""), model: "gpt-5.4-image-2", ...patch });
const origin = (srv: OpenAiTestServer | undefined): string => new URL(srv!.url).origin;

/** Texts that do not fit their box sideways. */
const overflowsSideways = (ui: Frame) => ui.evaluate<boolean>("document.documentElement.scrollWidth > innerWidth");

async function prompt(ui: Frame, text: string): Promise<void> {
  await ui.getByRole("textbox", { name: "Describe the image" }).fill(text);
}

async function generate(ui: Frame): Promise<void> {
  await ui.getByRole("button", { name: "Generate image" }).click();
  await ui.locator(".image-confirm").waitFor({ timeout: 60_000 });
}

describe.runIf(runBrowser)("the Generate image panel at 420×600", () => {
  let browser: Browser;
  let server: OpenAiTestServer | undefined;
  const logs: string[] = [];
  beforeAll(async () => {
    browser = await launchChromium({ localModelServer: true });
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it("prompt → estimate → Send → partial images as they arrive → the version", async () => {
    server = await startOpenAiServer();
    server.push(imageReply({ delayMs: 400 }));
    const storage = { "figment.settings": settings(server.url), "figment.apiKey": KEY };
    await withPluginPage(browser, { fixture: LOGIN, select: [LOGIN_FRAME], command: "image", storage, viewport: VIEWPORT, allowOrigins: [origin(server)] }, async ({ page, ui }) => {
      page.on("console", (m) => logs.push(m.text()));
      await ui.locator(".panel--image").waitFor();
      await shot(page, "1-empty");
      await prompt(ui, "A hero shot for a tea brand, morning light");
      await ui.getByRole("combobox", { name: "Size" }).click();
      await ui.getByRole("option", { name: /Square/ }).click();
      await ui.getByRole("combobox", { name: "Quality" }).click();
      await ui.getByRole("option", { name: /Low/ }).click();
      await generate(ui);
      const confirm = ui.locator(".image-confirm");
      expect(await confirm.textContent()).toMatch(/≈ [\d,]+ input tokens · ≈ 200 image tokens · ≈ /);
      expect(server!.requests).toHaveLength(0);
      await shot(page, "2-estimate");
      await confirm.getByRole("button", { name: "Send" }).click();
      await ui.locator('.image-slot__canvas[data-partials="1"]').waitFor({ timeout: 30_000 });
      await ui.locator('.image-slot__canvas[data-index="0"]').waitFor({ timeout: 5_000 });
      await shot(page, "3-partial");
      await ui.locator(".version").waitFor({ timeout: 30_000 });
      await ui.locator(".version__image img").waitFor();
      await shot(page, "4-version");
      expect(await overflowsSideways(ui)).toBe(false);
      const request = server!.requests[0]!;
      expect(request.path).toBe("/v1/images/generations");
      expect(request.schemaErrors).toEqual([]);
      expect(request.body).toMatchObject({ model: "gpt-image-2", size: "1024x1024", quality: "low", stream: true, partial_images: 2 });
    });
    expect(logs.join("\n")).not.toContain(KEY);
  });
});
