/**
 * The design's real pictures and icons in both previews, rendered in headless Chromium the way the panel
 * shows them: the HTML preview (`buildSrcdoc`, `<iframe sandbox="">`) and the React preview
 * (`buildReactPreview`, `<iframe sandbox="allow-scripts">`), neither with same-origin. Checks that every
 * <img> decoded and samples screenshot pixels where each image, crop, tile and supplied SVG is drawn.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { chromiumAvailable } from "../../cli/measure/browser.js";
import { REPO_ROOT } from "../../test/helpers/fixtures.js";
import { screenshotColours, type Rgb } from "../../test/helpers/screenshot-colours.js";
import { previewRuntimeForTests } from "../../test/helpers/preview-runtime.js";
import { pngFromRows } from "../../test/openai-server/png.js";
import { generateCode, loadDesign } from "../index.js";
import type { SourceFile } from "../types.js";
import { buildSrcdoc, previewPages } from "./html-page.js";
import { buildReactPreview, REACT_PREVIEW_SANDBOX } from "./react-preview.js";
import { connectChromium } from "../../test/helpers/chromium-server.js";

const runBrowser = chromiumAvailable() || process.env["CI"] !== undefined;
const ARTIFACTS = join(REPO_ROOT, "test-artifacts", "assets");

/** A PNG whose pixel (x, y) is `color(x, y)`. */
function png(width: number, height: number, color: (x: number, y: number) => Rgb): Uint8Array {
  const raw = new Uint8Array((1 + width * 3) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (1 + width * 3);
    for (let x = 0; x < width; x++) raw.set(color(x, y), row + 1 + x * 3);
  }
  return new Uint8Array(pngFromRows(width, height, 3, raw));
}

const GREEN: Rgb = [0, 170, 0];
const RED: Rgb = [220, 0, 0];
const BLUE: Rgb = [0, 0, 220];
const SOLID = png(16, 8, () => GREEN);
/** Left half red, right half blue: tiled at 2× it repeats every 20 px. */
const HALVES = png(10, 5, (x) => (x < 5 ? RED : BLUE));
const JPEG = new Uint8Array(readFileSync(join(REPO_ROOT, "test/fixtures/images/gradient-300x200.jpg")));

const box = (x: number, y: number, width: number, height: number) => ({ x, y, width, height });
const image = (id: string, name: string, at: ReturnType<typeof box>, paint: Record<string, unknown>) => ({
  id,
  name,
  type: "RECTANGLE",
  absoluteBoundingBox: at,
  fills: [{ type: "IMAGE", ...paint }],
});
const DESIGN = {
  document: {
    id: "1:1",
    name: "Gallery",
    type: "FRAME",
    absoluteBoundingBox: box(0, 0, 400, 300),
    fills: [{ type: "SOLID", color: { r: 1, g: 1, b: 1, a: 1 } }],
    children: [
      image("1:2", "Swatch", box(10, 10, 80, 40), { imageRef: "solid", scaleMode: "FILL" }),
      image("1:3", "Photo", box(100, 10, 150, 100), { imageRef: "photo", scaleMode: "FILL" }),
      image("1:4", "Pattern", box(10, 120, 200, 40), { imageRef: "halves", scaleMode: "TILE", scalingFactor: 2 }),
      // The photo's left tenth, stretched over the box.
      image("1:5", "Left edge", box(260, 10, 60, 100), {
        imageRef: "photo",
        scaleMode: "STRETCH",
        imageTransform: [
          [0.1, 0, 0],
          [0, 1, 0],
        ],
      }),
      {
        id: "1:6",
        name: "Icon",
        type: "VECTOR",
        absoluteBoundingBox: box(10, 180, 32, 32),
        fills: [{ type: "SOLID", color: { r: 0, g: 0, b: 0, a: 1 } }],
      },
    ],
  },
};
const EXTRAS = {
  images: { solid: SOLID, photo: JPEG, halves: HALVES },
  svgs: {
    "1:6":
      '<svg width="24" height="24" viewBox="0 0 24 24" fill="none" ' +
      'xmlns="http://www.w3.org/2000/svg"><rect width="24" height="24" fill="#FF00FF"/></svg>',
  },
};

let browser: Browser;
let context: BrowserContext;

const escapeAttribute = (text: string): string => text.replace(/&/g, "&amp;").replace(/"/g, "&quot;");

async function openIn(page: Page, srcdoc: string, sandbox: string): Promise<Frame> {
  await page.setContent(
    `<!doctype html><html><body style="margin:0"><iframe id="preview" sandbox="${sandbox}" ` +
      `style="border:0" width="420" height="320" srcdoc="${escapeAttribute(srcdoc)}"></iframe></body></html>`,
  );
  const frame = await (await page.waitForSelector("#preview")).contentFrame();
  if (!frame) throw new Error("no preview frame");
  await frame.waitForSelector('[data-node-id="1:6"]', { timeout: 10_000 });
  return frame;
}

/** Every <img> in the frame: loaded, with its natural width (0 = broken). */
async function images(frame: Frame): Promise<{ src: string; complete: boolean; naturalWidth: number }[]> {
  const handles = await frame.locator("img").elementHandles();
  return Promise.all(
    handles.map((h) =>
      h.evaluate((img) => {
        const i = img as unknown as { currentSrc: string; complete: boolean; naturalWidth: number };
        return { src: i.currentSrc.slice(0, 30), complete: i.complete, naturalWidth: i.naturalWidth };
      }),
    ),
  );
}

/** The colours at page points (x, y), read from a screenshot decoded by the browser itself. */
async function colours(_page: Page, shot: Buffer, points: [number, number][]): Promise<Rgb[]> {
  const reader = await context.newPage();
  try {
    return await screenshotColours(reader, shot, points);
  } finally {
    await reader.close();
  }
}

/** A point inside the element for node `id`, at fractions (fx, fy) of its box, in page coordinates. */
async function pointIn(frame: Frame, id: string, fx = 0.5, fy = 0.5): Promise<[number, number]> {
  const b = await frame.locator(`[data-node-id="${id}"]`).boundingBox();
  if (!b) throw new Error(`node ${id} is not drawn`);
  return [Math.round(b.x + b.width * fx), Math.round(b.y + b.height * fy)];
}

const near = (actual: Rgb, expected: Rgb, tolerance = 40): boolean =>
  actual.every((v, i) => Math.abs(v - expected[i]!) <= tolerance);

async function checkPixels(page: Page, frame: Frame, label: string): Promise<void> {
  const shot = await page.screenshot({ clip: { x: 0, y: 0, width: 420, height: 320 } });
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(join(ARTIFACTS, `${label}.png`), shot);
  const tile = await frame.locator('[data-node-id="1:4"]').boundingBox();
  if (!tile) throw new Error("the tile is not drawn");
  const ty = Math.round(tile.y + 5);
  const points: [number, number][] = [
    await pointIn(frame, "1:2"),
    // The tile: 20 px wide, red then blue, repeated.
    [Math.round(tile.x + 5), ty],
    [Math.round(tile.x + 15), ty],
    [Math.round(tile.x + 25), ty],
    [Math.round(tile.x + 35), ty],
    await pointIn(frame, "1:5"),
    await pointIn(frame, "1:6"),
    await pointIn(frame, "1:3"),
  ];
  const [swatch, t0, t1, t2, t3, crop, icon, photo] = await colours(page, shot, points);
  expect(near(swatch!, GREEN), `${label} swatch ${swatch}`).toBe(true);
  expect(near(t0!, RED) && near(t2!, RED), `${label} tile red ${t0} ${t2}`).toBe(true);
  expect(near(t1!, BLUE) && near(t3!, BLUE), `${label} tile blue ${t1} ${t3}`).toBe(true);
  expect(near(icon!, [255, 0, 255]), `${label} icon ${icon}`).toBe(true);
  // The photo's left tenth is its red end; its middle is neither that red nor the grey placeholder.
  expect(crop![0] > 150 && crop![2] < 110, `${label} crop ${crop}`).toBe(true);
  expect(near(photo!, [217, 217, 217], 25), `${label} photo ${photo}`).toBe(false);
  expect(near(photo!, crop!, 25), `${label} photo ${photo} vs crop ${crop}`).toBe(false);
}

describe.skipIf(!runBrowser)("real pictures and icons in the previews", () => {
  beforeAll(async () => {
    browser = await connectChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    await context?.close();
    context = await browser.newContext({ viewport: { width: 420, height: 320 }, deviceScaleFactor: 1 });
  });

  const design = () => loadDesign(DESIGN, [], EXTRAS).document;

  it(
    'HTML preview (sandbox=""): every <img> decodes and the ' +
      "pixels are the pictures', tiled, cropped, and the SVG icon's",
    async () => {
      const generated = await generateCode(design(), { target: "html", styling: "css-modules", nodeIds: true });
      expect(
        generated.files
          .filter((f: SourceFile) => f.bytes)
          .map((f) => f.path)
          .sort(),
      ).toEqual(["assets/pattern.png", "assets/photo.jpg", "assets/swatch.png"]);
      const [page0] = previewPages(generated.files);
      const page = await context.newPage();
      const frame = await openIn(page, buildSrcdoc({ page: page0!, files: generated.files }), "");
      const imgs = await images(frame);
      expect(imgs.map((i) => i.src.slice(0, 15)).sort()).toEqual(["data:image/jpeg", "data:image/png;"]);
      for (const img of imgs) expect(img.complete && img.naturalWidth > 0, img.src).toBe(true);
      expect(imgs.map((i) => i.naturalWidth).sort((a, b) => a - b)).toEqual([16, 300]);
      await checkPixels(page, frame, "html-preview");
    },
  );

  it('React preview (sandbox="allow-scripts"): the same pictures through the imports of src/assets', async () => {
    const generated = await generateCode(design(), { target: "react", styling: "css-modules", nodeIds: true });
    const { html, problems } = buildReactPreview(generated.files, previewRuntimeForTests());
    expect(problems).toEqual([]);
    const page = await context.newPage();
    const frame = await openIn(page, html, REACT_PREVIEW_SANDBOX);
    const imgs = await images(frame);
    expect(imgs).toHaveLength(2);
    for (const img of imgs) expect(img.complete && img.naturalWidth > 0, img.src).toBe(true);
    await checkPixels(page, frame, "react-preview");
  });
});
