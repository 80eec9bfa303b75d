/**
 * A large heading's longest word fits a phone whole (codegen/layout/sizing.ts wordFit): on every real frame whose
 * HTML lowers a heading's phone size for its longest word (`calc((100vw - 32px) * fit)`), no word of 32 px or more
 * is broken across two lines at 320 and 390 px nor wider than its line, and a word of such a heading takes at most
 * 95 % of its line, in Chromium, with the design's Google Fonts and with the faces a page falls back to without
 * them. The room is for a face drawn wider: Psykolog Jenny's "Psykolog" took 99 % of a 390-px phone's line here, and
 * with hinted advances (Chromium's default on Linux) broke as "Psykolo / g".
 */
import { describe, expect, it } from "vitest";
import { withPage } from "../../cli/measure/browser.js";
import { settleLayout } from "../../cli/measure/score.js";
import { realDocuments } from "../../test/helpers/axe-suite.js";
import { runBrowser, useBrowser, usePageContext } from "../../test/helpers/browser.js";
import { serveGoogleFonts } from "../../test/helpers/google-fonts.js";
import { generateCode } from "../index.js";

const FIT = /calc\(\(100vw - 32px\) \* [\d.]+\)/;
const WIDTHS = [320, 390];
/** The design's Google Fonts served (as online), or refused (offline, or a font the user has not added): fallbacks. */
const FONTS = ["google", "fallback"] as const;
/** A word takes at most this share of its line's room: the rest for a face drawn wider (hinted advances). */
const ROOM = 0.95;

/**
 * In the page: each word of 32 px text or more that its lines split or that overflows the content width of the box
 * it flows in, and each word of a heading the stylesheet fits to a phone (`fitted`'s rules) that takes more than
 * `room` of it; with the element's text.
 */
function crampedWords(room: number): string[] {
  type Range = {
    setStart(n: unknown, o: number): void;
    setEnd(n: unknown, o: number): void;
    getClientRects(): { length: number };
    getBoundingClientRect(): { width: number };
  };
  type Style = { fontSize: string; paddingLeft: string; paddingRight: string; display: string };
  type El = { clientWidth: number; parentElement: El | null; closest(selector: string): El | null };
  type Text = { textContent: string; parentElement: El | null };
  type Rule = { selectorText?: string; style?: { fontSize: string }; cssRules?: Rule[] };
  const g = globalThis as unknown as {
    document: {
      createTreeWalker(root: unknown, what: number): { nextNode(): Text | null };
      body: unknown;
      styleSheets: { cssRules: Rule[] }[];
    };
    getComputedStyle(el: El): Style;
  };
  const doc = g.document as unknown as { createRange(): Range };
  // The rules (in @media blocks too) whose font size fits a heading's longest word to the screen.
  const fitted: string[] = [];
  const visit = (rules: readonly Rule[]): void => {
    for (const rule of rules) {
      if (rule.selectorText && rule.style?.fontSize.includes("100vw - 32px")) fitted.push(rule.selectorText);
      if (rule.cssRules) visit([...rule.cssRules]);
    }
  };
  for (const sheet of [...g.document.styleSheets]) {
    try {
      visit([...sheet.cssRules]);
    } catch {
      // Another origin's stylesheet (Google Fonts): its rules are not the page's to read, nor ours.
    }
  }
  const found: string[] = [];
  const walker = g.document.createTreeWalker(g.document.body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || Number.parseFloat(g.getComputedStyle(el).fontSize) < 32) continue;
    // An inline element's room is its block ancestor's.
    let block = el;
    while (block.parentElement && /^(inline|contents)/.test(g.getComputedStyle(block).display))
      block = block.parentElement;
    // A screen-reader-only heading (1 px, clipped): nothing is drawn.
    if (block.clientWidth <= 1) continue;
    const pad = g.getComputedStyle(block);
    const width = block.clientWidth - Number.parseFloat(pad.paddingLeft) - Number.parseFloat(pad.paddingRight);
    const share = fitted.some((selector) => el.closest(selector)) ? room : 1;
    for (const match of node.textContent.matchAll(/\S+/g)) {
      const range = doc.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const word = `"${match[0]}" in "${node.textContent.trim()}"`;
      const wide = range.getBoundingClientRect().width;
      if (range.getClientRects().length > 1) found.push(`${word} broken across lines`);
      else if (wide > share * width + 0.5) found.push(`${word}: ${Math.round(wide)} of ${Math.round(width)} px`);
    }
  }
  return found;
}

describe.runIf(runBrowser)("a heading's longest word on a phone", { timeout: 600_000 }, () => {
  const browser = useBrowser();
  const pages = usePageContext(browser);

  it("is never broken, and leaves room for a wider face, on the real frames that lower a heading for it", async () => {
    const found: string[] = [];
    const checked: string[] = [];
    for (const { label, document } of realDocuments()) {
      const code = await generateCode(document, { target: "html", styling: "css-modules", nodeIds: false });
      if (!code.files.some((f) => f.path.endsWith(".css") && FIT.test(f.content))) continue;
      checked.push(label);
      for (const width of WIDTHS)
        for (const fonts of FONTS) {
          const words = await withPage(
            pages,
            code.files,
            "index.html",
            { width, height: 900 },
            async (page) => {
              await settleLayout(page);
              return page.evaluate(crampedWords, ROOM);
            },
            fonts === "google" ? { serve: serveGoogleFonts } : {},
          );
          found.push(...words.map((w) => `${label} at ${width} (${fonts}): ${w}`));
        }
    }
    expect(checked.some((label) => label.startsWith("psykolog-jenny.file.json 6:0 "))).toBe(true);
    expect(found).toEqual([]);
  });
});
