/**
 * The panels other than Code come as parts (esbuild.panel-parts.mjs), end to end in headless Chromium with the
 * real dist/: each menu command opens its panel directly (a quiet loading line while its part comes), a part
 * that fails to load says so in its panel with Try again, and the parts are warmed in idle time after the first
 * paint, so a panel opened from the navigation later is there at once. Screenshots of each panel opened by its
 * command, at Figma's default panel size, go to test-artifacts/parts/.
 */
import { join } from "node:path";
import type { Frame } from "playwright-core";
import { describe, expect, it } from "vitest";
import { PANEL_PARTS } from "../contract/messages.js";
import { panelScreenshot, ROOT, withPluginPage } from "./harness/plugin-page.js";
import { runBrowser, useBrowser, usePageContext } from "./helpers/browser.js";
import { effectsRan } from "./helpers/page-turns.js";

const ARTIFACTS = join(ROOT, "test-artifacts", "parts");
const LOGIN = "figmasharp-login.file.json";

/** Panel parts asked for (the Code panel's draft emitters are a part too, warmed with them: not counted here). */
const partsAsked = async (traffic: () => Promise<{ type: string; from: string; part?: unknown }[]>) =>
  (await traffic()).filter((m) => m.type === "get-ui-part" && (PANEL_PARTS as readonly unknown[]).includes(m.part))
    .length;
const nav = (ui: Frame, name: string) => ui.locator(".nav").getByRole("button", { name, exact: true });

describe.runIf(runBrowser)("panel parts", () => {
  const browser = useBrowser();
  // Plugin pages reused between tests (no init scripts, routes or listeners of their own): one renderer, not one per
  // test.
  const pages = usePageContext(browser);

  it(
    "each menu command opens its panel directly: a quiet " + "loading line while the part comes, then the panel",
    async () => {
      for (const command of ["image", "analyze", "search", "settings"] as const) {
        await withPluginPage(
          pages,
          { fixture: LOGIN, select: ["101:3"], command, hold: ["ui-part"] },
          async ({ page, ui, relay }) => {
            const loading = ui.locator(".part-loading");
            await loading.waitFor({ timeout: 10_000 });
            expect(await loading.getAttribute("role")).toBe("status");
            expect(await loading.innerText()).toMatch(/^Loading the \w+ panel…$/);
            expect(await ui.locator(`.panel--${command}`).count()).toBe(0);
            if (command === "image") await panelScreenshot(page, ARTIFACTS, "image-loading");
            await relay.release("ui-part");
            await ui.locator(`.panel--${command}`).waitFor({ timeout: 15_000 });
            expect(await loading.count()).toBe(0);
            await effectsRan(ui);
            await panelScreenshot(page, ARTIFACTS, `${command}-by-command`);
          },
        );
      }
    },
  );

  it("a part that fails to load says so in its panel, and Try again loads it", async () => {
    await withPluginPage(
      pages,
      { fixture: LOGIN, select: ["101:3"], command: "code", hold: ["init"] },
      async ({ page, ui, relay }) => {
        // Every part script fails to start (as a broken payload would), until Try again.
        await ui.evaluate(() => {
          const w = globalThis as unknown as { __realObjectUrl?: typeof URL.createObjectURL };
          w.__realObjectUrl = URL.createObjectURL;
          URL.createObjectURL = () => "blob:null/missing";
        });
        await relay.release("init");
        await nav(ui, "History").click();
        const alert = ui.getByRole("alert").filter({ hasText: "The History panel could not be loaded." });
        await alert.waitFor({ timeout: 15_000 });
        expect(await alert.innerText()).toContain("close the plugin and run it again");
        await panelScreenshot(page, ARTIFACTS, "history-failed");
        await ui.evaluate(() => {
          URL.createObjectURL = (
            globalThis as unknown as { __realObjectUrl: typeof URL.createObjectURL }
          ).__realObjectUrl;
        });
        await alert.getByRole("button", { name: "Try again" }).click();
        await ui.locator(".panel--history").waitFor({ timeout: 15_000 });
        expect(await alert.count()).toBe(0);
      },
    );
  });

  it(
    "the parts are warmed one by one in idle time after the " + "first paint, so a panel opened later is there at once",
    async () => {
      await withPluginPage(pages, { fixture: LOGIN, select: ["101:3"], command: "code" }, async ({ ui, relay }) => {
        await ui.getByRole("button", { name: "Generate", exact: true }).waitFor();
        await expect.poll(() => partsAsked(relay.traffic)).toBe(PANEL_PARTS.length);
        const loaded = () =>
          ui.evaluate(() =>
            Object.keys(
              (globalThis as unknown as { figmentPartStats(): Record<string, number> }).figmentPartStats(),
            ).sort(),
          );
        await expect.poll(loaded).toEqual([...PANEL_PARTS].sort());
        for (const [name, panel] of [
          ["Image", "image"],
          ["Analyze", "analyze"],
          ["Search", "search"],
          ["History", "history"],
          ["Settings", "settings"],
        ] as const) {
          await nav(ui, name).click();
          // No loading line: the panel is in the same frame as the click.
          expect(await ui.locator(`.panel--${panel}`).count()).toBe(1);
          expect(await ui.locator(".part-loading").count()).toBe(0);
        }
      });
    },
  );
});
