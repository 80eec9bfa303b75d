/**
 * Settings end to end in headless Chromium: the real dist/code.js on the figma simulator and the real
 * dist/ui.html, with two OpenAI-wire test servers on 127.0.0.1 standing in for an OpenAI and an OpenRouter
 * endpoint. Unsaved edits and a typed key are kept while the leave dialog asks (Save, Discard, Keep editing);
 * the key row follows the form's provider and base URL; Test connection sends only that slot's key
 * (checked by the servers' Authorization fingerprints); an OpenRouter listing's prices are stored and used,
 * with their source, in the AI estimate. Screenshots of each state at 420×600 go to test-artifacts/settings/.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Frame, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ROOT, withPluginPage } from "./harness/plugin-page.js";
import { openRouterModelsJson, secretDigest, type OpenAiTestServer } from "./openai-server/server.js";
import { useModelE2e } from "./helpers/e2e.js";
import { runBrowser, usePageContext } from "./helpers/browser.js";

const ARTIFACTS = join(ROOT, "test-artifacts", "settings");
const LOGIN = "figmasharp-login.file.json";
const OPENAI_KEY = "sk-test-openai-e2e-1a2b3c";
const OPENROUTER_KEY = "sk-or-v1-test-e2e-4d5e6f";

/** The panel alone, at its size in Figma (the harness's iframe is opened at 420×600). */
async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.mouse.move(0, 0);
  const box = (await page.locator("#plugin-ui").boundingBox())!;
  await page.screenshot({
    path: join(ARTIFACTS, `${name}.png`),
    clip: { x: box.x + 1, y: box.y + 1, width: 420, height: 600 },
  });
}

const nav = (ui: Frame, name: string) => ui.locator(".nav").getByRole("button", { name, exact: true });
const keyField = (ui: Frame) => ui.locator('input[type="password"]');
const dialog = (ui: Frame) => ui.getByRole("alertdialog");
const storage = <T>(sim: <R>(fn: string) => Promise<R>, key: string) =>
  sim<T>(`sim.storage.get(${JSON.stringify(key)})`);

async function pickProvider(ui: Frame, label: string): Promise<void> {
  await ui.getByRole("combobox", { name: "Provider" }).click();
  await ui.getByRole("option", { name: label, exact: true }).click();
}

/**
 * Clicks Test connection and reads the result it shows. The result shown before is marked first: the panel removes it
 * while testing and shows a new element, so the unmarked one is this click's however fast the reply comes (waiting
 * for the old one to detach waited out Playwright's 30 s when the new one had already replaced it).
 */
async function testConnection(ui: Frame): Promise<string> {
  await ui.locator(".test-result").evaluateAll((shown) => {
    for (const element of shown) element.setAttribute("data-before-click", "");
  });
  await ui.getByRole("button", { name: /^(Test connection|Testing…)$/ }).click();
  const result = ui.locator(".test-result:not([data-before-click])");
  await result.waitFor({ timeout: 60_000 });
  return ((await result.textContent()) ?? "").trim();
}

/** Every Authorization fingerprint a server received. */
const digests = (srv: OpenAiTestServer) => srv.requests.map((r) => r.secretDigests["authorization"]);

describe.runIf(runBrowser)("Settings in the browser harness", { timeout: 180_000 }, () => {
  const { browser, startServer } = useModelE2e();
  // Plugin pages reused between tests (no init scripts, routes or listeners of their own): one renderer, not one per
  // test.
  const pages = usePageContext(browser);

  it(
    "unsaved edits and a typed key stay while leaving asks: Keep " +
      "editing stays, a blocked Save stays, Save stores, Discard drops",
    async () => {
      await withPluginPage(
        pages,
        { fixture: LOGIN, select: ["101:3"], command: "settings" },
        async ({ page, ui, sim }) => {
          await ui.waitForSelector(".panel--settings");
          expect(await ui.locator(".key-state").textContent()).toBe("No key for OpenAI");
          await keyField(ui).fill(OPENAI_KEY);
          await ui.getByRole("textbox", { name: "Model", exact: true }).fill("gpt-4o");
          expect(await ui.locator(".key-state").textContent()).toBe("Not saved yet: key for OpenAI");
          await shot(page, "1-typed-key");

          // Leaving asks; focus starts on Save.
          await nav(ui, "Code").click();
          await dialog(ui).waitFor();
          expect(await dialog(ui).textContent()).toContain("Not saved yet: API key for OpenAI, model.");
          expect(await ui.evaluate("document.activeElement?.textContent")).toBe("Save");
          await shot(page, "2-leave-dialog");

          // Keep editing (the button, then Escape): still in Settings, everything as typed, nothing stored.
          await dialog(ui).getByRole("button", { name: "Keep editing" }).click();
          await dialog(ui).waitFor({ state: "detached" });
          await nav(ui, "Analyze").click();
          await dialog(ui).waitFor();
          await page.keyboard.press("Escape");
          await dialog(ui).waitFor({ state: "detached" });
          expect(await ui.locator(".panel--settings").count()).toBe(1);
          expect(await keyField(ui).inputValue()).toBe(OPENAI_KEY);
          expect(await ui.getByRole("textbox", { name: "Model", exact: true }).inputValue()).toBe("gpt-4o");
          expect(await storage(sim, "figment.apiKeys")).toBeUndefined();

          // Save with a field to fix: Settings stays open, says which field, and keeps the typed key.
          await ui.getByRole("spinbutton", { name: "Model timeout (s)" }).fill("5");
          await nav(ui, "Code").click();
          await dialog(ui).getByRole("button", { name: "Save" }).click();
          await ui.locator(".field__error", { hasText: "from 10 to 900" }).waitFor();
          expect(await dialog(ui).count()).toBe(0);
          // The field to fix is shown and focused, even though it is below the fold.
          await ui.waitForFunction("document.activeElement?.getAttribute('aria-invalid') === 'true'");
          expect(
            await ui.evaluate("document.activeElement.closest('.field').querySelector('.field__label').textContent"),
          ).toBe("Model timeout (s)");
          expect(await keyField(ui).inputValue()).toBe(OPENAI_KEY);
          expect(await storage(sim, "figment.apiKeys")).toBeUndefined();
          await shot(page, "3-save-blocked");

          // Save: stores the key in OpenAI's slot and the settings, then goes where the user was going.
          await ui.getByRole("spinbutton", { name: "Model timeout (s)" }).fill("60");
          await nav(ui, "Code").click();
          await dialog(ui).getByRole("button", { name: "Save" }).click();
          await ui.locator(".panel--code").waitFor();
          await ui.locator(".toast", { hasText: "Settings saved" }).waitFor();
          expect(await storage(sim, "figment.apiKeys")).toEqual({ openai: OPENAI_KEY });
          expect(await storage(sim, "figment.settings")).toMatchObject({ model: "gpt-4o", timeoutSec: 60 });
          await shot(page, "4-saved-on-code");

          // Back in Settings: the key shows as saved for OpenAI; a clean form leaves without asking.
          await nav(ui, "Settings").click();
          expect(await ui.locator(".key-saved").textContent()).toContain("OpenAI key saved");
          expect(await ui.content()).not.toContain(OPENAI_KEY);
          await nav(ui, "History").click();
          expect(await dialog(ui).count()).toBe(0);

          // Discard: the edit is gone, the saved value is back.
          await nav(ui, "Settings").click();
          await ui.getByRole("textbox", { name: "Model", exact: true }).fill("gpt-4.1");
          await nav(ui, "Code").click();
          await dialog(ui).getByRole("button", { name: "Discard" }).click();
          await ui.locator(".panel--code").waitFor();
          await nav(ui, "Settings").click();
          expect(await ui.getByRole("textbox", { name: "Model", exact: true }).inputValue()).toBe("gpt-4o");
          expect(await storage(sim, "figment.settings")).toMatchObject({ model: "gpt-4o" });
        },
      );
    },
  );

  it(
    "each provider and base URL has its own key: the key row and Test connection " +
      "use only the form's slot, and a listing's prices reach the estimate",
    async () => {
      const openai = await startServer();
      const openrouter = await startServer();
      openai.push({ kind: "error", status: 401, message: "Incorrect API key provided" });
      openrouter.push(
        openRouterModelsJson([
          ["openai/gpt-5.4-image-2", "0.000009", "0.000018"],
          ["openai/gpt-4o", "0.0000025", "0.00001"],
          ["openrouter/auto", "-1", "-1"],
        ]),
      );
      const hostA = new URL(openai.url).host;
      const hostB = new URL(openrouter.url).host;
      const today = new Date().toISOString().slice(0, 10);
      // A key saved by an earlier version (one key for all) moves to the provider and base URL it was saved with.
      const seeded = {
        "figment.settings": { provider: "openai", baseUrl: openai.url, model: "gpt-5.4-image-2" },
        "figment.apiKey": OPENAI_KEY,
      };
      const allowOrigins = [new URL(openai.url).origin, new URL(openrouter.url).origin];
      let stored: Record<string, unknown> = {};
      await withPluginPage(
        pages,
        { fixture: LOGIN, select: ["101:3"], command: "settings", storage: seeded, allowOrigins },
        async ({ page, ui, sim }) => {
          await ui.waitForSelector(".panel--settings");
          expect(await ui.locator(".key-saved").textContent()).toContain(`OpenAI at ${hostA} key saved`);
          expect(await storage(sim, "figment.apiKeys")).toEqual({ [`openai ${openai.url}`]: OPENAI_KEY });

          // The OpenAI endpoint gets the OpenAI key, and its 401 says what to do.
          expect(await testConnection(ui)).toContain(
            `${hostA} did not accept the key (401). Check that it is the key for OpenAI at ${hostA}`,
          );
          expect(digests(openai)).toEqual([secretDigest(`Bearer ${OPENAI_KEY}`)]);
          await shot(page, "5-openai-401");

          // OpenRouter at the same URL is another slot: no key there, and the test sends nothing.
          await pickProvider(ui, "OpenRouter");
          expect(await ui.locator(".key-state").textContent()).toBe(`No key for OpenRouter at ${hostA}`);
          expect(await ui.locator(".key-saved").count()).toBe(0);
          expect(await testConnection(ui)).toBe(`No key for OpenRouter at ${hostA}. Type one above, then test again.`);
          // A base URL that is not one yet: no slot to name, and the test says how to fix the URL.
          await ui.locator('input[type="url"]').fill(hostB);
          expect(await ui.locator(".key-state").textContent()).toBe("No key for this base URL");
          expect(await testConnection(ui)).toMatch(/^“.*” is not a base URL\. Enter one that starts with https:\/\//);
          await shot(page, "6a-bad-url");
          await ui.locator('input[type="url"]').fill(openrouter.url);
          expect(await ui.locator(".key-state").textContent()).toBe(`No key for OpenRouter at ${hostB}`);
          expect(await testConnection(ui)).toContain(`No key for OpenRouter at ${hostB}`);
          expect(openai.requests).toHaveLength(1);
          expect(openrouter.requests).toHaveLength(0);
          await shot(page, "6-openrouter-no-key");

          // The typed OpenRouter key goes to OpenRouter's endpoint only; the listing's prices are stored.
          await keyField(ui).fill(OPENROUTER_KEY);
          const connected = await testConnection(ui);
          expect(connected).toBe(
            `Connected to ${hostB}: 3 models available. Saved the prices of 2 models for cost estimates.`,
          );
          expect(digests(openrouter)).toEqual([secretDigest(`Bearer ${OPENROUTER_KEY}`)]);
          await shot(page, "7-openrouter-connected");
          const prices = await storage<Record<string, { input: number; output: number; source: string; asOf: string }>>(
            sim,
            "figment.prices",
          );
          expect(prices?.["openai/gpt-5.4-image-2"]).toEqual({
            input: 9,
            output: 18,
            source: `${openrouter.url}/models`,
            asOf: today,
          });

          // Saved: each key in its own slot.
          await ui.getByRole("button", { name: "Save", exact: true }).click();
          await ui.locator(".key-saved", { hasText: `OpenRouter at ${hostB} key saved` }).waitFor();
          expect(await storage(sim, "figment.apiKeys")).toEqual({
            [`openai ${openai.url}`]: OPENAI_KEY,
            [`openrouter ${openrouter.url}`]: OPENROUTER_KEY,
          });
          // Replace shows the field for this slot; Keep saved key goes back without touching the stored key.
          await ui.getByRole("button", { name: "Replace", exact: true }).click();
          expect(await ui.locator(".key-state").textContent()).toBe(`Replacing the OpenRouter at ${hostB} key`);
          await ui.getByRole("button", { name: "Keep saved key" }).click();
          expect(await ui.locator(".key-saved").count()).toBe(1);

          // Switching the form back to OpenAI shows OpenAI's slot again (once the base URL is OpenAI's).
          await pickProvider(ui, "OpenAI");
          expect(await ui.locator(".key-state").textContent()).toBe(`No key for OpenAI at ${hostB}`);
          await ui.locator('input[type="url"]').fill(openai.url);
          expect(await ui.locator(".key-saved").textContent()).toContain(`OpenAI at ${hostA} key saved`);
          await shot(page, "8-back-to-openai");
          await nav(ui, "Code").click();
          await dialog(ui).getByRole("button", { name: "Discard" }).click();

          // The estimate uses the listing's price, and says where it came from and when.
          await ui.getByRole("button", { name: "Generate with AI" }).click();
          const confirm = ui.locator(".ai-confirm");
          await confirm.waitFor({ timeout: 60_000 });
          expect(await confirm.locator(".ai-confirm__price").textContent()).toBe(
            `Price: $9 in · $18 out per 1M tokens, from ${hostB}, ${today}`,
          );
          expect(await confirm.textContent()).toContain("openai/gpt-5.4-image-2");
          // The cost is made from the listing's $9 / $18, not the built-in table's $8 / $15.
          const estimate = (await confirm.locator(".ai-confirm__estimate").textContent()) ?? "";
          const [input, output] = [/≈ ([\d,]+) input/, /≈ ([\d,]+) output/].map((re) =>
            Number(re.exec(estimate)?.[1]?.replace(/,/g, "")),
          );
          expect(estimate).toContain(`≈ $${((input! * 9 + output! * 18) / 1e6).toFixed(3)}`);
          await shot(page, "9-estimate-with-fetched-price");

          // No key ever reached a host it was not saved for.
          expect(digests(openrouter)).not.toContain(secretDigest(`Bearer ${OPENAI_KEY}`));
          expect(digests(openai)).not.toContain(secretDigest(`Bearer ${OPENROUTER_KEY}`));
          stored = await sim<Record<string, unknown>>("Object.fromEntries(sim.storage)");
        },
      );

      // Next open: the prices come with init and still drive the estimate; Remove key empties only this slot.
      await withPluginPage(
        pages,
        { fixture: LOGIN, select: ["101:3"], storage: stored, allowOrigins },
        async ({ ui, sim }) => {
          const init = (await sim<{ type: string; prices?: Record<string, unknown> }[]>("sim.ui.messages")).find(
            (m) => m.type === "init",
          );
          expect(Object.keys(init?.prices ?? {})).toEqual(["openai/gpt-5.4-image-2", "openai/gpt-4o"]);
          await ui.getByRole("button", { name: "Generate with AI" }).click();
          await ui.locator(".ai-confirm__price", { hasText: `from ${hostB}` }).waitFor({ timeout: 60_000 });
          await ui.locator(".ai-confirm").getByRole("button", { name: "Cancel" }).click();
          await nav(ui, "Settings").click();
          await ui.getByRole("button", { name: "Remove key" }).click();
          await ui.locator(".key-state", { hasText: `No key for OpenRouter at ${hostB}` }).waitFor();
          expect(await storage(sim, "figment.apiKeys")).toEqual({ [`openai ${openai.url}`]: OPENAI_KEY });
        },
      );
    },
  );
});
