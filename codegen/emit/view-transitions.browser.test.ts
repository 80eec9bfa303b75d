/**
 * Page transitions in Chromium (issue 52, part 5), on a three-page design (codegen/prototype/motion-design.ts): a click
 * plays the link's own transition — its view-transition animations have the design's duration and easing (a custom
 * bézier as is, Figma's gentle spring as `linear()`), a push moves both screens, a smart animate names the matched
 * "Hero" on both pages; a page's timer goes on by itself; reduced motion plays none. HTML (cross-document), React, Vue
 * and Svelte (startViewTransition around the router's navigation, in the preview), Angular (the router's own view
 * transitions, withViewTransitions). A link around a component's instance
 * takes the keyboard's focus and shows it.
 */
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { withPage } from "../../cli/measure/browser.js";
import { previewRuntimeScript, resultPage, vueRuntimeScripts } from "../../cli/measure/result-page.js";
import { vuePreview } from "../preview/vue-preview.js";
import { loadDesign, type CodeOptions } from "../index.js";
import type { SourceFile } from "../types.js";
import { BACK_FILE, MOTION_FILE } from "../prototype/motion-design.js";
import { runBrowser, useBrowser } from "../../test/helpers/browser.js";
import { cachedGenerateCode } from "../../test/helpers/run-cache.js";
import {
  installMotionProbe,
  sameEasing,
  settledPlayed,
  waitPlayed,
  type Played,
} from "../../test/helpers/motion-probe.js";
import { springCurve } from "./motion.js";

const doc = loadDesign(MOTION_FILE, ["3:1", "4:1", "5:1"]).document;
const VIEWPORT = { width: 400, height: 600 };
const PUSH_EASING = "cubic-bezier(0.2, 0.8, 0.3, 1)";
const CARD_LINK = 'a:has([data-node-id="3:2"]), a[data-node-id="3:2"]';
const GENTLE = springCurve({ mass: 1, stiffness: 100, damping: 15 });

/** Every view-transition animation of the root (or every one) at `ms` with `easing`. */
function expectPace(played: Played | undefined, name: string, ms: number, easing: string): void {
  expect(played?.transition).toBe(name);
  const animations = played!.animations.filter((a) => a.pseudo?.startsWith("::view-transition"));
  expect(animations.length).toBeGreaterThan(0);
  for (const a of animations) {
    expect(a.duration).toBe(ms);
    expect(sameEasing(a.easing, easing), `${a.pseudo} ${a.easing}`).toBe(true);
  }
}

/** The page's document, as far as these tests read it (the tests' types have no DOM). */
interface DocumentLike {
  document: { documentElement: { dataset: Record<string, string | undefined> } };
}

/**
 * Every layer id the pages have held, kept in sessionStorage across page loads: a screen whose timer moves on (Next,
 * after 0.5 s) may be gone again before a busy machine looks for it, so `shown` asks whether it was there.
 */
const RECORD_SHOWN = `new MutationObserver(() => {
  const seen = new Set(JSON.parse(sessionStorage.getItem("figment-seen") || "[]"));
  for (const e of document.querySelectorAll("[data-node-id]")) seen.add(e.getAttribute("data-node-id"));
  sessionStorage.setItem("figment-seen", JSON.stringify([...seen]));
}).observe(document, { childList: true, subtree: true });`;

async function installProbes(page: Page): Promise<void> {
  await installMotionProbe(page);
  await page.addInitScript(RECORD_SHOWN);
}

/** `fn` on the page at `entry`, the probes installed before it loads. */
const probed = <T>(browser: Browser, files: SourceFile[], entry: string, fn: (page: Page) => Promise<T>): Promise<T> =>
  withPage(browser, files, entry, VIEWPORT, fn, { beforeGoto: installProbes });

type StorageLike = { sessionStorage: { getItem(key: string): string | null } };
const shown = (page: Page, id: string) =>
  page.waitForFunction(
    (i) =>
      (
        JSON.parse((globalThis as unknown as StorageLike).sessionStorage.getItem("figment-seen") ?? "[]") as string[]
      ).includes(i),
    id,
  );

/** The slide in's reverse played: Page goes out to the right over Home, which comes back from 30 % to its left. */
async function playedSlideBack(page: Page): Promise<void> {
  const back = await waitPlayed(page);
  expectPace(back, "slide-in-left-300ms-back", 300, "cubic-bezier(0, 0, 0.58, 1)");
  const names = back!.animations.map((a) => `${a.pseudo} ${a.name}`);
  expect(names).toContain("::view-transition-old(root) figment-leave-right");
  expect(names).toContain("::view-transition-new(root) figment-enter-partly-right");
  await shown(page, "7:1");
}

async function flow(page: Page, app: boolean): Promise<void> {
  // Start → Next by the card's push (left, 400 ms, the design's bézier): both screens move.
  await page.locator(CARD_LINK).click();
  const push = await waitPlayed(page);
  expectPace(push, "push-left-400ms", 400, PUSH_EASING);
  const names = push!.animations.map((a) => `${a.pseudo} ${a.name}`);
  expect(names).toContain("::view-transition-new(root) figment-enter-left");
  expect(names).toContain("::view-transition-old(root) figment-leave-left");
  await shown(page, "4:1");
  // Next goes back to Start by itself after 0.5 s, dissolving (200 ms, ease-in).
  expectPace(await waitPlayed(page), "dissolve-200ms", 200, "cubic-bezier(0.42, 0, 1, 1)");
  await shown(page, "3:1");
  // Start → Detail by smart animate: the Hero grows into Detail's banner (its own group), with the spring.
  await page.locator('[data-node-id="3:4"]').click();
  const smart = await waitPlayed(page);
  expectPace(smart, "smart-animate-500ms", 500, GENTLE);
  expect(smart!.animations.some((a) => /^::view-transition-group\(m-hero-/.test(a.pseudo ?? ""))).toBe(true);
  await shown(page, "5:1");
  if (app) expect(await page.locator("[data-node-id='3:1']").count()).toBe(0);
}

describe.runIf(runBrowser)("page transitions in Chromium", () => {
  const browser = useBrowser();
  const targets: CodeOptions[] = [
    { target: "html", styling: "css-modules", nodeIds: true },
    { target: "react", styling: "css-modules", nodeIds: true },
    { target: "react", styling: "tailwind", nodeIds: true },
    { target: "vue", styling: "css-modules", nodeIds: true },
    { target: "vue", styling: "tailwind", nodeIds: true },
    { target: "svelte", styling: "css-modules", nodeIds: true },
    { target: "svelte", styling: "tailwind", nodeIds: true },
    { target: "angular", styling: "css-modules", nodeIds: true },
    { target: "angular", styling: "tailwind", nodeIds: true },
  ];
  for (const options of targets)
    it(`${options.target} (${options.styling}): each link plays its transition; reduced motion plays none`, {
      timeout: 120_000,
    }, async () => {
      const code = await cachedGenerateCode(doc, options);
      const { files, entry } = await resultPage(code.files, options.target);
      const start = options.target === "html" ? "start.html" : entry;
      await probed(browser, files, start, (page) => flow(page, options.target !== "html"));
      await probed(browser, files, start, async (page) => {
        await page.emulateMedia({ reducedMotion: "reduce" });
        await page.locator(CARD_LINK).click();
        await shown(page, "4:1");
        const played = await settledPlayed(page);
        // Skipped, or none started.
        expect(played === undefined || played.skipped === true).toBe(true);
      });
    });

  // HTML's transitions are cross-document: the push's record is written on Next, whose timer leaves it after 0.5 s. A
  // test busy elsewhere may look only once the page is back on Start (it did: the push's record had gone with Next,
  // and the dissolve's was read in its place); read then, the push still comes first and the dissolve after it.
  it("html: a transition is read in its turn after the page that played it has gone on", {
    timeout: 120_000,
  }, async () => {
    const options: CodeOptions = { target: "html", styling: "css-modules", nodeIds: true };
    const code = await cachedGenerateCode(doc, options);
    const { files } = await resultPage(code.files, "html");
    await probed(browser, files, "start.html", async (page) => {
      await page.locator(CARD_LINK).click();
      await shown(page, "4:1");
      await page.waitForURL((url) => url.pathname.endsWith("/start.html"));
      await page.locator('[data-node-id="3:1"]').waitFor({ state: "attached" });
      expectPace(await waitPlayed(page), "push-left-400ms", 400, PUSH_EASING);
      expectPace(await waitPlayed(page), "dissolve-200ms", 200, "cubic-bezier(0.42, 0, 1, 1)");
    });
  });

  // A cross-document transition captures the page reached at its first frame, which a busy machine's parser (or a
  // page arriving in pieces) may let go before the end of the body: Detail's Hero, not parsed then, was left out and
  // only faded in (ci28: no ::view-transition-group(m-hero-…)). Here a script held before the Hero stops the parser
  // there; the page's first frame waits for the Hero (its <link rel="expect">), so the transition plays once the
  // script is let go. The test gives a frame without the Hero a second to come first: a slower machine can only
  // fail to see that regression, never fail the page that waits.
  it("html: a smart animate keeps its layer when the page reached comes in pieces", { timeout: 120_000 }, async () => {
    const options: CodeOptions = { target: "html", styling: "css-modules", nodeIds: true };
    const code = await cachedGenerateCode(doc, options);
    const { files } = await resultPage(code.files, "html");
    const held = files.map((f) =>
      f.path === "detail.html"
        ? { ...f, content: f.content.replace(/<div[^>]* data-morph=/, '<script src="held.js"></script>$&') }
        : f,
    );
    expect(held.find((f) => f.path === "detail.html")!.content).toContain('<script src="held.js">');
    await probed(browser, held, "start.html", async (page) => {
      let asked!: () => void;
      const reached = new Promise<void>((resolve) => (asked = resolve));
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      await page.route("**/held.js", async (route) => {
        asked();
        await released;
        await route.fulfill({ status: 200, contentType: "text/javascript", body: "" });
      });
      await page.locator('[data-node-id="3:4"]').click();
      await reached;
      const early = await waitPlayed(page, 1_000);
      release();
      const smart = early ?? (await waitPlayed(page));
      expect(smart?.transition).toBe("smart-animate-500ms");
      const pseudos = smart!.animations.map((a) => a.pseudo ?? "");
      expect(pseudos.filter((p) => /^::view-transition-group\(m-hero-/.test(p))).toHaveLength(1);
      expect(pseudos.filter((p) => /^::view-transition-new\(m-hero-/.test(p)).length).toBeGreaterThan(0);
      await shown(page, "5:1");
    });
  });

  // Animations slowed 20× (the push lasts 8 s) while timers are not: Next's timer (0.5 s) starts the dissolve while
  // the push still plays, as a busy machine or a slow phone has it. The push, skipped, must not take the dissolve's
  // name off <html> when it ends (it did: the dissolve then played unnamed).
  for (const target of ["react", "vue", "svelte", "angular"] as const)
    it(`${target}: a transition started while another plays keeps its own name`, { timeout: 120_000 }, async () => {
      const options: CodeOptions = { target, styling: "css-modules", nodeIds: true };
      const code = await cachedGenerateCode(doc, options);
      const { files, entry } = await resultPage(code.files, target);
      await probed(browser, files, entry, async (page) => {
        const cdp = await page.context().newCDPSession(page);
        await cdp.send("Animation.enable");
        await cdp.send("Animation.setPlaybackRate", { playbackRate: 0.05 });
        await page.locator(CARD_LINK).click();
        expect((await waitPlayed(page))?.transition).toBe("push-left-400ms");
        expect((await waitPlayed(page))?.transition).toBe("dissolve-200ms");
      });
    });

  for (const target of ["html", "react", "vue", "svelte", "angular"] as const)
    it(`${target}: BACK plays the reverse of the transition that came (a slide in → a slide out)`, {
      timeout: 120_000,
    }, async () => {
      const options: CodeOptions = { target, styling: "css-modules", nodeIds: true };
      const code = await cachedGenerateCode(loadDesign(BACK_FILE, []).document, options);
      const { files, entry } = await resultPage(code.files, target);
      await probed(browser, files, target === "html" ? "home.html" : entry, async (page) => {
        await page.locator('[data-node-id="7:2"]').click();
        expectPace(await waitPlayed(page), "slide-in-left-300ms", 300, "cubic-bezier(0, 0, 0.58, 1)");
        await shown(page, "8:1");
        await page.locator('[data-node-id="8:2"]').click();
        await playedSlideBack(page);
      });
    });

  // The browser's own back (Chromium's, page.goBack()) over the project's own history: Svelte's router as the preview
  // runs it (pushState, popstate); Vue's preview with the project's createWebHistory() (src/main.ts's) for its history
  // in memory.
  for (const target of ["vue", "svelte"] as const)
    it(`${target}: the browser's back plays the reverse of the transition that came, and lands on the page left`, {
      timeout: 60_000,
    }, async () => {
      const options: CodeOptions = { target, styling: "css-modules", nodeIds: true };
      const code = await cachedGenerateCode(loadDesign(BACK_FILE, []).document, options);
      const files =
        target === "vue"
          ? [
              {
                path: "index.html",
                content: (await vuePreview(code.files, await previewRuntimeScript(), await vueRuntimeScripts(), "web"))
                  .html,
              },
            ]
          : (await resultPage(code.files, target)).files;
      await probed(browser, files, "index.html", async (page) => {
        await shown(page, "7:1");
        await page.locator('[data-node-id="7:2"]').click();
        expectPace(await waitPlayed(page), "slide-in-left-300ms", 300, "cubic-bezier(0, 0, 0.58, 1)");
        await shown(page, "8:1");
        await page.waitForFunction(
          () => !(globalThis as unknown as DocumentLike).document.documentElement.dataset["transition"],
        );
        await page.goBack();
        await playedSlideBack(page);
        expect(await page.locator('[data-node-id="8:1"]').count()).toBe(0);
      });
    });

  it("React: the link around a card (an instance drawn by its component file) takes focus and shows it", async () => {
    const options: CodeOptions = { target: "react", styling: "css-modules", nodeIds: true };
    const code = await cachedGenerateCode(doc, options);
    expect(code.files.some((f) => f.path === "src/components/Card.tsx")).toBe(true);
    const { files, entry } = await resultPage(code.files, "react");
    await probed(browser, files, entry, async (page) => {
      const link = page.locator(CARD_LINK);
      // Where the card is drawn, as without the link.
      expect(await link.boundingBox()).toEqual({ x: 20, y: 20, width: 170, height: 80 });
      expect(await page.locator('[data-node-id="3:2"]').boundingBox()).toEqual({
        x: 20,
        y: 20,
        width: 170,
        height: 80,
      });
      await page.keyboard.press("Tab");
      expect(await link.evaluate((a) => a === (a.ownerDocument as { activeElement: unknown }).activeElement)).toBe(
        true,
      );
      const ring = await link.evaluate((a) => {
        const style = (
          a.ownerDocument.defaultView as unknown as { getComputedStyle(e: unknown): Record<string, string> }
        ).getComputedStyle(a);
        return [style["outlineStyle"], style["outlineWidth"]];
      });
      expect(ring[0]).not.toBe("none");
      await page.keyboard.press("Enter");
      await shown(page, "4:1");
    });
  });
});
