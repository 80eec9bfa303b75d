/**
 * Tailwind output is scored as it is built (issue 36): the React preview compiles it with Tailwind's own compiler, so
 * a frame's Tailwind code and its CSS-modules code — the same layout in two stylings — score alike (IoU × matched
 * and text visible at each width within 0.02), where the unstyled Tailwind classes once scored 0–3 %. The frames:
 * Selfie and Log-In (absolute layouts, tokens, images), and two that Tailwind's preflight would move unless the
 * emitter says what it changes (figmagic's Easings: Figma's auto line height; grida's stroke frame: four classes).
 */
import { describe, expect, it } from "vitest";
import type { RestNode } from "../codegen/fidelity/design-nodes.js";
import type { FidelityScore } from "../codegen/fidelity/types.js";
import { loadDesign } from "../codegen/index.js";
import { scoreCode } from "../cli/measure/score.js";
import { runBrowser, useBrowser, usePageContext } from "./helpers/browser.js";
import { readFixture } from "./helpers/fixtures.js";
import { cachedGenerateCode } from "./helpers/run-cache.js";

const FRAMES = [
  { fixture: "figma-differ-selfie.nodes.json", id: "33459:3746", name: "Selfie" },
  { fixture: "figmasharp-login.file.json", id: "101:3", name: "Log-In" },
  { fixture: "figmagic-design-system.file.json", id: "3214:739", name: "Easings" },
  { fixture: "grida-stroke.file.json", id: "1:2", name: "outside-rect-vector" },
];

const TOLERANCE = 0.02;

describe.runIf(runBrowser)("Tailwind and CSS modules score alike", () => {
  const browser = useBrowser();
  const pages = usePageContext(browser);

  for (const { fixture, id, name } of FRAMES) {
    it(`${name} (${id})`, async () => {
      const design = loadDesign(readFixture(fixture), [id]);
      const frame = design.roots[0] as unknown as RestNode;
      const score = async (styling: "css-modules" | "tailwind"): Promise<FidelityScore> => {
        const code = await cachedGenerateCode(design.document, { target: "react", styling, nodeIds: true });
        return scoreCode(pages, { frame, files: code.files, target: "react" });
      };
      const modules = await score("css-modules");
      const tailwind = await score("tailwind");
      // A real result, not two empty pages.
      expect(modules.iouMatched).toBeGreaterThan(0.8);
      expect(
        Math.abs(tailwind.iouMatched - modules.iouMatched),
        `IoU × matched: Tailwind ${tailwind.iouMatched}, CSS modules ${modules.iouMatched}`,
      ).toBeLessThanOrEqual(TOLERANCE);
      expect(tailwind.widths.map((w) => w.width)).toEqual(modules.widths.map((w) => w.width));
      tailwind.widths.forEach((w, i) => {
        expect(
          Math.abs(w.textVisible - modules.widths[i]!.textVisible),
          `text visible at ${w.width}`,
        ).toBeLessThanOrEqual(TOLERANCE);
      });
    });
  }
});
