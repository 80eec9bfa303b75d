/**
 * A valid PNG of any size without zlib, so the simulator runs unchanged in Node and in a browser page:
 * 1 bit a pixel, all one colour (white, or a layer's fill: an export looks like the layer, not like a blank
 * page), deflate "stored" blocks (no compression). Plus a reader for the header.
 */
import { crc32 } from "../../ai/mask/crc32.js";

function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (let i = 0; i < bytes.length; ) {
    // 5552 keeps the sums below 2^32 between reductions (zlib's NMAX).
    const end = Math.min(i + 5552, bytes.length);
    for (; i < end; i++) {
      a += bytes[i]!;
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}

/** zlib stream of `raw` in stored blocks (at most 65,535 bytes each). */
function zlibStored(raw: Uint8Array): Uint8Array {
  const blocks = Math.max(1, Math.ceil(raw.length / 65535));
  const out = new Uint8Array(2 + raw.length + blocks * 5 + 4);
  out[0] = 0x78;
  out[1] = 0x01;
  let o = 2;
  for (let i = 0; i < blocks; i++) {
    const start = i * 65535;
    const len = Math.min(65535, raw.length - start);
    out[o++] = i === blocks - 1 ? 1 : 0;
    out[o++] = len & 0xff;
    out[o++] = len >>> 8;
    out[o++] = ~len & 0xff;
    out[o++] = (~len >>> 8) & 0xff;
    out.set(raw.subarray(start, start + len), o);
    o += len;
  }
  const adler = adler32(raw);
  out[o++] = adler >>> 24;
  out[o++] = (adler >>> 16) & 0xff;
  out[o++] = (adler >>> 8) & 0xff;
  out[o++] = adler & 0xff;
  return out;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out, 4, 8 + data.length));
  return out;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** A `width` × `height` PNG all white (1-bit grayscale), or all `rgb` (0–255 each; 1-bit, one palette entry). */
export function encodeBlankPng(width: number, height: number, rgb?: readonly [number, number, number]): Uint8Array {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new RangeError(`PNG size must be positive integers, got ${width}×${height}`);
  }
  const header = new Uint8Array(13);
  const hv = new DataView(header.buffer);
  hv.setUint32(0, width);
  hv.setUint32(4, height);
  header[8] = 1; // bit depth
  header[9] = rgb ? 3 : 0; // palette, or grayscale
  const rowBytes = Math.ceil(width / 8);
  // Every pixel white (grayscale 1), or the palette's one colour (index 0).
  const raw = new Uint8Array((rowBytes + 1) * height).fill(rgb ? 0 : 0xff);
  for (let y = 0; y < height; y++) raw[y * (rowBytes + 1)] = 0; // filter type "none"
  const palette = rgb ? [chunk("PLTE", new Uint8Array(rgb.map((c) => Math.max(0, Math.min(255, Math.round(c))))))] : [];
  const parts = [
    new Uint8Array(SIGNATURE),
    chunk("IHDR", header),
    ...palette,
    chunk("IDAT", zlibStored(raw)),
    chunk("IEND", new Uint8Array()),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** Width and height from a PNG's IHDR, or undefined when the bytes are not a PNG. */
export function readPngSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  if (bytes.length < 24 || SIGNATURE.some((b, i) => bytes[i] !== b)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (String.fromCharCode(bytes[12]!, bytes[13]!, bytes[14]!, bytes[15]!) !== "IHDR") return undefined;
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
