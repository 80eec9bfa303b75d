/**
 * PNG without Node or the DOM, so the panel, its workers, the CLI and the tests share it: 8-bit grey, grey +
 * alpha, RGB or RGBA encoded (each row filtered by the usual smallest-sum heuristic, deflated by fflate, or by the
 * platform's CompressionStream in encodePngAsync), and
 * any non-interlaced PNG decoded to RGBA (bit depths 1–16, palettes, tRNS). Masks compress to a few kB: their
 * rows repeat ("Up" filters them to zeros) and their runs are long.
 */
import { crc32 } from "./crc32.js";
import { unzlibSync, zlibSync } from "fflate";
import { FigmentError } from "../../kernel/errors.js";

export type PngChannels = 1 | 2 | 3 | 4;

/** Decoded pixels: RGBA, 4 bytes per pixel, rows top to bottom. */
export interface RgbaImage {
  width: number;
  height: number;
  rgba: Uint8Array;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const COLOUR_TYPE: Record<PngChannels, number> = { 1: 0, 2: 4, 3: 2, 4: 6 };

const u32 = (b: Uint8Array, at: number): number =>
  ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;

function putU32(b: Uint8Array, at: number, v: number): void {
  b[at] = v >>> 24;
  b[at + 1] = (v >>> 16) & 0xff;
  b[at + 2] = (v >>> 8) & 0xff;
  b[at + 3] = v & 0xff;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  putU32(out, 0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  putU32(out, 8 + data.length, crc32(out, 4, 8 + data.length));
  return out;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** One row filtered with `type` into `out` (filter byte first). Each type has its own loop: this runs per byte. */
function filterRow(type: number, row: Uint8Array, prev: Uint8Array | undefined, bpp: number, out: Uint8Array): void {
  out[0] = type;
  const n = row.length;
  const first = Math.min(bpp, n);
  if (type === 0) out.set(row, 1);
  else if (type === 1) {
    for (let i = 0; i < first; i++) out[1 + i] = row[i]!;
    for (let i = first; i < n; i++) out[1 + i] = (row[i]! - row[i - bpp]!) & 0xff;
  } else if (type === 2) {
    for (let i = 0; i < n; i++) out[1 + i] = (row[i]! - prev![i]!) & 0xff;
  } else if (type === 3) {
    for (let i = 0; i < first; i++) out[1 + i] = (row[i]! - (prev![i]! >>> 1)) & 0xff;
    for (let i = first; i < n; i++) out[1 + i] = (row[i]! - ((row[i - bpp]! + prev![i]!) >>> 1)) & 0xff;
  } else {
    for (let i = 0; i < first; i++) out[1 + i] = (row[i]! - prev![i]!) & 0xff;
    for (let i = first; i < n; i++) out[1 + i] = (row[i]! - paeth(row[i - bpp]!, prev![i]!, prev![i - bpp]!)) & 0xff;
  }
}

/** A filtered byte's cost: the byte read as signed, its size (libpng's heuristic: the smaller the sum, the better). */
const signed = (v: number): number => (v < 128 ? v : 256 - v);

/**
 * The sum of `signed` over the row as `type` would filter it, without writing it; stops once it reaches `limit` (it
 * then cannot win). One loop per type, the first pixel's bytes apart, as this runs per byte and per trial.
 */
function filterCost(type: number, row: Uint8Array, prev: Uint8Array | undefined, bpp: number, limit: number): number {
  const n = row.length;
  let sum = 0;
  let i = 0;
  if (type === 0) {
    for (; i < n && sum < limit; i++) sum += signed(row[i]!);
  } else if (type === 1) {
    for (; i < bpp && i < n; i++) sum += signed(row[i]!);
    for (; i < n && sum < limit; i++) sum += signed((row[i]! - row[i - bpp]!) & 0xff);
  } else if (type === 2) {
    for (; i < n && sum < limit; i++) sum += signed((row[i]! - prev![i]!) & 0xff);
  } else if (type === 3) {
    for (; i < bpp && i < n; i++) sum += signed((row[i]! - (prev![i]! >>> 1)) & 0xff);
    for (; i < n && sum < limit; i++) sum += signed((row[i]! - ((row[i - bpp]! + prev![i]!) >>> 1)) & 0xff);
  } else {
    for (; i < bpp && i < n; i++) sum += signed((row[i]! - prev![i]!) & 0xff);
    for (; i < n && sum < limit; i++)
      sum += signed((row[i]! - paeth(row[i - bpp]!, prev![i]!, prev![i - bpp]!)) & 0xff);
  }
  return sum;
}

/** Whether two rows hold the same bytes (compared 4 at a time where they are aligned). */
function sameRow(a: Uint8Array, b: Uint8Array): boolean {
  const n = a.length;
  let i = 0;
  if (a.byteOffset % 4 === 0 && b.byteOffset % 4 === 0) {
    const wa = new Uint32Array(a.buffer, a.byteOffset, n >>> 2);
    const wb = new Uint32Array(b.buffer, b.byteOffset, n >>> 2);
    for (; i < wa.length; i++) if (wa[i] !== wb[i]) return false;
    i <<= 2;
  }
  for (; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}

const FILTER_ORDER = [2, 0, 1, 4, 3] as const;

/**
 * How rows are filtered: "adaptive" tries each filter per row and keeps the smallest (libpng's heuristic);
 * "up" filters every row by the one above, which is what a mask's rows want (its edges move a few pixels a
 * row, everything else filters to zero) at a fifth of the work.
 */
export type PngFilter = "adaptive" | "up";

/** The filtered rows (a filter byte before each), ready to deflate. */
function filtered(
  width: number,
  height: number,
  channels: PngChannels,
  pixels: Uint8Array,
  filter: PngFilter,
): Uint8Array<ArrayBuffer> {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1)
    throw new FigmentError("input", `A PNG's size must be whole numbers of at least 1 px, not ${width} × ${height}.`);
  const stride = width * channels;
  if (pixels.length !== stride * height)
    throw new FigmentError(
      "input",
      `${width} × ${height} px with ${channels} channels is ${stride * height} bytes, not ${pixels.length}.`,
    );
  const raw = new Uint8Array((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = pixels.subarray(y * stride, (y + 1) * stride);
    const prev = y > 0 ? pixels.subarray((y - 1) * stride, y * stride) : undefined;
    const target = raw.subarray(y * (stride + 1), (y + 1) * (stride + 1));
    // A mask's rows mostly repeat the one above: "Up" filters them to zeros (raw is zeroed already).
    if (prev && sameRow(row, prev)) {
      target[0] = 2;
      continue;
    }
    if (filter === "up") {
      filterRow(prev ? 2 : 0, row, prev, channels, target);
      continue;
    }
    // Each filter's cost is summed without writing the row; only the cheapest is written (first in FILTER_ORDER
    // on a tie), as trying each one in full gave the same bytes at twice the work.
    let best = Infinity;
    let bestType = 0;
    for (const type of FILTER_ORDER) {
      if (type !== 0 && !prev && type !== 1) continue;
      const c = filterCost(type, row, prev, channels, best);
      if (c < best) {
        best = c;
        bestType = type;
      }
      if (c === 0) break;
    }
    filterRow(bestType, row, prev, channels, target);
  }
  return raw;
}

function assemble(width: number, height: number, channels: PngChannels, zlib: Uint8Array): Uint8Array {
  const header = new Uint8Array(13);
  putU32(header, 0, width);
  putU32(header, 4, height);
  header[8] = 8;
  header[9] = COLOUR_TYPE[channels];
  const parts = [
    new Uint8Array(SIGNATURE),
    chunk("IHDR", header),
    chunk("IDAT", zlib),
    chunk("IEND", new Uint8Array()),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** An 8-bit PNG of `pixels` (`channels` bytes per pixel: grey, grey + alpha, RGB or RGBA), rows top to bottom. */
export function encodePng(
  width: number,
  height: number,
  channels: PngChannels,
  pixels: Uint8Array,
  filter: PngFilter = "adaptive",
): Uint8Array {
  return assemble(width, height, channels, zlibSync(filtered(width, height, channels, pixels, filter), { level: 6 }));
}

/**
 * The same PNG's pixels deflated by the platform's CompressionStream("deflate") (zlib format, as IDAT wants:
 * browsers and Node ≥ 18, native code, several times fflate's speed on a large mask), else by fflate.
 */
export async function encodePngAsync(
  width: number,
  height: number,
  channels: PngChannels,
  pixels: Uint8Array,
  filter: PngFilter = "adaptive",
): Promise<Uint8Array> {
  return assemble(width, height, channels, await deflated(filtered(width, height, channels, pixels, filter)));
}

/** `raw` in zlib format: by the platform's CompressionStream where there is one, else by fflate. */
async function deflated(raw: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  if (typeof CompressionStream !== "function") return zlibSync(raw, { level: 6 });
  const stream = new Blob([raw]).stream().pipeThrough(new CompressionStream("deflate"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * A PNG's zlib image data inflated: by the platform's DecompressionStream where there is one (native code), else by
 * fflate. Data the native inflater refuses goes to fflate too, whose error names what is wrong.
 */
async function inflated(data: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  if (typeof DecompressionStream === "function") {
    try {
      const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream("deflate"));
      return new Uint8Array(await new Response(stream).arrayBuffer());
    } catch {
      // fflate below says why.
    }
  }
  return inflatedSync(data);
}

function inflatedSync(data: Uint8Array): Uint8Array {
  try {
    return unzlibSync(data);
  } catch (error) {
    throw new FigmentError("input", `The PNG's image data does not inflate: ${(error as Error).message}.`);
  }
}

interface Header {
  width: number;
  height: number;
  depth: number;
  colourType: number;
}

const CHANNELS_OF: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const DEPTHS_OF: Record<number, readonly number[]> = {
  0: [1, 2, 4, 8, 16],
  2: [8, 16],
  3: [1, 2, 4, 8],
  4: [8, 16],
  6: [8, 16],
};

/** The chunks a decoder needs: the header, the palette and its alphas, the joined image data. */
function readChunks(bytes: Uint8Array): {
  header: Header;
  palette?: Uint8Array;
  transparency?: Uint8Array;
  data: Uint8Array<ArrayBuffer>;
} {
  if (bytes.length < 8 || SIGNATURE.some((b, i) => bytes[i] !== b))
    throw new FigmentError("input", "These bytes are not a PNG (its signature is missing).");
  let at = 8;
  let header: Header | undefined;
  let palette: Uint8Array | undefined;
  let transparency: Uint8Array | undefined;
  const data: Uint8Array[] = [];
  while (at + 12 <= bytes.length) {
    const length = u32(bytes, at);
    const type = String.fromCharCode(bytes[at + 4]!, bytes[at + 5]!, bytes[at + 6]!, bytes[at + 7]!);
    if (at + 12 + length > bytes.length)
      throw new FigmentError("input", `The PNG is cut short inside its ${type} chunk.`);
    const body = bytes.subarray(at + 8, at + 8 + length);
    if (type === "IHDR") {
      if (body[12] !== 0)
        throw new FigmentError("input", "Interlaced PNGs are not read here: save the mask without interlacing.");
      header = { width: u32(body, 0), height: u32(body, 4), depth: body[8]!, colourType: body[9]! };
    } else if (type === "PLTE") palette = body;
    else if (type === "tRNS") transparency = body;
    else if (type === "IDAT") data.push(body);
    else if (type === "IEND") break;
    at += 12 + length;
  }
  if (!header) throw new FigmentError("input", "The PNG has no header (IHDR).");
  const depths = DEPTHS_OF[header.colourType];
  if (!depths?.includes(header.depth))
    throw new FigmentError(
      "input",
      `The PNG's colour type ${header.colourType} with ${header.depth}-bit samples is not a valid PNG.`,
    );
  if (header.width < 1 || header.height < 1)
    throw new FigmentError("input", `The PNG says it is ${header.width} × ${header.height} px.`);
  if (header.colourType === 3 && !palette)
    throw new FigmentError("input", "The PNG is palette-based but has no palette.");
  if (data.length === 0) throw new FigmentError("input", "The PNG has no image data.");
  const joined = new Uint8Array(data.reduce((n, d) => n + d.length, 0));
  let o = 0;
  for (const d of data) {
    joined.set(d, o);
    o += d.length;
  }
  return { header, ...(palette ? { palette } : {}), ...(transparency ? { transparency } : {}), data: joined };
}

/**
 * `prev` added to `row` byte by byte, four bytes at a time (no carry crosses a byte): Up is a screenshot's usual filter
 * (decodePng of a 1440 × 5594 px Up-filtered picture: 181–218 → 92–123 ms). False when the rows are not aligned for
 * it (the caller adds them itself).
 */
function addRow(row: Uint8Array, prev: Uint8Array): boolean {
  if (row.byteOffset % 4 !== 0 || prev.byteOffset % 4 !== 0 || row.length % 4 !== 0) return false;
  const a = new Uint32Array(row.buffer, row.byteOffset, row.length >>> 2);
  const b = new Uint32Array(prev.buffer, prev.byteOffset, prev.length >>> 2);
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    a[i] = ((x & 0x7f7f7f7f) + (y & 0x7f7f7f7f)) ^ ((x ^ y) & 0x80808080);
  }
  return true;
}

/** Undoes the row filters in place; returns the rows without their filter bytes. */
function unfilter(raw: Uint8Array, height: number, stride: number, bpp: number): Uint8Array {
  if (raw.length < (stride + 1) * height)
    throw new FigmentError(
      "input",
      `The PNG's image data is ${raw.length} bytes; its size needs ${(stride + 1) * height}.`,
    );
  const out = new Uint8Array(stride * height);
  const first = Math.min(bpp, stride);
  for (let y = 0; y < height; y++) {
    const type = raw[y * (stride + 1)]!;
    const src = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const row = out.subarray(y * stride, (y + 1) * stride);
    // The first row's row above is zeros (the PNG specification).
    const prev = y > 0 ? out.subarray((y - 1) * stride, y * stride) : new Uint8Array(stride);
    // One loop per filter, the first pixel's bytes (no pixel to their left) apart: this runs per byte.
    if (type === 0) row.set(src);
    else if (type === 1) {
      for (let i = 0; i < first; i++) row[i] = src[i]!;
      for (let i = first; i < stride; i++) row[i] = (src[i]! + row[i - bpp]!) & 0xff;
    } else if (type === 2) {
      row.set(src);
      if (!addRow(row, prev)) for (let i = 0; i < stride; i++) row[i] = (row[i]! + prev[i]!) & 0xff;
    } else if (type === 3) {
      for (let i = 0; i < first; i++) row[i] = (src[i]! + (prev[i]! >>> 1)) & 0xff;
      for (let i = first; i < stride; i++) row[i] = (src[i]! + ((row[i - bpp]! + prev[i]!) >>> 1)) & 0xff;
    } else if (type === 4) {
      for (let i = 0; i < first; i++) row[i] = (src[i]! + prev[i]!) & 0xff;
      for (let i = first; i < stride; i++) row[i] = (src[i]! + paeth(row[i - bpp]!, prev[i]!, prev[i - bpp]!)) & 0xff;
    } else throw new FigmentError("input", `Row ${y + 1} of the PNG has an unknown filter (${type}).`);
  }
  return out;
}

/** Any non-interlaced PNG as RGBA (16-bit samples keep their high byte; grey and palettes expanded). */
export function decodePng(bytes: Uint8Array): RgbaImage {
  const chunks = readChunks(bytes);
  return rgbaOf(chunks, inflatedSync(chunks.data));
}

/** The inflated image data `raw` of the PNG read as `chunks`, unfiltered, as RGBA. */
function rgbaOf(chunks: ReturnType<typeof readChunks>, raw: Uint8Array): RgbaImage {
  const { header, palette, transparency } = chunks;
  const { width, height, depth, colourType } = header;
  const channels = CHANNELS_OF[colourType]!;
  const bitsPerPixel = channels * depth;
  const stride = Math.ceil((width * bitsPerPixel) / 8);
  const rows = unfilter(raw, height, stride, Math.max(1, bitsPerPixel >>> 3));
  // 8-bit RGBA rows are already the output (a screenshot's usual form).
  if (depth === 8 && colourType === 6) return { width, height, rgba: rows };
  const rgba = new Uint8Array(width * height * 4);
  const max = (1 << Math.min(depth, 8)) - 1;
  // A sample: 16-bit ones by their high byte, smaller ones scaled to 0–255 (palette indexes left as they are).
  const sample = (row: number, index: number, scale: boolean): number => {
    const base = row * stride;
    if (depth === 16) return rows[base + index * 2]!;
    if (depth === 8) return rows[base + index]!;
    const bit = index * depth;
    const value = (rows[base + (bit >>> 3)]! >>> (8 - depth - (bit & 7))) & max;
    return scale ? Math.round((value * 255) / max) : value;
  };
  const rawSample = (row: number, index: number): number =>
    depth === 16
      ? (rows[row * stride + index * 2]! << 8) | rows[row * stride + index * 2 + 1]!
      : sample(row, index, false);
  const key =
    transparency && (colourType === 0 || colourType === 2)
      ? Array.from(
          { length: colourType === 0 ? 1 : 3 },
          (_, i) => (transparency[i * 2]! << 8) | transparency[i * 2 + 1]!,
        )
      : undefined;
  // 8-bit RGB without a key only gains its alpha.
  if (depth === 8 && colourType === 2 && !key) {
    for (let p = 0, q = 0; q < rgba.length; p += 3, q += 4) {
      rgba[q] = rows[p]!;
      rgba[q + 1] = rows[p + 1]!;
      rgba[q + 2] = rows[p + 2]!;
      rgba[q + 3] = 255;
    }
    return { width, height, rgba };
  }
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      if (colourType === 3) {
        const index = sample(y, x, false);
        if (index * 3 + 2 >= palette!.length)
          throw new FigmentError("input", `The PNG uses palette entry ${index}, which its palette lacks.`);
        rgba[o] = palette![index * 3]!;
        rgba[o + 1] = palette![index * 3 + 1]!;
        rgba[o + 2] = palette![index * 3 + 2]!;
        rgba[o + 3] = transparency && index < transparency.length ? transparency[index]! : 255;
      } else if (colourType === 0 || colourType === 4) {
        const grey = sample(y, x * channels, true);
        rgba[o] = rgba[o + 1] = rgba[o + 2] = grey;
        rgba[o + 3] = colourType === 4 ? sample(y, x * 2 + 1, true) : key && rawSample(y, x) === key[0] ? 0 : 255;
      } else {
        for (let c = 0; c < 3; c++) rgba[o + c] = sample(y, x * channels + c, true);
        rgba[o + 3] =
          colourType === 6 ? sample(y, x * 4 + 3, true) : key?.every((k, c) => rawSample(y, x * 3 + c) === k) ? 0 : 255;
      }
    }
  }
  return { width, height, rgba };
}

/** A rectangle of a picture, in its pixels (whole pixels). */
export interface PngRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * Each rectangle of the PNG `bytes` as a PNG of its own, pixels as they are (never scaled). A rectangle as wide as
 * the picture (a tall frame's bands, the usual case) keeps the picture's own colour type and its rows as filtered:
 * only its first row, filtered against a row the band does not hold, is filtered again. Any other is cut from the
 * RGBA pixels and encoded as RGBA. Inflated and deflated natively where the platform can.
 */
export async function cropPng(bytes: Uint8Array, rects: readonly PngRect[]): Promise<Uint8Array[]> {
  if (rects.length === 0) return [];
  const chunks = readChunks(bytes);
  const raw = await inflated(chunks.data);
  const { width, height, depth, colourType } = chunks.header;
  const bands = depth === 8 && colourType !== 3 && !chunks.transparency;
  const channels = CHANNELS_OF[colourType]! as PngChannels;
  const stride = width * channels;
  const rows = bands ? unfilter(raw, height, stride, channels) : undefined;
  let image: RgbaImage | undefined;
  return Promise.all(
    rects.map((r) => {
      if (r.x < 0 || r.y < 0 || r.w < 1 || r.h < 1 || r.x + r.w > width || r.y + r.h > height)
        throw new FigmentError(
          "input",
          `Cannot cut ${r.w} × ${r.h} px at (${r.x}, ${r.y}) from a ${width} × ${height} px picture.`,
        );
      if (rows && r.x === 0 && r.w === width) return band(raw, rows, { width, channels }, r.y, r.h);
      image ??= rgbaOf(chunks, raw);
      const pixels = new Uint8Array(r.w * r.h * 4);
      for (let row = 0; row < r.h; row++) {
        const from = ((r.y + row) * image.width + r.x) * 4;
        pixels.set(image.rgba.subarray(from, from + r.w * 4), row * r.w * 4);
      }
      return encodePngAsync(r.w, r.h, 4, pixels);
    }),
  );
}

/** Rows `y` to `y + h` as a PNG: the stored rows (`raw`, filtered) copied, the first filtered again on its own. */
async function band(
  raw: Uint8Array,
  rows: Uint8Array,
  format: { width: number; channels: PngChannels },
  y: number,
  h: number,
): Promise<Uint8Array> {
  const stride = format.width * format.channels;
  const out = raw.slice(y * (stride + 1), (y + h) * (stride + 1));
  // Filters that read the row above (Up, Average, Paeth) would read a row this PNG does not have: the first row is
  // filtered with None or Sub, whichever the usual heuristic prefers (None on a tie, as `filtered` orders them).
  const first = rows.subarray(y * stride, (y + 1) * stride);
  const sub = filterCost(1, first, undefined, format.channels, Infinity);
  const none = filterCost(0, first, undefined, format.channels, sub + 1);
  filterRow(none <= sub ? 0 : 1, first, undefined, format.channels, out.subarray(0, stride + 1));
  return assemble(format.width, h, format.channels, await deflated(out));
}
