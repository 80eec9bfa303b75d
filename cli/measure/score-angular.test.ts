/**
 * Angular and React of the same frame score alike (issue 54): the Angular page is the components Angular's own
 * compiler (ngtsc, strict templates) made (angular-compile.ts, codegen/preview/angular-preview.ts), rendered in
 * Chromium as the CLI's score renders it; ngtsc reports 0 errors on each frame's files. On fixture frames with
 * component files (repeated, nested, used once, inside boxes that scale) and one without: IoU×matched and the text a
 * reader sees at 390, 768, the design width and 1920 within 0.02 of React's; the Angular files no more than 1.3×
 * React's lines; no inline style. The bench's `frameworks` section does the same over every fixture and real frame.
 */
import { describe, expect, it } from "vitest";
import { scoreCode } from "./score.js";
import { compileAngular } from "./angular-compile.js";
import type { SourceFile } from "../../codegen/types.js";
import { codeLines, iouGap, scoreGap } from "./frameworks.js";
import { runBrowser, useBrowser, usePageContext } from "../../test/helpers/browser.js";
import { frameCode } from "../../test/helpers/frame-code.js";

/** [fixture file, frame id, what it holds]. */
const FRAMES = [
  ["figmagic-design-system.file.json", "3022:700", "nested instances (DemoForm → Form, Button, …), tokens"],
  ["vincegx-home-slideshow.nodes.json", "124:21142", "a component repeated 4 times, nested 3 deep, text props"],
  ["figmasharp-bundler-dialog.file.json", "25:0", "components inside boxes that scale as a unit"],
  ["figma-differ-selfie.nodes.json", "33459:3746", "seven components, SVG icons inside them"],
  ["figmasharp-login.file.json", "101:3", "no components (control)"],
] as const;

describe.runIf(runBrowser)("Angular and React of the same frame score alike", { timeout: 900_000 }, () => {
  const browser = useBrowser();
  const pages = usePageContext(browser);

  it(`within 0.02 at every width, ≤ 1.3× React's lines, no inline style (${FRAMES.length} frames)`, async () => {
    for (const [file, id, what] of FRAMES) {
      const react = await frameCode(file, id, "react");
      const angular = await frameCode(file, id, "angular");
      const label = `${file} ${id} (${what})`;
      // Angular's compiler in strict mode (strictTemplates) takes every file as it is.
      expect((await compileAngular(angular.files)).problems, label).toEqual([]);
      const reactScore = await scoreCode(pages, { ...react, target: "react" });
      const angularScore = await scoreCode(pages, { ...angular, target: "angular" });
      console.log(
        `${label}: react ${reactScore.iouMatched.toFixed(3)} angular ${angularScore.iouMatched.toFixed(3)} ` +
          `reader gap ${scoreGap(reactScore, angularScore).toFixed(3)} ` +
          `iou gap ${iouGap(reactScore, angularScore).toFixed(3)} ` +
          `lines ${codeLines(angular.files)}/${codeLines(react.files)}`,
      );
      expect(angularScore.matched, label).toBeGreaterThan(0.5);
      expect(scoreGap(reactScore, angularScore), label).toBeLessThanOrEqual(0.02);
      expect(codeLines(angular.files) / codeLines(react.files), label).toBeLessThanOrEqual(1.3);
      // Inline styles: no `[style]` binding; an SVG's drawing keeps its `style` attributes, as React's does.
      const styles = (files: SourceFile[], attr: RegExp): number =>
        files.reduce((n, f) => n + (f.bytes ? 0 : (f.content.match(attr) ?? []).length), 0);
      expect(styles(angular.files, /\[style[.\]]/g), label).toBe(0);
      expect(styles(angular.files, /\sstyle="/g), label).toBeLessThanOrEqual(styles(react.files, /\sstyle=\{/g));
    }
  });

  it("Tailwind too: the login frame's classes compiled from the templates, within 0.02 of React's", async () => {
    const [file, id] = FRAMES[4];
    const react = await frameCode(file, id, "react", "tailwind");
    const angular = await frameCode(file, id, "angular", "tailwind");
    expect(angular.files.find((f) => f.path.endsWith(".html"))!.content).toMatch(/class="[^"]*\bflex\b/);
    const reactScore = await scoreCode(pages, { ...react, target: "react" });
    const angularScore = await scoreCode(pages, { ...angular, target: "angular" });
    expect(angularScore.matched).toBeGreaterThan(0.5);
    expect(scoreGap(reactScore, angularScore)).toBeLessThanOrEqual(0.02);
  });
});
