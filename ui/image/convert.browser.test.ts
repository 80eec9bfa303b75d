/**
 * ui/image/convert.ts and the worker-side slot decode in headless Chromium, with the browser's own encoders:
 * a WebP becomes a PNG Figma takes, an image over 4096 px is scaled down to fit (each with its note), a PNG
 * within the limits goes as served (the same bytes), previews are JPEGs of at most 256 px, and a partial
 * image decodes for its slot.
 */
import { build } from "esbuild";
import type { Browser, Frame } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumAvailable, withPage } from "../../cli/measure/browser.js";
import { connectChromium } from "../../test/helpers/chromium-server.js";

const runBrowser = chromiumAvailable() || process.env["CI"] !== undefined;

/** convert.ts and slot-bitmap.ts bundled for the page, exposed as window.figmentConvert. */
async function bundle(): Promise<string> {
  const result = await build({
    stdin: {
      contents:
        `import { readyForCanvas, previewOf } from "./convert.js"; import { decodeForSlot } from ` +
        `"./slot-bitmap.js"; window.figmentConvert = { readyForCanvas, previewOf, decodeForSlot };`,
      resolveDir: new URL(".", import.meta.url).pathname,
      loader: "ts",
    },
    bundle: true,
    format: "iife",
    platform: "browser",
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}

/** Runs in the page: encodes a `w`×`h` gradient as `type`, then calls `fn` of figmentConvert on the bytes. */
const run = (frame: Frame, fn: string, type: string, w: number, h: number) =>
  frame.evaluate<{
    format: string;
    width: number;
    height: number;
    notes?: string[];
    same?: boolean;
    bytes: number;
  }>(
    `(async () => {
    const canvas = new OffscreenCanvas(${w}, ${h});
    const ctx = canvas.getContext("2d");
    const g = ctx.createLinearGradient(0, 0, ${w}, ${h});
    g.addColorStop(0, "#f4a261"); g.addColorStop(1, "#264653");
    ctx.fillStyle = g; ctx.fillRect(0, 0, ${w}, ${h});
    const input = new Uint8Array(await (await canvas.convertToBlob({ type: ${JSON.stringify(type)} ` +
      `})).arrayBuffer());
    const c = window.figmentConvert;
    if (${JSON.stringify(fn)} === "slot") { const b = await c.decodeForSlot(input); return { format: "bitmap", ` +
      `width: b.width, height: b.height, bytes: 0 }; }
    const out = await c[${JSON.stringify(fn)}](input);
    const head = [...out.bytes.slice(0, 4)].map((x) => x.toString(16).padStart(2, "0")).join("");
    const format = head === "89504e47" ? "png" : head.startsWith("ffd8ff") ? "jpeg" : head;
    return { format, width: out.width, height: out.height, notes: out.notes, same: out.bytes === input, bytes: ` +
      `out.bytes.length };
  })()`,
  );

describe.runIf(runBrowser)("image conversions in the browser", () => {
  let browser: Browser;
  let script = "";
  beforeAll(async () => {
    browser = await connectChromium();
    script = await bundle();
  });
  afterAll(async () => {
    await browser?.close();
  });
  const inPage = <T>(fn: (frame: Frame) => Promise<T>) =>
    withPage(
      browser,
      [{ path: "index.html", content: `<!doctype html><meta charset="utf-8"><script>${script}</script>` }],
      "index.html",
      { width: 200, height: 200 },
      (page) => fn(page.mainFrame()),
    );

  it("WebP → PNG and > 4096 px scaled down, each with a note; a PNG within the limits goes as served", () =>
    inPage(async (frame) => {
      expect(await run(frame, "readyForCanvas", "image/webp", 640, 480)).toMatchObject({
        format: "png",
        width: 640,
        height: 480,
        notes: ["Converted from WebP to PNG: Figma takes PNG, JPEG or GIF."],
        same: false,
      });
      expect(await run(frame, "readyForCanvas", "image/png", 6000, 3000)).toMatchObject({
        format: "png",
        width: 4096,
        height: 2048,
        notes: ["Scaled down from 6000×3000 to 4096×2048: Figma takes at most 4096 px per side."],
      });
      expect(await run(frame, "readyForCanvas", "image/png", 1536, 1024)).toMatchObject({
        format: "png",
        width: 1536,
        height: 1024,
        notes: [],
        same: true,
      });
    }));

  it("previews are JPEGs of at most 256 px; a partial decodes for its slot", () =>
    inPage(async (frame) => {
      const preview = await run(frame, "previewOf", "image/png", 1536, 1024);
      expect(preview).toMatchObject({ format: "jpeg", width: 256, height: 171 });
      expect(preview.bytes).toBeLessThan(30_000);
      expect(await run(frame, "slot", "image/webp", 300, 200)).toMatchObject({ width: 300, height: 200 });
    }));
});
