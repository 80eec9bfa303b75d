/**
 * Issue 72: a mask whose own fill is a picture (a vector filled with an image, `isMask`, alpha) draws its picture as
 * the mask in every target's rendered preview: the masked layers show where the picture is opaque and not where it
 * is transparent, and no note says the picture is missing. Also where the mask starts the flow of an auto layout
 * that paints itself (a card with a fill, its photo drawn over the mask by a negative spacing): the card's fill stays
 * whole, its photo masked.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { pictureMaskGroup, restBox as box } from "../../test/helpers/picture-mask-design.js";
import { withPage } from "../../cli/measure/browser.js";
import { resultPage } from "../../cli/measure/result-page.js";
import { runBrowser, useBrowser } from "../../test/helpers/browser.js";
import { screenshotColours, type Rgb } from "../../test/helpers/screenshot-colours.js";
import { tempDirs } from "../../test/helpers/temp-dirs.js";
import { pngFromRows } from "../../test/openai-server/png.js";
import { generateCode, loadDesign } from "../index.js";
import type { Target } from "../targets.js";

const GREEN: Rgb = [0, 170, 0];
const WHITE: Rgb = [255, 255, 255];
const CARD: Rgb = [204, 204, 204];

/** A `width`×`height` RGBA PNG whose pixel (x, y) is `at(x, y)`. */
function rgbaPng(width: number, height: number, at: (x: number, y: number) => [...Rgb, number]): Uint8Array {
  const raw = new Uint8Array((1 + width * 4) * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) raw.set(at(x, y), y * (1 + width * 4) + 1 + x * 4);
  return new Uint8Array(pngFromRows(width, height, 4, raw));
}

/** The mask's picture: 20×20, opaque in its left half, transparent in its right half (stretched over 100 px). */
const BRUSH = rgbaPng(20, 20, (x) => [0, 0, 0, x < 10 ? 255 : 0]);
const PHOTO = rgbaPng(20, 20, () => [...GREEN, 255]);

const DESIGN = {
  document: {
    id: "1:1",
    name: "Masks",
    type: "FRAME",
    absoluteBoundingBox: box(0, 0, 360, 130),
    fills: [{ type: "SOLID", color: { r: 1, g: 1, b: 1, a: 1 } }],
    children: [
      pictureMaskGroup("ALPHA"),
      {
        id: "3:1",
        name: "Card",
        type: "FRAME",
        layoutMode: "HORIZONTAL",
        itemSpacing: -100,
        ...{ paddingLeft: 10, paddingRight: 10, paddingTop: 10, paddingBottom: 10 },
        ...{ primaryAxisSizingMode: "AUTO", counterAxisSizingMode: "AUTO" },
        absoluteBoundingBox: box(130, 5, 120, 120),
        fills: [{ type: "SOLID", color: { r: 0.8, g: 0.8, b: 0.8, a: 1 } }],
        children: [
          {
            id: "3:2",
            name: "Card brush",
            type: "VECTOR",
            isMask: true,
            maskType: "ALPHA",
            absoluteBoundingBox: box(140, 15, 100, 100),
            fills: [{ type: "IMAGE", imageRef: "brush", scaleMode: "STRETCH" }],
          },
          {
            id: "3:3",
            name: "Card photo",
            type: "RECTANGLE",
            absoluteBoundingBox: box(140, 15, 100, 100),
            fills: [{ type: "IMAGE", imageRef: "photo", scaleMode: "FILL" }],
          },
        ],
      },
    ],
  },
};

const tempDir = tempDirs("figment-mask-file-");

const near = (actual: Rgb, expected: Rgb, tolerance = 40): boolean =>
  actual.every((v, i) => Math.abs(v - expected[i]!) <= tolerance);

describe.runIf(runBrowser)("the HTML page opened from disk", () => {
  const browser = useBrowser();
  // A CSS mask image is fetched in CORS mode, which a file:// page never passes: the page must carry the picture.
  it("draws the mask's picture from file:// (the picture inlined in the stylesheet)", async () => {
    const design = loadDesign(DESIGN, [], { images: { brush: BRUSH, photo: PHOTO } });
    const { files } = await generateCode(design.document, { target: "html", styling: "css-modules", nodeIds: true });
    const dir = tempDir();
    for (const f of files) {
      mkdirSync(dirname(join(dir, f.path)), { recursive: true });
      writeFileSync(join(dir, f.path), f.bytes ?? f.content);
    }
    const context = await browser.newContext({ viewport: { width: 360, height: 130 } });
    try {
      const page = await context.newPage();
      await page.goto(pathToFileURL(join(dir, "index.html")).href, { waitUntil: "load" });
      const root = await page.locator('[data-node-id="1:1"]').boundingBox();
      if (!root) throw new Error("the frame is not drawn");
      const shot = await page.screenshot({ clip: { x: 0, y: 0, width: 360, height: 130 } });
      const at = (x: number, y: number): [number, number] => [Math.round(root.x + x), Math.round(root.y + y)];
      const [opaque, clear, card] = await screenshotColours(await context.newPage(), shot, [
        at(30, 60),
        at(90, 60),
        at(165, 65),
      ]);
      expect(near(opaque!, GREEN), `opaque part ${opaque}`).toBe(true);
      expect(near(clear!, WHITE), `transparent part ${clear}`).toBe(true);
      expect(near(card!, GREEN), `card, opaque part ${card}`).toBe(true);
    } finally {
      await context.close();
    }
  });
});

describe.runIf(runBrowser)("a picture mask draws its picture, in every target", () => {
  const browser = useBrowser();
  const targets: { target: Target; styling: "css-modules" | "tailwind" }[] = [
    { target: "html", styling: "css-modules" },
    { target: "react", styling: "css-modules" },
    { target: "react", styling: "tailwind" },
    { target: "vue", styling: "css-modules" },
    { target: "svelte", styling: "css-modules" },
    { target: "angular", styling: "css-modules" },
    // A MaskedView whose mask element is the picture (react-native/mask-picture.ts), as the preview draws it.
    { target: "react-native", styling: "css-modules" },
  ];
  /** The colours where the mask's picture is opaque and where it is transparent, and the problems. */
  async function render(target: Target, styling: "css-modules" | "tailwind") {
    const design = loadDesign(DESIGN, [], { images: { brush: BRUSH, photo: PHOTO } });
    const { files, problems } = await generateCode(design.document, { target, styling, nodeIds: true });
    const page = await resultPage(files, target);
    const got = await withPage(browser, page.files, page.entry, { width: 360, height: 130 }, async (p) => {
      await p.waitForSelector('[data-node-id="2:3"]');
      await p.waitForSelector('[data-node-id="3:3"]');
      const root = await p.locator('[data-node-id="1:1"]').boundingBox();
      if (!root) throw new Error("the frame is not drawn");
      const at = (x: number, y: number): [number, number] => [Math.round(root.x + x), Math.round(root.y + y)];
      const shot = await p.screenshot({ clip: { x: 0, y: 0, width: 360, height: 130 } });
      const reader = await p.context().newPage();
      try {
        return await screenshotColours(reader, shot, [at(30, 60), at(90, 60), at(165, 65), at(220, 65), at(134, 65)]);
      } finally {
        await reader.close();
      }
    });
    return { got, problems };
  }
  it.each(targets)("$target + $styling", async ({ target, styling }) => {
    const { got, problems } = await render(target, styling);
    // Given its bytes, the picture masks: no note says it masks as its outline.
    expect(problems.filter((p) => p.code === "mask" && /picture/.test(p.message))).toEqual([]);
    expect(near(got[0]!, GREEN), `opaque part ${got[0]}`).toBe(true);
    expect(near(got[1]!, WHITE), `transparent part ${got[1]}`).toBe(true);
    // The card: its mask reproduced (no note that it is an empty box), the photo where the picture is opaque, the
    // card's own fill where it is transparent and in its padding.
    expect(problems.filter((p) => p.code === "mask" && /empty box/.test(p.message))).toEqual([]);
    expect(near(got[2]!, GREEN), `card, opaque part ${got[2]}`).toBe(true);
    expect(near(got[3]!, CARD), `card, transparent part ${got[3]}`).toBe(true);
    expect(near(got[4]!, CARD), `card, padding ${got[4]}`).toBe(true);
  });
});
