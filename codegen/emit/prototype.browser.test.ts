/**
 * The prototype in Chromium (issue 52, first part), on a small two-page design wired in prototype mode
 * (codegen/prototype/test-design.ts): in HTML a click — or Enter on the focused link — goes to the destination's page
 * and the back button comes back; a link scrolls to its anchor; the fixed header stays at the top after scrolling
 * 1,000 px; the list scrolls inside its drawn box. In React (the preview) the same elements: links to the routes,
 * reached by Tab, the header fixed, the list a scroll container. At the design width before scrolling, each is where
 * drawn.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { withPage } from "../../cli/measure/browser.js";
import { resultPage } from "../../cli/measure/result-page.js";
import { loadDesign, type CodeOptions, type DesignDocument } from "../index.js";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "../../test/helpers/fixtures.js";
import { htmlPagePaths } from "./html/emit.js";
import { prototypeActions } from "../prototype/model.js";
import { PROTOTYPE_FILE, STICKY_FILE } from "../prototype/test-design.js";
import { runBrowser, useBrowser } from "../../test/helpers/browser.js";
import { cachedGenerateCode } from "../../test/helpers/run-cache.js";

interface El {
  getBoundingClientRect(): { x: number; y: number; width: number; height: number };
  scrollTop: number;
  scrollHeight: number;
  clientHeight: number;
}
interface Win {
  document: { querySelector(s: string): El | null; activeElement: { textContent: string | null } | null };
  scrollTo(x: number, y: number): void;
  scrollY: number;
  location: { pathname: string };
}
/** The text of the element that has the focus. */
const focusedText = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as Win).document.activeElement?.textContent?.trim());

const design = loadDesign(PROTOTYPE_FILE);

async function pageFiles(options: CodeOptions, doc: DesignDocument = design.document) {
  const code = await cachedGenerateCode(doc, options);
  return { code, ...(await resultPage(code.files, options.target)) };
}

const boxOf = (page: Page, selector: string) =>
  page.evaluate((s) => {
    const r = (globalThis as unknown as Win).document.querySelector(s)?.getBoundingClientRect();
    return r && { x: r.x, y: r.y, width: r.width, height: r.height };
  }, selector);

/** The header stays at the top when the page scrolls 1,000 px; it is drawn there before. */
async function expectFixedHeader(page: Page): Promise<void> {
  expect(await boxOf(page, "header")).toEqual({ x: 0, y: 0, width: 400, height: 60 });
  await page.evaluate(() => (globalThis as unknown as Win).scrollTo(0, 1000));
  await expect.poll(() => page.evaluate(() => (globalThis as unknown as Win).scrollY)).toBe(1000);
  expect(await boxOf(page, "header")).toEqual({ x: 0, y: 0, width: 400, height: 60 });
  await page.evaluate(() => (globalThis as unknown as Win).scrollTo(0, 0));
}

/** The list is its drawn 360 × 200 box and scrolls its 600-px content inside. */
async function expectScrollingList(page: Page, selector: string): Promise<void> {
  expect(await boxOf(page, selector)).toEqual({ x: 20, y: 300, width: 360, height: 200 });
  const scrolled = await page.evaluate((s) => {
    const list = (globalThis as unknown as Win).document.querySelector(s)!;
    list.scrollTop = 250;
    return { top: list.scrollTop, overflow: list.scrollHeight - list.clientHeight };
  }, selector);
  expect(scrolled).toEqual({ top: 250, overflow: 400 });
}

const VIEWPORT = { width: 400, height: 800 };

describe.runIf(runBrowser)("the prototype's links and scrolling in Chromium", () => {
  const browser = useBrowser();

  it("HTML: a click and Enter go to the destination's page, back comes back, an anchor scrolls", async () => {
    const { files } = await pageFiles({ target: "html", styling: "css-modules", nodeIds: false });
    await withPage(browser, files, "home.html", VIEWPORT, async (page) => {
      const about = page.getByRole("link", { name: "About us" });
      await about.click();
      await page.waitForURL(/\/about\.html$/);
      await page.getByRole("button", { name: "Back" }).click();
      await page.waitForURL(/\/home\.html$/);
      // By keyboard: Tab reaches the link, Enter follows it.
      await page.keyboard.press("Tab");
      expect(await focusedText(page)).toBe("About us");
      await page.keyboard.press("Enter");
      await page.waitForURL(/\/about\.html$/);
      await page.goBack();
      await page.waitForURL(/\/home\.html$/);
      // The site opens in a new tab.
      const site = page.getByRole("link", { name: "Figma site" });
      expect([await site.getAttribute("href"), await site.getAttribute("target")]).toEqual([
        "https://example.com/",
        "_blank",
      ]);
      // The anchor's section (1,800 px down) comes into view.
      await page.getByRole("link", { name: "To the end" }).click();
      await expect.poll(() => page.evaluate(() => (globalThis as unknown as Win).scrollY)).toBeGreaterThan(1000);
    });
  });

  it("HTML: the fixed header stays at the top after scrolling 1,000 px; the list scrolls inside its box", async () => {
    const { files } = await pageFiles({ target: "html", styling: "css-modules", nodeIds: false, layout: "exact" });
    await withPage(browser, files, "home.html", VIEWPORT, async (page) => {
      await expectFixedHeader(page);
      await expectScrollingList(page, ".list");
    });
  });

  for (const styling of ["css-modules", "tailwind"] as const)
    it(`React (${styling}): links to the routes reached by Tab; the header fixed; the list scrolls`, async () => {
      const options: CodeOptions = { target: "react", styling, nodeIds: true, layout: "exact" };
      const { files, entry, code } = await pageFiles(options);
      const routes = code.files.find((f) => f.path === "src/routes.ts")?.content ?? "";
      expect(routes).toContain('{ path: "/", Screen: Home }');
      expect(routes).toContain('{ path: "/about", Screen: About }');
      expect(code.files.find((f) => f.path === "src/screens/Home.tsx")?.content).toMatch(/<Link[^>]*\sto="\/about"/);
      await withPage(browser, files, entry, VIEWPORT, async (page) => {
        const about = page.getByRole("link", { name: "About us" });
        expect(await about.getAttribute("href")).toBe("/about");
        await page.keyboard.press("Tab");
        expect(await focusedText(page)).toBe("About us");
        await expectFixedHeader(page);
        await expectScrollingList(page, '[data-node-id="1:6"]');
        // The router changes the screen in place: About, then back to Home (the page itself never reloads).
        await page.evaluate(() => ((globalThis as unknown as Record<string, unknown>)["stayed"] = true));
        await about.click();
        await page.locator('[data-node-id="2:1"]').waitFor();
        expect(await page.locator('[data-node-id="1:1"]').count()).toBe(0);
        await page.getByRole("button", { name: "Back" }).click();
        await page.locator('[data-node-id="1:1"]').waitFor();
        expect(await page.evaluate(() => (globalThis as unknown as Record<string, unknown>)["stayed"])).toBe(true);
      });
    });
});

// A screen that clips its content hid its overflow: a scroll container, within which the sticky header stuck (and
// scrolled away with the page); it clips instead, and the header sticks to the viewport.
describe.runIf(runBrowser)("a sticky header of a screen that clips its content, in Chromium", () => {
  const browser = useBrowser();
  const sticky = loadDesign(STICKY_FILE).document;
  for (const target of ["html", "react"] as const)
    it(`${target}: the header is at the top before and after scrolling 1,000 px`, async () => {
      const { files, entry } = await pageFiles({ target, styling: "css-modules", nodeIds: true }, sticky);
      await withPage(browser, files, target === "html" ? "index.html" : entry, VIEWPORT, async (page) => {
        const header = '[data-node-id="3:2"]';
        expect(await boxOf(page, header)).toEqual({ x: 0, y: 0, width: 400, height: 60 });
        await page.evaluate(() => (globalThis as unknown as Win).scrollTo(0, 1000));
        await expect.poll(() => page.evaluate(() => (globalThis as unknown as Win).scrollY)).toBe(1000);
        expect(await boxOf(page, header)).toEqual({ x: 0, y: 0, width: 400, height: 60 });
      });
    });
});

/** Each click that navigates to an exported frame, with the frame (index) it is on and the one it goes to. */
function exportedNavigations(doc: DesignDocument): { id: string; from: number; to: number }[] {
  const pageOf = new Map(doc.frames.map((f, i) => [f.id, i]));
  const frameOf = new Map<string, number>();
  doc.frames.forEach((frame, i) => {
    const stack = [frame];
    while (stack.length > 0) {
      const node = stack.pop()!;
      frameOf.set(node.id, i);
      stack.push(...(node.children ?? []));
    }
  });
  return [...prototypeActions(doc.prototype!)].flatMap(({ id, trigger, action }) =>
    trigger.type === "ON_CLICK" &&
    action.type === "NODE" &&
    action.navigation === "NAVIGATE" &&
    pageOf.has(action.destinationId ?? "") &&
    frameOf.has(id)
      ? [{ id, from: frameOf.get(id)!, to: pageOf.get(action.destinationId!)! }]
      : [],
  );
}

const TNT = JSON.parse(readFileSync(join(REPO_ROOT, "test/fixtures/real/tnt-website.file.json"), "utf8")) as unknown;

describe.runIf(runBrowser)("the TnT website's prototype in Chromium (HTML)", () => {
  const browser = useBrowser();

  it("every click that navigates to an exported frame lands on its page", { timeout: 120_000 }, async () => {
    const tnt = loadDesign(TNT, [], {}, { topLevel: "frames" });
    const doc = tnt.document;
    const { files } = await pageFiles({ target: "html", styling: "css-modules", nodeIds: true }, doc);
    const paths = htmlPagePaths(doc.frames.map((f) => f.name));
    const pageOf = new Map(doc.frames.map((f, i) => [f.id, paths[i]!]));
    const frameOf = new Map<string, string>();
    doc.frames.forEach((frame, i) => {
      const stack = [frame];
      while (stack.length > 0) {
        const node = stack.pop()!;
        frameOf.set(node.id, paths[i]!);
        stack.push(...(node.children ?? []));
      }
    });
    const clicks = [...prototypeActions(doc.prototype!)].filter(
      (a) =>
        a.trigger.type === "ON_CLICK" &&
        a.action.type === "NODE" &&
        a.action.navigation === "NAVIGATE" &&
        pageOf.has(a.action.destinationId ?? "") &&
        frameOf.has(a.id),
    );
    expect(clicks.length).toBe(25);
    expect(exportedNavigations(doc).length).toBe(clicks.length);
    let landed = 0;
    for (const { id, action } of clicks) {
      const from = frameOf.get(id)!;
      const to = action.type === "NODE" ? pageOf.get(action.destinationId!)! : "";
      await withPage(browser, files, from, { width: 1440, height: 900 }, async (page) => {
        const link = page.locator(`a:has([data-node-id="${id}"]), a[data-node-id="${id}"]`).first();
        // A link inside a closed menu panel is the menu's to show; its href says where it goes.
        if (!(await link.isVisible())) {
          if ((await link.getAttribute("href")) === to) landed++;
          return;
        }
        // By keyboard: a layer drawn over the link (About's two overlapping bars) takes the pointer, as in Figma.
        await link.focus();
        await page.keyboard.press("Enter");
        await page.waitForURL((url) => url.pathname.endsWith(`/${to}`));
        landed++;
      });
    }
    expect(landed).toBe(clicks.length);
  });
});

interface Preview {
  __figmentPreview: { modules: Record<string, { useNavigate(): (to: string) => void }> };
}

describe.runIf(runBrowser)("the TnT website's prototype in Chromium (React, through the router)", () => {
  const browser = useBrowser();

  for (const styling of ["css-modules", "tailwind"] as const)
    it(`${styling}: every click that navigates to an exported frame lands on its screen`, {
      timeout: 180_000,
    }, async () => {
      const doc = loadDesign(TNT, [], {}, { topLevel: "frames" }).document;
      const options: CodeOptions = { target: "react", styling, nodeIds: true };
      const { files, entry, code } = await pageFiles(options, doc);
      const routes = code.files.find((f) => f.path === "src/routes.ts")?.content ?? "";
      const paths = [...routes.matchAll(/path: "([^"]+)"/g)].map((m) => m[1]!);
      expect(paths.length).toBe(doc.frames.length);
      const clicks = exportedNavigations(doc);
      expect(clicks.length).toBe(25);
      let landed = 0;
      await withPage(browser, files, entry, { width: 1440, height: 900 }, async (page) => {
        for (const { id, from, to } of clicks) {
          // To the link's screen by the router, as a click elsewhere would; then the link itself.
          await page.evaluate((path) => {
            const preview = (globalThis as unknown as Preview).__figmentPreview;
            preview.modules["react-router"]!.useNavigate()(path);
          }, paths[from]!);
          await page.locator(`[data-node-id="${doc.frames[from]!.id}"]`).waitFor({ state: "attached" });
          const link = page.locator(`a:has([data-node-id="${id}"]), a[data-node-id="${id}"]`).first();
          expect(await link.getAttribute("href")).toBe(paths[to]);
          // By keyboard, as in the HTML test; a link that takes no focus — inside a closed menu panel (not shown), or
          // around a component's instance (`display: contents`, which Chromium does not focus) — gets the click itself.
          await link.focus();
          if (await link.evaluate((a) => a === (a.ownerDocument as { activeElement: unknown }).activeElement))
            await page.keyboard.press("Enter");
          else await link.dispatchEvent("click");
          // Left first (but for a link to its own screen), then landed.
          if (from !== to)
            await page.locator(`[data-node-id="${doc.frames[from]!.id}"]`).waitFor({ state: "detached" });
          await page.locator(`[data-node-id="${doc.frames[to]!.id}"]`).waitFor({ state: "attached" });
          landed++;
        }
      });
      expect(landed).toBe(clicks.length);
    });
});
