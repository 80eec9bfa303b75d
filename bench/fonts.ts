/**
 * Bench section "fonts": IoU × matched of every top-level frame of the real fixtures at its design width, with
 * the design's fonts (the Google Fonts its HTML links, answered locally from the @fontsource devDependencies)
 * and without them (fallback faces and system fonts), as test/fonts-fidelity.test.ts measures them; and how
 * many frames reach the goal (≥ 0.95 with the fonts).
 *   BENCH_ONLY=fonts npm run bench
 */
import { statSync } from "node:fs";
import { join } from "node:path";
import { fixtureFiles, fontFidelityRows, type FontFidelityRow } from "../test/helpers/fixture-fidelity.js";
import { round, type BenchResults } from "./results.js";
import { fixturesRoot } from "../test/helpers/responsive-frames.js";
import { quickSmallest, withBenchBrowser } from "./quick.js";

const GOAL = 0.95;

export async function fontsSection(results: BenchResults): Promise<void> {
  const rows: FontFidelityRow[] = [];
  // Quick: the smallest fixture file.
  const files = quickSmallest(fixtureFiles(), (file) => statSync(join(fixturesRoot(), "figma", file)).size);
  await withBenchBrowser(async (host) => {
    for (const file of files) rows.push(...(await fontFidelityRows(host, file)));
  });
  for (const r of rows)
    results.set("fonts", ["frames", `${r.file} ${r.id}`], {
      name: r.name,
      googleFamilies: r.googleFamilies,
      withFonts: r.withFonts,
      withoutFonts: r.withoutFonts,
    });
  const met = rows.filter((r) => r.withFonts >= GOAL).length;
  const withGoogle = rows.filter((r) => r.googleFamilies.length > 0);
  results.set("fonts", ["summary"], {
    frames: rows.length,
    goalMet: met,
    framesWithGoogleFonts: withGoogle.length,
    minWithFonts: round(Math.min(...rows.map((r) => r.withFonts))),
  });
  results.print(`\n## fonts: fidelity with the design's fonts and without\n`);
  results.print(
    `${rows.length} top-level frames of the ${fixtureFiles().length} real fixtures; IoU × ` +
      `matched at the design width. ${withGoogle.length} frames use Google-served families, ` +
      `which the HTML links (answered from @fontsource here); the others render ` +
      `the same either way. ≥ ${GOAL} with the fonts: ${met} of ${rows.length}. ` +
      `Below, the frames under 0.999 with the fonts or using Google families.\n`,
  );
  const shown = rows.filter((r) => r.withFonts < 0.999 || r.googleFamilies.length > 0);
  results.print(
    [
      "| frame | Google families | with fonts | without |",
      "|---|---|---:|---:|",
      ...shown.map(
        (r) =>
          `| ${r.file} ${r.id} ${r.name.slice(0, 40)} | ${r.googleFamilies.join(", ") || "—"} ` +
          `| ${r.withFonts.toFixed(3)} | ${r.withoutFonts.toFixed(3)} |`,
      ),
    ].join("\n"),
  );
}
