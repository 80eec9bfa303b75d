/**
 * Issue 38, "Tailwind assets": a generated React + Tailwind project keeps its background images after its own
 * `npm run build`. The classes that draw them (`[background:url(./assets/image-1.jpg)_center_/_cover_no-repeat]`)
 * are compiled into src/tailwind.css, so their URLs must be relative to src/: written relative to the component
 * (`../assets/…`, as reported) Vite leaves them unresolved and the built page asks for files that do not exist.
 * The project is built for real (test/helpers/project-build.ts: Tailwind's compiler as @tailwindcss/vite runs it,
 * then Vite's build), served from 127.0.0.1 and loaded in Chromium: every request succeeds, every background image
 * decodes, and the hero paints its photo (not the flat gradient it has without it, under its white heading).
 * Two projects: the offline output for a real page with photos as backgrounds, and a model's answer that names its
 * photos from the component's folder, through the model pipeline (ai/code/pipeline.ts: codegen/project/tailwind-urls.ts
 * rebases them). Screenshots go to test-artifacts/tailwind-build/.
 */
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { postProcess } from "../ai/code/pipeline.js";
import { generateCode, loadDesign } from "../codegen/index.js";
import { projectFiles } from "../codegen/scaffold/project-files.js";
import type { SourceFile } from "../codegen/types.js";
import { runBrowser, useBrowser } from "./helpers/browser.js";
import { corpusImages, corpusJson } from "./helpers/corpus-frames.js";
import { REPO_ROOT } from "./helpers/fixtures.js";
import { buildProject, serveDir, type ProjectBuild } from "./helpers/project-build.js";
import { screenshotColours, type Rgb } from "./helpers/screenshot-colours.js";
import { tempDirs } from "./helpers/temp-dirs.js";

const ARTIFACTS = join(REPO_ROOT, "test-artifacts", "tailwind-build");
const HERO = "data-build-hero";

/** Real photos as background fills: Grayscale's hero ("image 1", white heading) and its sign-up band ("image 6"). */
async function grayscaleProject(): Promise<SourceFile[]> {
  const json = corpusJson({ name: "sb-grayscale", kind: "converted site" });
  const { document } = loadDesign(json, [], { images: corpusImages(json) });
  const { files } = await generateCode(document, { target: "react", styling: "tailwind", nodeIds: true });
  return projectFiles(files, { target: "react", styling: "tailwind", name: "Grayscale" });
}

/**
 * A model's answer as models write it: a screen in src/screens whose Tailwind classes name its three photos from
 * the component's folder (`../assets/…`, as its imports would), the hero's under a white heading; the design's
 * photos are the project's asset files (Grayscale's real JPEGs).
 */
async function modelProject(): Promise<SourceFile[]> {
  const json = corpusJson({ name: "sb-grayscale", kind: "converted site" });
  const jpegs = Object.values(corpusImages(json)).filter((bytes) => bytes[0] === 0xff && bytes[1] === 0xd8);
  const names = ["hero.jpg", "about.jpg", "signup.jpg"];
  const assets: SourceFile[] = names.map((name, i) => ({ path: `src/assets/${name}`, content: "", bytes: jpegs[i]! }));
  const screen = [
    "export function Landing() {",
    "  return (",
    "    <main>",
    '      <section className="flex h-[640px] items-center justify-center ' +
      '[background:url(../assets/hero.jpg)_center_/_cover_no-repeat]">',
    '        <h1 className="text-7xl font-bold text-white">GRAYSCALE</h1>',
    "      </section>",
    "      <section className=\"h-[480px] bg-[url('../assets/about.jpg')] bg-cover bg-center\" />",
    '      <section className="h-[480px] bg-[url(../assets/signup.jpg)] bg-cover" />',
    "    </main>",
    "  );",
    "}",
    "",
  ].join("\n");
  const answer = await postProcess(
    { files: [{ path: "src/screens/Landing.tsx", content: screen }], problems: [] },
    undefined,
    assets,
  );
  return projectFiles(answer.files, { target: "react", styling: "tailwind", name: "Landing" });
}

/** Every url() of the built stylesheets that names no file of dist/ (data: URLs aside). */
function missingCssUrls(dist: string): string[] {
  const css = readdirSync(join(dist, "assets")).filter((f) => f.endsWith(".css"));
  return css.flatMap((f) =>
    [...readFileSync(join(dist, "assets", f), "utf8").matchAll(/url\(\s*["']?([^"')]+)/g)]
      .map((m) => m[1]!)
      .filter((url) => !url.startsWith("data:") && !url.startsWith("#"))
      .filter((url) => {
        try {
          readFileSync(join(dist, url.replace(/^\//, "")));
          return false;
        } catch {
          return true;
        }
      }),
  );
}

/** Each element's background image URLs (computed, so absolute), and whether the browser decodes each. */
async function backgroundImages(page: Page): Promise<{ url: string; width: number }[]> {
  return page.evaluate(`(async () => {
    const urls = new Set();
    for (const el of document.querySelectorAll("*")) {
      for (const m of getComputedStyle(el).backgroundImage.matchAll(/url\\("?([^")]+)"?\\)/g)) urls.add(m[1]);
    }
    return Promise.all([...urls].map(async (url) => {
      const image = new Image();
      image.src = url;
      try { await image.decode(); } catch { return { url, width: 0 }; }
      return { url, width: image.naturalWidth };
    }));
  })()`);
}

/**
 * Marks the hero (the first element painting a background image, in document order) and shows it alone: its
 * own background, none of its layers or the page's. Returns its screenshot.
 */
async function heroAlone(page: Page): Promise<Buffer> {
  const found = await page.evaluate(
    `(() => {
    const hero = [...document.querySelectorAll("*")].find((el) => ` +
      `getComputedStyle(el).backgroundImage.includes("url("));
    if (!hero) return false;
    hero.setAttribute(${JSON.stringify(HERO)}, "");
    return true;
  })()`,
  );
  expect(found, "an element paints a background image").toBe(true);
  await page.addStyleTag({
    content: `body * { visibility: hidden !important; } [${HERO}] { visibility: visible !important; }`,
  });
  return page.locator(`[${HERO}]`).screenshot({ animations: "disabled" });
}

/** How many rows of a 9×9 grid over the picture hold different colours (a vertical gradient alone has none). */
async function rowsWithDetail(reader: Page, shot: Buffer, width: number, height: number): Promise<number> {
  const steps = [...Array(9).keys()].map((i) => (i + 1) / 10);
  const points = steps.flatMap((fy) =>
    steps.map((fx) => [Math.floor(fx * width), Math.floor(fy * height)] as [number, number]),
  );
  const colours = await screenshotColours(reader, shot, points);
  const rows: Rgb[][] = steps.map((_, r) => colours.slice(r * 9, r * 9 + 9));
  const spread = (row: Rgb[]): number =>
    Math.max(...[0, 1, 2].map((c) => Math.max(...row.map((p) => p[c]!)) - Math.min(...row.map((p) => p[c]!))));
  return rows.filter((row) => spread(row) > 12).length;
}

describe.runIf(runBrowser)(
  "a React + Tailwind project's own build keeps its background images",
  { timeout: 240_000 },
  () => {
    const browser = useBrowser();
    const temp = tempDirs("figment-tailwind-build-");

    /** Loads the built site in Chromium at the design width; `fn` gets the page and the requests the server saw. */
    async function openBuilt(
      built: ProjectBuild,
      fn: (page: Page, requests: { path: string; status: number }[]) => Promise<void>,
    ): Promise<void> {
      const served = await serveDir(built.dist);
      const context = await browser.newContext({
        viewport: { width: 1440, height: 900 },
        deviceScaleFactor: 1,
        serviceWorkers: "block",
      });
      try {
        const page = await context.newPage();
        await page.goto(`${served.origin}/`, { waitUntil: "load" });
        await page.evaluate("document.fonts.ready.then(() => true)");
        await fn(page, served.requests);
      } finally {
        await context.close();
        await served.close();
      }
    }

    it(
      "Grayscale (2 photos as backgrounds, the hero's among them): " +
        "built, served, every image loads, the hero paints its photo",
      async () => {
        const files = await grayscaleProject();
        // The classes name the photos relative to src/, where Tailwind compiles them (src/tailwind.css).
        const classUrls = files
          .filter((f) => f.path.endsWith(".tsx"))
          .flatMap((f) => [...f.content.matchAll(/url\(([^)]+)\)/g)].map((m) => m[1]!));
        expect(classUrls.length).toBeGreaterThanOrEqual(2);
        const built = await buildProject(files, temp());
        for (const url of classUrls) expect(built.tailwindCss).toContain(`url(${url})`);
        expect(built.warnings.filter((w) => /didn't resolve at build time/.test(w))).toEqual([]);
        expect(missingCssUrls(built.dist)).toEqual([]);

        await openBuilt(built, async (page, requests) => {
          mkdirSync(ARTIFACTS, { recursive: true });
          await page.screenshot({ path: join(ARTIFACTS, "1-grayscale-built.png") });
          const images = await backgroundImages(page);
          expect(images.length).toBeGreaterThanOrEqual(2);
          expect(images.filter((i) => i.width === 0)).toEqual([]);
          // The photos were asked of the server and found; nothing the page asked for (fonts included) was missing
          // (but the icon the browser asks for by itself: the design has none).
          for (const { url } of images.filter((i) => !i.url.startsWith("data:")))
            expect(requests).toContainEqual({ path: new URL(url).pathname, status: 200 });
          expect(requests.filter((r) => r.status !== 200 && r.path !== "/favicon.ico")).toEqual([]);

          const shot = await heroAlone(page);
          await page.screenshot({ path: join(ARTIFACTS, "2-grayscale-hero-alone.png") });
          const box = (await page.locator(`[${HERO}]`).boundingBox())!;
          expect(box.width).toBeGreaterThan(1000);
          expect(
            await rowsWithDetail(page, shot, Math.floor(box.width), Math.floor(box.height)),
          ).toBeGreaterThanOrEqual(5);
        });
      },
    );

    it(
      "a model's screen naming 3 photos from its own folder (../assets/): " +
        "rebased to src/, built, all 3 load, the hero paints its photo",
      async () => {
        const files = await modelProject();
        expect(
          files
            .filter((f) => f.path.startsWith("src/assets/"))
            .map((f) => f.path)
            .sort(),
        ).toEqual(["src/assets/about.jpg", "src/assets/hero.jpg", "src/assets/signup.jpg"]);
        const built = await buildProject(files, temp());
        expect(built.warnings.filter((w) => /didn't resolve at build time/.test(w))).toEqual([]);
        expect(missingCssUrls(built.dist)).toEqual([]);

        await openBuilt(built, async (page, requests) => {
          mkdirSync(ARTIFACTS, { recursive: true });
          await page.screenshot({ path: join(ARTIFACTS, "3-model-built.png"), fullPage: true });
          const images = await backgroundImages(page);
          expect(images).toHaveLength(3);
          expect(images.filter((i) => i.width === 0)).toEqual([]);
          for (const { url } of images) expect(requests).toContainEqual({ path: new URL(url).pathname, status: 200 });
          expect(requests.filter((r) => r.status !== 200 && r.path !== "/favicon.ico")).toEqual([]);

          const shot = await heroAlone(page);
          const box = (await page.locator(`[${HERO}]`).boundingBox())!;
          expect(Math.round(box.height)).toBe(640);
          expect(
            await rowsWithDetail(page, shot, Math.floor(box.width), Math.floor(box.height)),
          ).toBeGreaterThanOrEqual(5);
        });
      },
    );
  },
);
