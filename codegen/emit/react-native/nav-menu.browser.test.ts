/**
 * A navigation bar's menu in React Native, shown through react-native-web in Chromium (nav-menu.ts), on Flora's
 * desktop page: at 390 px the links are behind a menu button that says it is collapsed and names the panel it
 * controls; a press shows them, inside the screen; at the design width there is no button and the links show.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { withPage } from "../../../cli/measure/browser.js";
import { resultPage } from "../../../cli/measure/result-page.js";
import { loadDesign } from "../../index.js";
import { runBrowser, useBrowser } from "../../../test/helpers/browser.js";
import { readFixture } from "../../../test/helpers/fixtures.js";
import { cachedGenerateCode } from "../../../test/helpers/run-cache.js";

const FRAME = "8203:59903";
const LINKS = ["8203:60101", "8203:60103", "8211:116270", "8211:116273", "8211:116276"];

interface Doc {
  document: {
    querySelector(s: string): {
      getBoundingClientRect(): { x: number; right: number; width: number; height: number };
      getClientRects(): { length: number };
    } | null;
  };
}

/** Each link's box (undefined: none), by its layer id. */
function linkBoxes(page: Page) {
  return page.evaluate((ids) => {
    const g = globalThis as unknown as Doc;
    return ids.map((id) => {
      const el = g.document.querySelector(`[data-node-id="${id}"]`);
      if (!el || el.getClientRects().length === 0) return undefined;
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 ? { x: r.x, right: r.right } : undefined;
    });
  }, LINKS);
}

describe.runIf(runBrowser)("React Native: a navigation bar's menu through react-native-web (Flora)", () => {
  const browser = useBrowser();

  it("at 390 px hides the links behind a menu button a press opens; at 1440 px shows them", async () => {
    const design = loadDesign(readFixture("../real/flora.file.json"), [FRAME]);
    const code = await cachedGenerateCode(design.document, {
      target: "react-native",
      styling: "css-modules",
      nodeIds: true,
    });
    const { files, entry } = await resultPage(code.files, "react-native");
    await withPage(browser, files, entry, { width: 390, height: 844 }, async (page) => {
      const button = page.getByRole("button", { name: "Menu" });
      await expect.poll(() => button.isVisible()).toBe(true);
      expect((await linkBoxes(page)).every((b) => b === undefined)).toBe(true);
      expect(await button.getAttribute("aria-expanded")).toBe("false");
      const panel = await button.getAttribute("aria-controls");
      expect(await page.locator(`[id="${panel}"] [data-node-id="${LINKS[0]}"]`).count()).toBe(1);
      await button.click();
      await expect.poll(async () => (await linkBoxes(page)).every((b) => b !== undefined)).toBe(true);
      for (const b of await linkBoxes(page)) expect(b!.x >= 0 && b!.right <= 390.5).toBe(true);
      expect(await button.getAttribute("aria-expanded")).toBe("true");
    });
    await withPage(browser, files, entry, { width: 1440, height: 900 }, async (page) => {
      await expect.poll(async () => (await linkBoxes(page)).every((b) => b !== undefined)).toBe(true);
      expect(await page.getByRole("button", { name: "Menu" }).isVisible()).toBe(false);
    });
  });
});
