/**
 * Real pictures and icons in the Generate-code panel, in the browser harness at Figma's default 420×600: the
 * figma simulator holds real PNG bytes for the fixtures' image fills (by imageRef) and answers SVG_STRING
 * exports, the real dist/code.js fetches and exports them, the panel passes them into codegen. The zip holds
 * the photo byte for byte (its record's copy in .figment/base/ aside) and the icons as Figma exported them, the
 * live preview shows the photo, and no problem asks the user for a REST export option. Screenshots go to
 * test-artifacts/code-assets/.
 */
import { join } from "node:path";
import { unzipSync } from "fflate";
import type { Frame, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { inRecord } from "../codegen/project/record.js";
import { exportRoot, planAssets } from "../plugin/export/asset-plan.js";
import { fixtureImages, simFromFixture } from "./figma-sim/node.js";
import { panelScreenshot, ROOT, withPluginPage } from "./harness/plugin-page.js";
import { downloadedBytes, runBrowser, useBrowser, usePageContext } from "./helpers/browser.js";

const ARTIFACTS = join(ROOT, "test-artifacts", "code-assets");
const LOGIN = "figmasharp-login.file.json";
const LOGIN_FRAME = "101:3";
const DIALOG = "figmasharp-bundler-dialog.file.json";
const DIALOG_FRAME = "25:0";

const shot = (page: Page, name: string): Promise<void> => panelScreenshot(page, ARTIFACTS, name);

/** The SVGs the simulator exports for the frame's vector layers (deterministic: the same the plugin gets). */
async function expectedSvgs(fixture: string, frameId: string): Promise<string[]> {
  const sim = simFromFixture(fixture);
  const vectors = planAssets([exportRoot(await sim.node(frameId).exportAsync({ format: "JSON_REST_V1" }))!]).vectors;
  return Promise.all(vectors.map(async (v) => (await sim.node(v.id).exportAsync({ format: "SVG_STRING" })) as string));
}

async function download(page: Page, ui: Frame): Promise<Record<string, Uint8Array>> {
  await ui.locator(".view-tab", { hasText: "Code" }).click();
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    ui.locator("button", { hasText: "Download .zip" }).click(),
  ]);
  return unzipSync(new Uint8Array(await downloadedBytes(file)));
}

const problemsText = async (ui: Frame): Promise<string> => {
  const header = ui.locator(".problems__header");
  if ((await header.count()) === 0) return "";
  if ((await header.getAttribute("aria-expanded")) !== "true") await header.click();
  return (await ui.locator(".problems").innerText()).replace(/\s+/g, " ");
};

const same = (a: Uint8Array | undefined, b: Uint8Array): boolean =>
  a !== undefined && Buffer.from(a).equals(Buffer.from(b));

describe.runIf(runBrowser)("real images and icons in the Generate-code panel", { timeout: 180_000 }, () => {
  const browser = useBrowser();
  // Plugin pages reused between tests (no init scripts, routes or listeners of their own): one renderer, not one per
  // test.
  const pages = usePageContext(browser);

  it(
    "the login frame: the zip holds its photo byte for byte " +
      "and its icons as exported, the preview shows the photo",
    async () => {
      const images = fixtureImages(LOGIN);
      const photo = Object.values(images)[0]!;
      const svgs = await expectedSvgs(LOGIN, LOGIN_FRAME);
      expect(svgs.length).toBe(4);
      await withPluginPage(
        pages,
        { fixture: LOGIN, select: [LOGIN_FRAME], images, storage: { "figment.settings": { target: "html" } } },
        async ({ page, ui, sim }) => {
          expect(await ui.evaluate("[innerWidth, innerHeight]")).toEqual([420, 600]);
          await ui.getByRole("button", { name: "Generate", exact: true }).click();
          await ui.waitForSelector('.results[data-stage="final"]', { timeout: 90_000 });
          // The main thread read the image once and exported each vector layer as SVG.
          const exports = await sim<{ nodeId: string; format: string }[]>("sim.record.exports");
          expect(exports.filter((e) => e.format === "SVG_STRING")).toHaveLength(4);

          const problems = await problemsText(ui);
          expect(problems).not.toContain("geometry=paths");
          expect(problems).not.toMatch(/no image bytes|placeholder|no outline/);
          await shot(page, "1-result-html");

          // The preview draws the photo: an <img> or a CSS background from the real bytes, decoded by the browser.
          await ui.locator(".view-tab", { hasText: "Preview" }).click();
          const handle = await ui.waitForSelector("iframe.preview__frame", { timeout: 60_000 });
          const preview = (await handle.contentFrame())!;
          await preview.waitForSelector("main");
          const base64 = Buffer.from(photo).toString("base64");
          const drawn = await preview.evaluate<number[]>(
            `(async () => {
        const mark = ${JSON.stringify(base64.slice(0, 64))};
        const backgrounds = [...document.querySelectorAll("*")].map((e) => ` +
              `getComputedStyle(e).backgroundImage).filter((b) => b.includes(mark)).map((b) => ` +
              `/url\\("?([^")]+)"?\\)/.exec(b)[1]);
        const urls = [...backgrounds, ...[...document.images].map((i) => i.src).filter((src) => ` +
              `src.includes(mark))];
        return Promise.all(urls.map(async (url) => {
          const image = new Image();
          image.src = url;
          await image.decode();
          return image.naturalWidth;
        }));
      })()`,
          );
          expect(drawn.length).toBeGreaterThan(0);
          expect(drawn.every((w) => w === 96)).toBe(true);
          // Its inline icons are the exported SVGs (the zip below has their markup verbatim).
          const boxes = await preview.evaluate<string[]>(
            `[...document.querySelectorAll("svg")].map((s) => s.getAttribute("viewBox"))`,
          );
          for (const svg of svgs) expect(boxes).toContain(/viewBox="([^"]+)"/.exec(svg)![1]);
          await shot(page, "2-preview-html");

          const zip = await download(page, ui);
          const pngs = Object.keys(zip).filter((p) => p.endsWith(".png") && !inRecord(p));
          expect(pngs).toEqual(["assets/background-image.png"]);
          expect(same(zip[pngs[0]!], photo)).toBe(true);
          // Prettier formats the page: compare the icons' elements with spacing and self-closing slashes evened out.
          const even = (markup: string): string => markup.replace(/\s*\/>/g, "/>").replace(/\s+/g, " ");
          const html = even(new TextDecoder().decode(zip["index.html"]));
          expect(new TextDecoder().decode(zip["styles.css"])).toMatch(/url\(["']?assets\/background-image\.png/);
          for (const svg of svgs)
            for (const element of svg.split("\n").slice(1, -2)) expect(html).toContain(even(element));
        },
      );
    },
  );

  it("React: the photo is a file of its own in src/assets, referenced by the screen's styles", async () => {
    const images = fixtureImages(LOGIN);
    const photo = Object.values(images)[0]!;
    await withPluginPage(pages, { fixture: LOGIN, select: [LOGIN_FRAME], images }, async ({ page, ui }) => {
      await ui.getByRole("button", { name: "Generate", exact: true }).click();
      await ui.waitForSelector('.results[data-stage="final"]', { timeout: 90_000 });
      const zip = await download(page, ui);
      const pngs = Object.keys(zip).filter((p) => p.endsWith(".png") && !inRecord(p));
      expect(pngs).toEqual(["src/assets/background-image.png"]);
      expect(same(zip[pngs[0]!], photo)).toBe(true);
      expect(new TextDecoder().decode(zip["src/screens/LogInPage.module.css"])).toMatch(
        /url\(["']?\.\.\/assets\/background-image\.png/,
      );
      await shot(page, "3-result-react");
    });
  });

  it("shows image progress while Figma hands over the bytes, then the dialog's 8 pictures in the zip", async () => {
    const images = fixtureImages(DIALOG);
    // Figma is slow with the bytes: the first 3 images come at once, the rest when the test says so.
    const setup = `(() => {
      const sim = window.__figmentSim;
      const lookup = sim.figma.getImageByHash;
      let release;
      const gate = new Promise((resolve) => (release = resolve));
      window.__releaseImages = release;
      let asked = 0;
      sim.figma.getImageByHash = (hash) => {
        const image = lookup(hash);
        if (!image) return null;
        const index = asked++;
        return { ...image, getBytesAsync: async () => { if (index >= 3) await gate; return image.getBytesAsync(); } };
      };
    })()`;
    await withPluginPage(pages, { fixture: DIALOG, select: [DIALOG_FRAME], images, setup }, async ({ page, ui }) => {
      await ui.getByRole("button", { name: "Generate", exact: true }).click();
      const status = ui.locator(".status", { hasText: "Fetching images" });
      await status.waitFor({ timeout: 30_000 });
      await ui.locator(".status", { hasText: "3 / 8" }).waitFor();
      expect((await status.innerText()).replace(/\s+/g, " ")).toBe("Fetching images 3 / 8");
      await shot(page, "4-progress-images");
      await page.evaluate("window.__releaseImages()");
      await ui.waitForSelector('.results[data-stage="final"]', { timeout: 90_000 });
      const zip = await download(page, ui);
      const pngs = Object.keys(zip).filter((p) => p.endsWith(".png") && !inRecord(p));
      expect(pngs).toHaveLength(8);
      for (const bytes of Object.values(images)) expect(pngs.some((p) => same(zip[p], bytes))).toBe(true);
      expect(await problemsText(ui)).not.toContain("geometry=paths");
      await shot(page, "5-result-dialog");
    });
  });

  it(
    "an image Figma cannot give is a listed problem naming " + "its layer; the code is still made, with a placeholder",
    async () => {
      await withPluginPage(pages, { fixture: LOGIN, select: [LOGIN_FRAME], images: {} }, async ({ page, ui }) => {
        await ui.getByRole("button", { name: "Generate", exact: true }).click();
        await ui.waitForSelector('.results[data-stage="final"]', { timeout: 90_000 });
        const problems = await problemsText(ui);
        expect(problems).toContain("The image of “Background Image” is not in this file");
        // Said once, with the reason: codegen's own "no bytes were supplied" echo of the same layer is not repeated.
        expect(problems).not.toContain("none were supplied");
        expect(problems).not.toContain("geometry=paths");
        expect(await ui.locator(".tree__name", { hasText: "LogInPage.tsx" }).count()).toBe(1);
        await shot(page, "6-missing-image-problem");
      });
    },
  );
});
