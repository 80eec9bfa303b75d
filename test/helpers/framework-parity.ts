/**
 * The parity test of a component framework's output with React's (issue 54), shared by score-vue.test.ts and
 * score-svelte.test.ts: the target's page is the components its own compiler made, rendered in Chromium as the CLI's
 * score renders it. On fixture frames with component files (repeated, nested, used once, inside boxes that scale) and
 * one without: IoU×matched and the text a reader sees at 390, 768, the design width and 1920 within 0.02 of React's;
 * the files no more than 1.3× React's lines; no inline style of the framework's own.
 */
import { describe, expect, it } from "vitest";
import { scoreCode } from "../../cli/measure/score.js";
import { codeLines, iouGap, scoreGap } from "../../cli/measure/frameworks.js";
import type { Problem, SourceFile } from "../../codegen/types.js";
import { runBrowser, useBrowser, usePageContext } from "./browser.js";
import { frameCode } from "./frame-code.js";

/** [fixture file, frame id, what it holds]. */
const FRAMES = [
  ["figmagic-design-system.file.json", "3022:700", "nested instances (DemoForm → Form, Button, …), tokens"],
  ["vincegx-home-slideshow.nodes.json", "124:21142", "a component repeated 4 times, nested 3 deep, text props"],
  ["figmasharp-bundler-dialog.file.json", "25:0", "components inside boxes that scale as a unit"],
  ["figma-differ-selfie.nodes.json", "33459:3746", "seven components, SVG icons inside them"],
  ["figmasharp-login.file.json", "101:3", "no components (control)"],
] as const;

export interface ParityTarget {
  target: "vue" | "svelte";
  /** The framework's name in the titles. */
  name: string;
  /** Its compiler's problems on the files (none expected). */
  compile(files: readonly SourceFile[]): { problems: Problem[] };
  /** The framework's own inline style (`:style=`, `style:`): none expected. */
  inlineStyle: RegExp;
  /** The source files' extension (`.vue`). */
  ext: string;
}

export function frameworkParityTests(t: ParityTarget): void {
  describe.runIf(runBrowser)(`${t.name} and React of the same frame score alike`, { timeout: 900_000 }, () => {
    const browser = useBrowser();
    const pages = usePageContext(browser);

    it(`within 0.02 at every width, ≤ 1.3× React's lines, no inline style (${FRAMES.length} frames)`, async () => {
      for (const [file, id, what] of FRAMES) {
        const react = await frameCode(file, id, "react");
        const own = await frameCode(file, id, t.target);
        const label = `${file} ${id} (${what})`;
        // The framework's compiler takes every file as it is.
        expect(t.compile(own.files).problems, label).toEqual([]);
        const reactScore = await scoreCode(pages, { ...react, target: "react" });
        const ownScore = await scoreCode(pages, { ...own, target: t.target });
        console.log(
          `${label}: react ${reactScore.iouMatched.toFixed(3)} ${t.target} ${ownScore.iouMatched.toFixed(3)} ` +
            `reader gap ${scoreGap(reactScore, ownScore).toFixed(3)} ` +
            `iou gap ${iouGap(reactScore, ownScore).toFixed(3)} ` +
            `lines ${codeLines(own.files)}/${codeLines(react.files)}`,
        );
        expect(ownScore.matched, label).toBeGreaterThan(0.5);
        expect(scoreGap(reactScore, ownScore), label).toBeLessThanOrEqual(0.02);
        expect(codeLines(own.files) / codeLines(react.files), label).toBeLessThanOrEqual(1.3);
        // An SVG's drawing keeps its `style` attributes, as React's does.
        const styles = (files: SourceFile[], attr: RegExp): number =>
          files.reduce((n, f) => n + (f.bytes ? 0 : (f.content.match(attr) ?? []).length), 0);
        expect(styles(own.files, new RegExp(t.inlineStyle, "g")), label).toBe(0);
        expect(styles(own.files, /\sstyle="/g), label).toBeLessThanOrEqual(styles(react.files, /\sstyle=\{/g));
      }
    });

    it("Tailwind too: the login frame's classes compiled from the templates, within 0.02 of React's", async () => {
      const [file, id] = FRAMES[4];
      const react = await frameCode(file, id, "react", "tailwind");
      const own = await frameCode(file, id, t.target, "tailwind");
      expect(own.files.find((f) => f.path.endsWith(t.ext))!.content).toMatch(/class="[^"]*\bflex\b/);
      const reactScore = await scoreCode(pages, { ...react, target: "react" });
      const ownScore = await scoreCode(pages, { ...own, target: t.target });
      expect(ownScore.matched).toBeGreaterThan(0.5);
      expect(scoreGap(reactScore, ownScore)).toBeLessThanOrEqual(0.02);
    });
  });
}
