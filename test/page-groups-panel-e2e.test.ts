/**
 * The Code panel with frames that draw one page at several widths selected (flora's "Product Details" at 1440, 768
 * and 375), in the browser harness at Figma's default 420×600: before Generate the head says "3 frames → one
 * responsive page: Desktop 1440, Tablet 768, Phone 375", Generate makes them one page (the worker's note says so),
 * and "Generate separately" keeps each frame its own page, remembered across panels. Screenshots go to
 * test-artifacts/page-groups/.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, panelScreenshot, waitForFinalCode, withPluginPage } from "./harness/plugin-page.js";
import { runBrowser, useBrowser, usePageContext } from "./helpers/browser.js";

const ARTIFACTS = join(ROOT, "test-artifacts", "page-groups");
const FLORA: unknown = JSON.parse(readFileSync(join(ROOT, "test", "fixtures", "real", "flora.file.json"), "utf8"));
/** "Product Details" (1440), "Product Details Tablet" (768), "Product Details Mobile" (375). */
const PRODUCT = ["8211:116592", "8238:18874", "8238:19250"];
const NOTE = "3 frames → one responsive page: Desktop 1440, Tablet 768, Phone 375";

describe.runIf(runBrowser)("the Code panel with one page drawn at several widths", { timeout: 180_000 }, () => {
  const browser = useBrowser();
  const pages = usePageContext(browser);

  it("says which frames are one page before Generate, makes them one, and keeps them apart on request", async () => {
    await withPluginPage(
      pages,
      { fixture: FLORA, select: PRODUCT, viewport: { width: 700, height: 800 } },
      async ({ page, ui }) => {
        const note = ui.locator(".page-groups");
        await note.locator(".page-groups__line").filter({ hasText: NOTE }).waitFor({ timeout: 60_000 });
        expect(await note.locator(".page-groups__line").getAttribute("title")).toBe(
          "“Product Details” (1440), “Product Details Tablet” (768), “Product Details Mobile” (375): found by name " +
            "and content",
        );
        await panelScreenshot(page, ARTIFACTS, "1-one-page");

        // Generate: one page of the three frames (its narrower drawings wait for the emitters that write them).
        await ui.getByRole("button", { name: "Generate", exact: true }).click();
        await waitForFinalCode(ui, 90_000);
        const one = (await ui.locator(".tree").textContent()) ?? "";
        expect(one).toContain("ProductDetails.tsx");
        expect(one).not.toMatch(/ProductDetails(Tablet|Mobile)/);
        await panelScreenshot(page, ARTIFACTS, "2-generated");

        // "Generate separately": the note says each frame is its own page, and Generate writes each.
        await ui.getByRole("checkbox", { name: "Generate separately" }).check();
        const apart = note.locator(".page-groups__line").filter({ hasText: "3 frames of one page, each generated on" });
        await apart.waitFor();
        expect(await note.getAttribute("class")).toContain("is-separate");
        await panelScreenshot(page, ARTIFACTS, "3-separately");
        await ui.getByRole("button", { name: "Generate", exact: true }).click();
        await ui.locator(".tree").filter({ hasText: "ProductDetailsTablet" }).waitFor({ timeout: 90_000 });

        // Remembered across panels.
        await ui.locator(".nav__item", { hasText: "Image" }).click();
        await ui.locator(".nav__item", { hasText: "Code" }).click();
        expect(await ui.getByRole("checkbox", { name: "Generate separately" }).isChecked()).toBe(true);
      },
    );
  });
});
