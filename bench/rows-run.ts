/**
 * Benchmark: our work per image of a live Rows run of 20 (ui/image/rows/run/), the model's time excluded —
 * for each item, the request built as the panel and the worker build it (itemRequest: the computed prompt, the
 * style's reference and, after the first is accepted, the first image as a reference with the consistency
 * sentence; the worker's toImageRequest and ai/image buildImageRequests: the Images API edit with its files),
 * then its insert: the served PNG made ready for the canvas (a PNG within 4096 px goes as served, as
 * ui/image/convert.ts readyForCanvas decides), the layer's size and record, and the built dist/code.js answering
 * `place-in-grid` on the simulator (the first makes the grid; the simulator's createImage and the message's clone taken
 * out, as in bench/grid-insert.ts). The request build is CPU time (bench/timing.ts cpuTime); the insert is the plugin
 * handler's time, which is all CPU.
 */
import { performance } from "node:perf_hooks";
import { imageConfig } from "../ai/image/config.js";
import { buildImageRequests } from "../ai/image/request.js";
import { DEFAULT_SETTINGS } from "../contract/settings.js";
import { imageInfo } from "../ai/image/bytes.js";
import { recordOf } from "../ui/image/record.js";
import { imageRoute } from "../ai/image/route.js";
import type { ImageVersion } from "../ui/image/versions.js";
import { EMPTY_STYLE, type RowsPlan } from "../ui/image/rows/plan.js";
import { gridLayerSize } from "../ui/image/rows/run/layer-size.js";
import { itemRequest } from "../ui/image/rows/run/item-request.js";
import { toImageRequest } from "../ui/engine/jobs/image-request.js";
import { timedCanvas } from "./image-insert.js";
import { median } from "./plugin-util.js";
import { cpuTime } from "./timing.js";
import { warmups } from "./quick.js";

export const RUN_ITEMS = 20;

function planOf(reference: Uint8Array): RowsPlan {
  return {
    name: "Bench batch",
    items: Array.from({ length: RUN_ITEMS }, (_, i) => ({
      row: i + 1,
      values: { step: String(i + 1) },
      prompt:
        `Onboarding step ${i + 1}: a person setting up a reading lamp. Flat ` +
        `vector, soft light. Brand colours: #1A2B3C (Primary/500), #FFFFFF.`,
      stem: `${String(i + 1).padStart(2, "0")}-step-${i + 1}`,
    })),
    style: {
      ...EMPTY_STYLE,
      references: [{ nodeId: "1:1", name: "Moodboard", bytes: reference, width: 500, height: 500 }],
    },
    size: { width: 1024, height: 1024 },
    quality: "medium",
    acceptFirst: true,
    reasonFirst: false,
  };
}

function versionOf(bytes: Uint8Array, index: number, prompt: string): ImageVersion {
  return {
    id: `bbench-${index + 1}`,
    n: index + 1,
    prompt,
    width: 1024,
    height: 1024,
    format: "png",
    quality: "medium",
    size: "1024x1024",
    provider: "openai",
    api: "images",
    model: "gpt-image-2",
    imageModel: "gpt-image-2",
    createdAt: Date.now(),
    bytes,
    costUsd: 0.04,
    count: 1,
    index: 0,
    references: 2,
  };
}

export interface RunBench {
  /** Median CPU ms to build one item's request (panel + worker), over every item of the batch. */
  requestBuildMs: number;
  /** Median ms of one item's insert (panel's canvas prep + the plugin's place-in-grid), simulator taken out. */
  insertMs: number;
  /** The two together: our work per image. */
  perImageMs: number;
  /** Our whole batch of 20 (median over batches). */
  batchMs: number;
  batches: number;
}

async function runOnce(
  code: string,
  png: Uint8Array,
  reference: Uint8Array,
  runs: number,
): Promise<{ build: number[]; insert: number[] }> {
  const plan = planOf(reference);
  const config = imageConfig({ ...DEFAULT_SETTINGS, provider: "openai" }, "sk-bench");
  const route = imageRoute({ provider: "openai", model: "gpt-5" }, false);
  const first = versionOf(png, 0, plan.items[0]!.prompt);
  const { sim, enteredAt, simCreateImageMs, resetSimTime } = await timedCanvas(code);
  const build: number[] = [];
  const insert: number[] = [];
  let gridId: string | undefined;
  for (let index = 0; index < RUN_ITEMS; index++) {
    build.push(
      cpuTime(
        () =>
          buildImageRequests(config, toImageRequest(itemRequest(plan, index, route, index > 0 ? first : undefined))),
        runs,
        2,
      ).medianMs,
    );
    const version = versionOf(png, index, plan.items[index]!.prompt);
    const t0 = performance.now();
    // readyForCanvas's decision for a PNG within 4096 px (it goes as served; convert.ts needs a DOM).
    const image = imageInfo(png);
    if (!image || image.width > 4096 || image.height > 4096)
      throw new Error("bench/rows-run: the PNG would need converting");
    const size = gridLayerSize(image.width, image.height);
    const message = {
      type: "place-in-grid",
      requestId: `run-${index}`,
      grid: gridId ? { id: gridId } : { name: plan.name },
      bytes: png,
      ...size,
      name: plan.items[index]!.stem,
      record: recordOf(version),
      index,
    };
    const panelMs = performance.now() - t0;
    resetSimTime();
    await sim.ui.send(message);
    const handlerMs = performance.now() - enteredAt();
    const placed = sim.ui.all("image-placed");
    if (placed.length !== index + 1)
      throw new Error(`bench/rows-run: item ${index} not placed (${JSON.stringify(sim.ui.all("error"))})`);
    gridId ??= (placed[0]!["nodeIds"] as string[])[0];
    insert.push(panelMs + handlerMs - simCreateImageMs());
  }
  if (sim.node(gridId!).children?.length !== RUN_ITEMS)
    throw new Error("bench/rows-run: the grid does not hold every image");
  return { build, insert };
}

/** `batches` batches of 20 after one warm-up batch (none under BENCH_QUICK), each on a fresh simulator. */
export async function benchRowsRun(
  code: string,
  png: Uint8Array,
  reference: Uint8Array,
  batches: number,
  runs: number,
): Promise<RunBench> {
  const timed: { build: number[]; insert: number[] }[] = [];
  const warmup = warmups(1);
  for (let i = 0; i < warmup + batches; i++) {
    const one = await runOnce(code, png, reference, runs);
    if (i >= warmup) timed.push(one);
  }
  const requestBuildMs = median(timed.flatMap((t) => t.build));
  const insertMs = median(timed.flatMap((t) => t.insert));
  const batchMs = median(timed.map((t) => t.build.reduce((a, b) => a + b, 0) + t.insert.reduce((a, b) => a + b, 0)));
  return { requestBuildMs, insertMs, perImageMs: requestBuildMs + insertMs, batchMs, batches };
}
