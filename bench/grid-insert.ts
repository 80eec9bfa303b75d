/**
 * Benchmark: the main thread's work per image of a batch placed in its grid — the built dist/code.js
 * (evaluated as Figma runs it) answering 20 `place-in-grid` messages on the simulator: the first makes the
 * grid frame (auto layout, wrap), the others add to it by id (each at its batch index, so each one looks for
 * its place among the images already there). Measured from the plugin's message handler being called to
 * `image-placed` posted; the simulator's createImage (a JS SHA-1 of the bytes, standing in for Figma's) is
 * timed apart and taken out, as bench/image-insert.ts does, and so is the message's structured clone.
 */
import { performance } from "node:perf_hooks";
import { imageRecord } from "../test/helpers/canvas-file.js";
import { timedCanvas } from "./image-insert.js";
import { median } from "./plugin-util.js";

export const GRID_ITEMS = 20;

/** Our ms for each of the 20 placements of one batch (index 0 made the grid). */
async function gridOnce(code: string, bytes: Uint8Array, width: number, height: number): Promise<number[]> {
  const { sim, enteredAt, simCreateImageMs, resetSimTime } = await timedCanvas(code);
  const ours: number[] = [];
  let gridId: string | undefined;
  for (let index = 0; index < GRID_ITEMS; index++) {
    resetSimTime();
    const grid = gridId === undefined ? { name: "Bench batch" } : { id: gridId };
    await sim.ui.send({
      type: "place-in-grid",
      requestId: `grid-${index}`,
      grid,
      bytes,
      width,
      height,
      name: `Variant ${index + 1}`,
      record: imageRecord({ versionId: `bench-${index}` }),
      index,
    });
    const handlerMs = performance.now() - enteredAt();
    const placed = sim.ui.all("image-placed");
    if (placed.length !== index + 1)
      throw new Error(`bench/grid-insert: item ${index} not placed (${JSON.stringify(sim.ui.all("error"))})`);
    gridId ??= (placed[0]!["nodeIds"] as string[])[0];
    ours.push(handlerMs - simCreateImageMs());
  }
  if (sim.node(gridId!).children?.length !== GRID_ITEMS)
    throw new Error("bench/grid-insert: the grid does not hold every image");
  return ours;
}

export interface GridBench {
  /** Median of our ms per placement over every batch (all 20 items of each). */
  perImageMs: number;
  /** Median of the first placement (it makes the grid frame) and of the last (20th) one. */
  firstMs: number;
  lastMs: number;
  /** Our ms for a whole batch of 20 (median over batches). */
  batchMs: number;
  maxPerImageMs: number;
  batches: number;
}

/** `batches` batches of 20 after `warmup` ones, each in a fresh realm with a fresh simulator. */
export async function benchGrid(
  code: string,
  bytes: Uint8Array,
  width: number,
  height: number,
  batches: number,
  warmup = 1,
): Promise<GridBench> {
  const runs: number[][] = [];
  for (let i = 0; i < warmup + batches; i++) runs.push(await gridOnce(code, bytes, width, height));
  const timed = runs.slice(warmup);
  const all = timed.flat();
  return {
    perImageMs: median(all),
    firstMs: median(timed.map((r) => r[0]!)),
    lastMs: median(timed.map((r) => r.at(-1)!)),
    batchMs: median(timed.map((r) => r.reduce((a, b) => a + b, 0))),
    maxPerImageMs: Math.max(...all),
    batches,
  };
}
