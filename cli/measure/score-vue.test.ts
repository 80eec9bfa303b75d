/**
 * Vue and React of the same frame score alike (issue 54): the Vue page is the components Vue's own compiler made
 * (codegen/preview/vue-preview.ts), rendered in Chromium as the CLI's score renders it. On fixture frames with
 * component files (repeated, nested, used once, inside boxes that scale) and one without: IoU×matched and the text a
 * reader sees at 390, 768, the design width and 1920 within 0.02 of React's; the Vue files no more than 1.3× React's
 * lines; no inline style. The bench's `frameworks` section does the same over every fixture and real frame.
 */
import { describe, expect, it } from "vitest";
import { scoreCode } from "./score.js";
import { compileVueFiles } from "../../codegen/preview/vue-preview.js";
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

describe.runIf(runBrowser)("Vue and React of the same frame score alike", { timeout: 900_000 }, () => {
  const browser = useBrowser();
  const pages = usePageContext(browser);

  it(`within 0.02 at every width, ≤ 1.3× React's lines, no inline style (${FRAMES.length} frames)`, async () => {
    for (const [file, id, what] of FRAMES) {
      const react = await frameCode(file, id, "react");
      const vue = await frameCode(file, id, "vue");
      const label = `${file} ${id} (${what})`;
      // Vue's compiler takes every file as it is.
      expect(compileVueFiles(vue.files).problems, label).toEqual([]);
      const reactScore = await scoreCode(pages, { ...react, target: "react" });
      const vueScore = await scoreCode(pages, { ...vue, target: "vue" });
      console.log(
        `${label}: react ${reactScore.iouMatched.toFixed(3)} vue ${vueScore.iouMatched.toFixed(3)} ` +
          `reader gap ${scoreGap(reactScore, vueScore).toFixed(3)} ` +
          `iou gap ${iouGap(reactScore, vueScore).toFixed(3)} ` +
          `lines ${codeLines(vue.files)}/${codeLines(react.files)}`,
      );
      expect(vueScore.matched, label).toBeGreaterThan(0.5);
      expect(scoreGap(reactScore, vueScore), label).toBeLessThanOrEqual(0.02);
      expect(codeLines(vue.files) / codeLines(react.files), label).toBeLessThanOrEqual(1.3);
      // Inline styles: none of Vue's own (`:style`); an SVG's drawing keeps its `style` attributes, as React's does.
      const styles = (files: SourceFile[], attr: RegExp): number =>
        files.reduce((n, f) => n + (f.bytes ? 0 : (f.content.match(attr) ?? []).length), 0);
      expect(styles(vue.files, /:style=/g), label).toBe(0);
      expect(styles(vue.files, /\sstyle="/g), label).toBeLessThanOrEqual(styles(react.files, /\sstyle=\{/g));
    }
  });

  it("Tailwind too: the login frame's classes compiled from the templates, within 0.02 of React's", async () => {
    const [file, id] = FRAMES[4];
    const react = await frameCode(file, id, "react", "tailwind");
    const vue = await frameCode(file, id, "vue", "tailwind");
    expect(vue.files.find((f) => f.path.endsWith(".vue"))!.content).toMatch(/class="[^"]*\bflex\b/);
    const reactScore = await scoreCode(pages, { ...react, target: "react" });
    const vueScore = await scoreCode(pages, { ...vue, target: "vue" });
    expect(vueScore.matched).toBeGreaterThan(0.5);
    expect(scoreGap(reactScore, vueScore)).toBeLessThanOrEqual(0.02);
  });
});
