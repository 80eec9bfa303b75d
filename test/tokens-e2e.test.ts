/**
 * Design tokens through the whole plugin in the browser harness: the login frame bound to Light/Dark
 * variables (test/fixtures/tokens) on the simulated figma, whose `figma.variables` answers as Figma does.
 * Generate → the export carries the variables → src/tokens.css in the file list and the zip, the CSS module
 * uses var(--…), and the preview draws the tokens' colours. Screenshot at 420×600 in test-artifacts/tokens/.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT, withPluginPage } from "./harness/plugin-page.js";
import { loginVariables, loginWithBindings } from "./helpers/token-fixtures.js";
import { downloadedBytes, runBrowser, useBrowser } from "./helpers/browser.js";

const ARTIFACTS = join(ROOT, "test-artifacts", "tokens");

describe.runIf(runBrowser)("tokens in the plugin", { timeout: 180_000 }, () => {
  const browser = useBrowser();
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
  });

  it("Generate writes tokens.css from the file's variables, and the code and preview use them", async () => {
    await withPluginPage(
      browser,
      { fixture: loginWithBindings(), variables: loginVariables(), select: ["101:3"] },
      async ({ page, ui }) => {
        await ui.waitForSelector(".selection__title");
        await ui.getByRole("button", { name: "Generate", exact: true }).click();
        await ui.waitForSelector('.results[data-stage="final"]', { timeout: 90_000 });
        const names = (await ui.locator(".tree__row:not(.tree__row--folder) .tree__name").allTextContents()).map((t) =>
          t.trim(),
        );
        expect(names).toContain("tokens.css");
        const box = (await page.locator("#plugin-ui").boundingBox())!;
        await page.screenshot({
          path: join(ARTIFACTS, "panel-files.png"),
          clip: { x: box.x + 1, y: box.y + 1, width: 420, height: 600 },
        });

        const [download] = await Promise.all([
          page.waitForEvent("download"),
          ui.locator("button", { hasText: "Download .zip" }).click(),
        ]);
        const zip = unzipSync(new Uint8Array(await downloadedBytes(download)));
        const text = (path: string): string => new TextDecoder().decode(zip[path]);
        expect(text("src/tokens.css")).toMatch(/:root \{[\s\S]*--color-brand-primary: var\(--palette-red-500\);/);
        expect(text("src/tokens.css")).toContain('[data-theme="dark"] {');
        expect(text("src/screens/LogInPage.module.css")).toContain("background-color: var(--color-brand-primary);");

        await ui.locator(".view-tab", { hasText: "Preview" }).click();
        const frame = await (await ui.waitForSelector("iframe.preview__frame", { timeout: 60_000 })).contentFrame();
        await frame!.waitForSelector("main");
        const fill = await frame!.evaluate(() => {
          const w = globalThis as unknown as {
            document: { querySelector(s: string): unknown };
            getComputedStyle(e: unknown): { backgroundColor: string };
          };
          return w.getComputedStyle(w.document.querySelector("button > div")).backgroundColor;
        });
        expect(fill).toBe("rgb(255, 71, 58)");
        await page.screenshot({
          path: join(ARTIFACTS, "panel-preview.png"),
          clip: { x: box.x + 1, y: box.y + 1, width: 420, height: 600 },
        });
      },
    );
  });
});
