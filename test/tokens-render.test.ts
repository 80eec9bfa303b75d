/**
 * Design tokens in headless Chromium: the login frame's HTML (through the panel's HTML preview) and its
 * React + CSS modules code (through the React preview) with the Light/Dark variables. The `:root` block
 * gives the light colours; `data-theme="dark"` on the page, or a dark colour scheme with no theme set,
 * switches every bound colour to the dark mode's value; `data-theme="light"` wins over a dark scheme.
 * Screenshots in test-artifacts/tokens/.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { emitFiles, loadDesign } from "../codegen/index.js";
import { buildSrcdoc, previewPages } from "../codegen/preview/html-page.js";
import { buildReactPreview } from "../codegen/preview/react-preview.js";
import { loginExtras, loginWithBindings } from "./helpers/token-fixtures.js";
import { previewRuntimeForTests } from "./helpers/preview-runtime.js";
import { REPO_ROOT } from "./helpers/fixtures.js";
import { runBrowser, useBrowser } from "./helpers/browser.js";

const ARTIFACTS = join(REPO_ROOT, "test-artifacts", "tokens");

const design = loadDesign(loginWithBindings(), [], loginExtras());

/** Computed colours of the button (brand fill), the field (surface), the password text and its placeholder. */
interface Colours {
  button: string;
  field: string;
  password: string;
  /** The password field's placeholder ("Password"), what the field shows: the text's colour, in every mode. */
  placeholder: string;
  line: string;
}

type Doc = {
  querySelector(s: string): unknown;
  documentElement: { setAttribute(n: string, v: string): void; removeAttribute(n: string): void };
};
type Win = { getComputedStyle(e: unknown, pseudo?: string): Record<string, string>; document: Doc };

async function colours(page: Page, classes: Record<Exclude<keyof Colours, "placeholder">, string>): Promise<Colours> {
  return page.evaluate((cls) => {
    const w = globalThis as unknown as Win;
    const css = (selector: string, prop: string, pseudo?: string): string =>
      w.getComputedStyle(w.document.querySelector(selector), pseudo)[prop] ?? "";
    return {
      button: css(cls.button, "backgroundColor"),
      field: css(cls.field, "backgroundColor"),
      password: css(cls.password, "color"),
      placeholder: css(cls.password, "color", "::placeholder"),
      line: css(cls.line, "borderTopColor"),
    };
  }, classes);
}

async function setTheme(page: Page, theme: string | null): Promise<void> {
  await page.evaluate((t) => {
    const root = (globalThis as unknown as Win).document.documentElement;
    if (t === null) root.removeAttribute("data-theme");
    else root.setAttribute("data-theme", t);
  }, theme);
}

const LIGHT: Colours = {
  button: "rgb(255, 71, 58)",
  field: "rgb(255, 255, 255)",
  password: "rgb(0, 0, 0)",
  placeholder: "rgb(0, 0, 0)",
  line: "rgb(0, 0, 0)",
};
const DARK: Colours = {
  button: "rgb(255, 107, 97)",
  field: "rgb(28, 28, 30)",
  password: "rgb(242, 242, 247)",
  placeholder: "rgb(242, 242, 247)",
  line: "rgb(58, 58, 60)",
};

async function checkModes(
  page: Page,
  classes: Record<Exclude<keyof Colours, "placeholder">, string>,
  name: string,
): Promise<void> {
  await page.emulateMedia({ colorScheme: "light" });
  expect(await colours(page, classes)).toEqual(LIGHT);
  await page.screenshot({ path: join(ARTIFACTS, `${name}-light.png`) });
  await setTheme(page, "dark");
  expect(await colours(page, classes)).toEqual(DARK);
  await page.screenshot({ path: join(ARTIFACTS, `${name}-data-theme-dark.png`) });
  await setTheme(page, null);
  await page.emulateMedia({ colorScheme: "dark" });
  expect(await colours(page, classes)).toEqual(DARK);
  await setTheme(page, "light");
  expect(await colours(page, classes)).toEqual(LIGHT);
}

describe.skipIf(!runBrowser)("tokens in the browser", () => {
  const browser = useBrowser();
  beforeAll(() => {
    mkdirSync(ARTIFACTS, { recursive: true });
  });

  it('HTML preview: data-theme="dark" and a dark colour scheme switch the bound colours', async () => {
    const files = emitFiles(design.document, { target: "html", styling: "css-modules", nodeIds: false }).files;
    const srcdoc = buildSrcdoc({ page: previewPages(files)[0]!, files });
    const page = await browser.newPage({ viewport: { width: 420, height: 700 } });
    await page.setContent(srcdoc, { waitUntil: "load" });
    await checkModes(page, { button: ".rect", field: ".rect2", password: ".password", line: ".line" }, "html");
    await page.close();
  });

  it("React preview (CSS modules): tokens.css is loaded and the dark mode applies", async () => {
    const files = emitFiles(design.document, { target: "react", styling: "css-modules", nodeIds: false }).files;
    const preview = buildReactPreview(files, previewRuntimeForTests());
    expect(preview.problems.filter((p) => p.severity === "error")).toEqual([]);
    const page = await browser.newPage({ viewport: { width: 420, height: 700 } });
    await page.setContent(preview.html, { waitUntil: "load" });
    // CSS modules are scoped in the preview: find the elements by their module class prefix.
    await page.waitForSelector("main");
    const cls = (name: string): string => `[class*="${name}"]`;
    await checkModes(
      page,
      { button: `${cls("_rect_")}, ${cls("rect_")}`, field: cls("rect2"), password: cls("password"), line: "hr" },
      "react",
    );
    await page.close();
  });
});
