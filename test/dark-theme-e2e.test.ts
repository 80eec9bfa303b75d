/**
 * Every panel in Figma's dark theme (issue 40: black placeholder text on near-black fields), end to end in headless
 * Chromium with the real dist/ on the figma simulator: the harness puts Figma's dark theme variables and the
 * `figma-dark` class on the panel's page, as `themeColors` does. Each panel's main state must read: every visible
 * text, field text and placeholder at WCAG AA contrast (4.5:1, 3:1 for large text) against what it is drawn on.
 * Screenshots go to test-artifacts/dark/<panel>.png.
 */
import { join } from "node:path";
import type { Frame } from "playwright-core";
import { describe, expect, it } from "vitest";
import { panelScreenshot, ROOT, withPluginPage } from "./harness/plugin-page.js";
import { runBrowser, useBrowser, usePageContext } from "./helpers/browser.js";
import { checkContrast } from "./helpers/contrast.js";
import { effectsRan } from "./helpers/page-turns.js";

const ARTIFACTS = join(ROOT, "test-artifacts", "dark");
const LOGIN = "figmasharp-login.file.json";
/** A key in storage, so the panels show their forms (nothing is sent: no test here presses a model's button). */
const storage = { "figment.apiKey": "sk-test-dark-0a1b2c3d" };
const nav = (ui: Frame, name: string) => ui.locator(".nav").getByRole("button", { name, exact: true });

/** How to bring each panel to its main state once opened (its command, or the nav for History). */
const PANELS: { panel: string; command: string; ready(ui: Frame): Promise<void>; fields: number }[] = [
  {
    panel: "code",
    command: "code",
    fields: 0,
    ready: async (ui) => {
      await ui.getByRole("button", { name: "Generate", exact: true }).click();
      await ui.locator('.results[data-stage="final"]').waitFor({ timeout: 90_000 });
    },
  },
  {
    panel: "image",
    command: "image",
    fields: 1,
    ready: (ui) => ui.locator(".panel--image").waitFor({ timeout: 15_000 }),
  },
  {
    panel: "analyze",
    command: "analyze",
    fields: 0,
    ready: (ui) => ui.locator(".panel--analyze").waitFor({ timeout: 15_000 }),
  },
  {
    panel: "search",
    command: "search",
    fields: 1,
    ready: async (ui) => {
      await ui.locator(".scan-done").waitFor({ timeout: 60_000 });
    },
  },
  {
    panel: "history",
    command: "code",
    fields: 0,
    ready: async (ui) => {
      await ui.locator(".panel--code").waitFor({ timeout: 15_000 });
      await nav(ui, "History").click();
      await ui.locator(".panel--history").waitFor({ timeout: 15_000 });
    },
  },
  {
    panel: "settings",
    command: "settings",
    fields: 1,
    ready: (ui) => ui.locator(".panel--settings").waitFor({ timeout: 15_000 }),
  },
];

describe.runIf(runBrowser)("the panels in Figma's dark theme", { timeout: 180_000 }, () => {
  const browser = useBrowser();
  const pages = usePageContext(browser);

  for (const { panel, command, ready, fields } of PANELS) {
    it(`${panel}: every text, field and placeholder reads at WCAG AA contrast`, async () => {
      await withPluginPage(
        pages,
        { fixture: LOGIN, select: ["101:3"], command, storage, theme: "dark" },
        async ({ page, ui }) => {
          await ready(ui);
          await effectsRan(ui);
          // The dark theme is on (not the light fallbacks).
          expect(await ui.evaluate<string>("getComputedStyle(document.body).backgroundColor")).toBe("rgb(44, 44, 44)");
          await panelScreenshot(page, ARTIFACTS, panel);
          // Figma's primary button (white on its brand blue #0c8ce9, 3.5:1) is left as Figma draws its own.
          const result = await checkContrast(ui, ".button--primary");
          expect(result.checked).toBeGreaterThan(5);
          expect(result.fields).toBeGreaterThanOrEqual(fields);
          expect(result.failures).toEqual([]);
        },
      );
    });
  }
});
