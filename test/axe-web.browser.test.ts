/**
 * Issue 72: axe-core clean in HTML and React (CSS modules, Tailwind) on every real frame (test/helpers/axe-suite.ts;
 * Vue, Svelte and Angular in axe-frameworks, React Native in axe-native). And the check itself: it finds what axe
 * finds (a skipped level, a page without an h1), and the design's contrast only when asked for.
 */
import { describe, expect, it } from "vitest";
import { withPage } from "../cli/measure/browser.js";
import { axeViolations, structural } from "./helpers/axe-check.js";
import { axeSuite } from "./helpers/axe-suite.js";
import { runBrowser, useBrowser, usePageContext } from "./helpers/browser.js";

const VIEWPORT = { width: 800, height: 600 };
const PAGE =
  '<!doctype html><html lang="en"><title>t</title><main><h2>A</h2><h4>B</h4>' +
  '<p style="color:#ccc;background:#fff">faint</p></main></html>';

describe.runIf(runBrowser)("the axe check", () => {
  const browser = useBrowser();
  const pages = usePageContext(browser);
  const check = (contrast: boolean) =>
    withPage(pages, [{ path: "index.html", content: PAGE }], "index.html", VIEWPORT, (page) =>
      axeViolations(page, { contrast }),
    );

  it("finds the structure's violations, and the design's contrast only when asked for", async () => {
    const all = await check(true);
    expect(all.map((v) => v.rule).sort()).toEqual(["color-contrast", "heading-order", "page-has-heading-one"]);
    expect(
      structural(all)
        .map((v) => v.rule)
        .sort(),
    ).toEqual(["heading-order", "page-has-heading-one"]);
    expect((await check(false)).map((v) => v.rule).sort()).toEqual(["heading-order", "page-has-heading-one"]);
  });
});

axeSuite(["html", "react-css-modules", "react-tailwind"]);
