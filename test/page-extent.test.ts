/**
 * The page as a whole in Chromium (issue 37), measured by the project's scorer: a 1440-px page drawn without auto
 * layout (a coloured page, a dark band across the top, a heading and a paragraph, a wide picture, a footer band)
 *   - at 1920 px has its content centred, no sideways scroll, and the page's colour and the bands' reaching both
 *     edges of the viewport;
 *   - reflowed at 390 px (the picture scales down) ends where its content does: no blank page below it;
 *   - at 1440 px is the drawing, its drawn height included.
 * In HTML and in React with Tailwind (compiled by Tailwind v4, as the preview and the score do).
 */
import { describe, expect, it } from "vitest";
import { withPage, type PageHost } from "../cli/measure/browser.js";
import { resultPage } from "../cli/measure/result-page.js";
import { scoreCode } from "../cli/measure/score.js";
import type { RestNode } from "../codegen/fidelity/design-nodes.js";
import { generateCode, loadDesign, type CodeOptions } from "../codegen/index.js";
import { runBrowser, useBrowser, usePageContext } from "./helpers/browser.js";
import { serveGoogleFonts } from "./helpers/google-fonts.js";
import { realFiles, topLevelFrames } from "./helpers/real-files.js";

type Json = Record<string, unknown>;
type Rgb = [number, number, number];

const PAGE: Rgb = [244, 239, 230];
const BAND: Rgb = [18, 24, 40];
const FOOTER: Rgb = [197, 54, 120];
const solid = ([r, g, b]: Rgb): Json[] => [{ type: "SOLID", color: { r: r / 255, g: g / 255, b: b / 255, a: 1 } }];

let next = 1;
const node = (
  type: string,
  name: string,
  x: number,
  y: number,
  width: number,
  height: number,
  rest: Json = {},
): Json => ({ id: `7:${next++}`, type, name, absoluteBoundingBox: { x, y, width, height }, ...rest });
const text = (
  name: string,
  chars: string,
  x: number,
  y: number,
  w: number,
  h: number,
  size: number,
  color: Rgb = [20, 20, 20],
  align = "LEFT",
): Json =>
  node("TEXT", name, x, y, w, h, {
    characters: chars,
    fills: solid(color),
    style: {
      fontFamily: "Inter",
      fontSize: size,
      fontWeight: 400,
      lineHeightPx: Math.round(size * 1.25),
      lineHeightUnit: "PIXELS",
      textAlignHorizontal: align,
      textAlignVertical: "TOP",
      textAutoResize: "HEIGHT",
    },
  });

/** The page as a REST `nodes` reply for node 7:0. */
function bandedPage(): { nodes: Record<string, { document: RestNode }> } {
  next = 1;
  // A right-aligned link ends where its box does: the score reads where the content sits from the texts' edges.
  const menu = text("Menu", "Menu", 1200, 40, 120, 30, 24, [255, 255, 255], "RIGHT");
  const band = node("FRAME", "Top band", 0, 0, 1440, 320, {
    fills: solid(BAND),
    clipsContent: true,
    children: [menu, text("Title", "Stories from the coast", 120, 120, 900, 75, 60, [255, 255, 255])],
  });
  const intro = text(
    "Intro",
    "A paragraph that introduces the page and reads well on a phone and on a wide desktop screen alike.",
    120,
    400,
    800,
    60,
    24,
  );
  const picture = node("RECTANGLE", "Picture", 120, 520, 1200, 1000, {
    fills: [{ type: "IMAGE", scaleMode: "FILL", imageRef: "coast" }],
  });
  const footer = node("FRAME", "Footer", 0, 1560, 1440, 200, {
    fills: solid(FOOTER),
    clipsContent: true,
    children: [text("Note", "Written by the sea", 120, 1640, 400, 30, 24, [255, 255, 255])],
  });
  const root = node("FRAME", "Coast", 0, 0, 1440, 1760, {
    fills: solid(PAGE),
    clipsContent: true,
    children: [band, intro, picture, footer],
  });
  return { nodes: { "7:0": { document: { ...root, id: "7:0" } as unknown as RestNode } } };
}

/** The colours of the page at `points` (viewport px) at one width, read from its screenshot by a canvas. */
async function colorsAt(
  host: PageHost,
  files: Parameters<typeof withPage>[1],
  entry: string,
  width: number,
  points: [number, number][],
): Promise<Rgb[]> {
  return withPage(
    host,
    files,
    entry,
    { width, height: 1080 },
    async (page) => {
      const png = (await page.screenshot({ fullPage: true })).toString("base64");
      return (await page.evaluate(
        `(async ({ png, points }) => {
        const img = new Image();
        img.src = "data:image/png;base64," + png;
        await img.decode();
        const canvas = document.createElement("canvas");
        canvas.width = img.width;
        canvas.height = img.height;
        const context = canvas.getContext("2d");
        context.drawImage(img, 0, 0);
        return points.map(([x, y]) => Array.from(context.getImageData(x, y, 1, 1).data.slice(0, 3)));
      })(${JSON.stringify({ png, points })})`,
      )) as Rgb[];
    },
    { serve: serveGoogleFonts },
  );
}

const near = (a: Rgb, b: Rgb): boolean => a.every((v, i) => Math.abs(v - b[i]!) <= 3);

describe.runIf(runBrowser)("the page as a whole (Chromium)", () => {
  const browser = useBrowser();
  const pages = usePageContext(browser);
  const targets: [string, CodeOptions][] = [
    ["HTML", { target: "html", styling: "css-modules", nodeIds: true }],
    ["React + Tailwind", { target: "react", styling: "tailwind", nodeIds: true }],
  ];

  it.each(targets)(
    "%s: centred at 1920 with its page and bands edge to edge; as long as its content at 390; the drawing at 1440",
    async (_, options) => {
      const json = bandedPage();
      const frame = json.nodes["7:0"]!.document;
      const code = await generateCode(loadDesign(json).document, options);
      const score = await scoreCode(pages, {
        frame,
        files: code.files,
        target: options.target!,
        page: { serve: serveGoogleFonts },
        widths: [390, 0, 1920],
      });
      const at = (width: number) => score.widths.find((w) => w.width === width)!;
      expect(score.iouMatched).toBeGreaterThanOrEqual(0.95);
      expect(at(1920).placement).toBe("centred");
      expect(at(1920).overflowPx).toBe(0);
      expect(at(390).overflowPx).toBe(0);
      expect(at(390).blankBelowPx).toBeLessThanOrEqual(0.25 * at(390).viewportHeight!);

      const page = await resultPage(code.files, options.target!);
      // The band's middle, the page between the intro and the picture, the footer's middle; at both edges.
      const [bandY, pageY] = [160, 480];
      const colors = await colorsAt(pages, page.files, page.entry, 1920, [
        [2, bandY],
        [1917, bandY],
        [2, pageY],
        [1917, pageY],
      ]);
      expect(
        colors.slice(0, 2).every((c) => near(c, BAND)),
        `band at the edges: ${JSON.stringify(colors)}`,
      ).toBe(true);
      expect(
        colors.slice(2).every((c) => near(c, PAGE)),
        `page at the edges: ${JSON.stringify(colors)}`,
      ).toBe(true);
      const height = (width: number) =>
        withPage(
          pages,
          page.files,
          page.entry,
          { width, height: width === 1440 ? 1760 : 844 },
          (p) => p.evaluate("document.documentElement.scrollHeight") as Promise<number>,
          { serve: serveGoogleFonts },
        );
      const footerY = (await height(1920)) - 100;
      const footer = await colorsAt(pages, page.files, page.entry, 1920, [
        [2, footerY],
        [1917, footerY],
      ]);
      expect(
        footer.every((c) => near(c, FOOTER)),
        `footer at the edges: ${JSON.stringify(footer)}`,
      ).toBe(true);
      // The drawn height at the design width; shorter than drawn on a phone, where the picture is a third as tall.
      expect(await height(1440)).toBe(1760);
      expect(await height(390)).toBeLessThan(1400);
    },
    120_000,
  );

  it("a screen of pictures without a word (TnT's component set of four) " +
    "is a column of them at 390, its last picture counted as content", async () => {
    const file = realFiles().find((f) => f.name === "tnt-website.file.json")!;
    const frame = topLevelFrames(file).find((f) => f.id === "345:166")!;
    const code = await generateCode(loadDesign(file.json, [frame.id]).document, {
      target: "html",
      styling: "css-modules",
      nodeIds: true,
    });
    const score = await scoreCode(pages, {
      frame: frame.node as unknown as RestNode,
      files: code.files,
      target: "html",
      page: { serve: serveGoogleFonts },
      widths: [390],
    });
    const at390 = score.widths[0]!;
    expect(at390.overflowPx).toBe(0);
    // Its four pictures, 182 px tall each at 390, end about 1,100 px down: the page ends there, its drawn padding after
    // them.
    expect(at390.blankBelowPx).toBeLessThanOrEqual(0.25 * at390.viewportHeight!);
    const pageHeight = await withPage(
      pages,
      code.files,
      "index.html",
      { width: 390, height: 844 },
      (p) => p.evaluate("document.documentElement.scrollHeight") as Promise<number>,
      { serve: serveGoogleFonts },
    );
    expect(pageHeight).toBeLessThan(1400);
  }, 120_000);
});
