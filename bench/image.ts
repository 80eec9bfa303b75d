/**
 * Benchmark: our work to build a reference-image request (ai/image/request.ts) on each path — Images API edit
 * (the reference as a File for the multipart upload), Responses API and chat (the reference as a base64
 * data URL in JSON) — and to serialise the JSON bodies as the SDK does before sending. Two references: a
 * real Figma render (test/fixtures/figma/grida-vector-frame.png) and a 1536×1024 "2× export" of noise, the
 * worst case for size (it does not compress). Returns its figures for the JSON results; prints a table.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { imageConfig } from "../ai/image/config.js";
import type { ImageRequest } from "../ai/image/options.js";
import { buildImageRequests, type ImagePlan } from "../ai/image/request.js";
import { DEFAULT_SETTINGS } from "../contract/settings.js";
import { pngFromRows } from "../test/openai-server/png.js";
import { benchRowsRun, RUN_ITEMS } from "./rows-run.js";
import { benchGrid, GRID_ITEMS } from "./grid-insert.js";
import { benchInsert } from "./image-insert.js";
import { readBuilt, repoRoot } from "./plugin-util.js";
import { round, type BenchResults } from "./results.js";
import { fmtMs, timeIt } from "./timing.js";
import { benchCount, quickSample, warmups } from "./quick.js";

export interface ImageBenchRow {
  path: "images (edit)" | "responses" | "chat";
  reference: string;
  referenceBytes: number;
  /** Median ms to build the request (buildImageRequests). */
  buildMs: number;
  /** Median ms to serialise it as JSON (0 for the multipart edit: the SDK encodes the form itself). */
  serializeMs: number;
  /** JSON body size in bytes (for the edit: the reference file's size). */
  bodyBytes: number;
}

/** A 1536×1024 RGB PNG of pseudo-random pixels: incompressible, about 4.7 MB. */
export function noisePng(width = 1536, height = 1024): Uint8Array {
  const stride = 1 + width * 3;
  const raw = new Uint8Array(stride * height);
  let seed = 0x2545f491;
  for (let i = 0; i < raw.length; i++) {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    raw[i] = i % stride === 0 ? 0 : seed & 0xff; // filter byte "None" at each row start
  }
  return new Uint8Array(pngFromRows(width, height, 3, raw, 1));
}

const bodyOf = (plan: ImagePlan): string => (plan.api === "images" ? "" : JSON.stringify(plan.params));

export async function imageRequestBench(runs: number): Promise<ImageBenchRow[]> {
  // Quick: the real render only (the noise's 4.7 MB take seconds to make, encode and serialise on each path).
  const references = quickSample([
    {
      name: "grida-vector-frame.png (500×500, Figma render)",
      bytes: () => new Uint8Array(readFileSync(join(repoRoot(), "test/fixtures/figma/grida-vector-frame.png"))),
    },
    { name: "noise 1536×1024 (2× export, worst case)", bytes: () => noisePng() },
  ]).map((reference) => ({ name: reference.name, bytes: reference.bytes() }));
  const configs = [
    { path: "images (edit)" as const, config: imageConfig({ ...DEFAULT_SETTINGS, provider: "openai" }, "sk-bench") },
    {
      path: "responses" as const,
      config: imageConfig({ ...DEFAULT_SETTINGS, provider: "openai" }, "sk-bench", { api: "responses" }),
    },
    { path: "chat" as const, config: imageConfig({ ...DEFAULT_SETTINGS, provider: "openrouter" }, "sk-bench") },
  ];
  const hint =
    "figment-hint 1\nF 1:2 Hero 1440x900 f:#fff\n" + 'T 1:3 Heading 48/56 #111 "Tea for every morning"\n'.repeat(40);
  const rows: ImageBenchRow[] = [];
  for (const reference of references) {
    for (const { path, config } of configs) {
      const request: ImageRequest = {
        prompt: "Turn this wireframe into a polished hero shot",
        references: [{ bytes: reference.bytes, name: "frame.png" }],
        designHint: hint,
        size: { width: 1536, height: 1024 },
        partials: 2,
      };
      const plan = buildImageRequests(config, request)[0]!;
      const build = await timeIt(`${path} build`, () => buildImageRequests(config, request), runs);
      const serialize =
        path === "images (edit)" ? undefined : await timeIt(`${path} serialize`, () => bodyOf(plan), runs);
      rows.push({
        path,
        reference: reference.name,
        referenceBytes: reference.bytes.length,
        buildMs: build.medianMs,
        serializeMs: serialize?.medianMs ?? 0,
        bodyBytes: path === "images (edit)" ? reference.bytes.length : bodyOf(plan).length,
      });
    }
  }
  return rows;
}

/** Runs the bench, prints its tables and records the figures under "image". */
export async function imageSection(runs: number, results: BenchResults): Promise<void> {
  const rows = await imageRequestBench(runs);
  for (const r of rows)
    results.set("image", ["requestBuild", `${r.path} · ${r.reference}`], {
      buildMedianMs: round(r.buildMs),
      serializeMedianMs: round(r.serializeMs),
      referenceBytes: r.referenceBytes,
      bodyBytes: r.bodyBytes,
      runs,
    });
  const int = (n: number): string => n.toLocaleString("en-US");
  results.print(`\n## image request build\n`);
  results.print(
    `Median ms of ${runs} runs after warm-up: building a reference-image request (one reference, the ` +
      `design hint, 1536×1024, 2 partials) and serialising its JSON body. Our work only; nothing is sent.\n`,
  );
  results.print(
    [
      "| path | reference | reference bytes | build | serialise | body bytes |",
      "| --- | --- | ---: | ---: | ---: | ---: |",
      ...rows.map(
        (r) =>
          `| ${r.path} | ${r.reference} | ${int(r.referenceBytes)} | ${fmtMs(r.buildMs)} ms | ` +
          `${r.path === "images (edit)" ? "(multipart, by the SDK)" : `${fmtMs(r.serializeMs)} ms`}` +
          ` | ${int(r.bodyBytes)} |`,
      ),
    ].join("\n"),
  );
  const png = noisePng();
  const insert = await benchInsert(readBuilt(repoRoot(), "dist/code.js"), png, runs, warmups(3));
  results.print(`\n## insert-image on the main thread\n`);
  results.print(
    `dist/code.js answering insert-image for a 1536×1024 PNG of noise (${int(png.length)} ` +
      `bytes) on the simulator; median of ${runs} runs, each in a fresh realm. Target: ≤ 100 ms.\n`,
  );
  results.print(
    [
      "| handler → image-placed | simulator's createImage (taken out) | ours | ours, slowest run |",
      "| ---: | ---: | ---: | ---: |",
      `| ${fmtMs(insert.handlerMs)} ms | ${fmtMs(insert.simCreateImageMs)} ` +
        `ms | ${fmtMs(insert.oursMs)} ms | ${fmtMs(insert.maxOursMs)} ms |`,
    ].join("\n"),
  );
  results.set("image", ["insertOnMainThread"], {
    handlerMedianMs: round(insert.handlerMs),
    simCreateImageMedianMs: round(insert.simCreateImageMs),
    oursMedianMs: round(insert.oursMs),
    oursMaxMs: round(insert.maxOursMs),
    targetMs: 100,
    met: insert.maxOursMs <= 100,
    pngBytes: png.length,
    runs,
  });
  // A batch of 20 into its grid: our work per image (fewer batches than runs: each batch is 20 placements).
  const batches = benchCount(Math.max(3, Math.round(runs / 4)));
  const grid = await benchGrid(readBuilt(repoRoot(), "dist/code.js"), png, 1536, 1024, batches, warmups(1));
  results.print(`\n## place-in-grid on the main thread\n`);
  results.print(
    `dist/code.js answering ${GRID_ITEMS} place-in-grid messages (the first makes the ` +
      `grid frame, the others add to it by id at their batch index) with the same 1536×1024 ` +
      `PNG of noise on the simulator; the simulator's createImage and the message's clone ` +
      `taken out; ${batches} batches, each in a fresh realm. Target: ≤ 100 ms per image.\n`,
  );
  results.print(
    [
      "| ours per image (median) | first (makes the grid) | 20th | whole batch of 20 | slowest image |",
      "| ---: | ---: | ---: | ---: | ---: |",
      `| ${fmtMs(grid.perImageMs)} ms | ${fmtMs(grid.firstMs)} ms | ${fmtMs(grid.lastMs)} ` +
        `ms | ${fmtMs(grid.batchMs)} ms | ${fmtMs(grid.maxPerImageMs)} ms |`,
    ].join("\n"),
  );
  results.set("image", ["gridOnMainThread"], {
    items: GRID_ITEMS,
    oursPerImageMedianMs: round(grid.perImageMs),
    firstMedianMs: round(grid.firstMs),
    lastMedianMs: round(grid.lastMs),
    batchMedianMs: round(grid.batchMs),
    oursMaxMs: round(grid.maxPerImageMs),
    targetMs: 100,
    met: grid.maxPerImageMs <= 100,
    pngBytes: png.length,
    batches,
  });
  // A live Rows run of 20: our work per image, request build + insert, the model's time excluded.
  const square = noisePng(1024, 1024);
  const reference = new Uint8Array(readFileSync(join(repoRoot(), "test/fixtures/figma/grida-vector-frame.png")));
  const live = await benchRowsRun(
    readBuilt(repoRoot(), "dist/code.js"),
    square,
    reference,
    batches,
    benchCount(Math.max(5, Math.round(runs / 4))),
  );
  results.print(`\n## Rows run: our work per image\n`);
  results.print(
    `A live Rows run of ${RUN_ITEMS} (ui/image/rows/run/), excluding model time: each item's ` +
      `request built as the panel and the worker build it (computed prompt, one style reference, ` +
      `from the second item on the accepted first image as a reference: an Images API edit; CPU ` +
      `time), and its insert (the 1024×1024 PNG of noise, ${int(square.length)} bytes, made ready ` +
      `for the canvas, its record, and dist/code.js answering place-in-grid on the simulator, its ` +
      `createImage taken out); ${batches} batches after a warm-up one. Target: ≤ 100 ms per image.\n`,
  );
  results.print(
    [
      "| our work per image (median) | request build | insert | whole batch of 20 |",
      "| ---: | ---: | ---: | ---: |",
      `| ${fmtMs(live.perImageMs)} ms | ${fmtMs(live.requestBuildMs)} ` +
        `ms | ${fmtMs(live.insertMs)} ms | ${fmtMs(live.batchMs)} ms |`,
    ].join("\n"),
  );
  results.set("image", ["batchRunPerImage"], {
    items: RUN_ITEMS,
    perImageMedianMs: round(live.perImageMs),
    requestBuildMedianMs: round(live.requestBuildMs),
    insertMedianMs: round(live.insertMs),
    batchMedianMs: round(live.batchMs),
    targetMs: 100,
    met: live.perImageMs <= 100,
    pngBytes: square.length,
    batches,
  });
}
