/**
 * ComfyUI's live previews in the Image panel (issue 73): the real dist/code.js and dist/ui.html in the browser harness,
 * the engine worker watching the ComfyUI test server's WebSocket (test/comfyui-server/) on 127.0.0.1 while its
 * sampler takes a step every STEP_MS and sends each step's preview as TAESD does (a 512×512 picture, ComfyUI's
 * default --preview-size). For each preview: the frame's arrival in the worker (the moment it is read off the
 * socket) → painted on the panel's canvas (the animation frame after the draw), and the server's write → painted.
 * Target: the first preview painted ≤ 100 ms after its frame arrives. And nothing blocks the panel while the run goes
 * on: the panel's long tasks (≥ 50 ms, the browser's Long Tasks API) from Generate to the finished version.
 * Wall-clock ms (performance.timeOrigin + now, in the server, the worker and the panel alike).
 */
import type { PageHost } from "../cli/measure/browser.js";
import { type ComfyTestServer, startComfyServer } from "../test/comfyui-server/server.js";
import { withPluginPage } from "../test/harness/plugin-page.js";
import { pngFromRows } from "../test/openai-server/png.js";
import { repoRoot } from "./plugin-util.js";
import { round, type BenchResults } from "./results.js";
import { benchCount, withBenchBrowser } from "./quick.js";

const STEPS = benchCount(20, 4);
const STEP_MS = 80;
const PREVIEW_SIDE = 512;
const FIRST_TARGET_MS = 100;
const LONG_TASK_MS = 50;

interface Paint {
  image: number;
  index: number;
  reportedAt: number | null;
  arrivedAt: number;
  paintedAt: number;
}

/** A grainy 512×512 PNG for step `step`: it deflates about as a TAESD preview of a photo does. */
function previewPng(step: number): Uint8Array {
  const stride = 1 + PREVIEW_SIDE * 3;
  const raw = new Uint8Array(stride * PREVIEW_SIDE);
  let state = 0x2545f491 ^ step;
  for (let y = 0; y < PREVIEW_SIDE; y++) {
    for (let x = 0; x < PREVIEW_SIDE; x++) {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      const grain = (state & 15) - 8;
      const at = y * stride + 1 + x * 3;
      raw[at] = Math.max(0, Math.min(255, (x >> 1) + grain + step * 6));
      raw[at + 1] = Math.max(0, Math.min(255, (y >> 1) + grain));
      raw[at + 2] = Math.max(0, Math.min(255, 140 + grain));
    }
  }
  return pngFromRows(PREVIEW_SIDE, PREVIEW_SIDE, 3, raw, 6);
}

/** In the panel: every long task from now on, by duration. */
const WATCH_LONG_TASKS = `(() => {
  window.__figmentLongTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__figmentLongTasks.push(entry.duration);
  }).observe({ type: "longtask" });
})()`;

interface Pass {
  fromArrival: number[];
  fromWrite: number[];
  inPanel: number[];
  first: number;
  longTasks: number[];
  previews: number;
  painted: number;
}

async function onePass(host: PageHost, previews: Uint8Array[]): Promise<Pass> {
  const comfy: ComfyTestServer = await startComfyServer({ cors: "*" });
  try {
    comfy.next({ stepMs: STEP_MS, preview: (step) => previews[step - 1] ?? previews[0]! });
    const storage = {
      "figment.settings": { imageSource: "comfyui", sdBaseUrl: comfy.url, sdModel: "dreamshaper_8.safetensors" },
    };
    const { paints, longTasks } = await withPluginPage(
      host,
      {
        root: repoRoot(),
        fixture: "figmasharp-login.file.json",
        select: [],
        command: "image",
        storage,
        allowOrigins: [new URL(comfy.url).origin],
      },
      async ({ ui }) => {
        await ui.locator(".panel--image").waitFor();
        await ui.getByRole("textbox", { name: "Describe the image" }).fill("A lighthouse at dusk, watercolour");
        await ui.getByRole("textbox", { name: "Steps" }).fill(String(STEPS));
        await ui.evaluate(WATCH_LONG_TASKS);
        await ui.getByRole("button", { name: "Generate image" }).click();
        await ui.locator(".version").waitFor({ timeout: 120_000 });
        return {
          paints: await ui.evaluate<Paint[]>("figmentImageStats()"),
          longTasks: await ui.evaluate<number[]>("window.__figmentLongTasks"),
        };
      },
    );
    const shown = paints.filter((p) => p.image === 0).sort((a, b) => a.index - b.index);
    const fromArrival = shown.flatMap((p) => (p.reportedAt === null ? [] : [p.paintedAt - p.reportedAt]));
    const fromWrite = shown.flatMap((p) => {
      const sent = comfy.previewsSent[p.index];
      return sent ? [p.paintedAt - sent.at] : [];
    });
    const firstPaint = shown[0];
    if (!firstPaint || firstPaint.reportedAt === null) throw new Error("comfy-panel: no preview was painted");
    return {
      fromArrival,
      fromWrite,
      inPanel: shown.map((p) => p.paintedAt - p.arrivedAt),
      first: firstPaint.paintedAt - firstPaint.reportedAt,
      longTasks,
      previews: comfy.previewsSent.length,
      painted: shown.length,
    };
  } finally {
    await comfy.close();
  }
}

const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return { median: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? Number.NaN, n: sorted.length };
};

/** Runs the passes, prints the table and records the figures under "comfy-panel". */
export async function comfyPanelSection(results: BenchResults, passes = benchCount(3, 1)): Promise<void> {
  const previews = Array.from({ length: STEPS }, (_, i) => previewPng(i + 1));
  const runs: Pass[] = [];
  await withBenchBrowser(
    async (host) => {
      for (let i = 0; i < passes; i++) runs.push(await onePass(host, previews));
    },
    { localModelServer: true },
  );
  const first = stats(runs.map((r) => r.first));
  const arrival = stats(runs.flatMap((r) => r.fromArrival));
  const write = stats(runs.flatMap((r) => r.fromWrite));
  const panel = stats(runs.flatMap((r) => r.inPanel));
  const longTasks = runs.flatMap((r) => r.longTasks);
  const longest = longTasks.length ? Math.max(...longTasks) : 0;
  const sent = runs.reduce((n, r) => n + r.previews, 0);
  const painted = runs.reduce((n, r) => n + r.painted, 0);
  const figure = (s: ReturnType<typeof stats>) => ({
    medianMs: round(s.median),
    p95Ms: round(s.p95),
    maxMs: round(s.max),
    n: s.n,
  });
  results.set("comfy-panel", ["firstPreview", "frameArrivalToPainted"], {
    ...figure(first),
    targetMaxMs: FIRST_TARGET_MS,
    met: first.max <= FIRST_TARGET_MS,
  });
  results.set("comfy-panel", ["everyPreview", "frameArrivalToPainted"], figure(arrival));
  results.set("comfy-panel", ["everyPreview", "serverWriteToPainted"], figure(write));
  results.set("comfy-panel", ["everyPreview", "inPanel"], figure(panel));
  results.set("comfy-panel", ["panelLongTasks"], {
    count: longTasks.length,
    longestMs: round(longest),
    thresholdMs: LONG_TASK_MS,
    met: longTasks.length === 0,
  });
  results.set("comfy-panel", ["setup"], {
    passes,
    steps: STEPS,
    stepMs: STEP_MS,
    previewSide: PREVIEW_SIDE,
    previewPngBytes: previews[0]!.length,
    previewsSent: sent,
    previewsPainted: painted,
  });
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  const row = (name: string, s: ReturnType<typeof stats>) =>
    `| ${name} | ${ms(s.median)} | ${ms(s.p95)} | ${ms(s.max)} | ${s.n} |`;
  results.print(`\n## ComfyUI previews → panel paint\n`);
  results.print(
    `The Image panel with a ComfyUI source in the browser harness: the worker watches the ComfyUI test server's ` +
      `WebSocket on 127.0.0.1, whose sampler takes ${STEPS} steps of ${STEP_MS} ms and sends each step's preview as ` +
      `TAESD does (${PREVIEW_SIDE}×${PREVIEW_SIDE} PNG, ${previews[0]!.length.toLocaleString("en-US")} bytes); ` +
      `${passes} runs, ${painted} of ${sent} previews painted (a newer one may replace a preview not yet drawn). ` +
      `Target: the first preview painted ≤ ${FIRST_TARGET_MS} ms after its frame arrives in the worker ` +
      `(${first.max <= FIRST_TARGET_MS ? "met" : "missed"}, worst ${ms(first.max)}); the panel's long tasks ` +
      `(≥ ${LONG_TASK_MS} ms) from Generate to the finished version: ${longTasks.length}` +
      `${longTasks.length ? `, the longest ${ms(longest)}` : ""}.\n`,
  );
  results.print(
    [
      "| measure | median | p95 | max | samples |",
      "| --- | ---: | ---: | ---: | ---: |",
      row("**first preview: frame arrival → painted**", first),
      row("every preview: frame arrival → painted", arrival),
      row("of which: in the panel (decode, draw, next frame)", panel),
      row("every preview: server write → painted", write),
    ].join("\n"),
  );
}
