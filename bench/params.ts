/**
 * Bench section "params": our work per row to turn a parameters table into image requests for a batch of 20
 * (model time excluded) — read the CSV, the rules and the template, compute every prompt (ai/params), then
 * build the SDK request bodies (ai/image/request.ts) on the Images API; and with --consistent, where rows
 * 2…20 carry the first image (a 1024×1024 PNG of noise, the worst case) as an edit's file or, on the Responses API, a
 * data URL.
 *   BENCH_ONLY=params npm run bench
 */
import { imageConfig } from "../ai/image/config.js";
import { buildImageRequests } from "../ai/image/request.js";
import {
  computePrompts,
  parseCsvRows,
  parseTemplate,
  readRules,
  rowRequests,
  withFirstImage,
  type RowRequest,
} from "../ai/params/index.js";
import { DEFAULT_SETTINGS } from "../contract/settings.js";
import { noisePng } from "./image.js";
import { againstTarget, round, type BenchResults } from "./results.js";
import { cpuTime } from "./timing.js";
import { benchCount } from "./quick.js";

/** 20 rows; two under BENCH_QUICK (the second is the first to carry the first image under --consistent). */
const ROWS = benchCount(20, 2);
/** Per row, for the whole plan + request build without images: far below a model's seconds. */
const PER_ROW_TARGET_MS = 1;

const AUDIENCES = ["kids", "teens", "adults", "seniors"];
const SEASONS = ["winter", "spring", "summer", "autumn"];
const MOODS = ["calm", "quiet", "loud", "playful", "serious"];
const CSV = [
  "audience,season,mood,style,headline",
  ...Array.from(
    { length: ROWS },
    (_, i) =>
      `${AUDIENCES[i % 4]},${SEASONS[(i >> 2) % 4]},${MOODS[i % 5]},"flat, ` +
      `vector","Tea for every ${SEASONS[i % 4]} morning, ""fresh"" ${i}"`,
  ),
].join("\r\n");
const RULES = JSON.stringify({
  rules: [
    { if: { audience: "kids" }, then: { add: "rounded shapes, warm colours", set: { palette: "warm" } } },
    { if: { mood: ["calm", "quiet"] }, then: { add: "low contrast" } },
    { if: { all: [{ palette: "warm" }, { not: { season: "summer" } }] }, then: { add: "cosy interior light" } },
    { if: { any: [{ audience: "teens" }, { mood: "playful" }] }, then: { add: "bold type", set: { palette: "neon" } } },
    { if: { param: "season", in: ["winter", "autumn"] }, then: { add: "long shadows" } },
    { if: { palette: "neon" }, then: { add: "high saturation" } },
  ],
});
const TEMPLATE = 'A {style} hero image for {audience} in {season}, {mood} mood, headline "{headline}"';

function plan(): RowRequest[] {
  const computed = computePrompts(parseCsvRows(CSV), parseTemplate(TEMPLATE), readRules(RULES), {
    style: "35mm film look",
  });
  return rowRequests(computed.rows, { size: { width: 1024, height: 1024 }, quality: "low" });
}

export function paramsSection(runs: number, results: BenchResults): void {
  const images = imageConfig({ ...DEFAULT_SETTINGS, provider: "openai" }, "sk-bench");
  const responses = imageConfig({ ...DEFAULT_SETTINGS, provider: "openai" }, "sk-bench", { api: "responses" });
  // A 1024×1024 image of noise: incompressible, the upper bound of a first image's size.
  const first = { bytes: noisePng(1024, 1024), name: "01-first.png" };
  const planOnly = cpuTime(plan, runs);
  const build = cpuTime(() => plan().map((r) => buildImageRequests(images, r.request)), runs);
  const consistentEdit = cpuTime(
    () => plan().map((r, i) => buildImageRequests(images, (i === 0 ? r : withFirstImage(r, first)).request)),
    runs,
  );
  const consistentResponses = cpuTime(
    () =>
      plan().map((r, i) =>
        JSON.stringify(buildImageRequests(responses, (i === 0 ? r : withFirstImage(r, first)).request)[0]!.params),
      ),
    Math.min(runs, 5),
  );
  // ↑ seconds per sample (a 4 MB data URL per row): five samples say enough on a shared machine.
  const perRow = (t: { medianMs: number }): number => round(t.medianMs / ROWS);
  results.set("params", ["rows"], ROWS);
  results.set("params", ["plan"], { cpu: planOnly, perRowMs: perRow(planOnly) });
  results.set("params", ["planAndBuild"], {
    cpu: build,
    perRowMs: perRow(build),
    check: againstTarget(perRow(build), PER_ROW_TARGET_MS, "ms per row"),
  });
  results.set("params", ["consistentImagesEdit"], {
    cpu: consistentEdit,
    perRowMs: perRow(consistentEdit),
    referenceBytes: first.bytes.length,
  });
  results.set("params", ["consistentResponses"], {
    cpu: consistentResponses,
    perRowMs: perRow(consistentResponses),
    referenceBytes: first.bytes.length,
  });
  results.print(`\n## params: ${ROWS} rows → image requests (our work, CPU ms, median of ${runs})\n`);
  results.print(`| step | batch of ${ROWS} | per row |\n| --- | ---: | ---: |`);
  results.print(`| read CSV + rules + template, compute prompts | ${planOnly.medianMs} | ${perRow(planOnly)} |`);
  results.print(
    `| … and build the Images API bodies | ${build.medianMs} | ${perRow(build)} (target ≤ ${PER_ROW_TARGET_MS}) |`,
  );
  results.print(
    `| --consistent, Images API edit (first image as a File, ${first.bytes.length.toLocaleString("en-US")} ` +
      `B) | ${consistentEdit.medianMs} | ${perRow(consistentEdit)} |`,
  );
  results.print(
    `| --consistent, Responses API (first image as a data URL, JSON serialised) ` +
      `| ${consistentResponses.medianMs} | ${perRow(consistentResponses)} |`,
  );
}
