/**
 * Issue 37 on a page drawn without auto layout: Psykolog Jenny's MacBook Pro 2.2 (test/fixtures/real, SOURCES.md
 * there), a 1440-px therapist's page whose sections overlap as designers draw them — a 160-px watermark word with
 * its paragraph drawn over its foot and an icon beside them, a form drawn over a banner. Inference reads such
 * overlaps as layers; scaled as a unit on a phone they put 20-px text at 8 px (floored to 12, it overlapped and was
 * cut: 70 % of the text seen at 390, 87 % at 768). Layers with text a phone cannot hold stack there instead, their
 * pictures and small units kept as drawn (codegen/layout/apply.ts stacksOnPhones, fallback.ts keepsDrawing).
 */
import { describe, expect, it } from "vitest";
import type { RestNode } from "../codegen/fidelity/design-nodes.js";
import { generateCode, loadDesign, type CodeOptions } from "../codegen/index.js";
import { scoreCode } from "../cli/measure/score.js";
import { runBrowser, useBrowser, usePageContext } from "./helpers/browser.js";
import { serveGoogleFonts } from "./helpers/google-fonts.js";
import { realFiles, topLevelFrames } from "./helpers/real-files.js";

const HTML: CodeOptions = { target: "html", styling: "css-modules", nodeIds: true };
const REACT: CodeOptions = { target: "react", styling: "css-modules", nodeIds: true };

describe.runIf(runBrowser)("an absolute designer's page on a phone and a tablet", () => {
  const browser = useBrowser();
  const pages = usePageContext(browser);

  it("Psykolog Jenny's MacBook Pro 2.2: all its text seen " +
    "at 390 and 768, exact at 1440, in HTML and React", async () => {
    const real = realFiles().find((f) => f.name === "psykolog-jenny.file.json")!;
    const frame = topLevelFrames(real).find((f) => f.id === "35:34")!;
    for (const options of [HTML, REACT]) {
      const code = await generateCode(loadDesign(real.json, ["35:34"]).document, options);
      const s = await scoreCode(pages, {
        frame: frame.node as unknown as RestNode,
        files: code.files,
        target: options.target,
        page: { serve: serveGoogleFonts },
        widths: [0, 390, 768],
      });
      const at = (w: number) => s.widths.find((x) => x.width === w)!;
      expect(s.iouMatched, options.target).toBeGreaterThanOrEqual(0.97);
      for (const w of [390, 768]) {
        expect(
          at(w).textVisible,
          `${options.target} at ${w}: ${JSON.stringify(at(w).hiddenTexts)}`,
        ).toBeGreaterThanOrEqual(0.99);
        expect(at(w).overflow).toBe(false);
      }
    }
  }, 120000);
});
