/**
 * Issue 37 item 8: the same in React and Tailwind as in HTML. The issue's features — sections kept as drawn at the
 * design width and stacked below it (codegen/layout/check.ts, fallback.ts, emit/responsive.ts), paint order as drawn
 * (z-index, order), the page centred and as long as its content with full-bleed backgrounds (emit/page.ts), the
 * navigation's menu button (layout/nav.ts, emit/nav-menu.ts), reflowing rows of cards (layout/reflow.ts), backdrops
 * (page.ts), phone type in scaled boxes (max(12px, …cqw), @container rules) — were built in the HTML output; React
 * with CSS modules and React with Tailwind build the same tree through their own emitters. On real pages chosen to
 * exercise them, each target is scored as a user sees it (cli/score.ts, the Google Fonts the page links answered from
 * local files) at 390, 768, the design width and 1920, and must match HTML: IoU × matched within 0.01, each width's
 * text visible within 0.02, the same sideways overflow and the same placement wider than the design.
 */
import { describe, expect, it } from "vitest";
import type { RestNode } from "../codegen/fidelity/design-nodes.js";
import type { FidelityScore } from "../codegen/fidelity/types.js";
import { generateCode, loadDesign, type CodeOptions } from "../codegen/index.js";
import { scoreCode } from "../cli/score.js";
import { runBrowser, useBrowser, usePageContext } from "./helpers/browser.js";
import { corpusImages, corpusJson } from "./helpers/corpus-frames.js";
import { serveGoogleFonts } from "./helpers/google-fonts.js";
import { realFiles } from "./helpers/real-files.js";

const WIDTHS = [390, 768, 0, 1920] as const;
const IOU_TOLERANCE = 0.01;
const TEXT_TOLERANCE = 0.02;

interface ParityPage {
  label: string;
  /** What it exercises. */
  features: string;
  load: () => { json: unknown; ids: string[]; images?: Record<string, Uint8Array> };
}

const realFile = (name: string): unknown => realFiles().find((f) => f.name === name)!.json;

const PAGES: ParityPage[] = [
  { label: "Psykolog Jenny · MacBook Pro 2.2", features: "sections kept as drawn, stacked below the design width, phone type", load: () => ({ json: realFile("psykolog-jenny.file.json"), ids: ["35:34"] }) },
  { label: "TnT · Home", features: "paint order as drawn, full-bleed backgrounds", load: () => ({ json: realFile("tnt-website.file.json"), ids: ["40:110"] }) },
  { label: "Flora · Home • Desktop", features: "nav menu button, reflowing cards, centred page", load: () => ({ json: realFile("flora.file.json"), ids: ["8203:59903"] }) },
  { label: "Flora · Order Modal", features: "backdrop", load: () => ({ json: realFile("flora.file.json"), ids: ["8211:116360"] }) },
  {
    label: "sb-agency (corpus)",
    features: "inferred layout, nav menu button",
    load: () => {
      const json = corpusJson({ name: "sb-agency", kind: "converted site" });
      return { json, ids: [], images: corpusImages(json) };
    },
  },
];

const TARGETS: { name: string; options: CodeOptions }[] = [
  { name: "HTML", options: { target: "html", styling: "css-modules", nodeIds: true } },
  { name: "React", options: { target: "react", styling: "css-modules", nodeIds: true } },
  { name: "Tailwind", options: { target: "react", styling: "tailwind", nodeIds: true } },
];

const figures = (s: FidelityScore): string =>
  `iou×m ${s.iouMatched.toFixed(3)} | ` + s.widths.map((w) => `${w.width}: text ${w.textVisible.toFixed(3)}${w.overflow ? " overflow" : ""}${w.placement ? ` ${w.placement}` : ""}`).join(", ");

describe.runIf(runBrowser)("issue 37's features: React and Tailwind score as HTML does", () => {
  const browser = useBrowser();
  const context = usePageContext(browser);

  for (const page of PAGES) {
    it(`${page.label} (${page.features})`, async () => {
      const { json, ids, images } = page.load();
      const design = loadDesign(json, ids, images ? { images } : {});
      const frame = design.roots[0] as unknown as RestNode;
      const scores: FidelityScore[] = [];
      for (const target of TARGETS) {
        const code = await generateCode(design.document, target.options);
        scores.push(await scoreCode(context, { frame, files: code.files, target: target.options.target, page: { serve: serveGoogleFonts }, widths: WIDTHS }));
      }
      const [html, ...others] = scores as [FidelityScore, ...FidelityScore[]];
      console.log(`${page.label}\n` + scores.map((s, i) => `  ${TARGETS[i]!.name.padEnd(8)} ${figures(s)}`).join("\n"));
      // A real result, not two empty pages.
      expect(html.iouMatched).toBeGreaterThan(0.5);
      others.forEach((other, i) => {
        const name = TARGETS[i + 1]!.name;
        expect(Math.abs(other.iouMatched - html.iouMatched), `${name} IoU × matched ${other.iouMatched}, HTML ${html.iouMatched}`).toBeLessThanOrEqual(IOU_TOLERANCE);
        expect(other.widths.map((w) => w.width)).toEqual(html.widths.map((w) => w.width));
        other.widths.forEach((w, j) => {
          const h = html.widths[j]!;
          expect(Math.abs(w.textVisible - h.textVisible), `${name} text visible at ${w.width}: ${w.textVisible}, HTML ${h.textVisible}`).toBeLessThanOrEqual(TEXT_TOLERANCE);
          expect(w.overflow, `${name} sideways scroll at ${w.width} (${w.overflowPx} px), HTML ${h.overflowPx} px`).toBe(h.overflow);
          expect(w.placement, `${name} placement at ${w.width}`).toBe(h.placement);
        });
      });
    }, 180_000);
  }
});
