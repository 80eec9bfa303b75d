/**
 * The Generate image panel in the browser harness (real dist/code.js and dist/ui.html, headless Chromium), the
 * worker reading an Images API stream of 1536×1024 partial images from the OpenAI-wire test server on
 * 127.0.0.1: how long after the server writes a partial image's event it is on screen in the panel. Two
 * measures per partial: from the server's write (the whole path: transfer, SDK, base64, worker → panel,
 * decode, draw) and from the event's arrival in the panel (the panel's own work: decode and draw, to the
 * next animation frame). Then Insert on the version (a 1536×1024 PNG of about 3 MB): our work from the image's
 * bytes in the panel to the layer on the canvas and the answer back, with the simulator's createImage (a JS
 * SHA-1 standing in for Figma's) timed apart and taken out. Wall-clock ms (performance.timeOrigin + now).
 */
import type { PageHost } from "../cli/measure/browser.js";
import { withPluginPage } from "../test/harness/plugin-page.js";
import { pngFromRows } from "../test/openai-server/png.js";
import { startOpenAiServer, type ScriptedReply } from "../test/openai-server/server.js";
import { repoRoot } from "./plugin-util.js";
import { round, type BenchResults, type Json } from "./results.js";
import { benchCount, withBenchBrowser } from "./quick.js";

interface Paint {
  image: number;
  index: number;
  bytes: number;
  decodeMs: number;
  reportedAt: number | null;
  arrivedAt: number;
  drawnAt: number;
  paintedAt: number;
}

interface Place {
  bytes: number;
  converted: boolean;
  startedAt: number;
  sentAt: number;
  placedAt: number;
}

/** Times the simulator's createImage (not our work) in the host page, before dist/code.js starts. */
const TIME_CREATE_IMAGE = `(() => {
  const figma = window.__figmentSim.figma;
  const createImage = figma.createImage;
  window.__simCreateImageMs = [];
  figma.createImage = (bytes) => {
    const t0 = performance.now();
    try { return createImage.call(figma, bytes); } finally { window.__simCreateImageMs.push(performance.now() - t0); }
  };
})();`;

export interface InsertSamples {
  /** Bytes in the panel → layer on the canvas and answered, without the simulator's createImage, ms. */
  ours: number[];
  /** The panel's part before sending (format and size check, record), ms. */
  panel: number[];
  /** The simulator's createImage (taken out), ms. */
  simCreateImage: number[];
}

export interface PartialPaintSamples {
  /** Server write → painted frame, ms. */
  fromWrite: number[];
  /** The model client's partial event (in the worker, bytes decoded from base64) → painted frame, ms. */
  fromEvent: number[];
  /** The partial event → its bytes' arrival in the panel (the buffer transferred), ms. */
  toPanel: number[];
  /** Arrival in the panel → painted frame, ms (the decode, the draw, the frame). */
  inPanel: number[];
  /** The browser's decode of the partial in the panel (createImageBitmap), ms. */
  decode: number[];
  /** Partial event → painted, less the browser's decode: our part of the path, ms. */
  oursWithoutDecode: number[];
}

const SIZE = { width: 1536, height: 1024 };
// Quick: one partial, one insert, one lone decode (each a 1536×1024 PNG of ~3 MB to make, stream and decode).
const PARTIALS = benchCount(3, 1);
const INSERTS = benchCount(2, 1);
const DECODES = benchCount(3, 1);

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
function imageStream(gapMs: number): { reply: ScriptedReply; pngBytes: number; partialBase64: string } {
  const common = {
    created_at: 1_767_225_600,
    size: `${SIZE.width}x${SIZE.height}`,
    quality: "high",
    background: "opaque",
    output_format: "png",
  };
  const partials = Array.from({ length: PARTIALS }, (_, index) => photoLikePng(index + 1).toString("base64"));
  const events: unknown[] = partials.map((b64, index) => ({
    ...common,
    type: "image_generation.partial_image",
    b64_json: b64,
    partial_image_index: index,
  }));
  const final = photoLikePng(9);
  events.push({
    ...common,
    type: "image_generation.completed",
    b64_json: final.toString("base64"),
    usage: {
      input_tokens: 10,
      input_tokens_details: { text_tokens: 10, image_tokens: 0 },
      output_tokens: 6000,
      total_tokens: 6010,
    },
  });
  return { reply: { kind: "sse", events, delayMs: gapMs }, pngBytes: final.length, partialBase64: partials[0]! };
}

/** One generation with PARTIALS partial images; pairs each partial's server write with its paint. */
/**
 * The browser's decode alone of one partial's PNG in the panel's page (createImageBitmap, nothing else running): the
 * floor.
 */
const DECODE_ALONE = `(async (b64, times) => {
  const binary = atob(b64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const out = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    const bitmap = await createImageBitmap(new Blob([bytes], { type: "image/png" }));
    out.push(performance.now() - t0);
    bitmap.close();
  }
  return out;
})`;

async function onePass(
  browser: PageHost,
  stream: ScriptedReply,
  inserts: number,
  partialBase64: string,
): Promise<PartialPaintSamples & { insert: InsertSamples; decodeAlone: number[] }> {
  const server = await startOpenAiServer();
  try {
    server.push(stream);
    const storage = {
      "figment.settings": { provider: "openai", baseUrl: server.url, model: "gpt-5.4-image-2" },
      "figment.apiKey": "sk-bench-0000",
    };
    const { paints, places, createImage, decodeAlone } = await withPluginPage(
      browser,
      {
        root: repoRoot(),
        fixture: "figmasharp-login.file.json",
        select: [],
        command: "image",
        storage,
        setup: TIME_CREATE_IMAGE,
        allowOrigins: [new URL(server.url).origin],
      },
      async ({ ui, page, sim }) => {
        if (process.env["BENCH_DEBUG"])
          page.on("console", (m) => m.text().startsWith("decode") && console.log(m.text()));
        await ui.getByRole("textbox", { name: "Describe the image" }).fill("A hero shot for a tea brand");
        await ui.getByRole("combobox", { name: "Size" }).click();
        await ui.getByRole("option", { name: /Landscape 3:2/ }).click();
        await ui.getByRole("button", { name: "Generate image" }).click();
        await ui.locator(".image-confirm").getByRole("button", { name: "Send" }).click({ timeout: 60_000 });
        await ui.locator(".version").waitFor({ timeout: 120_000 });
        const paints = await ui.evaluate<Paint[]>("figmentImageStats()");
        for (let i = 0; i < inserts; i++) {
          await ui.getByRole("button", { name: "Insert", exact: true }).click();
          await ui.waitForFunction(`figmentPlaceStats().length === ${i + 1}`, undefined, { timeout: 60_000 });
        }
        const places = await ui.evaluate<Place[]>("figmentPlaceStats()");
        const createImage = await sim<number[]>("window.__simCreateImageMs");
        const decodeAlone =
          (await ui.evaluate<number[] | undefined>(`${DECODE_ALONE}(${JSON.stringify(partialBase64)}, ${DECODES})`)) ??
          [];
        return { paints, places, createImage, decodeAlone };
      },
    );
    const insert: InsertSamples = { ours: [], panel: [], simCreateImage: [] };
    places.forEach((place, i) => {
      const simMs = createImage[i] ?? 0;
      insert.ours.push(place.placedAt - place.startedAt - simMs);
      insert.panel.push(place.sentAt - place.startedAt);
      insert.simCreateImage.push(simMs);
    });
    const out = {
      fromWrite: [] as number[],
      fromEvent: [] as number[],
      toPanel: [] as number[],
      inPanel: [] as number[],
      decode: [] as number[],
      oursWithoutDecode: [] as number[],
      insert,
      decodeAlone,
    };
    for (const paint of paints.filter((p) => p.index < PARTIALS)) {
      const written = server.writes.find(
        (w) =>
          w.chunk.includes('"type":"image_generation.partial_image"') &&
          w.chunk.includes(`"partial_image_index":${paint.index}`),
      );
      if (written) out.fromWrite.push(paint.paintedAt - written.at);
      if (paint.reportedAt !== null) {
        out.fromEvent.push(paint.paintedAt - paint.reportedAt);
        out.toPanel.push(paint.arrivedAt - paint.reportedAt);
        out.oursWithoutDecode.push(paint.paintedAt - paint.reportedAt - paint.decodeMs);
      }
      out.inPanel.push(paint.paintedAt - paint.arrivedAt);
      out.decode.push(paint.decodeMs);
      if (process.env["BENCH_DEBUG"])
        console.log(
          paint.index,
          "reported→arrived",
          paint.reportedAt === null ? "?" : (paint.arrivedAt - paint.reportedAt).toFixed(1),
          "decode",
          paint.decodeMs.toFixed(1),
          "decode+draw",
          (paint.drawnAt - paint.arrivedAt).toFixed(1),
          "→frame",
          (paint.paintedAt - paint.drawnAt).toFixed(1),
          "write→reported",
          written && paint.reportedAt !== null ? (paint.reportedAt - written.at).toFixed(1) : "?",
        );
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
export async function imagePanelSection(
  results: BenchResults,
  passes = benchCount(5, 1, "BENCH_IMAGE_PANEL_RUNS"),
): Promise<void> {
  const TARGET_MS = 50;
  const GAP_MS = 250;
  const all: PartialPaintSamples = {
    fromWrite: [],
    fromEvent: [],
    toPanel: [],
    inPanel: [],
    decode: [],
    oursWithoutDecode: [],
  };
  const inserts: InsertSamples = { ours: [], panel: [], simCreateImage: [] };
  const decodeAlone: number[] = [];
  const stream = imageStream(GAP_MS);
  await withBenchBrowser(
    async (host) => {
      for (let i = 0; i < passes; i++) {
        const pass = await onePass(host, stream.reply, INSERTS, stream.partialBase64);
        decodeAlone.push(...pass.decodeAlone);
        inserts.ours.push(...pass.insert.ours);
        inserts.panel.push(...pass.insert.panel);
        inserts.simCreateImage.push(...pass.insert.simCreateImage);
        all.fromWrite.push(...pass.fromWrite);
        all.fromEvent.push(...pass.fromEvent);
        all.toPanel.push(...pass.toPanel);
        all.inPanel.push(...pass.inPanel);
        all.decode.push(...pass.decode);
        all.oursWithoutDecode.push(...pass.oursWithoutDecode);
      }
    },
    { localModelServer: true },
  );
  const write = stats(all.fromWrite);
  const event = stats(all.fromEvent);
  const toPanel = stats(all.toPanel);
  const panel = stats(all.inPanel);
  const decode = stats(all.decode);
  const oursPaint = stats(all.oursWithoutDecode);
  const floor = stats(decodeAlone);
  const figure = (s: ReturnType<typeof stats>, target = TARGET_MS): Json => ({
    medianMs: round(s.median),
    p95Ms: round(s.p95),
    maxMs: round(s.max),
    n: s.n,
    targetP95Ms: target,
    met: s.p95 <= target,
  });
  results.set("image-panel", ["partialPaint", "fromServerWrite"], figure(write));
  results.set("image-panel", ["partialPaint", "fromPartialEvent"], figure(event));
  results.set("image-panel", ["partialPaint", "eventToPanel"], figure(toPanel));
  results.set("image-panel", ["partialPaint", "inPanel"], figure(panel));
  results.set("image-panel", ["partialPaint", "browserDecodeInPanel"], figure(decode));
  results.set("image-panel", ["partialPaint", "oursWithoutBrowserDecode"], figure(oursPaint));
  results.set("image-panel", ["partialPaint", "browserDecodeAlone"], figure(floor));
  results.set("image-panel", ["partialPaint", "setup"], {
    passes,
    partialsPerPass: PARTIALS,
    size: `${SIZE.width}x${SIZE.height}`,
    pngBytes: stream.pngBytes,
    eventGapMs: GAP_MS,
  });
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  results.print(`\n## partial image → panel paint\n`);
  results.print(
    `The Generate image panel in the browser harness (headless Chromium): the ` +
      `worker reads an Images API stream from the OpenAI-wire test server on ` +
      `127.0.0.1 with ${PARTIALS} partial images per request at ${SIZE.width}×${SIZE.height} ` +
      `(photo-like PNGs of ${stream.pngBytes.toLocaleString("en-US")} bytes), ` +
      `one event every ${GAP_MS} ms; ${passes} requests. Time to the animation ` +
      `frame after the partial is drawn on the panel's canvas: from the server's ` +
      `write of the event (the whole path, with moving megabytes of base64 ` +
      `over HTTP and parsing them in the SDK), from the model client's partial ` +
      `event in the worker (bytes in hand: our work from there) — split into ` +
      `the bytes' move to the panel (buffer transferred), and the panel's ` +
      `decode (the browser's createImageBitmap, off the panel's thread), draw and next ` +
      `frame. The target, ≤ ${TARGET_MS} ms at p95, is for the partial event → painted; ` +
      `the browser's PNG decode is most of it, so it is shown apart, ` +
      `and the same PNG's decode alone with nothing else running.\n`,
  );
  const row = (name: string, s: ReturnType<typeof stats>, target = TARGET_MS) =>
    `| ${name} | ${ms(s.median)} | ${ms(s.p95)} | ${ms(s.max)} | ${s.n} | ${s.p95 <= target ? "met" : "missed"} |`;
  results.print(
    [
      "| measure | median | p95 | max | samples | ≤ 50 ms (p95) |",
      "| --- | ---: | ---: | ---: | ---: | --- |",
      row("**partial event → painted**", event),
      row("of which: bytes to the panel (transferred)", toPanel),
      row("of which: in the panel (decode, draw, next frame)", panel),
      row("of which: the browser's decode (createImageBitmap)", decode),
      row("partial event → painted, less the browser's decode (ours)", oursPaint),
      row("server write → painted (with HTTP and SDK)", write),
      row("for scale: the browser's decode of that PNG alone", floor),
    ].join("\n"),
  );

  const INSERT_TARGET_MS = 100;
  const ours = stats(inserts.ours);
  const prep = stats(inserts.panel);
  const simCreate = stats(inserts.simCreateImage);
  results.set("image-panel", ["insert"], {
    ours: figure(ours, INSERT_TARGET_MS),
    panelBeforeSend: figure(prep, INSERT_TARGET_MS),
    simCreateImageTakenOut: figure(simCreate, INSERT_TARGET_MS),
    pngBytes: stream.pngBytes,
  });
  results.print(`\n## image bytes → layer on the canvas\n`);
  results.print(
    `Insert on the version above (a ${SIZE.width}×${SIZE.height} PNG of ` +
      `${stream.pngBytes.toLocaleString("en-US")} bytes) in the same harness, ${inserts.ours.length} inserts: ` +
      `from the click's handler in the panel (format and size check: a PNG ` +
      `within 4096 px goes as served) through the message to the main thread, ` +
      `the rectangle with its IMAGE fill, record and selection, to the answer ` +
      `back in the panel. The simulator's createImage (a JS SHA-1 of the ` +
      `bytes, standing in for Figma's) is timed apart and taken out. Target: ≤ ${INSERT_TARGET_MS} ms.\n`,
  );
  results.print(
    [
      "| measure | median | p95 | max | samples | ≤ 100 ms (p95) |",
      "| --- | ---: | ---: | ---: | ---: | --- |",
      row("**bytes → layer, answered (ours)**", ours, INSERT_TARGET_MS),
      row("of which: the panel before sending", prep, INSERT_TARGET_MS),
      row("simulator's createImage (taken out)", simCreate, INSERT_TARGET_MS),
    ].join("\n"),
  );
}
