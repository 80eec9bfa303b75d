/**
 * Issue 38 in Chromium: the text a reader sees of the written code (formatted by prettier, rendered as the panel
 * renders it: the HTML page, the React preview) is the design's characters, and each style run covers the characters
 * the design styles — after an emoji, a ZWJ sequence and a CJK surrogate pair too. A component's text prop that breaks
 * lines shows its lines at the design width and below it. HTML, React + CSS modules, React + Tailwind.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { withPage } from "../../cli/measure/browser.js";
import { resultPage } from "../../cli/measure/result-page.js";
import { runBrowser, useBrowser } from "../../test/helpers/browser.js";
import { SAMPLE_PROP_IDS, SAMPLE_PROP_LINES, SAMPLE_TEXTS, textSampleDesign } from "../../test/helpers/text-sample.js";
import { generateCode, type CodeOptions } from "../index.js";

const TARGETS: [string, CodeOptions][] = [
  ["HTML", { target: "html", styling: "css-modules", nodeIds: true }],
  ["React + CSS modules", { target: "react", styling: "css-modules", nodeIds: true }],
  ["React + Tailwind", { target: "react", styling: "tailwind", nodeIds: true }],
];

/** What a reader gets of a layer: its text, and the characters drawn bold and underlined. */
interface Seen {
  text: string;
  bold: string;
  underline: string;
}

/** What evaluated functions use of the page (the project compiles without the DOM lib). */
interface El {
  innerText: string;
  parentElement: El | null;
}
interface TextNode {
  data: string;
  parentElement: El | null;
}
interface Doc {
  document: {
    querySelector(s: string): El | null;
    createTreeWalker(root: El, what: number): { nextNode(): TextNode | null };
  };
  getComputedStyle(el: El): { fontWeight: string; textDecorationLine: string };
}

function seen(page: Page, ids: string[]): Promise<Record<string, Seen | undefined>> {
  return page.evaluate((list) => {
    const g = globalThis as unknown as Doc;
    const out: Record<string, Seen | undefined> = {};
    for (const id of list) {
      const el = g.document.querySelector(`[data-node-id="${id}"]`);
      if (!el) continue;
      let bold = "";
      let underline = "";
      const walker = g.document.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        // text-decoration is not inherited: it is drawn from the element that sets it, an ancestor up to the layer.
        let underlined = false;
        for (let at = node.parentElement; at; at = at === el ? null : at.parentElement)
          underlined ||= g.getComputedStyle(at).textDecorationLine.includes("underline");
        const chars = node.data.replace(/\s+/g, " ");
        if (node.parentElement && Number(g.getComputedStyle(node.parentElement).fontWeight) >= 700) bold += chars;
        if (underlined) underline += chars;
      }
      out[id] = { text: el.innerText.replace(/\u00a0/g, " "), bold: bold.trim(), underline: underline.trim() };
    }
    return out;
  }, ids);
}

describe.skipIf(!runBrowser)("a text as Figma draws it, in Chromium", () => {
  const browser = useBrowser();

  it.each(TARGETS)(
    "%s: the reader gets the design's characters, each run over the characters the design styles",
    async (_, options) => {
      const code = await generateCode(textSampleDesign(), options);
      const { files, entry } = await resultPage(code.files, options.target);
      const expected = Object.fromEntries(
        SAMPLE_TEXTS.map((t) => [t.id, { text: t.chars, bold: t.bold ?? "", underline: t.underline ?? "" }]),
      );
      const props = Object.fromEntries(SAMPLE_PROP_IDS.map((id, i) => [id, i === 0 ? SAMPLE_PROP_LINES : "Contact"]));
      for (const width of [800, 360]) {
        await withPage(browser, files, entry, { width, height: 900 }, async (page) => {
          await page.waitForSelector(`[data-node-id="${SAMPLE_TEXTS[0]!.id}"]`);
          const got = await seen(page, [...SAMPLE_TEXTS.map((t) => t.id), ...SAMPLE_PROP_IDS]);
          expect({ width, texts: Object.fromEntries(SAMPLE_TEXTS.map((t) => [t.id, got[t.id]])) }).toEqual({
            width,
            texts: expected,
          });
          expect({ width, props: Object.fromEntries(SAMPLE_PROP_IDS.map((id) => [id, got[id]?.text])) }).toEqual({
            width,
            props,
          });
        });
      }
    },
  );
});
