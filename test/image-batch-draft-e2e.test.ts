/**
 * The Image panel's batch draft end to end in headless Chromium at Figma's default 420×600: the real
 * dist/code.js on the figma simulator and dist/ui.html. Batch mode → the selection's colours as chips and in
 * the style sentence → CSV pasted → every computed prompt shown exactly as it will be sent → errors named
 * (unknown placeholder, bad CSV, bad rules) → the plan's buttons. Screenshots go to test-artifacts/image-batch-draft/.
 */
import { join } from "node:path";
import type { Browser, Frame, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { chromiumAvailable, launchChromium } from "../cli/browser.js";
import { panelScreenshot, ROOT, withPluginPage } from "./harness/plugin-page.js";
import { startOpenAiServer, type OpenAiTestServer } from "./openai-server/server.js";

const ARTIFACTS = join(ROOT, "test-artifacts", "image-batch-draft");
const LOGIN = "figmasharp-login.file.json";
const LOGIN_FRAME = "101:3";
const KEY = "sk-test-batch-7a8b9c0d1e2f";
const VIEWPORT = { width: 900, height: 800 };
const runBrowser = chromiumAvailable() || process.env["CI"] !== undefined;

const shot = (page: Page, name: string): Promise<void> => panelScreenshot(page, ARTIFACTS, name);
const settings = (url: string) => ({ provider: "openai", baseUrl: url.replace(/\/+$/, ""), model: "gpt-5.4-mini" });
const overflowsSideways = (ui: Frame) => ui.evaluate<boolean>("document.documentElement.scrollWidth > innerWidth");

async function openBatch(ui: Frame): Promise<void> {
  await ui.locator(".panel--image").waitFor();
  await ui.getByRole("radio", { name: "Batch" }).click();
  await ui.locator(".draft").waitFor();
}

async function paste(ui: Frame, text: string): Promise<void> {
  const box = ui.getByRole("textbox", { name: "CSV or JSONL rows" });
  if (!(await box.isVisible())) await ui.getByRole("button", { name: "Paste CSV or JSONL" }).click();
  await box.fill(text);
  await ui.getByRole("button", { name: "Use these rows" }).click();
}

describe.runIf(runBrowser)("the batch draft at 420×600", { timeout: 180_000 }, () => {
  let browser: Browser;
  let server: OpenAiTestServer | undefined;
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

  it("CSV pasted → every row's prompt as it will be sent; errors name what is wrong and lose nothing", async () => {
    server = await startOpenAiServer();
    const storage = { "figment.settings": settings(server.url), "figment.apiKey": KEY };
    await withPluginPage(browser, { fixture: LOGIN, select: [LOGIN_FRAME], command: "image", storage, viewport: VIEWPORT, allowOrigins: [new URL(server.url).origin] }, async ({ page, ui }) => {
      await openBatch(ui);
      await shot(page, "1-empty");
      await ui.getByRole("textbox", { name: "Prompt template" }).fill("A {mood} hero image for {audience}");
      await paste(ui, 'audience,mood\nkids,calm\n"teens, young adults",bold\nparents,quiet\n');
      const prompts = ui.locator(".draft-prompt");
      await expect.poll(() => prompts.count()).toBe(3);
      const texts = await prompts.locator(".draft-prompt__text").allTextContents();
      expect(texts[0]).toMatch(/^A calm hero image for kids/);
      expect(texts[1]).toMatch(/^A bold hero image for teens, young adults/);
      expect(await prompts.locator(".draft-prompt__stem").allTextContents()).toEqual(["1-calm-kids", "2-bold-teens-young-adults", "3-quiet-parents"]);
      expect(await ui.getByRole("button", { name: "Generate 3 images" }).isEnabled()).toBe(true);
      await shot(page, "3-prompts");

      // A bad CSV names its line and leaves the table (and so the prompts) as they were.
      await paste(ui, 'audience,mood\nkids,"calm\n');
      expect(await ui.locator('[data-part="paste"]').textContent()).toMatch(/line 2, column 6: a quoted field is not closed/);
      expect(await prompts.count()).toBe(3);

      // An unknown placeholder names itself and the columns there are; nothing can be generated.
      await ui.getByRole("textbox", { name: "Prompt template" }).fill("A {mood} hero for {season}");
      expect(await ui.locator('[data-part="template"]').textContent()).toBe("Template: column 19: unknown placeholder {season}; the rows have {audience}, {mood}");
      expect(await prompts.count()).toBe(0);
      expect(await ui.getByRole("button", { name: /^Generate/ }).isDisabled()).toBe(true);
      expect(await overflowsSideways(ui)).toBe(false);
      await shot(page, "4-errors");
      expect(server!.requests).toHaveLength(0);
    });
  });
});
