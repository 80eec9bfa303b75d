/**
 * The plugin's main thread in Node: the real dist/code.js, evaluated in a fresh vm context per run (as Figma
 * gives each plugin run a fresh realm) with the simulated `figma` global (test/figma-sim) as its global,
 * exporting one frame with the `export-selection` message. Measures send → `export-result`, the longest
 * synchronous block between yields (a setImmediate heartbeat: Figma freezes while the main thread computes),
 * and the simulator's own costs (JSON export clone, PNG encoding, postMessage clone) separately.
 */
import { performance } from "node:perf_hooks";
import vm from "node:vm";
import { waitForUi } from "../test/figma-sim/contract.js";
import { createFigmaSim, type FigmaSim, type SimNode } from "../test/figma-sim/sim.js";
import type { EvalFile } from "./fixtures.js";

export interface FrameChoice {
  file: string;
  id: string;
  name: string;
  /** Descendants (the frame itself not counted). */
  nodes: number;
  /** Characters of the frame's REST JSON. */
  jsonChars: number;
  width: number;
  height: number;
}

function descendants(node: SimNode): number {
  let n = 0;
  for (const child of node.children ?? []) n += 1 + descendants(child);
  return n;
}

/** Every visible top-level frame-like node of the eval files, with its size. */
export function evalFrames(files: readonly EvalFile[]): FrameChoice[] {
  const out: FrameChoice[] = [];
  for (const f of files) {
    const sim = createFigmaSim({ file: JSON.parse(f.text) as unknown });
    for (const node of sim.topLevel()) {
      if (!node.visible || !node.children) continue;
      out.push({ file: f.name, id: node.id, name: node.name, nodes: descendants(node), jsonChars: JSON.stringify(node.rest).length, width: node.width, height: node.height });
    }
  }
  return out;
}

/** The largest frame by node count (ties: the larger JSON). */
export function largestByNodes(frames: readonly FrameChoice[]): FrameChoice {
  const best = [...frames].sort((a, b) => b.nodes - a.nodes || b.jsonChars - a.jsonChars)[0];
  if (!best) throw new Error("bench/plugin: no frames in the eval files");
  return best;
}

export interface ExportSample {
  /** `export-selection` sent → `export-result` posted by the plugin. */
  totalMs: number;
  /** Longest gap between two heartbeat ticks during the export: the longest the main thread never yielded. */
  longestBlockMs: number;
  /** setTimeout calls the plugin made during the export (its yields to Figma). */
  yields: number;
  /** Time inside the simulator's exportAsync, by format (JSON_REST_V1: structuredClone; PNG: encoding). */
  simJsonMs: number;
  simPngMs: number;
  /** figma.ui.postMessage of `export-result` (the simulator's structuredClone of the message). */
  postResultMs: number;
  png: { width: number; height: number };
  /** dist/code.js evaluated → `init` posted. */
  startMs: number;
}

type Timer = ReturnType<typeof setTimeout>;

/** Max gap between setImmediate ticks while running; the event loop is otherwise idle in the bench. */
function heartbeat(): { stop(): number } {
  let last = performance.now();
  let longest = 0;
  let running = true;
  const tick = (): void => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  return {
    stop: () => {
      running = false;
      return Math.max(longest, performance.now() - last);
    },
  };
}

async function exportOnce(code: string, file: unknown, frame: FrameChoice, requestId: string): Promise<ExportSample> {
  const sim: FigmaSim = createFigmaSim({ file, selectIds: [frame.id], command: "code" });
  const node = sim.node(frame.id);
  const simMs: Record<string, number> = {};
  const exportAsync = node.exportAsync.bind(node);
  node.exportAsync = async (settings = {}) => {
    const t0 = performance.now();
    try {
      return await exportAsync(settings);
    } finally {
      const format = typeof settings["format"] === "string" ? settings["format"] : "PNG";
      simMs[format] = (simMs[format] ?? 0) + performance.now() - t0;
    }
  };
  const api = sim.ui.api as { postMessage(message: unknown): void };
  const postMessage = api.postMessage;
  let postResultMs = 0;
  let resultAt = 0;
  let failure: string | undefined;
  api.postMessage = (message: unknown): void => {
    const type = (message as { type?: unknown } | null)?.type;
    const t0 = performance.now();
    postMessage(message);
    const t1 = performance.now();
    if (type === "export-result") {
      postResultMs = t1 - t0;
      resultAt = t1;
    } else if (type === "error") {
      failure = (message as { message?: string }).message ?? "error";
    }
  };
  let yields = 0;
  const pluginSetTimeout = (fn: () => void, ms?: number): Timer => {
    yields++;
    return setTimeout(fn, ms);
  };
  const context = vm.createContext({ figma: sim.figma, __html__: sim.html, console, setTimeout: pluginSetTimeout, clearTimeout });
  const started = performance.now();
  vm.runInContext(code, context, { filename: "dist/code.js" });
  await waitForUi(sim, "init");
  const startMs = performance.now() - started;
  if (sim.record.handlerErrors.length > 0 || failure) throw new Error(`bench/plugin: the plugin failed to start: ${failure ?? String(sim.record.handlerErrors[0])}`);

  yields = 0;
  const beat = heartbeat();
  const t0 = performance.now();
  await sim.ui.send({ type: "export-selection", requestId });
  const longestBlockMs = beat.stop();
  if (failure) throw new Error(`bench/plugin: export of ${frame.name} failed: ${failure}`);
  if (resultAt === 0) throw new Error(`bench/plugin: export of ${frame.name} sent no export-result`);
  const png = sim.record.exports.find((e) => e.format === "PNG");
  return {
    totalMs: resultAt - t0,
    longestBlockMs,
    yields,
    simJsonMs: simMs["JSON_REST_V1"] ?? 0,
    simPngMs: simMs["PNG"] ?? 0,
    postResultMs,
    png: { width: png?.width ?? 0, height: png?.height ?? 0 },
    startMs,
  };
}

/** `runs` exports of `frame` after `warmup` unmeasured ones, each in a fresh context with a fresh simulator. */
export async function benchMainExport(code: string, fileText: string, frame: FrameChoice, runs: number, warmup = 1): Promise<{ first: ExportSample; samples: ExportSample[] }> {
  const file = JSON.parse(fileText) as unknown;
  const all: ExportSample[] = [];
  for (let i = 0; i < warmup + runs; i++) all.push(await exportOnce(code, file, frame, `bench-${i}`));
  return { first: all[0]!, samples: all.slice(warmup) };
}
