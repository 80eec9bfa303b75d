/**
 * withPage in a shared context (cli/measure/browser.ts PageHost, test/helpers/browser.ts usePageContext) renders as in
 * a fresh context: each call sees only its own files at the same URLs (no cached stylesheet, script or font of an
 * earlier call on the same page), its own viewport and its own fonts policy.
 */
import { describe, expect, it } from "vitest";
import { withPage } from "../cli/measure/browser.js";
import type { SourceFile } from "../codegen/types.js";
import { runBrowser, useBrowser, usePageContext } from "./helpers/browser.js";
import { serveGoogleFonts } from "./helpers/google-fonts.js";

const FONT_LINK =
  '<link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Poppins:wght@400&display=block">';

/** A page whose color, script and font come from files at the same URLs every time. */
const site = (color: string, mark: string): SourceFile[] => [
  {
    path: "index.html",
    content:
      `<!doctype html><html><head>${FONT_LINK}<link rel="stylesheet" href="styles.css"><script ` +
      `src="app.js"></script></head><body><p id="t">Text</p></body></html>`,
  },
  { path: "styles.css", content: `#t { color: ${color}; font-family: Poppins, monospace; }` },
  { path: "app.js", content: `window.mark = ${JSON.stringify(mark)};` },
];

interface Seen {
  color: string;
  mark: string;
  width: number;
  poppins: boolean;
}

const look = (page: import("playwright-core").Page): Promise<Seen> =>
  page.evaluate(`({
    color: getComputedStyle(document.getElementById("t")).color,
    mark: window.mark,
    width: innerWidth,
    poppins: [...document.fonts].some((f) => f.family.replace(/"/g, "") === "Poppins" && f.status === "loaded"),
  })`) as Promise<Seen>;

describe.runIf(runBrowser)("withPage in a shared context", () => {
  const browser = useBrowser();
  const pages = usePageContext(browser);

  it("each page sees its own files, viewport and fonts, as a page in a fresh context does", async () => {
    const first = await withPage(
      pages,
      site("rgb(255, 0, 0)", "one"),
      "index.html",
      { width: 400, height: 300 },
      look,
      { serve: serveGoogleFonts },
    );
    const second = await withPage(
      pages,
      site("rgb(0, 0, 255)", "two"),
      "index.html",
      { width: 700, height: 300 },
      look,
    );
    const fresh = await withPage(
      browser,
      site("rgb(0, 0, 255)", "two"),
      "index.html",
      { width: 700, height: 300 },
      look,
    );
    expect(first).toEqual({ color: "rgb(255, 0, 0)", mark: "one", width: 400, poppins: true });
    // Same URLs, other bytes, fonts refused: nothing of the first page comes back.
    expect(second).toEqual({ color: "rgb(0, 0, 255)", mark: "two", width: 700, poppins: false });
    expect(second).toEqual(fresh);
    // One page served both calls: the second was a new document of the same page.
    expect(pages.pages()).toHaveLength(1);
    // Init scripts stay with a page: a call that adds them gets a page of its own, closed after it.
    const linked = await withPage(
      pages,
      site("rgb(0, 128, 0)", "three"),
      "index.html",
      { width: 500, height: 300 },
      look,
      { stylesheets: ["extra.css"] },
    );
    expect(linked).toMatchObject({ color: "rgb(0, 128, 0)", mark: "three", width: 500 });
    expect(pages.pages()).toHaveLength(1);
    // A call that fails leaves no page behind to be reused.
    await expect(
      withPage(pages, site("red", "four"), "index.html", { width: 500, height: 300 }, () =>
        Promise.reject(new Error("boom")),
      ),
    ).rejects.toThrow("boom");
    expect(pages.pages()).toHaveLength(0);
  });
});
