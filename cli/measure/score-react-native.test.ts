/**
 * React Native's output shown through react-native-web (issue 54): one frame's React Native files rendered in
 * Chromium as the CLI's score renders them (codegen/preview/react-native-preview.ts, dist/react-native-runtime.js),
 * beside React's. Each text layer of React's page is on the React Native page too, visible, and within a few pixels
 * of where React puts it; the score's reader-sees figure is within 0.02 of React's (its IoU×matched is not yet).
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { withPage } from "./browser.js";
import { iouGap, scoreGap } from "./frameworks.js";
import { resultPage } from "./result-page.js";
import { scoreCode } from "./score.js";
import type { RestNode } from "../../codegen/fidelity/design-nodes.js";
import { loadDesign } from "../../codegen/index.js";
import type { Target } from "../../codegen/targets.js";
import type { SourceFile } from "../../codegen/types.js";
import { runBrowser, useBrowser, usePageContext } from "../../test/helpers/browser.js";
import { readFixture } from "../../test/helpers/fixtures.js";
import { cachedGenerateCode } from "../../test/helpers/run-cache.js";

const FILE = "figmasharp-login.file.json";
const FRAME = "101:3";
/** How far (px) a text's box may sit from React's. */
const TOLERANCE = 4;

interface TextBox {
  id: string;
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
  visible: boolean;
}

async function frameCode(
  target: Target,
  file = FILE,
  frame = FRAME,
): Promise<{ frame: RestNode; files: SourceFile[] }> {
  const design = loadDesign(readFixture(file), [frame]);
  const code = await cachedGenerateCode(design.document, { target, styling: "css-modules", nodeIds: true });
  return { frame: design.roots[0] as unknown as RestNode, files: code.files };
}

/** Each element marked with a layer id whose own text nodes hold characters: its box and whether it shows. */
function textBoxes(page: Page): Promise<TextBox[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>("[data-node-id]"))
      .filter((el) => Array.from(el.childNodes).some((n) => n.nodeType === 3 && n.textContent!.trim() !== ""))
      .map((el) => {
        const r = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        const shown = style.visibility !== "hidden" && style.opacity !== "0" && !/, 0\)$/.test(style.color);
        return {
          id: el.getAttribute("data-node-id")!,
          text: el.innerText.trim(),
          x: r.x,
          y: r.y,
          width: r.width,
          height: r.height,
          visible: shown && r.width > 0 && r.height > 0,
        };
      }),
  );
}

describe.runIf(runBrowser)("React Native through react-native-web", { timeout: 600_000 }, () => {
  const browser = useBrowser();
  const pages = usePageContext(browser);

  it(`shows ${FILE} ${FRAME}'s texts where React does, and scores within 0.02 of it`, async () => {
    const react = await frameCode("react");
    const native = await frameCode("react-native");
    const width = 375;
    const boxesOf = async (code: { files: SourceFile[] }, target: Target): Promise<TextBox[]> => {
      const shown = await resultPage(code.files, target);
      return withPage(pages, shown.files, shown.entry, { width, height: 812 }, async (page) => {
        await page.waitForFunction(() => document.querySelector("[data-node-id]") !== null);
        await page.evaluate(() => document.fonts.ready);
        return textBoxes(page);
      });
    };
    const expected = await boxesOf(react, "react");
    const got = new Map((await boxesOf(native, "react-native")).map((b) => [b.id, b]));
    expect(expected.length).toBeGreaterThan(5);
    for (const want of expected) {
      const box = got.get(want.id);
      const label = `${want.id} "${want.text}"`;
      expect(box?.text, label).toBe(want.text);
      expect(box?.visible, label).toBe(true);
      const off = Math.max(Math.abs(box!.x - want.x), Math.abs(box!.y - want.y));
      console.log(`${label}: ${off.toFixed(1)} px off`);
      expect(off, label).toBeLessThanOrEqual(TOLERANCE);
    }
    const reactScore = await scoreCode(pages, { ...react, target: "react" });
    const nativeScore = await scoreCode(pages, { ...native, target: "react-native" });
    console.log(`react ${reactScore.iouMatched.toFixed(3)} react-native ${nativeScore.iouMatched.toFixed(3)}`);
    expect(scoreGap(reactScore, nativeScore)).toBeLessThanOrEqual(0.02);
    // IoU×matched is not there yet (0.66 against 0.996: the layers below are off); the bench's frameworks section
    // lists it per frame.
    console.log(`IoU gap ${iouGap(reactScore, nativeScore).toFixed(3)}`, JSON.stringify(nativeScore.worst.slice(0, 6)));
  });

  it("marks each drawn vector's shape with its layer's id, on the shape that draws it", async () => {
    const native = await frameCode("react-native", "vincegx-hero-header.nodes.json", "122:21049");
    // The screen's own vectors (a component's may sit behind a prop that is off).
    const screen = native.files.find((f) => f.path.startsWith("src/screens/"))!.content;
    const written = new Set([...screen.matchAll(/data-node-id="([^"]+)"/g)].map((m) => m[1]!));
    expect(written.size).toBeGreaterThan(3);
    const shown = await resultPage(native.files, "react-native");
    const drawn = await withPage(pages, shown.files, shown.entry, { width: 1440, height: 900 }, async (page) => {
      await page.waitForFunction(() => document.querySelector("svg [data-node-id]") !== null);
      return page.evaluate(() =>
        Array.from(document.querySelectorAll<SVGGraphicsElement>("svg [data-node-id]"))
          .filter((el) => el.getBoundingClientRect().width > 0 && !(el instanceof SVGGElement))
          .map((el) => el.getAttribute("data-node-id")!),
      );
    });
    for (const id of written) expect(drawn, id).toContain(id);
  });

  it("draws a vector whose markup names no shape (an SVG Figma exported) as one picture, as React does", async () => {
    const react = await frameCode("react");
    const native = await frameCode("react-native");
    // The Code panel's vectors: Figma's exportAsync markup, whose shapes carry no layer id.
    const exported = native.files.map((f) =>
      f.bytes ? f : { ...f, content: f.content.replace(/<(\w+) data-node-id="[^"]*"/g, "<$1") },
    );
    expect(exported.some((f, i) => f.content !== native.files[i]!.content)).toBe(true);
    const shown = await resultPage(exported, "react-native");
    const tag = await withPage(pages, shown.files, shown.entry, { width: 375, height: 812 }, async (page) => {
      // The status bar's vector drawn (react-native-svg parses the markup after the first render).
      await page.waitForFunction(() => document.querySelector('svg[viewBox="0 0 12 9"] rect') !== null);
      return page.evaluate(() => document.querySelector('[data-node-id="101:22"]')?.tagName);
    });
    expect(tag).toBe("svg");
    const reactScore = await scoreCode(pages, { ...react, target: "react" });
    const nativeScore = await scoreCode(pages, { ...native, files: exported, target: "react-native" });
    // 0.66 when the View holding the SVG carried the id: the status bar's shapes counted as missing.
    expect(iouGap(reactScore, nativeScore)).toBeLessThan(0.03);
  });

  it("keeps a View's id on the View when the one SVG it holds draws a layer of its own", async () => {
    // fitma's cart item: a Product View (0:391) round its image, an SVG file's component with its own testID (0:365).
    const native = await frameCode("react-native", "../real/fitma-shop.file.json", "0:387");
    const shown = await resultPage(native.files, "react-native");
    const ids = await withPage(pages, shown.files, shown.entry, { width: 773, height: 600 }, async (page) => {
      await page.waitForFunction(() => document.querySelector('svg[data-node-id="I0:1138;0:391;0:365"]') !== null);
      return page.evaluate(() =>
        ["I0:1138;0:391", "I0:1138;0:391;0:365"].map((id) => document.querySelector(`[data-node-id="${id}"]`)?.tagName),
      );
    });
    expect(ids).toEqual(["DIV", "svg"]);
  });
});
