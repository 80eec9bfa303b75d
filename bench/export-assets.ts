/**
 * The main thread's export with assets (real dist/code.js in a fresh vm context on the figma simulator, as in
 * bench/plugin-main.ts), for the largest eval frame that has both image fills and vector layers: the frame's
 * REST JSON, then every image's bytes and every vector layer's SVG (plugin/export/assets.ts).
 *
 * Our work only: Figma's part is answered at once — the SVG markup and image bytes are made before the clock
 * starts and handed back as resolved promises — and the JSON export (the simulator's structuredClone) and
 * the postMessage of the result (its structured clone, Figma's in real use) are timed apart and taken out.
 * The same export without assets (`assets: false`) shows what the assets add.
 */
import { performance } from "node:perf_hooks";
import vm from "node:vm";
import { exportRoot, planAssets } from "../plugin/export/asset-plan.js";
import { waitForUi } from "../test/figma-sim/contract.js";
import { createFigmaSim, type FigmaSim } from "../test/figma-sim/sim.js";
import { encodePng } from "../test/openai-server/png.js";
import type { EvalFile } from "./fixtures.js";
import { evalFrames, heartbeat, type FrameChoice } from "./plugin-main.js";
import { readBuilt, repoRoot } from "./plugin-util.js";
import { round, timing, type BenchResults } from "./results.js";
import { fmtMs } from "./timing.js";
import { benchCount, warmups } from "./quick.js";

const RUNS = benchCount(20, 1, "BENCH_EXPORT_ASSETS_RUNS");

export interface AssetFrame extends FrameChoice {
  images: number;
  vectors: number;
}

interface Sample {
  /** `export-selection` sent → `export-result` posted. */
  totalMs: number;
  /** The simulator's JSON_REST_V1 export and the postMessage of the result: Figma's work in real use. */
  figmaMs: number;
  longestBlockMs: number;
  yields: number;
  images: number;
  svgs: number;
  imageBytes: number;
}

/** The largest eval frame (by layers) with at least one image fill and one vector layer. */
export function largestWithAssets(files: readonly EvalFile[]): AssetFrame {
  const frames: AssetFrame[] = [];
  // One simulator per file, not per frame (the design system's 48 frames would parse its 2 MB 48 times).
  const sims = new Map<string, FigmaSim>();
  for (const frame of evalFrames(files)) {
    const sim =
      sims.get(frame.file) ??
      createFigmaSim({ file: JSON.parse(files.find((f) => f.name === frame.file)!.text) as unknown });
    sims.set(frame.file, sim);
    const plan = planAssets([exportRoot(sim.node(frame.id).rest)!]);
    if (plan.images.size > 0 && plan.vectors.length > 0)
      frames.push({ ...frame, images: plan.images.size, vectors: plan.vectors.length });
  }
  const best = frames.sort((a, b) => b.nodes - a.nodes || b.jsonChars - a.jsonChars)[0];
  if (!best) throw new Error("bench/export-assets: no eval frame has both image fills and vector layers");
  return best;
}

/** Real 640×480 PNGs for the file's image fills, by imageRef (the plugin passes bytes on, never copies them). */
function imagesFor(file: unknown): Record<string, Uint8Array> {
  // test/figma-sim/node.ts has the same; it reads the fixtures folder at import, which the bundled bench cannot.
  const refs = [...new Set([...JSON.stringify(file).matchAll(/"imageRef":"([^"]+)"/g)].map((m) => m[1]!))];
  return Object.fromEntries(refs.map((ref, i) => [ref, new Uint8Array(encodePng(640 + 32 * i, 480, { seed: i + 1 }))]));
}

async function exportOnce(
  code: string,
  file: unknown,
  images: Record<string, Uint8Array>,
  frame: AssetFrame,
  requestId: string,
  assets: boolean,
): Promise<Sample> {
  const sim: FigmaSim = createFigmaSim({ file, selectIds: [frame.id], command: "code", images });
  const node = sim.node(frame.id);
  // Figma's part made beforehand and answered at once.
  const plan = planAssets([exportRoot(node.rest)!]);
  for (const layer of plan.vectors) {
    const vector = sim.node(layer.id);
    const svg = (await vector.exportAsync({ format: "SVG_STRING" })) as string;
    vector.exportAsync = (settings = {}) =>
      settings["format"] === "SVG_STRING"
        ? Promise.resolve(svg)
        : Promise.reject(new Error("bench: unexpected export"));
  }
  const figma = sim.figma as {
    getImageByHash(hash: string): { hash: string; getBytesAsync(): Promise<Uint8Array> } | null;
  };
  const lookup = figma.getImageByHash.bind(figma);
  figma.getImageByHash = (hash) => {
    const image = lookup(hash);
    const bytes = images[hash];
    return image && bytes ? { ...image, getBytesAsync: () => Promise.resolve(bytes) } : image;
  };
  let figmaMs = 0;
  const exportAsync = node.exportAsync.bind(node);
  node.exportAsync = async (settings = {}) => {
    const t0 = performance.now();
    try {
      return await exportAsync(settings);
    } finally {
      figmaMs += performance.now() - t0;
    }
  };
  const api = sim.ui.api as { postMessage(message: unknown): void };
  const postMessage = api.postMessage;
  let resultAt = 0;
  let result: { extras?: { images?: Record<string, Uint8Array>; svgs?: Record<string, string> } } = {};
  let failure: string | undefined;
  api.postMessage = (message: unknown): void => {
    const type = (message as { type?: unknown } | null)?.type;
    const t0 = performance.now();
    postMessage(message);
    const t1 = performance.now();
    if (type === "export-result") {
      figmaMs += t1 - t0;
      resultAt = t1;
      result = message as typeof result;
    } else if (type === "error") failure = (message as { message?: string }).message ?? "error";
  };
  let yields = 0;
  const pluginSetTimeout = (fn: () => void, ms?: number): ReturnType<typeof setTimeout> => {
    yields++;
    return setTimeout(fn, ms);
  };
  vm.runInContext(
    code,
    vm.createContext({ figma: sim.figma, __html__: sim.html, console, setTimeout: pluginSetTimeout, clearTimeout }),
    { filename: "dist/code.js" },
  );
  await waitForUi(sim, "init");
  yields = 0;
  const beat = heartbeat();
  const t0 = performance.now();
  await sim.ui.send({ type: "export-selection", requestId, png: false, assets });
  const longestBlockMs = beat.stop();
  if (failure || resultAt === 0)
    throw new Error(`bench/export-assets: export of ${frame.name} failed: ${failure ?? "no export-result"}`);
  const sent = Object.values(result.extras?.images ?? {});
  return {
    totalMs: resultAt - t0,
    figmaMs,
    longestBlockMs,
    yields,
    images: sent.length,
    svgs: Object.keys(result.extras?.svgs ?? {}).length,
    imageBytes: sent.reduce((n, b) => n + b.length, 0),
  };
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export async function exportAssetsSection(files: readonly EvalFile[], results: BenchResults): Promise<void> {
  const code = readBuilt(repoRoot(), "dist/code.js");
  const frame = largestWithAssets(files);
  const file = JSON.parse(files.find((f) => f.name === frame.file)!.text) as unknown;
  const images = imagesFor(file);
  const warmup = warmups(1);
  const run = async (assets: boolean): Promise<Sample[]> => {
    const all: Sample[] = [];
    for (let i = 0; i < warmup + RUNS; i++) all.push(await exportOnce(code, file, images, frame, `bench-${i}`, assets));
    return all.slice(warmup); // the first run warms up
  };
  const withAssets = await run(true);
  const without = await run(false);
  const ours = (s: Sample): number => s.totalMs - s.figmaMs;
  const s0 = withAssets[0]!;
  if (s0.images !== frame.images || s0.svgs !== frame.vectors)
    throw new Error(
      `bench/export-assets: sent ${s0.images} images and ${s0.svgs} ` +
        `SVGs, the plan has ${frame.images} and ${frame.vectors}`,
    );
  const oursMs = median(withAssets.map(ours));
  const withoutMs = median(without.map(ours));
  const stat = (values: number[]) => timing(values);
  results.print(`\n## Plugin export with images and icons (main thread, our work)\n`);
  results.print(
    `${frame.file} “${frame.name}” (${frame.id}): ${frame.nodes} layers, ${frame.images} ` +
      `image${frame.images === 1 ? "" : "s"} (${Math.round(s0.imageBytes / 1024)} KB of ` +
      `PNG), ${frame.vectors} vector layers as SVG. ` +
      `Export → result, Figma's part (JSON export, image bytes, SVG markup, ` +
      `postMessage clone) taken out: **${fmtMs(oursMs)} ms** median of ` +
      `${withAssets.length} (min ${fmtMs(Math.min(...withAssets.map(ours)))} ms) ` +
      `(without assets ${fmtMs(withoutMs)} ms, so the assets add ${fmtMs(oursMs - withoutMs)} ms); longest block ` +
      `without a yield ${fmtMs(median(withAssets.map((s) => s.longestBlockMs)))} ms; ${s0.yields} yields.\n`,
  );
  results.set("export-assets", ["frame"], {
    file: frame.file,
    id: frame.id,
    name: frame.name,
    nodes: frame.nodes,
    images: frame.images,
    vectors: frame.vectors,
    imageBytes: s0.imageBytes,
  });
  results.set("export-assets", ["oursMs"], stat(withAssets.map(ours)));
  results.set("export-assets", ["withoutAssetsOursMs"], stat(without.map(ours)));
  results.set("export-assets", ["assetsAddMs"], round(oursMs - withoutMs));
  results.set("export-assets", ["figmaPartMs"], stat(withAssets.map((s) => s.figmaMs)));
  results.set("export-assets", ["longestBlockMs"], stat(withAssets.map((s) => s.longestBlockMs)));
  results.set("export-assets", ["yields"], s0.yields);
}
