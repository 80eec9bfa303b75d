/**
 * Issue 37 on the TnT website's desktop pages (1440 wide, an absolute root with the designer's auto layout frames in
 * it), below the design width: the text a reader sees at 390 and 768, and no sideways scroll. Before, at 390: About
 * 9 %, Frame 116 11 %, Book 29 %, Frame 39 31 % and 789 px sideways, Past trips 37 % with five overlapping pairs.
 * What lost it, and the rules (codegen/layout/reflow.ts, roles.ts; codegen/emit/responsive.ts):
 * - the designer's frames never got narrower than drawn: a column that hugs a 1193-px paragraph, a card that hugs a
 *   671-px title, a form 1308 px wide in the root's flow — each clipped by the screen. Below the design width the
 *   designer's boxes are never wider than their container (FlexLayout.fitBelow), a hugging one in an inferred flow
 *   never wider than the flow less its indent;
 * - rows that never wrap (three figures 118 px apart, a Back and a Next button 900 px apart): they wrap;
 * - boxes drawn as tall as their content (a 1141-px form centring its content) cut or spilled it: they grow;
 * - a drop zone drawn as an icon with 517 px of padding either side: wide padding gives way first;
 * - a copy of the nav drawn under the header's opaque band, uncovered when the band hides or the bar moves: a layer
 *   the drawing covers is hidden below the design width.
 */
import { describe, expect, it } from "vitest";
import type { RestNode } from "../codegen/fidelity/design-nodes.js";
import { generateCode, loadDesign, type CodeOptions } from "../codegen/index.js";
import { scoreCode } from "../cli/measure/score.js";
import { runBrowser, useBrowser, usePageContext } from "./helpers/browser.js";
import { serveGoogleFonts } from "./helpers/google-fonts.js";
import { realFiles, topLevelFrames } from "./helpers/real-files.js";

const FILE = "tnt-website.file.json";
const PAGES = [
  { id: "111:121", name: "About" },
  { id: "86:45", name: "Past trips" },
  { id: "228:105", name: "Frame 39" },
  { id: "67:73", name: "Book" },
];

describe.runIf(runBrowser)("the TnT website's desktop pages on a phone and a tablet", () => {
  const browser = useBrowser();
  const pages = usePageContext(browser);
  const real = realFiles().find((f) => f.name === FILE)!;

  const measure = async (id: string, options: CodeOptions) => {
    const frame = topLevelFrames(real).find((f) => f.id === id)!;
    const code = await generateCode(loadDesign(real.json, [id]).document, options);
    return scoreCode(pages, {
      frame: frame.node as unknown as RestNode,
      files: code.files,
      target: options.target,
      page: { serve: serveGoogleFonts },
      widths: [0, 390, 768],
    });
  };

  for (const page of PAGES) {
    it(`${page.name} (${page.id}): all its text visible at ` +
      `390 and 768, no sideways scroll, as drawn at 1440`, async () => {
      const score = await measure(page.id, { target: "html", styling: "css-modules", nodeIds: true });
      expect(score.iouMatched).toBeGreaterThanOrEqual(0.97);
      for (const w of score.widths.filter((w) => w.width === 390 || w.width === 768)) {
        expect(w.textVisible, `${w.width}: ${JSON.stringify(w.hiddenTexts.slice(0, 3))}`).toBeGreaterThanOrEqual(0.99);
        expect(w.overflowPx, `${w.width}`).toBe(0);
      }
    }, 60_000);
  }

  it("React as HTML (About at 390)", async () => {
    const score = await measure("111:121", { target: "react", styling: "css-modules", nodeIds: true });
    expect(score.widths.find((w) => w.width === 390)!.textVisible).toBeGreaterThanOrEqual(0.99);
  }, 60_000);
});
