/**
 * Bench "search", plugin side: the built dist/code.js (evaluated as Figma runs it) answering `scan-frames` for
 * 500 top-level frames on the simulator (10 pages of 50, strict dynamic-page: each page loaded with loadAsync).
 * Measured from the plugin's message handler being called to `search-index` posted; the simulator's exportAsync
 * (a structured clone of the REST JSON, standing in for Figma's export) is timed apart and taken out, as
 * bench/image-insert.ts does for createImage, and so are the macrotasks the scan yields to Figma. What stays is
 * our work: size checks, REST reading, hashing, frame documents, compressing and storing the index. A second scan
 * with nothing changed shows the incremental cost. Then the bytes clientStorage holds per frame (compressed
 * index), without extras and with a 256-d vector and a 300-character caption each (saved through
 * `save-search-extras`).
 */
import { performance } from "node:perf_hooks";
import vm from "node:vm";
import { DEFAULT_SEARCH_DIMENSIONS } from "../contract/limits.js";
import { encodeVector } from "../contract/vector-codec.js";
import { waitForUi } from "../test/figma-sim/contract.js";
import { createFigmaSim, SimNode, storedBytes, type FigmaSim } from "../test/figma-sim/sim.js";
import { median, readBuilt, repoRoot } from "./plugin-util.js";
import { type BenchResults, round } from "./results.js";
import { benchCount } from "./quick.js";

const WORDS = (
  "a mobile sign-in screen with logo at the top email and password fields primary button link to reset " +
  "footer terms light dark theme blue green accent generous spacing keyboard onboarding step map list " +
  "of orders card settings toggle avatar header navigation bar chart table empty state modal dialog"
).split(" ");
const CAPTION_CHARS = 300;

/** A caption of 300 characters, different per frame (English-like words: it compresses like a real one). */
function caption(seed: number): string {
  let s = seed * 2246822519 + 7;
  let text = "";
  while (text.length < CAPTION_CHARS)
    text += `${WORDS[((s = Math.imul(s ^ (s >>> 13), 3266489917)) >>> 0) % WORDS.length]} `;
  return text.slice(0, CAPTION_CHARS);
}

type ScanSample = {
  handlerMs: number;
  simExportMs: number;
  yieldMs: number;
  oursMs: number;
};

type UiApi = { onmessage: ((message: unknown, props: unknown) => unknown) | undefined };

/** Boots dist/code.js on a fresh simulator; `timers.yieldMs` adds up the plugin's setTimeout waits. */
async function boot(code: string, file: unknown): Promise<{ sim: FigmaSim; timers: { yieldMs: number } }> {
  const sim = createFigmaSim({ file, command: "search", fileKey: "BENCH" });
  const timers = { yieldMs: 0 };
  const timed = (fn: () => void, ms?: number): ReturnType<typeof setTimeout> => {
    const t0 = performance.now();
    return setTimeout(() => {
      timers.yieldMs += performance.now() - t0;
      fn();
    }, ms);
  };
  vm.runInContext(
    code,
    vm.createContext({
      figma: sim.figma,
      __html__: sim.html,
      console,
      setTimeout: timed,
      clearTimeout,
      Uint8Array,
      TextEncoder,
      TextDecoder,
    }),
    { filename: "dist/code.js" },
  );
  await waitForUi(sim, "init");
  return { sim, timers };
}

async function scanOnce(sim: FigmaSim, timers: { yieldMs: number }, requestId: string): Promise<ScanSample> {
  const original = SimNode.prototype.exportAsync;
  let simExportMs = 0;
  SimNode.prototype.exportAsync = async function (this: SimNode, settings) {
    const t0 = performance.now();
    try {
      return await original.call(this, settings);
    } finally {
      simExportMs += performance.now() - t0;
    }
  };
  const api = sim.ui.api as unknown as UiApi;
  const handler = api.onmessage!;
  let enteredAt = 0;
  let yieldAtEntry = 0;
  api.onmessage = (message, props) => {
    enteredAt = performance.now();
    yieldAtEntry = timers.yieldMs;
    return handler(message, props);
  };
  try {
    await sim.ui.send({ type: "scan-frames", requestId });
    const handlerMs = performance.now() - enteredAt;
    if (!sim.ui.all("search-index").some((m) => m["requestId"] === requestId))
      throw new Error(`bench/search-scan: no search-index (${JSON.stringify(sim.ui.all("error"))})`);
    const yieldMs = timers.yieldMs - yieldAtEntry;
    return { handlerMs, simExportMs, yieldMs, oursMs: handlerMs - simExportMs - yieldMs };
  } finally {
    SimNode.prototype.exportAsync = original;
    api.onmessage = handler;
  }
}

function randomVector(seed: number): string {
  let s = seed * 2654435761 + 1;
  return encodeVector(
    Array.from(
      { length: DEFAULT_SEARCH_DIMENSIONS },
      () => ((s = Math.imul(s ^ (s >>> 15), 2246822507)) >>> 0) / 2 ** 32 - 0.5,
    ),
  );
}

function indexBytes(sim: FigmaSim): number {
  const entry = [...sim.storage.entries()].find(([key]) => key.startsWith("figment.search/"));
  if (!entry) throw new Error("bench/search-scan: the index was not stored");
  return storedBytes(entry[0], entry[1]);
}

const summary = (xs: ScanSample[]): ScanSample => ({
  handlerMs: round(median(xs.map((x) => x.handlerMs))),
  simExportMs: round(median(xs.map((x) => x.simExportMs))),
  yieldMs: round(median(xs.map((x) => x.yieldMs))),
  oursMs: round(median(xs.map((x) => x.oursMs))),
});

type Node = { id: string; children?: Node[] };

/**
 * The synthetic file with every layer's id made unique (its frames are clones: the simulator, like Figma, needs one
 * node per id).
 */
function uniqueIds(file: unknown): unknown {
  const copy = structuredClone(file) as { document: { children: { children: Node[] }[] } };
  const rename = (node: Node, prefix: string): void => {
    for (const child of node.children ?? []) {
      child.id = `${prefix}${child.id}`;
      rename(child, prefix);
    }
  };
  for (const page of copy.document.children) for (const frame of page.children) rename(frame, `${frame.id}/`);
  return copy;
}

/**
 * Stored bytes per frame of a real file's index (clones of a few frames would compress unrealistically well):
 * after a scan, and after saving a 256-d vector (random floats: they do not compress, like real ones) and a
 * 300-character caption for every frame.
 */
async function storedBytesPerFrame(
  code: string,
  file: unknown,
): Promise<{ plain: number; rich: number; count: number }> {
  const { sim } = await boot(code, file);
  await sim.ui.send({ type: "scan-frames", requestId: "bytes" });
  const answer = sim.ui.all("search-index").at(-1) as { index: { docs: { id: string; hash: string }[] } };
  const docs = answer.index.docs;
  const plain = indexBytes(sim) / docs.length;
  await sim.ui.send({
    type: "save-search-extras",
    requestId: "extras",
    vectors: Object.fromEntries(
      docs.map((d, k) => [
        d.id,
        {
          hash: d.hash,
          model: "text-embedding-3-small",
          dimensions: DEFAULT_SEARCH_DIMENSIONS,
          vector: randomVector(k + 1),
        },
      ]),
    ),
    captions: Object.fromEntries(
      docs.map((d, k) => [d.id, { hash: d.hash, model: "gpt-4.1-mini", text: caption(k + 1) }]),
    ),
  });
  if (!sim.ui.all("done").some((m) => m["requestId"] === "extras"))
    throw new Error(`bench/search-scan: extras not saved (${JSON.stringify(sim.ui.all("error"))})`);
  return { plain, rich: indexBytes(sim) / docs.length, count: docs.length };
}

export async function searchScanSection(
  synthetic: unknown,
  realFile: unknown,
  frames: number,
  runs: number,
  results: BenchResults,
): Promise<void> {
  const file = uniqueIds(synthetic);
  const code = readBuilt(repoRoot(), "dist/code.js");
  const first: ScanSample[] = [];
  const again: ScanSample[] = [];
  const n = benchCount(Math.max(3, Math.min(runs, 7)));
  for (let i = 0; i < n; i++) {
    const { sim, timers } = await boot(code, file);
    first.push(await scanOnce(sim, timers, `scan-${i}`));
    again.push(await scanOnce(sim, timers, `rescan-${i}`));
    const docs = (sim.ui.all("search-index").at(-1) as { index: { docs: unknown[] } }).index.docs;
    if (docs.length !== frames) throw new Error(`bench/search-scan: the scan read ${docs.length} of ${frames} frames`);
  }
  const { plain, rich, count } = await storedBytesPerFrame(code, realFile);
  const figures = {
    frames,
    runs: n,
    firstScan: summary(first),
    unchangedScan: summary(again),
    storedBytesPerFrame: {
      file: "figmagic-design-system.file.json",
      frames: count,
      withoutExtras: Math.round(plain),
      withVectorAndCaption: Math.round(rich),
      dimensions: DEFAULT_SEARCH_DIMENSIONS,
      captionChars: CAPTION_CHARS,
      thousandFramesBytes: Math.round(rich * 1000),
    },
  };
  results.set("search", ["scan500"], figures);
  results.print(
    [
      ``,
      `Plugin side: dist/code.js answering scan-frames for ${frames} frames on the simulator ` +
        `(10 pages, each loaded with loadAsync); wall-clock median of ${n} runs, each in a ` +
        `fresh realm, with the simulator's exportAsync and the yields to Figma taken out.`,
      ``,
      `| figure | value |`,
      `| --- | ---: |`,
      `| scan ${frames} frames, our work (all new: every document ` +
        `computed, index stored) | ${figures.firstScan.oursMs} ms |`,
      `| of the same scan, the simulator's exportAsync / yields (not ours) | ` +
        `${figures.firstScan.simExportMs} ms / ${figures.firstScan.yieldMs} ms |`,
      `| scan again with nothing changed (hashes only, documents ` +
        `kept), our work | ${figures.unchangedScan.oursMs} ms |`,
      `| stored bytes per frame (compressed index; the ${count} frames of ` +
        `figmagic-design-system) without extras | ${figures.storedBytesPerFrame.withoutExtras} |`,
      `| stored bytes per frame with a ${DEFAULT_SEARCH_DIMENSIONS}-d vector and a ` +
        `${CAPTION_CHARS}-char caption | ${figures.storedBytesPerFrame.withVectorAndCaption} |`,
      `| so 1,000 such frames take | ${(rich / 1000).toFixed(2)} MB of the 5 MB |`,
    ].join("\n") + "\n",
  );
}
