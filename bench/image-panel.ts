/**
 * The Generate image panel in the browser harness (real dist/code.js and dist/ui.html, headless Chromium), the
 * worker reading an Images API stream of 1536×1024 partial images from the OpenAI-wire test server on
 * 127.0.0.1: how long after the server writes a partial image's event it is on screen in the panel. Two
 * measures per partial: from the server's write (the whole path: transfer, SDK, base64, worker → panel,
 * decode, draw) and from the event's arrival in the panel (the panel's own work: decode and draw, to the
 * next animation frame). Wall-clock ms (performance.timeOrigin + now) on one machine.
 */
import type { Browser } from "playwright-core";
import { launchChromium } from "../cli/browser.js";
import { withPluginPage } from "../test/harness/plugin-page.js";
import { pngFromRows } from "../test/openai-server/png.js";
import { startOpenAiServer, type ScriptedReply } from "../test/openai-server/server.js";
import { repoRoot } from "./plugin-util.js";
import { round, type BenchResults, type Json } from "./results.js";

interface Paint {
  image: number;
  index: number;
  bytes: number;
  reportedAt: number | null;
  arrivedAt: number;
  drawnAt: number;
  paintedAt: number;
}

export interface PartialPaintSamples {
  /** Server write → painted frame, ms. */
  fromWrite: number[];
  /** The model client's partial event (in the worker, bytes decoded from base64) → painted frame, ms. */
  fromEvent: number[];
  /** The partial event → its arrival in the panel (decoded in the worker, the bitmap transferred), ms. */
  inWorker: number[];
  /** Arrival in the panel → painted frame, ms. */
  inPanel: number[];
}

const SIZE = { width: 1536, height: 1024 };
const PARTIALS = 3;

/**
 * A photo-like 1536×1024 PNG: a gradient with fine grain, so it deflates about as a generated picture does
 * (≈ 3 MB, where the test server's flat gradients are a few kB and pure noise 4.7 MB).
 */
function photoLikePng(seed: number): Buffer {
  const { width, height } = SIZE;
  const stride = 1 + width * 3;
  const raw = new Uint8Array(stride * height);
  let state = 0x9e3779b9 ^ seed;
  for (let y = 0; y < height; y++) {
    raw[y * stride] = 0;
    for (let x = 0; x < width; x++) {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      const grain = (state & 7) - 4;
      const at = y * stride + 1 + x * 3;
      raw[at] = Math.max(0, Math.min(255, ((x * 255) / width + grain + seed * 40) & 255));
      raw[at + 1] = Math.max(0, Math.min(255, (y * 255) / height + grain));
      raw[at + 2] = Math.max(0, Math.min(255, 128 + grain));
    }
  }
  return pngFromRows(width, height, 3, raw, 6);
}

/** The Images API's stream for one image: PARTIALS partial images, then the completed one. */
function imageStream(gapMs: number): { reply: ScriptedReply; pngBytes: number } {
  const common = { created_at: 1_767_225_600, size: `${SIZE.width}x${SIZE.height}`, quality: "high", background: "opaque", output_format: "png" };
  const events: unknown[] = Array.from({ length: PARTIALS }, (_, index) => ({ ...common, type: "image_generation.partial_image", b64_json: photoLikePng(index + 1).toString("base64"), partial_image_index: index }));
  const final = photoLikePng(9);
  events.push({ ...common, type: "image_generation.completed", b64_json: final.toString("base64"), usage: { input_tokens: 10, input_tokens_details: { text_tokens: 10, image_tokens: 0 }, output_tokens: 6000, total_tokens: 6010 } });
  return { reply: { kind: "sse", events, delayMs: gapMs }, pngBytes: final.length };
}

/** One generation with PARTIALS partial images; pairs each partial's server write with its paint. */
async function onePass(browser: Browser, stream: ScriptedReply): Promise<PartialPaintSamples> {
  const server = await startOpenAiServer();
  try {
    server.push(stream);
    const storage = { "figment.settings": { provider: "openai", baseUrl: server.url, model: "gpt-5.4-image-2" }, "figment.apiKey": "sk-bench-0000" };
    const paints = await withPluginPage(browser, { root: repoRoot(), fixture: "figmasharp-login.file.json", select: [], command: "image", storage, allowOrigins: [new URL(server.url).origin] }, async ({ ui, page }) => {
      if (process.env["BENCH_DEBUG"]) page.on("console", (m) => m.text().startsWith("decode") && console.log(m.text()));
      await ui.getByRole("textbox", { name: "Describe the image" }).fill("A hero shot for a tea brand");
      await ui.getByRole("combobox", { name: "Size" }).click();
      await ui.getByRole("option", { name: /Landscape 3:2/ }).click();
      await ui.getByRole("button", { name: "Generate image" }).click();
      await ui.locator(".image-confirm").getByRole("button", { name: "Send" }).click({ timeout: 60_000 });
      await ui.locator(".version").waitFor({ timeout: 120_000 });
      return ui.evaluate<Paint[]>("figmentImageStats()");
    });
    const out: PartialPaintSamples = { fromWrite: [], fromEvent: [], inWorker: [], inPanel: [] };
    for (const paint of paints.filter((p) => p.index < PARTIALS)) {
      const written = server.writes.find((w) => w.chunk.includes('"type":"image_generation.partial_image"') && w.chunk.includes(`"partial_image_index":${paint.index}`));
      if (written) out.fromWrite.push(paint.paintedAt - written.at);
      if (paint.reportedAt !== null) out.fromEvent.push(paint.paintedAt - paint.reportedAt);
      if (paint.reportedAt !== null) out.inWorker.push(paint.arrivedAt - paint.reportedAt);
      out.inPanel.push(paint.paintedAt - paint.arrivedAt);
      if (process.env["BENCH_DEBUG"]) console.log(paint.index, "reported→arrived", paint.reportedAt === null ? "?" : (paint.arrivedAt - paint.reportedAt).toFixed(1), "decode+draw", (paint.drawnAt - paint.arrivedAt).toFixed(1), "→frame", (paint.paintedAt - paint.drawnAt).toFixed(1), "write→reported", written && paint.reportedAt !== null ? (paint.reportedAt - written.at).toFixed(1) : "?");
    }
    return out;
  } finally {
    await server.close();
  }
}

const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { median: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? NaN, n: sorted.length };
};

/** Runs the passes, prints the table and records the figures under "image-panel". */
export async function imagePanelSection(results: BenchResults, passes = Number(process.env.BENCH_IMAGE_PANEL_RUNS ?? 5)): Promise<void> {
  const TARGET_MS = 50;
  const GAP_MS = 250;
  const all: PartialPaintSamples = { fromWrite: [], fromEvent: [], inWorker: [], inPanel: [] };
  const stream = imageStream(GAP_MS);
  const browser = await launchChromium({ localModelServer: true });
  try {
    for (let i = 0; i < passes; i++) {
      const pass = await onePass(browser, stream.reply);
      all.fromWrite.push(...pass.fromWrite);
      all.fromEvent.push(...pass.fromEvent);
      all.inWorker.push(...pass.inWorker);
      all.inPanel.push(...pass.inPanel);
    }
  } finally {
    await browser.close();
  }
  const write = stats(all.fromWrite);
  const event = stats(all.fromEvent);
  const worker = stats(all.inWorker);
  const panel = stats(all.inPanel);
  const figure = (s: ReturnType<typeof stats>): Json => ({ medianMs: round(s.median), p95Ms: round(s.p95), maxMs: round(s.max), n: s.n, targetP95Ms: TARGET_MS, met: s.p95 <= TARGET_MS });
  results.set("image-panel", ["partialPaint", "fromServerWrite"], figure(write));
  results.set("image-panel", ["partialPaint", "fromPartialEvent"], figure(event));
  results.set("image-panel", ["partialPaint", "decodeInWorker"], figure(worker));
  results.set("image-panel", ["partialPaint", "inPanel"], figure(panel));
  results.set("image-panel", ["partialPaint", "setup"], { passes, partialsPerPass: PARTIALS, size: `${SIZE.width}x${SIZE.height}`, pngBytes: stream.pngBytes, eventGapMs: GAP_MS });
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  results.print(`\n## partial image → panel paint\n`);
  results.print(
    `The Generate image panel in the browser harness (headless Chromium): the worker reads an Images API stream from the OpenAI-wire test server on ` +
      `127.0.0.1 with ${PARTIALS} partial images per request at ${SIZE.width}×${SIZE.height} (photo-like PNGs of ${stream.pngBytes.toLocaleString("en-US")} bytes), ` +
      `one event every ${GAP_MS} ms; ${passes} requests. Time to the animation frame after the partial is drawn on the panel's canvas: from the server's ` +
      `write of the event (the whole path, with moving megabytes of base64 over HTTP and parsing them in the SDK), from the model client's partial ` +
      `event in the worker (bytes in hand: our work from there) — split into the decode in the worker with the bitmap's transfer, and the panel's ` +
      `draw to the next frame. The target, ≤ ${TARGET_MS} ms at p95, is for the partial event → painted.\n`,
  );
  const row = (name: string, s: ReturnType<typeof stats>) => `| ${name} | ${ms(s.median)} | ${ms(s.p95)} | ${ms(s.max)} | ${s.n} | ${s.p95 <= TARGET_MS ? "met" : "missed"} |`;
  results.print(["| measure | median | p95 | max | samples | ≤ 50 ms (p95) |", "| --- | ---: | ---: | ---: | ---: | --- |", row("**partial event → painted**", event), row("of which: decode in the worker + transfer", worker), row("of which: panel draw → next frame", panel), row("server write → painted (with HTTP and SDK)", write)].join("\n"));
}
