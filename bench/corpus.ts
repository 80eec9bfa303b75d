/**
 * Bench section "corpus": layout inference on the corpus of real absolute pages (test/fixtures/corpus/: real
 * sites drawn as designers draw them, and real files flattened), per page and width — IoU × matched at the
 * design width; at 390 and 768 px text visible, horizontal overflow, overlapping text pairs and the reading
 * order against the reference (Kendall tau) — as the goals test measures them (test/helpers/corpus-goals.ts),
 * with the fonts and images. Also the same for `--exact-layout` (the drawing as is: the control that fails), and
 * how often inference finds the direction the designer drew on the flattened files (test/helpers/layout-agreement.ts).
 *   BENCH_ONLY=corpus npm run bench
 */
import { corpusJson, corpusPages, measureCorpusPage, type CorpusReport } from "../test/helpers/corpus-frames.js";
import { corpusTable, GOALS } from "../test/helpers/corpus-goals.js";
import { agreementTable, flattenedAgreements, totalAgreement } from "../test/helpers/layout-agreement.js";
import { round, type BenchResults } from "./results.js";
import { QUICK, quickSmallest, withBenchBrowser } from "./quick.js";

const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

export async function corpusSection(results: BenchResults): Promise<void> {
  // Quick: the smallest page (the first, a flattened file, is the largest).
  const pages = quickSmallest(corpusPages(), (page) => JSON.stringify(corpusJson(page)).length);
  const rows: { page: (typeof pages)[number]; report: CorpusReport; exact?: CorpusReport; ms: number }[] = [];
  await withBenchBrowser(async (host) => {
    for (const page of pages) {
      const started = performance.now();
      const report = await measureCorpusPage(host, page);
      const ms = performance.now() - started;
      // The control, the page drawn as is: a full run's only.
      const exact = QUICK ? undefined : await measureCorpusPage(host, page, { layout: "exact" });
      rows.push({ page, report, ms, ...(exact ? { exact } : {}) });
    }
  });
  let met = 0;
  for (const { page, report, exact, ms } of rows) {
    const at = (r: CorpusReport, width: number) => r.widths.find((w) => w.width === width)!;
    const design = report.widths.find((w) => w.width === Math.round(report.width))!;
    const ok =
      report.meanIoU * report.matched >= GOALS.iouMatched &&
      [390, 768].every(
        (w) =>
          !at(report, w).overflow &&
          at(report, w).textVisible >= GOALS.textVisible &&
          at(report, w).overlappingPairs <= design.overlappingPairs,
      ) &&
      (report.order[390]?.tau ?? 0) >= GOALS.tau;
    if (ok) met++;
    results.set("corpus", ["pages", page.name], {
      kind: page.kind,
      designWidth: round(report.width),
      iouMatched: round(report.meanIoU * report.matched),
      goalsMet: ok,
      measureMs: round(ms),
      widths: report.widths.map((w) => ({
        width: w.width,
        textVisible: round(w.textVisible),
        overflowPx: round(w.overflowPx),
        overlappingPairs: w.overlappingPairs,
        tau: report.order[w.width] ? round(report.order[w.width]!.tau) : null,
      })),
      exactLayout: exact
        ? {
            iouMatched: round(exact.meanIoU * exact.matched),
            textVisible390: round(at(exact, 390).textVisible),
            textVisible768: round(at(exact, 768).textVisible),
            overflowPx390: round(at(exact, 390).overflowPx),
          }
        : null,
    });
  }
  const visible = (reports: CorpusReport[], width: number) =>
    mean(reports.map((r) => r.widths.find((w) => w.width === width)!.textVisible));
  const reports = rows.map((r) => r.report);
  const exacts = rows.flatMap((r) => (r.exact ? [r.exact] : []));
  const sites = rows.filter((r) => r.page.kind === "converted site").map((r) => r.report);
  results.set("corpus", ["summary"], {
    pages: rows.length,
    goalsMet: met,
    meanTextVisible390: round(visible(reports, 390)),
    meanTextVisible768: round(visible(reports, 768)),
    meanTextVisible390ExactLayout: exacts.length > 0 ? round(visible(exacts, 390)) : null,
    meanTextVisible768ExactLayout: exacts.length > 0 ? round(visible(exacts, 768)) : null,
    convertedSitesMeanTextVisible390: round(visible(sites, 390)),
    minIouMatched: round(Math.min(...rows.map((r) => r.report.meanIoU * r.report.matched))),
  });
  results.print(`\n## corpus: layout inference on real absolute pages\n`);
  results.print(
    `${rows.length} pages (test/fixtures/corpus/SOURCES.md), measured with ` +
      `their fonts and images; goals (issue 22): at 390 and 768 px no overflow, ` +
      `≥ 95 % of the text visible, no new overlapping pairs; tau ` +
      `≥ 0.8 at 390; IoU × matched ≥ 0.95 at the design width. ` +
      `Met on ${met} of ${rows.length}. Mean text visible at 390 / 768: ` +
      `${(visible(reports, 390) * 100).toFixed(1)} % / ${(visible(reports, 768) * 100).toFixed(1)} %` +
      (exacts.length > 0
        ? ` (the same pages drawn as is, --exact-layout: ${(visible(exacts, 390) * 100).toFixed(1)} ` +
          `% / ${(visible(exacts, 768) * 100).toFixed(1)} %)`
        : "") +
      `.\n`,
  );
  results.print(corpusTable(rows));

  // Pure (no browser): every flattened file, in quick mode too.
  const agreements = flattenedAgreements();
  const all = totalAgreement(agreements);
  results.set("corpus", ["inferredLayoutAgreement"], {
    pages: agreements.map((a) => ({ page: a.page, ...a.report })),
    total: { ...all },
    agreedShare: all.suggested > 0 ? round(all.agreed / all.suggested) : null,
  });
  results.print(
    `\n` +
      `Inference against the designer's own auto layout on the flattened files, given ` +
      `to it as Figma's guess (what the plugin reads from \`inferredAutoLayout\`; ` +
      `Figma's heuristic runs only in Figma, so this is the best guess it could make): same ` +
      `direction in ${all.agreed} of ${all.suggested} containers with two or more items.\n`,
  );
  results.print(agreementTable(agreements));
}
