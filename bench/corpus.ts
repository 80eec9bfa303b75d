/**
 * Bench section "corpus": layout inference on the corpus of real absolute pages (test/fixtures/corpus/: real
 * sites drawn as designers draw them, and real files flattened), per page and width — IoU × matched at the
 * design width; at 390 and 768 px text visible, horizontal overflow, overlapping text pairs and the reading
 * order against the reference (Kendall tau) — as the goals test measures them (test/helpers/corpus-goals.ts),
 * with the fonts and images. Also the same for `--exact-layout` (the drawing as is: the control that fails).
 *   BENCH_ONLY=corpus npm run bench
 */
import { launchChromium } from "../cli/browser.js";
import { corpusPages, measureCorpusPage, type CorpusReport } from "../test/helpers/corpus-frames.js";
import { corpusTable, GOALS } from "../test/helpers/corpus-goals.js";
import { round, type BenchResults } from "./results.js";
import { quickSample } from "./quick.js";

const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

export async function corpusSection(results: BenchResults): Promise<void> {
  const pages = quickSample(corpusPages());
  const browser = await launchChromium();
  const rows: { page: (typeof pages)[number]; report: CorpusReport; exact: CorpusReport; ms: number }[] = [];
  try {
    for (const page of pages) {
      const started = performance.now();
      const report = await measureCorpusPage(browser, page);
      const ms = performance.now() - started;
      const exact = await measureCorpusPage(browser, page, { layout: "exact" });
      rows.push({ page, report, exact, ms });
    }
  } finally {
    await browser.close();
  }
  let met = 0;
  for (const { page, report, exact, ms } of rows) {
    const at = (r: CorpusReport, width: number) => r.widths.find((w) => w.width === width)!;
    const design = report.widths.find((w) => w.width === Math.round(report.width))!;
    const ok =
      report.meanIoU * report.matched >= GOALS.iouMatched &&
      [390, 768].every((w) => !at(report, w).overflow && at(report, w).textVisible >= GOALS.textVisible && at(report, w).overlappingPairs <= design.overlappingPairs) &&
      (report.order[390]?.tau ?? 0) >= GOALS.tau;
    if (ok) met++;
    results.set("corpus", ["pages", page.name], {
      kind: page.kind,
      designWidth: round(report.width),
      iouMatched: round(report.meanIoU * report.matched),
      goalsMet: ok,
      measureMs: round(ms),
      widths: report.widths.map((w) => ({ width: w.width, textVisible: round(w.textVisible), overflowPx: round(w.overflowPx), overlappingPairs: w.overlappingPairs, tau: report.order[w.width] ? round(report.order[w.width]!.tau) : null })),
      exactLayout: { iouMatched: round(exact.meanIoU * exact.matched), textVisible390: round(at(exact, 390).textVisible), textVisible768: round(at(exact, 768).textVisible), overflowPx390: round(at(exact, 390).overflowPx) },
    });
  }
  const visible = (list: typeof rows, key: "report" | "exact", width: number) => mean(list.map((r) => r[key].widths.find((w) => w.width === width)!.textVisible));
  const sites = rows.filter((r) => r.page.kind === "converted site");
  results.set("corpus", ["summary"], {
    pages: rows.length,
    goalsMet: met,
    meanTextVisible390: round(visible(rows, "report", 390)),
    meanTextVisible768: round(visible(rows, "report", 768)),
    meanTextVisible390ExactLayout: round(visible(rows, "exact", 390)),
    meanTextVisible768ExactLayout: round(visible(rows, "exact", 768)),
    convertedSitesMeanTextVisible390: round(visible(sites, "report", 390)),
    minIouMatched: round(Math.min(...rows.map((r) => r.report.meanIoU * r.report.matched))),
  });
  results.print(`\n## corpus: layout inference on real absolute pages\n`);
  results.print(
    `${rows.length} pages (test/fixtures/corpus/SOURCES.md), measured with their fonts and images; goals (issue 22): at 390 and 768 px no overflow, ` +
      `≥ 95 % of the text visible, no new overlapping pairs; tau ≥ 0.8 at 390; IoU × matched ≥ 0.95 at the design width. ` +
      `Met on ${met} of ${rows.length}. Mean text visible at 390 / 768: ${(visible(rows, "report", 390) * 100).toFixed(1)} % / ${(visible(rows, "report", 768) * 100).toFixed(1)} % ` +
      `(the same pages drawn as is, --exact-layout: ${(visible(rows, "exact", 390) * 100).toFixed(1)} % / ${(visible(rows, "exact", 768) * 100).toFixed(1)} %).\n`,
  );
  results.print(corpusTable(rows));
}
