/**
 * Figma's masks as they render, in each target (HTML, React + CSS modules, React + Tailwind, as the panel measures
 * them: cli/measure/result-page.ts): a picture under an ellipse mask shows in the ellipse and not in its box's corners,
 * a picture under a vector mask in the vector's outline, a picture under a gradient alpha mask fades out, a picture
 * under an alpha mask drawn with a picture shows only where that picture is opaque (placed as its scale mode places
 * it), under a luminance picture mask only where it is bright, under a picture mask without bytes in the mask's box;
 * and no mask paints itself.
 */
import { describe, expect, it } from "vitest";
import { withPage } from "../../cli/measure/browser.js";
import { resultPage } from "../../cli/measure/result-page.js";
import { runBrowser, useBrowser } from "../../test/helpers/browser.js";
import { screenshotColours, type Rgb } from "../../test/helpers/screenshot-colours.js";
import { pngFromRows } from "../../test/openai-server/png.js";
import { generateCode, loadDesign } from "../index.js";
import { buildSrcdoc, previewPages } from "../preview/html-page.js";

const GREEN: Rgb = [0, 170, 0];
const WHITE: Rgb = [255, 255, 255];

function solidPng(width: number, height: number, color: Rgb): Uint8Array {
  const raw = new Uint8Array((1 + width * 3) * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) raw.set(color, y * (1 + width * 3) + 1 + x * 3);
  return new Uint8Array(pngFromRows(width, height, 3, raw));
}

/** A `width`×`height` RGBA PNG whose pixel (x, y) is `at(x, y)`. */
function rgbaPng(width: number, height: number, at: (x: number, y: number) => [...Rgb, number]): Uint8Array {
  const raw = new Uint8Array((1 + width * 4) * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) raw.set(at(x, y), y * (1 + width * 4) + 1 + x * 4);
  return new Uint8Array(pngFromRows(width, height, 4, raw));
}

const box = (x: number, y: number, width: number, height: number) => ({ x, y, width, height });
const black = (a: number) => ({ r: 0, g: 0, b: 0, a });
const picture = (id: string, at: ReturnType<typeof box>) => ({
  id,
  name: "Picture",
  type: "RECTANGLE",
  absoluteBoundingBox: at,
  fills: [{ type: "IMAGE", imageRef: "green", scaleMode: "FILL" }],
});
// A mask drawn in red: were it painted, it would show.
const RED_FILL = [{ type: "SOLID", color: { r: 1, g: 0, b: 0, a: 1 } }];
const DESIGN = {
  document: {
    id: "1:1",
    name: "Masks",
    type: "FRAME",
    absoluteBoundingBox: box(0, 0, 760, 140),
    fills: [{ type: "SOLID", color: { r: 1, g: 1, b: 1, a: 1 } }],
    children: [
      {
        id: "2:1",
        name: "Mask group",
        type: "GROUP",
        absoluteBoundingBox: box(10, 10, 100, 100),
        children: [
          {
            id: "2:2",
            name: "Ellipse",
            type: "ELLIPSE",
            isMask: true,
            maskType: "ALPHA",
            absoluteBoundingBox: box(10, 10, 100, 100),
            fills: RED_FILL,
          },
          picture("2:3", box(10, 10, 100, 100)),
        ],
      },
      {
        id: "3:1",
        name: "Triangle group",
        type: "GROUP",
        absoluteBoundingBox: box(140, 10, 100, 100),
        children: [
          {
            id: "3:2",
            name: "Triangle",
            type: "VECTOR",
            isMask: true,
            maskType: "VECTOR",
            absoluteBoundingBox: box(140, 10, 100, 100),
            fills: RED_FILL,
            fillGeometry: [{ path: "M50 0L100 100L0 100Z", windingRule: "NONZERO" }],
          },
          picture("3:3", box(140, 10, 100, 100)),
        ],
      },
      {
        id: "4:1",
        name: "Fade group",
        type: "GROUP",
        absoluteBoundingBox: box(270, 10, 100, 100),
        children: [
          {
            id: "4:2",
            name: "Fade",
            type: "RECTANGLE",
            isMask: true,
            maskType: "ALPHA",
            absoluteBoundingBox: box(270, 10, 100, 100),
            fills: [
              {
                type: "GRADIENT_LINEAR",
                gradientHandlePositions: [
                  { x: 0.5, y: 0 },
                  { x: 0.5, y: 1 },
                  { x: 0, y: 0 },
                ],
                gradientStops: [
                  { position: 0, color: black(1) },
                  { position: 1, color: black(0) },
                ],
              },
            ],
          },
          picture("4:3", box(270, 10, 100, 100)),
        ],
      },
      pictureMask("5", "Brush", "ALPHA", "brush", 400),
      pictureMask("6", "Light", "LUMINANCE", "light", 520),
      pictureMask("7", "Absent", "ALPHA", "absent", 640),
    ],
  },
};

/** A group at `x` whose picture is masked by a rectangle filled with the picture `imageRef` (FILL: cover). */
function pictureMask(id: string, name: string, maskType: string, imageRef: string, x: number) {
  return {
    id: `${id}:1`,
    name: `${name} group`,
    type: "GROUP",
    absoluteBoundingBox: box(x, 10, 100, 100),
    children: [
      {
        id: `${id}:2`,
        name,
        type: "RECTANGLE",
        isMask: true,
        maskType,
        absoluteBoundingBox: box(x, 10, 100, 100),
        fills: [{ type: "IMAGE", imageRef, scaleMode: "FILL" }],
      },
      picture(`${id}:3`, box(x, 10, 100, 100)),
    ],
  };
}

/**
 * The brush: 40×20, opaque where x < 16, transparent right of it. Covering the 100-px box it is 200×100 and centred
 * (its x 10..30 shows), so the box is masked in at x < 30 (stretched instead, it would be at x < 40).
 */
const BRUSH = rgbaPng(40, 20, (x) => [0, 0, 0, x < 16 ? 255 : 0]);
/** The luminance mask: white in its top half, black in its bottom half, opaque throughout. */
const LIGHT = rgbaPng(20, 20, (_, y) => (y < 10 ? [255, 255, 255, 255] : [0, 0, 0, 255]));

const near = (actual: Rgb, expected: Rgb, tolerance = 40): boolean =>
  actual.every((v, i) => Math.abs(v - expected[i]!) <= tolerance);

describe.runIf(runBrowser)("masks render in their mask's shape", () => {
  const browser = useBrowser();
  // HTML as written and as the panel's preview shows it (its srcdoc: assets inlined, under its policy); React as the
  // panel's preview shows it (resultPage).
  const targets = [
    { target: "html", styling: "css-modules", preview: false },
    { target: "html", styling: "css-modules", preview: true },
    { target: "react", styling: "css-modules", preview: true },
    { target: "react", styling: "tailwind", preview: true },
  ] as const;
  it.each(targets)("$target + $styling (preview: $preview)", async ({ target, styling, preview }) => {
    const design = loadDesign(DESIGN, [], { images: { green: solidPng(20, 20, GREEN), brush: BRUSH, light: LIGHT } });
    const { files, problems } = await generateCode(design.document, { target, styling, nodeIds: true });
    // The picture without bytes masks as its box, and says so.
    expect(problems.filter((p) => p.code === "mask").map((p) => p.nodeId)).toEqual(["7:2"]);
    const page =
      target === "html" && preview
        ? {
            files: [{ path: "index.html", content: buildSrcdoc({ page: previewPages(files)[0]!, files }) }],
            entry: "index.html",
          }
        : await resultPage(files, target);
    const got = await withPage(browser, page.files, page.entry, { width: 760, height: 140 }, async (p) => {
      await p.waitForSelector('[data-node-id="7:3"]');
      const root = await p.locator('[data-node-id="1:1"]').boundingBox();
      if (!root) throw new Error("the frame is not drawn");
      const at = (x: number, y: number): [number, number] => [Math.round(root.x + x), Math.round(root.y + y)];
      // Ellipse: its centre, the box's top-left corner. Triangle: below its apex, beside it. Fade: top, bottom.
      // Brush: inside its opaque part, past it where only a stretched brush would reach, its transparent part.
      // Light: the top half (white), the bottom half (black). Absent: its box's corner.
      const shot = await p.screenshot({ clip: { x: 0, y: 0, width: 760, height: 140 } });
      const reader = await p.context().newPage();
      try {
        return await screenshotColours(reader, shot, [
          at(60, 60),
          at(14, 14),
          at(190, 90),
          at(150, 20),
          at(320, 14),
          at(320, 106),
          at(415, 60),
          at(435, 60),
          at(470, 60),
          at(570, 30),
          at(570, 90),
          at(644, 14),
        ]);
      } finally {
        await reader.close();
      }
    });
    const [ellipseIn, ellipseCorner, triangleIn, triangleOut, fadeTop, fadeBottom] = got;
    const [brushIn, brushPast, brushOut, lightTop, lightBottom, absentCorner] = got.slice(6);
    expect(near(ellipseIn!, GREEN), `ellipse centre ${ellipseIn}`).toBe(true);
    expect(near(ellipseCorner!, WHITE), `ellipse corner ${ellipseCorner}`).toBe(true);
    expect(near(triangleIn!, GREEN), `triangle inside ${triangleIn}`).toBe(true);
    expect(near(triangleOut!, WHITE), `triangle outside ${triangleOut}`).toBe(true);
    expect(near(fadeTop!, GREEN), `fade top ${fadeTop}`).toBe(true);
    expect(near(fadeBottom!, WHITE, 30), `fade bottom ${fadeBottom}`).toBe(true);
    expect(near(brushIn!, GREEN), `brush opaque ${brushIn}`).toBe(true);
    expect(near(brushPast!, WHITE), `brush past its opaque part (covered, not stretched) ${brushPast}`).toBe(true);
    expect(near(brushOut!, WHITE), `brush transparent ${brushOut}`).toBe(true);
    expect(near(lightTop!, GREEN), `luminance mask, white ${lightTop}`).toBe(true);
    expect(near(lightBottom!, WHITE), `luminance mask, black ${lightBottom}`).toBe(true);
    expect(near(absentCorner!, GREEN), `picture mask without bytes: the box ${absentCorner}`).toBe(true);
  });
});
