/**
 * Real PNG bytes of any size for the test server's image replies (node:zlib's deflate; the figma simulator's
 * encoder, test/figma-sim/png.ts, stores blocks uncompressed to run in a browser, which makes a 1536×1024
 * image megabytes). RGB, or RGBA for a transparent background: a horizontal gradient between two colours
 * picked by `seed`, so partial images and finals differ in their pixels. Rows are identical, so each row after
 * the first is filtered "Up" to zeros and even 3840×2160 deflates in milliseconds.
 */
import { deflateSync, inflateSync } from "node:zlib";
import { crc32 } from "../../ai/mask/crc32.js";

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "latin1");
  out.set(data, 8);
  out.writeUInt32BE(crc32(out, 4, 8 + data.length), 8 + data.length);
  return out;
}

/** Colours for a seed: distinct, stable. */
function colours(seed: number): [number[], number[]] {
  const hue = (seed * 67) % 360;
  const rgb = (h: number): number[] => {
    const f = (n: number): number => {
      const k = (n + h / 30) % 12;
      return Math.round(255 * (0.55 - 0.45 * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
    };
    return [f(0), f(8), f(4)];
  };
  return [rgb(hue), rgb((hue + 140) % 360)];
}

export interface PngOptions {
  /** Picks the colours (default 0). */
  seed?: number;
  /** RGBA with alpha falling from opaque (left) to transparent (right) (default false: opaque RGB). */
  alpha?: boolean;
}

/** A `width`×`height` PNG. */
export function encodePng(width: number, height: number, options: PngOptions = {}): Buffer {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1)
    throw new RangeError(`PNG size must be positive integers, got ${width}×${height}`);
  const channels = options.alpha ? 4 : 3;
  const [from, to] = colours(options.seed ?? 0);
  const row = new Uint8Array(1 + width * channels); // filter byte "None", then pixels
  for (let x = 0; x < width; x++) {
    const t = width === 1 ? 0 : x / (width - 1);
    for (let c = 0; c < 3; c++) row[1 + x * channels + c] = Math.round(from[c]! + (to[c]! - from[c]!) * t);
    if (channels === 4) row[1 + x * 4 + 3] = Math.round(255 * (1 - t));
  }
  const raw = new Uint8Array(row.length * height); // later rows: filter "Up" (2) and all-zero differences
  raw.set(row, 0);
  for (let y = 1; y < height; y++) raw[y * row.length] = 2;
  return pngFromRows(width, height, channels, raw);
}

/** A PNG from filtered scanlines (each row: its filter byte, then `width × channels` bytes); 8-bit RGB or RGBA. */
export function pngFromRows(width: number, height: number, channels: 3 | 4, raw: Uint8Array, level = 6): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = channels === 4 ? 6 : 2; // RGBA or RGB
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw, { level })),
    chunk("IEND", new Uint8Array()),
  ]);
}

/** The channels of pixel x in the first row of a PNG made by encodePng (for tests that check what was served). */
export function pixelOf(png: Uint8Array, x: number): number[] {
  const buffer = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  const width = buffer.readUInt32BE(16);
  const channels = buffer[25] === 6 ? 4 : 3;
  let at = 8;
  const idat: Buffer[] = [];
  while (at < buffer.length) {
    const length = buffer.readUInt32BE(at);
    if (buffer.toString("latin1", at + 4, at + 8) === "IDAT") idat.push(buffer.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat)); // the first row is stored as is (filter "None")
  const start = 1 + Math.min(x, width - 1) * channels;
  return [...raw.subarray(start, start + channels)];
}
