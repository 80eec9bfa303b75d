/**
 * Bench section "analyze": the deterministic findings (codegen/analyze) — time for the largest frame of the
 * fixture files and for a synthetic frame of 1,000 layers (goal ≤ 50 ms).
 *   BENCH_ONLY=analyze npm run bench
 */
import { cpus, loadavg } from "node:os";
import { analyzeDesign } from "../codegen/analyze/index.js";
import type { DesignDocument, DesignNode } from "../codegen/design/types.js";
import { loadDesign } from "../codegen/load.js";
import type { EvalFile } from "./fixtures.js";
import { againstTarget, type BenchResults, round, type Json } from "./results.js";
import { cpuTime, fmtMs, timeIt, type Timing } from "./timing.js";

const TARGET_MS = 50;
const SYNTHETIC_LAYERS = 1000;

function countLayers(node: DesignNode): number {
  return 1 + (node.children ?? []).reduce((n, c) => n + countLayers(c), 0);
}

let serial = 0;
const text = (chars: string, size: number, color: string, extra: Partial<DesignNode> = {}): DesignNode => ({
  id: `1:${++serial}`,
  name: chars,
  kind: "text",
  w: 200,
  h: Math.ceil(size * 1.4),
  text: {
    chars,
    style: { family: "Inter", size, weight: 400, color },
    resize: "height",
    alignH: "left",
    alignV: "top",
  },
  ...extra,
});

/** A product card of 9 layers: a background, an image, a title, a grey body, a small note, an icon and a button. */
function card(i: number): DesignNode {
  const button: DesignNode = {
    id: `1:${++serial}`,
    name: "Button",
    kind: "frame",
    w: 96,
    h: 20,
    fills: [{ kind: "solid", color: "#2f80ed" }],
    layout: { dir: "row", gap: 0, padding: [2, 12, 2, 12], justify: "center", align: "center" },
    children: [
      text("Buy", 12, "#ffffff", {
        w: 72,
        h: 16,
        text: {
          chars: "Buy",
          style: { family: "Inter", size: 12, weight: 600, color: "#ffffff" },
          resize: "none",
          alignH: "center",
          alignV: "center",
        },
      }),
    ],
  };
  return {
    id: `1:${++serial}`,
    name: `Card ${i}`,
    kind: "frame",
    x: (i % 10) * 240,
    y: Math.floor(i / 10) * 320,
    w: 224,
    h: 304,
    fills:
      i % 7 === 0
        ? [{ kind: "gradient", css: "linear-gradient(180deg, #ffffff 0%, #eeeeee 100%)" }]
        : [{ kind: "solid", color: "#ffffff" }],
    layout: { dir: "column", gap: 8, padding: [12, 12, 12, 12], justify: "start", align: "start" },
    children: [
      {
        id: `1:${++serial}`,
        name: i % 3 === 0 ? "image 3" : "Product photo",
        kind: "rect",
        w: 200,
        h: 120,
        fills: [{ kind: "image", asset: "photo.png", fit: "cover" }],
      },
      text(`Product ${i}`, 18, "#111111"),
      text("A short description of the product that wraps over two lines.", 14, i % 2 ? "#777777" : "#555555"),
      text("Ships in 2 days", 10, "#999999"),
      {
        id: `1:${++serial}`,
        name: "icon/heart",
        kind: "vector",
        w: 16,
        h: 16,
        fills: [{ kind: "solid", color: "#e91e63" }],
        asset: "heart.svg",
      },
      button,
      {
        id: `1:${++serial}`,
        name: "Divider",
        kind: "rect",
        w: 200,
        h: 1,
        fills: [{ kind: "solid", color: "rgba(0, 0, 0, 0.1)" }],
      },
    ],
  };
}

/** A frame of exactly `layers` layers: cards of 9 layers under one root, the rest as loose texts. */
export function syntheticFrame(layers = SYNTHETIC_LAYERS): DesignDocument {
  serial = 0;
  const children: DesignNode[] = [];
  let count = 1;
  for (let i = 0; count + 9 <= layers; i++, count += 9) children.push(card(i));
  while (count < layers) children.push(text(`Note ${count++}`, 12, "#333333", { x: 0, y: 0 }));
  const root: DesignNode = {
    id: "1:0",
    name: "Catalogue",
    kind: "frame",
    w: 2400,
    h: 3600,
    fills: [{ kind: "solid", color: "#fafafa" }],
    children,
  };
  return { frames: [root], assets: {} };
}

interface Largest {
  frame: { file: string; frame: DesignNode; layers: number };
  file: { file: string; doc: DesignDocument; layers: number };
}

/** The fixtures' largest top-level frame, and their largest file with all its frames. */
function largestFixtures(files: EvalFile[]): Largest {
  let best: Largest["frame"] | undefined;
  let bestFile: Largest["file"] | undefined;
  for (const file of files) {
    const doc = loadDesign(JSON.parse(file.text)).document;
    const total = doc.frames.reduce((n, f) => n + countLayers(f), 0);
    if (!bestFile || total > bestFile.layers) bestFile = { file: file.name, doc, layers: total };
    for (const frame of doc.frames) {
      const layers = countLayers(frame);
      if (!best || layers > best.layers) best = { file: file.name, frame, layers };
    }
  }
  if (!best || !bestFile) throw new Error("bench/analyze: no fixture frames");
  return { frame: best, file: bestFile };
}

export async function analyzeSection(files: EvalFile[], runs: number, results: BenchResults): Promise<void> {
  const timed = (t: Timing): Json => ({
    medianMs: round(t.medianMs),
    minMs: round(t.minMs),
    maxMs: round(t.maxMs),
    n: t.runs,
    warmup: t.warmup,
  });
  const { frame: largest, file: largestFile } = largestFixtures(files);
  const fixtureDoc: DesignDocument = { frames: [largest.frame], assets: {} };
  const synthetic = syntheticFrame();
  const syntheticLayers = countLayers(synthetic.frames[0]!);
  const fixtureTime = await timeIt("fixture", () => analyzeDesign(fixtureDoc), runs);
  const syntheticTime = await timeIt("synthetic", () => analyzeDesign(synthetic), runs);
  const fileTime = await timeIt("file", () => analyzeDesign(largestFile.doc), runs);
  const fileCpu = cpuTime(() => analyzeDesign(largestFile.doc), runs, Math.max(3, runs / 4));
  const fileFindings = analyzeDesign(largestFile.doc).length;
  const fixtureCpu = cpuTime(() => analyzeDesign(fixtureDoc), runs, Math.max(3, runs / 4));
  const syntheticCpu = cpuTime(() => analyzeDesign(synthetic), runs, Math.max(3, runs / 4));
  const fixtureFindings = analyzeDesign(fixtureDoc).length;
  const syntheticFindings = analyzeDesign(synthetic).length;

  results.print(`\n## analyze: deterministic findings\n`);
  results.print(
    `analyzeDesign (contrast with compositing, target size, text size, text in images, names) on one design tree, ` +
      `median of ${runs} runs after warm-up, in Node; the design ` +
      `tree is built beforehand (loading is the pipeline's cost). ` +
      `Wall time counts waiting for a core on a shared machine (load ` +
      `average ${round(loadavg()[0] ?? 0)} on ${cpus().length} cores here); ` +
      `CPU time (user + system) is the work itself, and the target is held against it.\n`,
  );
  const met = syntheticCpu.medianMs <= TARGET_MS;
  results.print(
    [
      `| frame | layers | findings | CPU median | CPU min | wall median ` +
        `| wall min | wall max | target ≤ ${TARGET_MS} ms / 1,000 layers |`,
      `| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |`,
      `| largest fixture frame: "${largest.frame.name}" (${largest.file}) | ${largest.layers} | ` +
        `${fixtureFindings} | ${fmtMs(fixtureCpu.medianMs)} ms | ${fmtMs(fixtureCpu.minMs)} ms | ` +
        `${fmtMs(fixtureTime.medianMs)} ms | ${fmtMs(fixtureTime.minMs)} ms | ${fmtMs(fixtureTime.maxMs)} ms | — |`,
      `| largest fixture file, all ${largestFile.doc.frames.length} frames (${largestFile.file}) | ` +
        `${largestFile.layers} | ${fileFindings} | ${fmtMs(fileCpu.medianMs)} ms | ${fmtMs(fileCpu.minMs)} ms ` +
        `| ${fmtMs(fileTime.medianMs)} ms | ${fmtMs(fileTime.minMs)} ms | ${fmtMs(fileTime.maxMs)} ms | — |`,
      `| synthetic catalogue (cards with images, texts, buttons) | ${syntheticLayers} | ${syntheticFindings} | ` +
        `${fmtMs(syntheticCpu.medianMs)} ms | ${fmtMs(syntheticCpu.minMs)} ms | ${fmtMs(syntheticTime.medianMs)} ` +
        `ms | ${fmtMs(syntheticTime.minMs)} ms | ${fmtMs(syntheticTime.maxMs)} ms | ${met ? "met" : "**missed**"} |`,
    ].join("\n"),
  );
  results.set("analyze", ["largestFixtureFrame"], {
    file: largest.file,
    frameId: largest.frame.id,
    frameName: largest.frame.name,
    layers: largest.layers,
    findings: fixtureFindings,
    time: timed(fixtureTime),
    cpu: fixtureCpu,
  });
  results.set("analyze", ["largestFixtureFile"], {
    file: largestFile.file,
    frames: largestFile.doc.frames.length,
    layers: largestFile.layers,
    findings: fileFindings,
    time: timed(fileTime),
    cpu: fileCpu,
  });
  results.set("analyze", ["synthetic"], {
    layers: syntheticLayers,
    findings: syntheticFindings,
    time: timed(syntheticTime),
    cpu: syntheticCpu,
    target: againstTarget(syntheticCpu.medianMs, TARGET_MS, "ms CPU"),
  });
}
