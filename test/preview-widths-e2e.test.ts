/**
 * The Code panel's preview at other widths (issue 22), as a user meets it in the browser harness at Figma's
 * default 420×600 (real dist/code.js on the figma simulator, real dist/ui.html), on a real site drawn without
 * auto layout (the corpus's landing page): Phone 390, Tablet 768 and the design's width lay the page out at
 * that real viewport width (the sandboxed iframe's own width), scaled to fit the panel; the handle beside the
 * page drags (and keys) any width between 320 and 1920. (That the page reflows without overflow at those
 * widths is what test/corpus-sites.test.ts measures on the same code.) Screenshots of each state go to
 * test-artifacts/preview-widths/.
 */
import { join } from "node:path";
import type { Frame, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { corpusImages, corpusJson } from "./helpers/corpus-frames.js";
import { panelScreenshot, ROOT, withPluginPage } from "./harness/plugin-page.js";
import { runBrowser, useBrowser } from "./helpers/browser.js";

const ARTIFACTS = join(ROOT, "test-artifacts", "preview-widths");
const PAGE = { name: "sb-landing-page", kind: "converted site" } as const;
const FRAME = "102:0";

const shot = (page: Page, name: string): Promise<void> => panelScreenshot(page, ARTIFACTS, name);

/**
 * The width, in CSS px, of the viewport the preview's page is laid out in: the sandboxed iframe's own width (it
 * has no border; its page runs no script, so it is read from outside). And the width it is drawn at.
 */
async function previewViewport(ui: Frame): Promise<{ width: number; drawn: number }> {
  // Loaded (images included) before it is measured or photographed.
  await ui.waitForSelector("iframe.preview__frame[data-loaded]", { timeout: 60_000 });
  return ui.locator("iframe.preview__frame").evaluate((el) => ({
    width: (el as unknown as { clientWidth: number }).clientWidth,
    drawn: (el as unknown as { getBoundingClientRect(): { width: number } }).getBoundingClientRect().width,
  }));
}

const caption = async (ui: Frame) => (await ui.locator(".preview__caption").textContent()) ?? "";

describe.runIf(runBrowser)(
  "the Code panel's preview at phone, tablet, design and dragged widths",
  { timeout: 180_000 },
  () => {
    const browser = useBrowser();

    it("lays the page out at the chosen width, scaled to fit; the handle drags and keys any width", async () => {
      const json = corpusJson(PAGE);
      await withPluginPage(
        browser,
        { fixture: json, select: [FRAME], images: corpusImages(json) },
        async ({ page, ui }) => {
          await ui.getByRole("button", { name: "Generate", exact: true }).click();
          await ui.locator(".result-source").waitFor({ timeout: 90_000 });
          await ui.getByRole("tab", { name: "Preview" }).click();
          const widths = ui.getByRole("radiogroup", { name: "Preview width" });

          // The design's width: a long page fitted by its width.
          expect((await previewViewport(ui)).width).toBe(1440);
          expect(await widths.getByRole("radio", { name: "Design" }).getAttribute("aria-checked")).toBe("true");
          expect(await caption(ui)).toMatch(/^.*1440 × \d+ · \d+%$/);
          await shot(page, "1-design-width");

          for (const [name, width] of [
            ["Phone", 390],
            ["Tablet", 768],
          ] as const) {
            await widths.getByRole("radio", { name }).click();
            await expect.poll(async () => (await previewViewport(ui)).width).toBe(width);
            expect(await caption(ui)).toContain(`${width} × `);
            // Scaled to fit the panel's width: the drawn page is never wider than the stage.
            const stage = (await ui.locator(".preview__stage").boundingBox())!;
            const canvas = (await ui.locator(".preview__canvas").boundingBox())!;
            expect(canvas.width).toBeLessThanOrEqual(stage.width);
            await shot(page, `2-${name.toLowerCase()}`);
          }

          // Drag the handle 60 px to the left from the tablet width: the page narrows by 60 px ÷ the scale.
          const handle = ui.getByRole("slider", { name: "Preview width" });
          expect(await handle.getAttribute("aria-valuenow")).toBe("768");
          const scale = Number((await caption(ui)).match(/(\d+)%$/)![1]) / 100;
          const box = (await handle.boundingBox())!;
          await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
          await page.mouse.down();
          await page.mouse.move(box.x + box.width / 2 - 30, box.y + box.height / 2, { steps: 3 });
          await page.mouse.move(box.x + box.width / 2 - 60, box.y + box.height / 2, { steps: 3 });
          await page.mouse.up();
          const dragged = Number(await handle.getAttribute("aria-valuenow"));
          expect(Math.abs(dragged - (768 - 60 / scale))).toBeLessThanOrEqual(2 / scale);
          // A width that is no preset shows as its own choice.
          expect(await widths.getByRole("radio", { name: String(dragged) }).getAttribute("aria-checked")).toBe("true");
          await expect.poll(async () => (await previewViewport(ui)).width).toBe(dragged);
          await shot(page, "3-dragged");

          // Keys: Home to the narrowest phone, End to 1920, arrows by 10 (Shift: 100).
          await handle.focus();
          await page.keyboard.press("Home");
          expect(await handle.getAttribute("aria-valuenow")).toBe("320");
          await expect.poll(async () => (await previewViewport(ui)).width).toBe(320);
          await shot(page, "4-narrowest");
          await page.keyboard.press("Shift+ArrowRight");
          expect(await handle.getAttribute("aria-valuenow")).toBe("420");
          await page.keyboard.press("End");
          expect(await handle.getAttribute("aria-valuenow")).toBe("1920");
          await expect.poll(async () => (await previewViewport(ui)).width).toBe(1920);
          await shot(page, "5-widest");

          // Back to the design's width.
          await widths.getByRole("radio", { name: "Design" }).click();
          await expect.poll(async () => (await previewViewport(ui)).width).toBe(1440);
        },
      );
    });
  },
);
