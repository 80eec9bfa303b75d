/**
 * Issue 69 on real frames, in Chromium: below the design width a backdrop stays behind the texts drawn on it, so a
 * reader still sees every text the design shows — template-microsite's footer band (white links on a picture) and
 * the corpus's sb-agency hero (its menu, heading and button on a photo bleeding past the frame's sides), with their
 * images (a dark photo stand-in where the JSON carries none), measured by the product's score at 390, 768 and 1920.
 * Each of these lost texts before: 4 and 10 illegible, white on white.
 */
import { describe, expect, it } from "vitest";
import { runBrowser, useBrowser, usePageContext } from "./helpers/browser.js";
import { layoutPages } from "./helpers/layout-pages.js";
import { measureReader } from "./helpers/reader-widths.js";

const PAGES = ["template-microsite.nodes.json#3988:10182", "corpus/sb-agency"];

describe.runIf(runBrowser)("backdrops stay behind their texts at 390, 768 and 1920 (issue 69)", () => {
  const browser = useBrowser();
  const context = usePageContext(browser);
  const pages = layoutPages().filter((p) => PAGES.includes(p.key));

  it("finds the pages", () => expect(pages.map((p) => p.key).sort()).toEqual([...PAGES].sort()));

  for (const key of PAGES)
    it(`${key}: no text seen at the design width is covered or illegible at another width`, async () => {
      const page = pages.find((p) => p.key === key)!;
      const row = await measureReader(context, page, "photos");
      expect(row.texts).toBeGreaterThan(5);
      expect(row.lost.map((l) => `${l.width}: ${l.name} ${l.class} (${l.detail ?? ""})`)).toEqual([]);
      for (const width of [390, 768]) expect(row.seen[width]).toBeGreaterThanOrEqual(0.98);
    });
});
