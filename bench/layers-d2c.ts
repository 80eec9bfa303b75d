/**
 * Bench section "layers-d2c": issue 51's goals on real web pages nobody here wrote, the 50 Design2Code pages of
 * test/fixtures/design2code (SOURCES.md): each rendered in Chromium at 1280 (JS off), read into layers, built on the
 * Figma simulator, exported as REST and compared with the render element by element (test/helpers/page-layers.ts).
 * Each text layer also counts in the mean IoU held against its own line boxes in the page ("text fit", see
 * test/helpers/page-layers.ts), so a paragraph built as one 2560 px line scores low.
 * Goals: mean IoU×matched ≥ 0.95, text 100 % in editable TEXT layers, every image placed (an image fill or the
 * placeholder), ≥ 95 % of flex containers as auto layout.
 *   BENCH_ONLY=layers-d2c npm run bench
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { measurePage, type PageBuilder, type PageTrip } from "../test/helpers/page-layers.js";
import { repoRoot } from "./plugin-util.js";
import { quickSample, withBenchBrowser } from "./quick.js";
import { round, type BenchResults } from "./results.js";

const WIDTH = 1280;
const GOALS = { score: 0.95, text: 1, images: 1, flex: 0.95 };

/** The fixture pages in numeric order. */
export function design2codePages(): string[] {
  const dir = join(repoRoot(), "test", "fixtures", "design2code");
  return readdirSync(dir)
    .filter((f) => /^\d+\.html$/.test(f))
    .sort((a, b) => Number.parseInt(a, 10) - Number.parseInt(b, 10))
    .map((f) => join(dir, f));
}

/**
 * The builder's half, bundled beside the bench (esbuild.config.mjs: dist/page-build.mjs) because it needs Figma's
 * typings, which the bench's project has not.
 */
async function loadBuilder(): Promise<PageBuilder> {
  const url = new URL("./page-build.mjs", import.meta.url).href;
  return (await import(url)) as PageBuilder;
}

const share = (n: number, of: number): number => (of === 0 ? 1 : n / of);
const pct = (v: number): string => `${(v * 100).toFixed(1)} %`;
const verdict = (met: boolean): string => (met ? "green" : "red");

export async function layersD2cSection(results: BenchResults): Promise<void> {
  const pages = quickSample(design2codePages(), 2);
  const builder = await loadBuilder();
  const rows: { page: string; trip: PageTrip; ms: number }[] = [];
  await withBenchBrowser(async (_host, browser) => {
    for (const path of pages) {
      const started = performance.now();
      const trip = await measurePage(browser, builder, path, WIDTH);
      rows.push({ page: path.split("/").at(-1)!.replace(".html", ""), trip, ms: performance.now() - started });
    }
  });
  const sum = (f: (t: PageTrip) => number): number => rows.reduce((a, r) => a + f(r.trip), 0);
  const meanScore = sum((t) => t.score) / rows.length;
  const text = share(
    sum((t) => t.editableChars),
    sum((t) => t.chars),
  );
  const images = share(
    sum((t) => t.imagesPlaced),
    sum((t) => t.images),
  );
  const flex = share(
    sum((t) => t.flexAuto),
    sum((t) => t.flex),
  );
  for (const { page, trip: t, ms } of rows)
    results.set("layers-d2c", ["pages", page], {
      score: round(t.score),
      meanIoU: round(t.meanIoU),
      elements: t.elements,
      matched: t.matched,
      inRuns: t.inRuns,
      chars: t.chars,
      editableChars: t.editableChars,
      images: t.images,
      imagesPlaced: t.imagesPlaced,
      flex: t.flex,
      flexAuto: t.flexAuto,
      layers: t.layers,
      textLayers: t.textLayers,
      textFit: round(t.textFit),
      textPoor: t.textPoor,
      textOutside: t.textOutside,
      truncated: t.truncated,
      ms: round(ms),
    });
  const goals = {
    score: { value: round(meanScore), goal: GOALS.score, met: meanScore >= GOALS.score },
    text: { value: round(text), goal: GOALS.text, met: text >= GOALS.text },
    images: { value: round(images), goal: GOALS.images, met: images >= GOALS.images },
    flex: { value: round(flex), goal: GOALS.flex, met: flex >= GOALS.flex },
  };
  results.set("layers-d2c", ["summary"], {
    pages: rows.length,
    width: WIDTH,
    pagesAtGoal: rows.filter((r) => r.trip.score >= GOALS.score).length,
    minScore: round(Math.min(...rows.map((r) => r.trip.score))),
    elements: sum((t) => t.elements),
    matched: sum((t) => t.matched),
    textLayers: sum((t) => t.textLayers),
    textPoor: sum((t) => t.textPoor),
    textOutside: sum((t) => t.textOutside),
    goals,
  });
  results.print(`\n## layers-d2c: Design2Code pages → layers on the simulator, element by element\n`);
  results.print(
    `${rows.length} pages at ${WIDTH} px (test/fixtures/design2code). Mean IoU×matched ${meanScore.toFixed(3)} ` +
      `(goal ≥ ${GOALS.score}: ${verdict(goals.score.met)}); text in editable layers ${pct(text)} ` +
      `(${verdict(goals.text.met)}); images placed ${pct(images)} (${verdict(goals.images.met)}); flex → auto ` +
      `layout ${pct(flex)} (goal ≥ 95 %: ${verdict(goals.flex.met)}). Pages at ≥ ${GOALS.score}: ` +
      `${rows.filter((r) => r.trip.score >= GOALS.score).length} of ${rows.length}.\n`,
  );
  results.print(
    [
      "| page | IoU×matched | mean IoU | matched | in runs | text | text fit (< 0.5, off the page) | images " +
        "| flex → AL | ms |",
      "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
      ...rows.map(
        ({ page, trip: t, ms }) =>
          `| ${page} | ${t.score.toFixed(3)} | ${t.meanIoU.toFixed(3)} | ${t.matched}/${t.elements} | ${t.inRuns} ` +
          `| ${pct(share(t.editableChars, t.chars))} ` +
          `| ${t.textFit.toFixed(3)} of ${t.textLayers} (${t.textPoor}, ${t.textOutside}) ` +
          `| ${t.imagesPlaced}/${t.images} | ${t.flexAuto}/${t.flex} ` +
          `| ${Math.round(ms)} |`,
      ),
    ].join("\n"),
  );
}
