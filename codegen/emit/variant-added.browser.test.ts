/**
 * A hover's variant with a layer the default has not (issue 52): the button's hover variant adds an arrow, its press
 * variant has none. The arrow is drawn once inside the button (no copy of the button's DOM), hidden at rest, shown
 * while hovered — its colours, size and place in the button those of the variant's own render (the variant converted
 * alone, same target) — and hidden again while pressed. HTML, React (CSS modules, Tailwind), Vue, Svelte, Angular.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { withPage } from "../../cli/measure/browser.js";
import { resultPage } from "../../cli/measure/result-page.js";
import { loadDesign, type CodeOptions } from "../index.js";
import { box, solid, STATES_FILE } from "../prototype/test-design.js";
import { runBrowser, useBrowser } from "../../test/helpers/browser.js";
import { cachedGenerateCode } from "../../test/helpers/run-cache.js";
import { besideNothing, COLOURS } from "../../test/helpers/variant-render.js";

interface Layer {
  id: string;
  children?: Layer[];
  [key: string]: unknown;
}

/** STATES_FILE with an arrow (12 × 8, red, 136 px in) in the hover variant (8:3) only. */
function withArrow(): unknown {
  const json = structuredClone(STATES_FILE) as unknown as { document: Layer };
  const stack = [json.document];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.id !== "8:3") stack.push(...(node.children ?? []));
    else
      node.children!.push({
        id: "8:3a",
        name: "Arrow",
        type: "RECTANGLE",
        absoluteBoundingBox: box(1136, 76, 12, 8),
        fills: solid(0.9, 0.1, 0.1),
      });
  }
  return json;
}

interface Box {
  display: string;
  x: number;
  y: number;
  width: number;
  height: number;
  styles: Record<string, string>;
}

/** `inner`'s display, box relative to `outer`'s and colours (null when absent). */
function measure(page: Page, outer: string, inner: string) {
  return page.evaluate(
    ({ outer, inner, colours }) => {
      type El = {
        getBoundingClientRect(): { x: number; y: number; width: number; height: number };
        querySelector(s: string): El | null;
      };
      const w = globalThis as unknown as {
        document: { querySelector(s: string): El | null };
        getComputedStyle(e: El): { getPropertyValue(p: string): string };
      };
      const o = w.document.querySelector(outer);
      const e = o?.querySelector(inner);
      if (!o || !e) return null;
      const style = w.getComputedStyle(e);
      const a = o.getBoundingClientRect();
      const b = e.getBoundingClientRect();
      const styles: Record<string, string> = {};
      for (const p of colours) styles[p] = style.getPropertyValue(p);
      return {
        display: style.getPropertyValue("display"),
        x: Math.round(b.x - a.x),
        y: Math.round(b.y - a.y),
        width: Math.round(b.width),
        height: Math.round(b.height),
        styles,
      } satisfies Box;
    },
    { outer, inner, colours: [...COLOURS] },
  );
}

/** The button's elements: the label and the arrow (no data-node-id: the variant's layer, drawn in the instance). */
const ARROW = ":scope > :not([data-node-id])";
const count = (page: Page) =>
  page.evaluate(
    () =>
      (
        globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }
      ).document.querySelectorAll('[data-node-id="7:2"] *').length,
  );

describe.runIf(runBrowser)("a hover variant's added layer in Chromium", () => {
  const browser = useBrowser();
  const json = withArrow();
  const doc = loadDesign(json, ["7:1"]).document;
  const targets: CodeOptions[] = [
    { target: "html", styling: "css-modules", nodeIds: true },
    { target: "react", styling: "css-modules", nodeIds: true },
    { target: "react", styling: "tailwind", nodeIds: true },
    { target: "vue", styling: "css-modules", nodeIds: true },
    { target: "svelte", styling: "css-modules", nodeIds: true },
    { target: "angular", styling: "css-modules", nodeIds: true },
  ];
  for (const options of targets)
    it(`${options.target} (${options.styling}): hidden at rest, the variant's arrow while hovered, none pressed`, {
      timeout: 60_000,
    }, async () => {
      const alone = loadDesign(besideNothing(json, "8:3")).document;
      const reference = await resultPage((await cachedGenerateCode(alone, options)).files, options.target);
      const own = await withPage(browser, reference.files, reference.entry, { width: 400, height: 300 }, (page) =>
        measure(page, '[data-node-id="8:3"]', '[data-node-id="8:3a"]'),
      );
      expect(own).toMatchObject({ x: 136, y: 16, width: 12, height: 8 });
      expect(own!.styles["background-color"]).toBe("rgb(230, 26, 26)");
      const { files, entry } = await resultPage((await cachedGenerateCode(doc, options)).files, options.target);
      await withPage(browser, files, entry, { width: 400, height: 300 }, async (page) => {
        const button = '[data-node-id="7:2"]';
        // One arrow, in the button: the label's text and the arrow, nothing drawn twice.
        expect(await page.locator(`${button} > :not([data-node-id])`).count()).toBe(1);
        const elements = await count(page);
        expect((await measure(page, button, ARROW))?.display).toBe("none");
        // The other button's arrow too, and it stays hidden while this one is hovered.
        await page.hover(button);
        await expect.poll(() => measure(page, button, ARROW)).toMatchObject({ ...own, display: own!.display });
        expect((await measure(page, '[data-node-id="7:3"]', ARROW))?.display).toBe("none");
        expect(await count(page)).toBe(elements);
        await page.mouse.down();
        await expect.poll(async () => (await measure(page, button, ARROW))?.display).toBe("none");
        await page.mouse.up();
      });
    });
});
