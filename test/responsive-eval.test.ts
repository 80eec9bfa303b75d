/**
 * Per-width figures (`figment fidelity`: horizontal overflow, share of text seen, overlapping text pairs) of
 * today's HTML for real absolutely placed frames, real landing pages and auto-layout screens
 * (test/helpers/responsive-frames.ts), in headless Chromium. Prints a table, writes
 * test-artifacts/responsive/summary.json and a 390-px screenshot per frame.
 *
 * What must always hold is asserted here (the metric is sane; auto-layout frames are good at their design
 * width), and so are the issue's GOALS for the layout inference (`describe("goals …")` at the end).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDesign } from "../codegen/index.js";
import { cachedGenerateCode } from "./helpers/run-cache.js";
import { chromiumAvailable, chromiumPath, withPage } from "../cli/measure/browser.js";
import { designTexts, type FrameReport } from "../cli/measure/responsive-page.js";
import { REPO_ROOT } from "./helpers/fixtures.js";
import {
  frameNode,
  measureResponsiveFrame,
  RESPONSIVE_FRAMES,
  type ResponsiveFrame,
} from "./helpers/responsive-frames.js";
import { useBrowser, usePageContext } from "./helpers/browser.js";

const ARTIFACTS = join(REPO_ROOT, "test-artifacts", "responsive");
const CI = !!process.env.CI;
const haveChromium = chromiumAvailable();
if (!haveChromium && !CI) console.warn(`responsive-eval: skipped, Chromium not found at ${chromiumPath()}`);

const ABSOLUTE = RESPONSIVE_FRAMES.filter((f) => f.layout === "absolute");
const AUTO_LAYOUT = RESPONSIVE_FRAMES.filter((f) => f.layout === "auto-layout");

/**
 * Today's figures of the auto-layout frames, at 390 / 768 px (measured when this test was written): the
 * goal for them is that the inference changes nothing, so none of these may get worse.
 */
const AUTO_LAYOUT_TODAY: Record<
  string,
  { iouMatched: number; at: Record<number, { overflowPx: number; textVisible: number; overlappingPairs: number }> }
> = {
  // At 768 px its heading "YOUR OWN PRIVATE NEST" is cut to "NES" (the score counts it as cut since issue 36).
  "vincegx Homepage - Landing": {
    iouMatched: 0.244,
    at: {
      390: { overflowPx: 0, textVisible: 0.99, overlappingPairs: 0 },
      768: { overflowPx: 0, textVisible: 0.713, overlappingPairs: 0 },
    },
  },
  "vincegx Vaya Home": {
    iouMatched: 0.522,
    at: {
      390: { overflowPx: 0, textVisible: 0.98, overlappingPairs: 0 },
      768: { overflowPx: 0, textVisible: 1, overlappingPairs: 0 },
    },
  },
  "vincegx Hero Header": {
    iouMatched: 0.53,
    at: {
      390: { overflowPx: 72, textVisible: 0.84, overlappingPairs: 2 },
      768: { overflowPx: 0, textVisible: 1, overlappingPairs: 0 },
    },
  },
  "figma-differ Selfie": {
    iouMatched: 0.966,
    at: {
      390: { overflowPx: 0, textVisible: 1, overlappingPairs: 0 },
      768: { overflowPx: 0, textVisible: 1, overlappingPairs: 0 },
    },
  },
  "control flex landing": {
    iouMatched: 1,
    at: {
      390: { overflowPx: 0, textVisible: 1, overlappingPairs: 0 },
      768: { overflowPx: 0, textVisible: 1, overlappingPairs: 0 },
    },
  },
};

/** Absolute frames whose IoU × matched at the design width is under 0.95 already today (fonts, vectors). */
const ABSOLUTE_IOU_TODAY: Record<string, number> = { "figmasharp Log-In Page": 0.941 };

/**
 * Absolute frames whose text seen at 390 px is under the goal of 0.95 once the score counts text too small to read
 * (issue 36): the form's 40-px heading and its 16-px placeholder are set at 11.7 and 7.8 px. Issue 37 lifts them.
 */
const ABSOLUTE_TEXT_TODAY: Record<string, Record<number, number>> = {
  "figmagic MacBook Pro form": { 390: 0.827 },
  "figmagic MacBook form": { 390: 0.921 },
  "figmagic DemoForm": { 390: 0.921 },
};

describe.skipIf(!haveChromium && !CI)("responsive figures of today's HTML on real frames (Chromium)", () => {
  const browser = useBrowser();
  const pages = usePageContext(browser);
  const reports = new Map<string, FrameReport>();

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    if (reports.size === 0) return;
    const rows = RESPONSIVE_FRAMES.filter((f) => reports.has(f.name)).map((f) => ({
      frame: f,
      report: reports.get(f.name)!,
    }));
    console.log(table(rows));
    const summary = rows.map(({ frame, report }) => ({
      name: frame.name,
      file: frame.file,
      id: frame.id,
      layout: frame.layout,
      width: report.width,
      meanIoU: report.meanIoU,
      matched: report.matched,
      ms: Math.round(report.ms),
      widths: report.widths,
    }));
    writeFileSync(
      join(ARTIFACTS, "summary.json"),
      `${JSON.stringify({ generatedAt: new Date().toISOString(), frames: summary }, null, 2)}\n`,
    );
  });

  /** Measured once per frame, whichever test asks first. */
  async function reportFor(frame: ResponsiveFrame): Promise<FrameReport> {
    let report = reports.get(frame.name);
    if (!report) {
      report = await measureResponsiveFrame(pages, frame);
      reports.set(frame.name, report);
    }
    return report;
  }

  describe("the metric is sane", () => {
    it.each(RESPONSIVE_FRAMES.map((f) => [f.name, f] as const))(
      "%s: figures in range at 390, 768, 1920 and the design width",
      async (_name, frame) => {
        const report = await reportFor(frame);
        const texts = designTexts(frameNode(frame)).length;
        expect(report.widths.map((w) => w.width)).toEqual(
          [...new Set([390, 768, Math.round(report.width), 1920])].sort((a, b) => a - b),
        );
        expect(report.matched).toBeGreaterThan(0.5);
        for (const w of report.widths) {
          const shares = [w.textVisible, w.textClipped, w.textCovered, w.textIllegible, w.textTooSmall, w.textMissing];
          for (const s of shares) {
            expect(s, `${frame.name} @${w.width}`).toBeGreaterThanOrEqual(0);
            expect(s, `${frame.name} @${w.width}`).toBeLessThanOrEqual(1);
          }
          // Every text is in exactly one class (or there is no text and all is "visible").
          expect(
            shares.reduce((a, b) => a + b, 0),
            `${frame.name} @${w.width}`,
          ).toBeCloseTo(1, 6);
          expect(w.overflowPx).toBeGreaterThanOrEqual(0);
          expect(w.overflow).toBe(w.overflowPx > 0);
          expect(Number.isInteger(w.overlappingPairs) && w.overlappingPairs >= 0).toBe(true);
          expect(w.texts).toBe(texts);
        }
      },
    );

    it.each(AUTO_LAYOUT.map((f) => [f.name, f] as const))(
      "%s (auto layout): no overflow and ≥ 99 % of text seen at the design width",
      async (_name, frame) => {
        const report = await reportFor(frame);
        const design = report.widths.find((w) => w.width === Math.round(report.width))!;
        expect(design.overflow, `${frame.name} overflow ${design.overflowPx}px`).toBe(false);
        expect(design.textVisible).toBeGreaterThanOrEqual(0.99);
      },
    );

    it.each(RESPONSIVE_FRAMES.map((f) => [f.name, f] as const))(
      "%s: a 390-px screenshot in test-artifacts/responsive/",
      async (_name, frame) => {
        const node = frameNode(frame);
        // The code the measurement rendered (the run's cache): generated once per frame.
        const code = await cachedGenerateCode(loadDesign({ document: node }, []).document, {
          target: "html",
          styling: "css-modules",
          nodeIds: true,
        });
        const path = join(ARTIFACTS, `${frame.name.replace(/[^\w-]+/g, "-")}-390.png`);
        const png = await withPage(pages, code.files, "index.html", { width: 390, height: 844 }, (page) =>
          page.screenshot({ path, fullPage: true }),
        );
        expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
      },
    );
  });

  // GOALS of issue 14 for the layout inference (codegen/layout/, on by default: CodeOptions.layout
  // "responsive"). With `layout: "exact"` (the absolute output) the absolute frames fail them.
  describe("goals of the layout inference (issue 14)", () => {
    it.each(ABSOLUTE.map((f) => [f.name, f] as const))(
      "%s (absolute): at 390 and 768 no overflow, ≥ 95 % of text " +
        "seen, no more overlapping pairs than at the design width",
      async (_name, frame) => {
        const report = await reportFor(frame);
        const design = report.widths.find((w) => w.width === Math.round(report.width))!;
        for (const width of [390, 768]) {
          const w = report.widths.find((x) => x.width === width)!;
          expect(w.overflow, `${frame.name} @${width}: overflow ${w.overflowPx}px`).toBe(false);
          expect(w.textVisible, `${frame.name} @${width}: text seen`).toBeGreaterThanOrEqual(
            Math.min(0.95, (ABSOLUTE_TEXT_TODAY[frame.name]?.[width] ?? 1) - 0.005),
          );
          expect(w.overlappingPairs, `${frame.name} @${width}: pairs ${JSON.stringify(w.pairs)}`).toBeLessThanOrEqual(
            design.overlappingPairs,
          );
        }
      },
    );

    it.each(ABSOLUTE.map((f) => [f.name, f] as const))(
      "%s (absolute): IoU × matched ≥ 0.95 at the design width (or, below that today, no lower)",
      async (_name, frame) => {
        const report = await reportFor(frame);
        expect(report.meanIoU * report.matched).toBeGreaterThanOrEqual(
          Math.min(0.95, (ABSOLUTE_IOU_TODAY[frame.name] ?? 1) - 0.005),
        );
      },
    );

    it.each(AUTO_LAYOUT.map((f) => [f.name, f] as const))(
      "%s (auto layout): nothing gets worse than today",
      async (_name, frame) => {
        const report = await reportFor(frame);
        const today = AUTO_LAYOUT_TODAY[frame.name]!;
        expect(report.meanIoU * report.matched).toBeGreaterThanOrEqual(today.iouMatched - 0.005);
        for (const [width, before] of Object.entries(today.at)) {
          const w = report.widths.find((x) => x.width === Number(width))!;
          expect(w.overflowPx, `${frame.name} @${width}`).toBeLessThanOrEqual(before.overflowPx + 1);
          expect(w.textVisible, `${frame.name} @${width}`).toBeGreaterThanOrEqual(before.textVisible - 0.005);
          expect(w.overlappingPairs, `${frame.name} @${width}`).toBeLessThanOrEqual(before.overlappingPairs);
        }
      },
    );
  });
});

const pct = (v: number): string => `${(v * 100).toFixed(1)}%`;

/** The per-width table printed after the run. */
function table(rows: { frame: ResponsiveFrame; report: FrameReport }[]): string {
  const lines = [
    "| frame | layout | IoU×matched | width | overflow | text seen " +
      "| cut off | covered | illegible | too small | pairs | ms |",
    "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const { frame, report } of rows) {
    for (const w of report.widths) {
      lines.push(
        `| ${frame.name} | ${frame.layout} | ${(report.meanIoU * report.matched).toFixed(3)} ` +
          `| ${w.width} | ${w.overflow ? `+${Math.round(w.overflowPx)}px` : "none"} | ` +
          `${pct(w.textVisible)} | ${pct(w.textClipped)} | ${pct(w.textCovered)} | ${pct(w.textIllegible)} ` +
          `| ${pct(w.textTooSmall)} | ${w.overlappingPairs} | ${Math.round(report.ms)} |`,
      );
    }
  }
  return lines.join("\n");
}
