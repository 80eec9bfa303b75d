/**
 * Figma's masks as they render, in each target (HTML, React + CSS modules, React + Tailwind, as the panel measures
 * them: cli/measure/result-page.ts): a picture under an ellipse mask shows in the ellipse and not in its box's corners,
 * a picture under a vector mask in the vector's outline, a picture under a gradient alpha mask fades out, and no mask
 * paints itself.
 */
import { describe, expect, it } from "vitest";
import { withPage } from "../../cli/measure/browser.js";
import { resultPage } from "../../cli/measure/result-page.js";
import { runBrowser, useBrowser } from "../../test/helpers/browser.js";
import { screenshotColours, type Rgb } from "../../test/helpers/screenshot-colours.js";
import { pngFromRows } from "../../test/openai-server/png.js";
import { generateCode, loadDesign } from "../index.js";

const GREEN: Rgb = [0, 170, 0];
const WHITE: Rgb = [255, 255, 255];

function solidPng(width: number, height: number, color: Rgb): Uint8Array {
  const raw = new Uint8Array((1 + width * 3) * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) raw.set(color, y * (1 + width * 3) + 1 + x * 3);
  return new Uint8Array(pngFromRows(width, height, 3, raw));
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
    absoluteBoundingBox: box(0, 0, 400, 140),
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
    ],
  },
};

const near = (actual: Rgb, expected: Rgb, tolerance = 40): boolean =>
  actual.every((v, i) => Math.abs(v - expected[i]!) <= tolerance);

describe.runIf(runBrowser)("masks render in their mask's shape", () => {
  const browser = useBrowser();
  const targets = [
    { target: "html", styling: "css-modules" },
    { target: "react", styling: "css-modules" },
    { target: "react", styling: "tailwind" },
  ] as const;
  it.each(targets)("$target + $styling", async ({ target, styling }) => {
    const design = loadDesign(DESIGN, [], { images: { green: solidPng(20, 20, GREEN) } });
    const { files } = await generateCode(design.document, { target, styling, nodeIds: true });
    const page = await resultPage(files, target);
    const got = await withPage(browser, page.files, page.entry, { width: 400, height: 140 }, async (p) => {
      await p.waitForSelector('[data-node-id="4:3"]');
      const root = await p.locator('[data-node-id="1:1"]').boundingBox();
      if (!root) throw new Error("the frame is not drawn");
      const at = (x: number, y: number): [number, number] => [Math.round(root.x + x), Math.round(root.y + y)];
      // Ellipse: its centre, the box's top-left corner. Triangle: below its apex, beside it. Fade: top, bottom.
      const shot = await p.screenshot({ clip: { x: 0, y: 0, width: 400, height: 140 } });
      const reader = await p.context().newPage();
      try {
        return await screenshotColours(reader, shot, [
          at(60, 60),
          at(14, 14),
          at(190, 90),
          at(150, 20),
          at(320, 14),
          at(320, 106),
        ]);
      } finally {
        await reader.close();
      }
    });
    const [ellipseIn, ellipseCorner, triangleIn, triangleOut, fadeTop, fadeBottom] = got;
    expect(near(ellipseIn!, GREEN), `ellipse centre ${ellipseIn}`).toBe(true);
    expect(near(ellipseCorner!, WHITE), `ellipse corner ${ellipseCorner}`).toBe(true);
    expect(near(triangleIn!, GREEN), `triangle inside ${triangleIn}`).toBe(true);
    expect(near(triangleOut!, WHITE), `triangle outside ${triangleOut}`).toBe(true);
    expect(near(fadeTop!, GREEN), `fade top ${fadeTop}`).toBe(true);
    expect(near(fadeBottom!, WHITE, 30), `fade bottom ${fadeBottom}`).toBe(true);
  });
});
