/**
 * The plugin's main thread in Node: the real dist/code.js, evaluated in a fresh vm context per run (as Figma
 * gives each plugin run a fresh realm) with the simulated `figma` global (test/figma-sim) as its global.
 *
 * - Start (benchMainStart): evaluating dist/code.js, which now carries the 2.8 MB worker payload, until it
 *   posts `init`; then the cost of answering `get-worker-source` (the handler, and the postMessage of the
 *   payload string, a structuredClone in the simulator). Each run's source gets a unique trailing comment so
 *   V8's compilation cache never serves it: every run compiles, as a plugin's first open in a session does.
 * - Export (benchMainExport): one frame with the `export-selection` message. Measures send → `export-result`,
 *   the longest synchronous block between yields (a setImmediate heartbeat: Figma freezes while the main
 *   thread computes), and the simulator's own costs (JSON export clone, PNG encoding, postMessage clone).
 */
import { performance } from "node:perf_hooks";
import vm from "node:vm";
import { waitForUi } from "../test/figma-sim/contract.js";
import { createFigmaSim, type FigmaSim, type SimNode } from "../test/figma-sim/sim.js";
import type { EvalFile } from "./fixtures.js";
import { codePartPayloadsIn, enginePayloadIn } from "./plugin-util.js";

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

/** evalFrames' answers by files list: the plugin, export-assets and score-panel sections each ask for the same. */
const framesOf = new WeakMap<readonly EvalFile[], FrameChoice[]>();

/** Every visible top-level frame-like node of the eval files, with its size. */
export function evalFrames(files: readonly EvalFile[]): FrameChoice[] {
  const known = framesOf.get(files);
  if (known) return [...known];
  const out: FrameChoice[] = [];
  for (const f of files) {
    const sim = createFigmaSim({ file: JSON.parse(f.text) as unknown });
    for (const node of sim.topLevel()) {
      if (!node.visible || !node.children) continue;
      out.push({
        file: f.name,
        id: node.id,
        name: node.name,
        nodes: descendants(node),
        jsonChars: JSON.stringify(node.rest).length,
        width: node.width,
        height: node.height,
      });
    }
  }
  framesOf.set(files, out);
  return [...out];
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
}

type Timer = ReturnType<typeof setTimeout>;

/** Max gap between setImmediate ticks while running; the event loop is otherwise idle in the bench. */
export function heartbeat(): { stop(): number } {
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
  const context = vm.createContext({
    figma: sim.figma,
    __html__: sim.html,
    console,
    setTimeout: pluginSetTimeout,
    clearTimeout,
  });
  vm.runInContext(code, context, { filename: "dist/code.js" });
  await waitForUi(sim, "init");
  if (sim.record.handlerErrors.length > 0 || failure)
    throw new Error(`bench/plugin: the plugin failed to start: ${failure ?? String(sim.record.handlerErrors[0])}`);

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
  };
}

/** `runs` exports of `frame` after `warmup` unmeasured ones, each in a fresh context with a fresh simulator. */
export async function benchMainExport(
  code: string,
  fileText: string,
  frame: FrameChoice,
  runs: number,
  warmup = 1,
): Promise<{ first: ExportSample; samples: ExportSample[] }> {
  const file = JSON.parse(fileText) as unknown;
  const all: ExportSample[] = [];
  for (let i = 0; i < warmup + runs; i++) all.push(await exportOnce(code, file, frame, `bench-${i}`));
  return { first: all[0]!, samples: all.slice(warmup) };
}

export interface StartSample {
  /** vm.runInContext of dist/code.js: compiling and running its top level (synchronous). */
  evalMs: number;
  /** Evaluation started → `init` posted (settings and API key read from clientStorage on the way). */
  initMs: number;
  /** `get-worker-source` handler entered → `worker-source` posted: one synchronous block. */
  sourceHandlerMs: number;
  /** The figma.ui.postMessage(worker-source) call alone (the simulator's structuredClone of the message). */
  sourcePostMs: number;
  /** The same handler on a second request (the UI asks once; this shows what the first call adds). */
  sourceHandlerAgainMs: number;
  /** Characters of the `data` the plugin posted. */
  sourceChars: number;
}

type UiApi = {
  postMessage(message: unknown): void;
  onmessage: ((message: unknown, props: unknown) => unknown) | undefined;
};

/**
 * dist/code.js with the engine's payload literals (the worker, its code parts) emptied: the start-up what-if without
 * them.
 */
export function withoutWorkerPayload(code: string): string {
  return [enginePayloadIn(code), ...Object.values(codePartPayloadsIn(code))].reduce(
    (out, payload) => out.replace(payload, () => ""),
    code,
  );
}

async function startOnce(
  code: string,
  file: unknown,
  selectId: string,
  run: number,
  askSource: boolean,
): Promise<StartSample> {
  const sim: FigmaSim = createFigmaSim({ file, selectIds: [selectId], command: "code" });
  const api = sim.ui.api as unknown as UiApi;
  const postMessage = api.postMessage;
  const posted = new Map<string, { at: number; postMs: number; message: unknown }>();
  let failure: string | undefined;
  api.postMessage = (message: unknown): void => {
    const type = String((message as { type?: unknown } | null)?.type);
    const t0 = performance.now();
    postMessage(message);
    const t1 = performance.now();
    posted.set(type, { at: t1, postMs: t1 - t0, message });
    if (type === "error") failure = (message as { message?: string }).message ?? "error";
  };
  const context = vm.createContext({ figma: sim.figma, __html__: sim.html, console, setTimeout, clearTimeout });
  // A unique source per run: V8 caches compiled scripts by source, and a plugin's first open compiles.
  const source = `${code}\n// bench run ${run}\n`;
  const t0 = performance.now();
  vm.runInContext(source, context, { filename: "dist/code.js" });
  const evalMs = performance.now() - t0;
  await waitForUi(sim, "init");
  const init = posted.get("init");
  if (!init || sim.record.handlerErrors.length > 0 || failure)
    throw new Error(
      `bench/plugin: the plugin failed to start: ${failure ?? String(sim.record.handlerErrors[0] ?? "no init")}`,
    );
  const sample: StartSample = {
    evalMs,
    initMs: init.at - t0,
    sourceHandlerMs: Number.NaN,
    sourcePostMs: Number.NaN,
    sourceHandlerAgainMs: Number.NaN,
    sourceChars: 0,
  };
  if (!askSource) return sample;

  const handler = api.onmessage;
  if (typeof handler !== "function") throw new Error("bench/plugin: the plugin set no figma.ui.onmessage");
  let entered = 0;
  api.onmessage = (message, props) => {
    entered = performance.now();
    return handler(message, props);
  };
  const ask = async (): Promise<{ handlerMs: number; postMs: number; chars: number }> => {
    posted.delete("worker-source");
    await sim.ui.send({ type: "get-worker-source", requestId: "bench" });
    const reply = posted.get("worker-source");
    if (failure || !reply)
      throw new Error(`bench/plugin: get-worker-source was not answered: ${failure ?? "no worker-source"}`);
    const data = (reply.message as { data?: unknown }).data;
    return { handlerMs: reply.at - entered, postMs: reply.postMs, chars: typeof data === "string" ? data.length : 0 };
  };
  const first = await ask();
  const again = await ask();
  return {
    ...sample,
    sourceHandlerMs: first.handlerMs,
    sourcePostMs: first.postMs,
    sourceHandlerAgainMs: again.handlerMs,
    sourceChars: first.chars,
  };
}

/**
 * `runs` starts of dist/code.js after `warmup` unmeasured ones, each in a fresh context with a fresh
 * simulator (the login frame selected), each then answering `get-worker-source` (unless `askSource` is false).
 */
export async function benchMainStart(
  code: string,
  fileText: string,
  selectId: string,
  runs: number,
  options: { warmup?: number; askSource?: boolean } = {},
): Promise<{ first: StartSample; samples: StartSample[] }> {
  const { warmup = 1, askSource = true } = options;
  const file = JSON.parse(fileText) as unknown;
  const all: StartSample[] = [];
  for (let i = 0; i < warmup + runs; i++) all.push(await startOnce(code, file, selectId, i, askSource));
  return { first: all[0]!, samples: all.slice(warmup) };
}
