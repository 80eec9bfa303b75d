/**
 * Angular's prototype on real browser history (issue 52): the downloadable project's own src/main.ts and
 * app.config.ts (provideRouter with the design's withViewTransitions, src/app/transitions.ts; no location in memory,
 * as the preview has), compiled by ngtsc and run with Angular's packages (the runtime the preview bundles, linked),
 * at http://figment.test/ behind <base href="/">. Home → Page slides in; the browser's own back (page.goBack()) and
 * Page's BACK link each go one screen back, to `/`, playing the slide's reverse, and leave Page forward in history.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { withPage } from "../../../cli/measure/browser.js";
import { compileAngular } from "../../../cli/measure/angular-compile.js";
import { bundledText, previewRuntimeScript } from "../../../cli/measure/result-page.js";
import { ANGULAR_BUILTINS } from "../../preview/angular-preview.js";
import { buildReactPreview } from "../../preview/react-preview.js";
import { angularProjectFiles, angularStyles } from "../../scaffold/angular-project.js";
import { loadDesign, type CodeOptions } from "../../index.js";
import { BACK_FILE } from "../../prototype/motion-design.js";
import { runBrowser, useBrowser } from "../../../test/helpers/browser.js";
import { installMotionProbe, waitPlayed } from "../../../test/helpers/motion-probe.js";
import { cachedGenerateCode } from "../../../test/helpers/run-cache.js";

const ROOT_MODULE = "src/figment-root.ts";
const TEST_MAIN = "src/figment-history-main.ts";

interface LocationLike {
  location: { pathname: string };
  history: { length: number };
}
const where = (page: Page) =>
  page.evaluate(() => {
    const g = globalThis as unknown as LocationLike;
    return { path: g.location.pathname, length: g.history.length };
  });

/** The project as `ng build` would run it: its main after the global styles angular.json lists, on #root's app-root. */
async function projectPage(): Promise<{ path: string; content: string }> {
  const options: CodeOptions = { target: "angular", styling: "css-modules", nodeIds: true };
  const code = await cachedGenerateCode(loadDesign(BACK_FILE, []).document, options);
  const project = angularProjectFiles(code.files, { target: "angular", styling: "css-modules", name: "Back" });
  expect(project.find((f) => f.path === "src/app/app.config.ts")?.content).toContain(
    "provideRouter(routes, viewTransitions)",
  );
  expect(project.find((f) => f.path === "src/index.html")?.content).toContain('<base href="/" />');
  const compiled = await compileAngular(project);
  expect(compiled.problems.filter((p) => p.severity === "error")).toEqual([]);
  const styles = angularStyles(project, false).filter((s) => s.startsWith("src/"));
  expect(styles).toContain("src/transitions.css");
  const main = [
    ...styles.map((s) => `import "./${s.slice("src/".length)}";`),
    'import "./figment-root";',
    'import "./main";',
    "",
  ].join("\n");
  const kept = project.filter((f) => f.bytes || /\.css$/.test(f.path));
  const preview = buildReactPreview(
    [
      ...kept,
      ...compiled.files,
      { path: ROOT_MODULE, content: 'document.getElementById("root")!.append(document.createElement("app-root"));' },
      { path: TEST_MAIN, content: main },
    ],
    `${await bundledText("angular-runtime.js", "Angular's runtime")}\n${await previewRuntimeScript()}`,
    { builtins: ANGULAR_BUILTINS, main: TEST_MAIN },
  );
  expect(preview.problems.filter((p) => p.severity === "error")).toEqual([]);
  // The project's index.html has <base href="/">: the router's path location needs it.
  return { path: "index.html", content: preview.html.replace(/<head>/i, '<head><base href="/">') };
}

/** The slide in's reverse played and Home is back at `/`, Page gone. */
async function cameBackHome(page: Page): Promise<void> {
  const back = await waitPlayed(page);
  expect(back?.transition).toBe("slide-in-left-300ms-back");
  const names = back!.animations.map((a) => `${a.pseudo} ${a.name}`);
  expect(names).toContain("::view-transition-old(root) figment-leave-right");
  await page.locator('[data-node-id="7:1"]').first().waitFor();
  expect(await page.locator('[data-node-id="8:1"]').count()).toBe(0);
  expect((await where(page)).path).toBe("/");
}

async function goToPage(page: Page): Promise<number> {
  await page.locator('[data-node-id="7:1"]').first().waitFor();
  const before = await where(page);
  expect(before.path).toBe("/");
  await page.locator('[data-node-id="7:2"]').click();
  expect((await waitPlayed(page))?.transition).toBe("slide-in-left-300ms");
  await page.locator('[data-node-id="8:1"]').first().waitFor();
  // A real history entry: the URL is Page's, one entry more.
  expect(await where(page)).toEqual({ path: "/page", length: before.length + 1 });
  await page.waitForFunction(
    () =>
      !(globalThis as unknown as { document: { documentElement: { dataset: Record<string, string> } } }).document
        .documentElement.dataset["transition"],
  );
  return before.length + 1;
}

describe.runIf(runBrowser)("Angular's prototype on the browser's history", () => {
  const browser = useBrowser();
  const viewport = { width: 400, height: 600 };

  for (const how of ["the browser's back", "the BACK link"] as const)
    it(`${how} goes one screen back with the router's reverse transition; Page stays forward`, {
      timeout: 120_000,
    }, async () => {
      const file = await projectPage();
      await withPage(
        browser,
        [file],
        "",
        viewport,
        async (page) => {
          const length = await goToPage(page);
          if (how === "the BACK link") await page.locator('[data-node-id="8:2"]').click();
          else await page.goBack();
          await cameBackHome(page);
          // Back, not a new entry: the history keeps its length and Page is forward.
          expect((await where(page)).length).toBe(length);
          await page.goForward();
          await page.locator('[data-node-id="8:1"]').first().waitFor();
          expect((await where(page)).path).toBe("/page");
        },
        { beforeGoto: installMotionProbe },
      );
    });
});
