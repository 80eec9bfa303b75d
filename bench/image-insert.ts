/**
 * Benchmark: the main thread's work from image bytes to the layer on the canvas — the built dist/code.js
 * (evaluated as Figma runs it) answering `insert-image` for a 1536×1024 PNG of noise (4.7 MB, the worst case:
 * it does not compress) on the simulator. Measured from the plugin's message handler being called to
 * `image-placed` posted; the simulator's own createImage (a JS SHA-1 of the bytes, standing in for Figma's)
 * is timed apart and taken out, as is the message's structured clone (Figma's transport, not our work).
 */
import { performance } from "node:perf_hooks";
import vm from "node:vm";
import { waitForUi } from "../test/figma-sim/contract.js";
import { createFigmaSim } from "../test/figma-sim/sim.js";
import { CANVAS_FILE, imageRecord } from "../test/helpers/canvas-file.js";
import { median } from "./plugin-util.js";

export interface InsertSample {
  /** Handler called → image-placed posted. */
  handlerMs: number;
  /** Inside the simulator's createImage (hashing the bytes): not our work. */
  simCreateImageMs: number;
  /** handlerMs − simCreateImageMs: checks, placement, the rectangle, fill, record, relaunch, select, scroll. */
  oursMs: number;
}

type UiApi = { onmessage: ((message: unknown, props: unknown) => unknown) | undefined };

/**
 * The built plugin on a fresh simulator with the canvas file, its handler's entry time and the simulator's createImage
 * time taken apart.
 */
export interface TimedCanvas {
  sim: ReturnType<typeof createFigmaSim>;
  /** performance.now() when the plugin's message handler was last called. */
  enteredAt(): number;
  /** ms spent in the simulator's createImage since the last reset (not our work). */
  simCreateImageMs(): number;
  resetSimTime(): void;
}

export async function timedCanvas(code: string): Promise<TimedCanvas> {
  const sim = createFigmaSim({ file: CANVAS_FILE, command: "image", selectIds: ["2:1"] });
  vm.runInContext(
    code,
    vm.createContext({ figma: sim.figma, __html__: sim.html, console, setTimeout, clearTimeout, Uint8Array }),
    { filename: "dist/code.js" },
  );
  await waitForUi(sim, "init");
  const figma = sim.figma as { createImage(bytes: Uint8Array): unknown };
  const createImage = figma.createImage;
  let simMs = 0;
  figma.createImage = (b) => {
    const t0 = performance.now();
    try {
      return createImage(b);
    } finally {
      simMs += performance.now() - t0;
    }
  };
  const api = sim.ui.api as unknown as UiApi;
  const handler = api.onmessage!;
  let entered = 0;
  api.onmessage = (message, props) => {
    entered = performance.now();
    return handler(message, props);
  };
  return { sim, enteredAt: () => entered, simCreateImageMs: () => simMs, resetSimTime: () => void (simMs = 0) };
}

async function insertOnce(code: string, bytes: Uint8Array, run: number): Promise<InsertSample> {
  const { sim, enteredAt, simCreateImageMs } = await timedCanvas(code);
  await sim.ui.send({
    type: "insert-image",
    requestId: `bench-${run}`,
    bytes,
    width: 1536,
    height: 1024,
    record: imageRecord(),
  });
  const placed = sim.ui.all("image-placed");
  if (placed.length !== 1)
    throw new Error(`bench/image-insert: no image-placed (${JSON.stringify(sim.ui.all("error"))})`);
  const handlerMs = performance.now() - enteredAt();
  return { handlerMs, simCreateImageMs: simCreateImageMs(), oursMs: handlerMs - simCreateImageMs() };
}

/** Median of `runs` inserts after `warmup` ones, each in a fresh realm with a fresh simulator. */
export async function benchInsert(
  code: string,
  bytes: Uint8Array,
  runs: number,
  warmup = 3,
): Promise<{ handlerMs: number; simCreateImageMs: number; oursMs: number; maxOursMs: number }> {
  const samples: InsertSample[] = [];
  for (let i = 0; i < warmup + runs; i++) samples.push(await insertOnce(code, bytes, i));
  const timed = samples.slice(warmup);
  return {
    handlerMs: median(timed.map((s) => s.handlerMs)),
    simCreateImageMs: median(timed.map((s) => s.simCreateImageMs)),
    oursMs: median(timed.map((s) => s.oursMs)),
    maxOursMs: Math.max(...timed.map((s) => s.oursMs)),
  };
}
