/**
 * Layout inference (codegen/layout, issues 14 and 22): its CPU time on the largest absolute page — of the
 * responsive frames (test/helpers/responsive-frames.ts) and the corpus of real absolute pages
 * (test/fixtures/corpus/): no auto layout at the root, largest area, then most layers — against today's whole
 * pipeline for that page (load with its images, emit HTML with inference, project pass, prettier).
 * Goal: inference ≤ 10 % of the pipeline.
 *
 *   BENCH_ONLY=layout npm run bench
 */
import type { DesignNode } from "../codegen/design/types.js";
import { generateCode } from "../codegen/index.js";
import { COMPACT_WIDTH, inferLayout } from "../codegen/layout/index.js";
import { loadDesign } from "../codegen/load.js";
import { CORPUS_DIR, corpusImages, corpusJson, corpusPages } from "../test/helpers/corpus-frames.js";
import { frameNode, RESPONSIVE_FRAMES } from "../test/helpers/responsive-frames.js";
import { againstTarget, type BenchResults, round } from "./results.js";
import { cpuTime, cpuTimeAsync, fmtMs } from "./timing.js";
import { benchCount } from "./quick.js";

const count = (n: DesignNode): number => 1 + (n.children ?? []).reduce((s, c) => s + count(c), 0);

export async function layoutSection(runs: number, results: BenchResults): Promise<void> {
  let largest:
    | { file: string; json: unknown; images: Record<string, Uint8Array>; frame: DesignNode; layers: number }
    | undefined;
  const bigger = (a: { frame: DesignNode; layers: number }, b: { frame: DesignNode; layers: number }): boolean =>
    a.frame.w * a.frame.h > b.frame.w * b.frame.h ||
    (a.frame.w * a.frame.h === b.frame.w * b.frame.h && a.layers > b.layers);
  const candidates = [
    ...RESPONSIVE_FRAMES.filter((f) => f.layout === "absolute").map((entry) => ({
      file: entry.file,
      json: { document: frameNode(entry) } as unknown,
      images: {},
    })),
    ...corpusPages().map((page) => {
      const json = corpusJson(page);
      return { file: `${CORPUS_DIR}/${page.name}.nodes.json`, json, images: corpusImages(json) };
    }),
  ];
  for (const entry of candidates) {
    const frame = loadDesign(entry.json, [], { images: entry.images }).document.frames[0];
    if (!frame || frame.layout || frame.w <= COMPACT_WIDTH) continue;
    const candidate = { ...entry, frame, layers: count(frame) };
    if (!largest || bigger(candidate, largest)) largest = candidate;
  }
  if (!largest) return;
  const { frame, json, images } = largest;
  const infer = cpuTime(() => inferLayout({ frames: [frame], assets: {} }), runs);
  const pipeline = await cpuTimeAsync(
    async () =>
      generateCode(loadDesign(json, [], { images }).document, {
        target: "html",
        styling: "css-modules",
        nodeIds: false,
      }),
    benchCount(Math.max(3, Math.ceil(runs / 4))),
  );
  const share = infer.medianMs / pipeline.medianMs;
  results.print(`\n## layout: inference on the largest absolute page (responsive frames and the corpus)\n`);
  results.print(
    `| frame | layers | inference (CPU) | whole pipeline (CPU) | share | goal |\n|---|---|---|---|---|---|`,
  );
  results.print(
    `| ${largest.file} · ${frame.name} (${frame.w}×${frame.h}) | ${largest.layers} | ${fmtMs(infer.medianMs)} ` +
      `ms | ${fmtMs(pipeline.medianMs)} ms | ${round(share * 100)} % | ≤ 10 % ${share <= 0.1 ? "met" : "missed"} |`,
  );
  results.set("layout", ["largestAbsoluteFrame"], {
    file: largest.file,
    frameId: frame.id,
    frameName: frame.name,
    layers: largest.layers,
    inferenceCpu: infer,
    pipelineCpu: pipeline,
    share: againstTarget(share, 0.1, "ratio"),
  });
}
