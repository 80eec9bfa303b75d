/**
 * The goals of layout inference on the corpus of real absolute pages (issue 22), as a test suite for one kind of
 * corpus page (converted sites, flattened files: two test files, so that vitest runs them side by side).
 *
 * For every page, measured as `figment fidelity --widths 390,768,design` does it, with its fonts and images:
 * - at 390 and 768 px: no horizontal overflow, ≥ 95 % of the text visible, no more overlapping text pairs than
 *   at the design width;
 * - at 390 px the texts read in the reference's order (Kendall tau ≥ 0.8): the original site at 390, or the
 *   original auto layout;
 * - at the design width: IoU × matched ≥ 0.95.
 * A table per page and width is printed after the run, and written to test-artifacts/corpus/<kind>.json.
 * `npm test` measures every third page of a kind (test/helpers/eval-sample.ts); the bench's "eval" section every page.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { corpusPages, measureCorpusPage, type CorpusPage, type CorpusReport } from "./corpus-frames.js";
import { fixturesRoot } from "./responsive-frames.js";
import { runBrowser, useBrowser, usePageContext } from "./browser.js";
import { coverage, sampleEvery } from "./eval-sample.js";

export const GOALS = { textVisible: 0.95, tau: 0.8, iouMatched: 0.95 } as const;
const NARROW = [390, 768] as const;

const pct = (v: number): string => `${(v * 100).toFixed(1)}%`;

/** The per-page, per-width table. */
export function corpusTable(rows: { page: CorpusPage; report: CorpusReport }[]): string {
  const lines = [
    "| page | IoU×matched | width | text visible | overflow | overlapping pairs | tau (reading order) |",
    "|---|---:|---:|---:|---:|---:|---:|",
  ];
  for (const { page, report } of rows) {
    for (const w of report.widths) {
      const order = report.order[w.width];
      lines.push(
        `| ${page.name} | ${(report.meanIoU * report.matched).toFixed(3)} | ${w.width} | ` +
          `${pct(w.textVisible)} | ${w.overflow ? `+${Math.round(w.overflowPx)}px` : "none"} | ` +
          `${w.overlappingPairs} | ${order ? `${order.tau.toFixed(2)} (${order.shared} texts)` : "—"} |`,
      );
    }
  }
  return lines.join("\n");
}

export function describeCorpusGoals(kind: CorpusPage["kind"]): void {
  const pages = corpusPages().filter((p) => p.kind === kind);
  const measured = sampleEvery(pages, 3);

  describe.runIf(runBrowser)(
    `layout inference on the corpus: ${coverage(measured.length, pages.length, kind)} (goals of issue 22)`,
    { timeout: 120_000 },
    () => {
      const browser = useBrowser();
      const context = usePageContext(browser);
      const reports = new Map<string, CorpusReport>();

      afterAll(async () => {
        if (reports.size === 0) return;
        const rows = pages
          .filter((p) => reports.has(p.name))
          .map((page) => ({ page, report: reports.get(page.name)! }));
        console.log(`${kind}s:\n${corpusTable(rows)}`);
        const dir = join(dirname(dirname(fixturesRoot())), "test-artifacts", "corpus");
        mkdirSync(dir, { recursive: true });
        const summary = rows.map(({ page, report }) => ({
          name: page.name,
          iouMatched: report.meanIoU * report.matched,
          widths: report.widths.map(({ order: _order, pairs: _pairs, ...w }) => w),
          order: report.order,
        }));
        writeFileSync(join(dir, `${kind.replace(/\s+/g, "-")}.json`), `${JSON.stringify(summary, null, 2)}\n`);
      });

      it("has pages to measure", () => {
        expect(pages.length).toBeGreaterThanOrEqual(kind === "converted site" ? 8 : 5);
      });

      it.each(measured.map((p) => [p.name, p] as const))("%s", async (_name, page) => {
        const report = await measureCorpusPage(context, page);
        reports.set(page.name, report);
        const design = report.widths.find((w) => w.width === Math.round(report.width))!;
        expect(
          report.meanIoU * report.matched,
          `${page.name}: IoU × matched at the design width`,
        ).toBeGreaterThanOrEqual(GOALS.iouMatched);
        for (const width of NARROW) {
          const w = report.widths.find((x) => x.width === width)!;
          expect(w.overflow, `${page.name} @${width}: overflow ${w.overflowPx}px`).toBe(false);
          expect(w.textVisible, `${page.name} @${width}: text visible`).toBeGreaterThanOrEqual(GOALS.textVisible);
          expect(
            w.overlappingPairs,
            `${page.name} @${width}: overlapping text pairs ${JSON.stringify(w.pairs)}`,
          ).toBeLessThanOrEqual(design.overlappingPairs);
        }
        const order = report.order[390]!;
        expect(order.shared, `${page.name}: texts to compare the reading order on`).toBeGreaterThan(1);
        expect(order.tau, `${page.name} @390: reading order against the reference`).toBeGreaterThanOrEqual(GOALS.tau);
      });
    },
  );
}
