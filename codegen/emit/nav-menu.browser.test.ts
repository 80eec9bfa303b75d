/**
 * A navigation bar's menu in Chromium, as a user meets it (issue 37), on Flora's desktop page ("Home • Desktop", auto
 * layout: a logo, five links and a button): at 390 px the logo and a menu button show; the button opens the links'
 * panel by click, Enter and Space, the links follow it in the tab order, Escape closes the panel and leaves the focus
 * on the button. The same in HTML (a popover, no script), React with CSS modules and React with Tailwind (state). At
 * the design width the bar is as drawn: no button, every link where the design has it. And the score counts the
 * links behind the closed menu's button as seen, a text hidden with no button to show it as missing.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { withPage } from "../../cli/measure/browser.js";
import { resultPage } from "../../cli/measure/result-page.js";
import { scoreCode } from "../../cli/measure/score.js";
import { textProbeScript, type TextProbe } from "../fidelity/text-probe.js";
import type { RestNode } from "../fidelity/design-nodes.js";
import { loadDesign, type CodeOptions } from "../index.js";
import { runBrowser, useBrowser } from "../../test/helpers/browser.js";
import { REPO_ROOT } from "../../test/helpers/fixtures.js";
import { cachedGenerateCode } from "../../test/helpers/run-cache.js";
import { serveGoogleFonts } from "../../test/helpers/google-fonts.js";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const FLORA = JSON.parse(readFileSync(join(REPO_ROOT, "test/fixtures/real/flora.file.json"), "utf8")) as unknown;
const FRAME = "8203:59903";
/** The links' texts and the button's label, as the design names them. */
const LINKS = ["8203:60101", "8203:60103", "8211:116270", "8211:116273", "8211:116276"];
const BUTTON_LABEL = "I8203:59954;4179:8883";
const NAV = [...LINKS, BUTTON_LABEL];

const TARGETS: [string, CodeOptions][] = [
  ["HTML", { target: "html", styling: "css-modules", nodeIds: true }],
  ["React + CSS modules", { target: "react", styling: "css-modules", nodeIds: true }],
  ["React + Tailwind", { target: "react", styling: "tailwind", nodeIds: true }],
];

/** What evaluated functions read of the page (the project compiles without the DOM lib). */
interface Doc {
  document: {
    querySelector(s: string): {
      getBoundingClientRect(): { x: number; y: number; width: number; height: number; right: number };
      getClientRects(): { length: number };
    } | null;
    activeElement: { getAttribute(n: string): string | null; tagName: string; closest(s: string): unknown } | null;
    documentElement: { scrollWidth: number; clientWidth: number };
  };
}

const design = loadDesign(FLORA, [FRAME]);

async function pageFiles(options: CodeOptions) {
  const code = await cachedGenerateCode(design.document, options);
  return { code, ...(await resultPage(code.files, options.target)) };
}

/** The boxes of the layers with these ids (undefined: no box), and whether the page scrolls sideways. */
async function boxes(page: Page, ids: readonly string[]) {
  return page.evaluate((list) => {
    const g = globalThis as unknown as Doc;
    const root = g.document.documentElement;
    return {
      scroll: root.scrollWidth - root.clientWidth,
      boxes: list.map((id) => {
        const el = g.document.querySelector(`[data-node-id="${id}"]`);
        if (!el || el.getClientRects().length === 0) return undefined;
        const r = el.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height, right: r.right };
      }),
    };
  }, ids);
}

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = (globalThis as unknown as Doc).document.activeElement;
    return {
      menuButton: el?.getAttribute("aria-label") === "Menu",
      link: el?.tagName === "A" && el.closest("[id]") !== null,
      id: el?.getAttribute("data-node-id") ?? undefined,
    };
  });

/** Open: every link has a box, inside the screen, none over another. */
async function expectOpen(page: Page): Promise<void> {
  const { boxes: seen, scroll } = await boxes(page, NAV);
  expect(seen.every((b) => b !== undefined)).toBe(true);
  for (const b of seen) expect(b!.x >= 0 && b!.right <= 390 + 0.5).toBe(true);
  const overlap = (a: NonNullable<(typeof seen)[number]>, b: NonNullable<(typeof seen)[number]>) =>
    Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y) > 1 &&
    Math.min(a.right, b.right) - Math.max(a.x, b.x) > 1;
  for (let i = 0; i < seen.length; i++)
    for (let j = i + 1; j < seen.length; j++) expect(overlap(seen[i]!, seen[j]!)).toBe(false);
  expect(scroll).toBe(0);
}

async function expectClosed(page: Page): Promise<void> {
  const { boxes: seen } = await boxes(page, LINKS);
  expect(seen.every((b) => b === undefined)).toBe(true);
}

describe.runIf(runBrowser)("a navigation bar's menu in Chromium (Flora, Home • Desktop)", () => {
  const browser = useBrowser();

  for (const [label, options] of TARGETS) {
    it(
      `${label}: at 390 px a menu button opens the links by ` +
        `click, Enter and Space; Tab reaches them; Escape closes`,
      async () => {
        const { files, entry } = await pageFiles(options);
        await withPage(browser, files, entry, { width: 390, height: 844 }, async (page) => {
          const button = page.getByRole("button", { name: "Menu" });
          await expect.poll(() => button.isVisible()).toBe(true);
          await expectClosed(page);
          // The logo stays in the bar.
          expect((await boxes(page, ["8203:59936"])).boxes[0]).toBeDefined();

          await button.click();
          await expect.poll(async () => (await boxes(page, LINKS)).boxes.every((b) => b !== undefined)).toBe(true);
          await expectOpen(page);
          // Open and closed is the button's to say: React sets aria-expanded, the browser says it for a popover's
          // button.
          if (options.target === "react") expect(await button.getAttribute("aria-expanded")).toBe("true");
          else
            expect(
              await page.evaluate(
                () =>
                  (globalThis as unknown as { document: { querySelector(s: string): unknown } }).document.querySelector(
                    "[popover]:popover-open",
                  ) !== null,
              ),
            ).toBe(true);
          await page.keyboard.press("Escape");
          await expect.poll(async () => (await boxes(page, LINKS)).boxes.every((b) => b === undefined)).toBe(true);

          await button.focus();
          await page.keyboard.press("Enter");
          await expect.poll(async () => (await boxes(page, LINKS)).boxes.every((b) => b !== undefined)).toBe(true);
          await page.keyboard.press("Tab");
          expect(await focused(page)).toMatchObject({ link: true, id: "8203:60100" });
          await page.keyboard.press("Tab");
          expect(await focused(page)).toMatchObject({ link: true, id: "8203:60102" });
          await page.keyboard.press("Escape");
          await expect.poll(async () => (await boxes(page, LINKS)).boxes.every((b) => b === undefined)).toBe(true);
          expect((await focused(page)).menuButton).toBe(true);
          if (options.target === "react") expect(await button.getAttribute("aria-expanded")).toBe("false");

          await page.keyboard.press("Space");
          await expect.poll(async () => (await boxes(page, LINKS)).boxes.every((b) => b !== undefined)).toBe(true);
          await expectOpen(page);
        });
      },
    );

    it(
      `${label}: at the design width the bar is as drawn ` + `— no menu button, every link where the design has it`,
      async () => {
        const { files, entry } = await pageFiles(options);
        const root = design.roots[0] as unknown as RestNode & { absoluteBoundingBox: { x: number; y: number } };
        const drawn = (id: string): { x: number; y: number; width: number; height: number } => {
          const find = (n: RestNode): RestNode | undefined =>
            n.id === id ? n : (n.children ?? []).map(find).find((f) => f !== undefined);
          const box = (
            find(root) as unknown as { absoluteBoundingBox: { x: number; y: number; width: number; height: number } }
          ).absoluteBoundingBox;
          return { ...box, x: box.x - root.absoluteBoundingBox.x, y: box.y - root.absoluteBoundingBox.y };
        };
        // The design's fonts (served from local files), so that the links are as wide as drawn.
        await withPage(
          browser,
          files,
          entry,
          { width: 1440, height: 900 },
          async (page) => {
            expect(await page.getByRole("button", { name: "Menu" }).isVisible()).toBe(false);
            const ids = [
              "8203:60100",
              "8203:60102",
              "8211:116269",
              "8211:116272",
              "8211:116275",
              "8203:59954",
              "8203:59936",
            ];
            const { boxes: seen, scroll } = await boxes(page, ids);
            expect(scroll).toBe(0);
            ids.forEach((id, i) => {
              const want = drawn(id);
              const got = seen[i]!;
              expect(got, id).toBeDefined();
              expect(Math.abs(got.x - want.x), id).toBeLessThan(2);
              expect(Math.abs(got.y - want.y), id).toBeLessThan(2);
              expect(Math.abs(got.width - want.width), id).toBeLessThan(2);
            });
          },
          { serve: serveGoogleFonts },
        );
      },
    );
  }

  it("the score counts the links behind the closed menu's button as seen at 390 px", async () => {
    const { code } = await pageFiles(TARGETS[0]![1]);
    const score = await scoreCode(browser, {
      frame: design.roots[0] as unknown as RestNode,
      files: code.files,
      target: "html",
      widths: [390],
    });
    const phone = score.widths.find((w) => w.width === 390)!;
    expect(phone.hiddenTexts.filter((t) => NAV.includes(t.nodeId))).toEqual([]);
    expect(phone.overflowPx).toBe(0);
  });

  it(
    "a text without a box is seen only behind a control on screen that " +
      "shows it: a popover's button, or a button whose aria-expanded is false",
    async () => {
      const html =
        `<!doctype html><html><body>
      <button popovertarget="p">Menu</button><div id="p" popover><p data-node-id="a">In a popover</p></div>
      <button aria-controls="s" aria-expanded="false">Menu</button><div id="s" style="display:none"><p ` +
        `data-node-id="b">In a state's panel</p></div>
      <p data-node-id="d" style="display:none">Hidden, no control</p>
      <button aria-controls="t" aria-expanded="false" style="display:none">Menu</button><div id="t" ` +
        `style="display:none"><p data-node-id="e">Its button hidden</p></div>
    </body></html>`;
      const texts = ["a", "b", "d", "e"].map((id) => ({ id, chars: 5, minContrast: 0, backdropKnown: false }));
      const probe = await withPage(
        browser,
        [{ path: "index.html", content: html }],
        "index.html",
        { width: 390, height: 600 },
        (page) => page.evaluate(textProbeScript({ texts })) as Promise<TextProbe>,
      );
      expect(probe.samples.map((s) => [s.id, s.rendered, s.menu ?? false])).toEqual([
        ["a", false, true],
        ["b", false, true],
        ["d", false, false],
        ["e", false, false],
      ]);
    },
  );
});
