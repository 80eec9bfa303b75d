/**
 * The Code panel's preview loads the design's fonts, as a user meets it in the browser harness at Figma's default
 * 420×600 (real dist/code.js on the figma simulator, real dist/ui.html): "Homepage - Landing" (vincegx) sets its
 * text in Poppins and Inter Tight. The preview asks Google Fonts for exactly those families (Chromium's requests are
 * answered from the @fontsource packages: no network in tests) and its text is drawn in them; with Google Fonts
 * unreachable, the page still shows, in the metric-matched fallback faces. Screenshots in
 * test-artifacts/preview-fonts/.
 */
import { join } from "node:path";
import type { Frame } from "playwright-core";
import { describe, expect, it } from "vitest";
import { fixtureImages } from "./figma-sim/node.js";
import { serveGoogleFonts } from "./helpers/google-fonts.js";
import { panelScreenshot, ROOT, withPluginPage } from "./harness/plugin-page.js";
import { runBrowser, useBrowser, usePageContext } from "./helpers/browser.js";

const ARTIFACTS = join(ROOT, "test-artifacts", "preview-fonts");
const FIXTURE = "vincegx-homepage-landing.nodes.json";
const FRAME = "268:3339";

interface PreviewFonts {
  /** Families of the faces the preview's page has loaded. */
  loaded: string[];
  /** `family weight` of each loaded face. */
  faces: string[];
  /** `font-family` of the page's first paragraph. */
  paragraph: string;
}

/** Generates the frame's code and reads the fonts of the preview (once its page, fonts included, has loaded). */
async function previewFonts(ui: Frame): Promise<PreviewFonts> {
  await ui.getByRole("button", { name: "Generate", exact: true }).click();
  await ui.locator(".result-source").waitFor({ timeout: 90_000 });
  await ui.getByRole("tab", { name: "Preview" }).click();
  const iframe = await ui.waitForSelector("iframe.preview__frame[data-loaded]", { timeout: 60_000 });
  const preview = (await iframe.contentFrame())!;
  // Its page runs no script of its own; Playwright reads it from outside.
  return preview.evaluate<PreviewFonts>(
    `(async () => {
    await document.fonts.ready;
    const family = (selector) => { const el = document.querySelector(selector); return el ? ` +
      `getComputedStyle(el).fontFamily : ""; };
    return {
      loaded: [...new Set([...document.fonts].filter((f) => f.status === "loaded").map((f) => ` +
      `f.family.replace(/^"|"$/g, "")))].sort(),
      faces: [...document.fonts].filter((f) => f.status === "loaded").map((f) => f.family.replace(/^"|"$/g, "") + " ` +
      `" + f.weight),
      paragraph: family("p"),
    };
  })()`,
  );
}

describe.runIf(runBrowser)("the Code panel's preview loads the design's fonts", { timeout: 180_000 }, () => {
  const browser = useBrowser();
  // Plugin pages reused between tests (no init scripts, routes or listeners of their own): one renderer, not one per
  // test.
  const pages = usePageContext(browser);

  it("asks Google Fonts for the families the frame uses and draws its text in them", async () => {
    const requested: string[] = [];
    const fonts = await withPluginPage(
      pages,
      {
        fixture: FIXTURE,
        select: [FRAME],
        images: fixtureImages(FIXTURE),
        serve: (url: URL) => {
          if (url.hostname === "fonts.googleapis.com") requested.push(url.searchParams.getAll("family").join("|"));
          return serveGoogleFonts(url);
        },
      },
      async ({ page, ui }) => {
        const found = await previewFonts(ui);
        await panelScreenshot(page, ARTIFACTS, "1-with-fonts");
        return found;
      },
    );
    // Stylesheets naming only the two families, with the weights the frame uses — asked by the preview and by the
    // score's offscreen measuring page (requests a test answers are not cached) — and no other family or weight. The
    // faces may come in one request or in one per family (on a busy machine the panel asks for each face on its own,
    // and that request may come first), so the union of the requests is compared, not their order or count.
    const families = [...new Set(requested.flatMap((r) => r.split("|").map((f) => f.split(":")[0])))].sort();
    expect(families, JSON.stringify(requested)).toEqual(["Inter Tight", "Poppins"]);
    const faces = (request: string): string[] =>
      request.split("|").flatMap((f) =>
        f
          .split(":wght@")[1]!
          .split(";")
          .map((w) => `${f.split(":")[0]} ${w}`),
      );
    expect(new Set(requested.flatMap(faces)), JSON.stringify(requested)).toEqual(
      new Set(["Inter Tight 600", "Poppins 400", "Poppins 600"]),
    );
    expect(fonts.loaded).toEqual(expect.arrayContaining(["Poppins", "Inter Tight"]));
    // The text is set in a loaded face, the design's, before its fallback.
    const first = fonts.paragraph.split(",")[0]!.replace(/"/g, "");
    expect(["Poppins", "Inter Tight"]).toContain(first);
    expect(fonts.loaded).toContain(first);
  });

  it("without Google Fonts the page still shows, its stacks falling back on the metric-matched faces", async () => {
    const fonts = await withPluginPage(
      pages,
      { fixture: FIXTURE, select: [FRAME], images: fixtureImages(FIXTURE) },
      async ({ page, ui }) => {
        const found = await previewFonts(ui);
        await panelScreenshot(page, ARTIFACTS, "2-fonts-unreachable");
        return found;
      },
    );
    expect(fonts.loaded).not.toContain("Poppins");
    expect(fonts.loaded).not.toContain("Inter Tight");
    expect(fonts.paragraph).toMatch(/"(Poppins|Inter Tight) Fallback"/);
    // The 550 heading takes the fallback's bold face (a lone regular face is not emboldened below 600).
    expect(fonts.faces).toContain("Poppins Fallback 501 1000");
  });
});
