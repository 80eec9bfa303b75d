/**
 * Bench section "responsive": the per-width figures of `figment fidelity` (horizontal overflow, share of text
 * seen, overlapping text pairs) for each frame of test/helpers/responsive-frames.ts at 390, 768 and its
 * design width, and the time the measurement takes per frame (three page loads in headless Chromium).
 *   BENCH_ONLY=responsive npm run bench      (BENCH_RESPONSIVE_RUNS: timed runs per frame, default 3)
 */
import type { FrameReport } from "../cli/measure/responsive-page.js";
import { measureResponsiveFrame, RESPONSIVE_FRAMES } from "../test/helpers/responsive-frames.js";
import { round, timing, type BenchResults, type Json } from "./results.js";
import { fmtMs } from "./timing.js";
import { benchCount, QUICK, quickSample, withBenchBrowser } from "./quick.js";

const pct = (v: number): string => `${(v * 100).toFixed(1)}%`;

export async function responsiveSection(results: BenchResults): Promise<void> {
  const runs = Math.max(1, benchCount(3, 1, "BENCH_RESPONSIVE_RUNS"));
  const rows: string[] = [];
  await withBenchBrowser(async (host) => {
    // Warm-up: the first page of a fresh browser pays for its renderer start (a full run's only).
    if (!QUICK) await measureResponsiveFrame(host, RESPONSIVE_FRAMES[0]!);
    // Quick: the first frame, the small control landing.
    for (const frame of quickSample(RESPONSIVE_FRAMES)) {
      const samples: number[] = [];
      let report: FrameReport | undefined;
      for (let i = 0; i < runs; i++) {
        const started = performance.now();
        report = await measureResponsiveFrame(host, frame);
        samples.push(performance.now() - started);
      }
      const r = report!;
      const time = timing(samples);
      const widths: Json = r.widths.map((w) => ({
        width: w.width,
        overflowPx: round(w.overflowPx),
        textVisible: round(w.textVisible),
        textClipped: round(w.textClipped),
        textCovered: round(w.textCovered),
        textIllegible: round(w.textIllegible),
        textTooSmall: round(w.textTooSmall),
        textMissing: round(w.textMissing),
        blankBelowPx: w.blankBelowPx,
        ...(w.placement ? { placement: w.placement } : {}),
        overlappingPairs: w.overlappingPairs,
        texts: w.texts,
      }));
      results.set("responsive", ["frames", frame.name], {
        file: frame.file,
        id: frame.id,
        layout: frame.layout,
        designWidth: round(r.width),
        iouMatched: round(r.meanIoU * r.matched),
        measureMs: time,
        widths,
      });
      for (const w of r.widths) {
        rows.push(
          `| ${frame.name} | ${frame.layout} | ${w.width} | ` +
            `${w.overflow ? `+${Math.round(w.overflowPx)} px` : "none"} | ${pct(w.textVisible)} | ` +
            `${pct(w.textClipped)} | ${pct(w.textCovered)} | ${pct(w.textIllegible)} ` +
            `| ${pct(w.textTooSmall)} | ${w.blankBelowPx} px | ${w.placement ?? ""} ` +
            `| ${w.overlappingPairs} | ${fmtMs(time?.medianMs ?? NaN)} ms |`,
        );
      }
    }
  });
  results.set("responsive", ["runs"], runs);
  results.print(`\n## responsive: per-width figures of today's HTML\n`);
  results.print(
    `\`figment fidelity\` per viewport width on each frame's HTML (node ids, CSS modules): horizontal overflow, ` +
      `share of the design's text area a reader sees, and lost ` +
      `to each cause (cut off, covered, illegible, too small), ` +
      `blank page below the content, where the content sits when wider than the design, overlapping text pairs. ` +
      `Time: the whole measurement of a frame (codegen, one page load resized ` +
      `to 390, 768, 1920 and the design width), median of ${runs} runs.\n`,
  );
  results.print(
    [
      "| frame | layout | width | overflow | text seen | cut off | covered | " +
        "illegible | too small | blank below | placement | pairs | measure (median) |",
      "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |",
      ...rows,
    ].join("\n"),
  );
}
