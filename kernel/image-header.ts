/**
 * What raster image bytes are, read from their header (magic numbers and size fields), never from a file name:
 * PNG, JPEG, GIF or WebP, with the pixel size where the header states it. Pure and byte by byte (no DataView
 * over foreign buffers, no TextDecoder), so Figma's main thread, the panel, its workers and Node share it.
 */

export type RasterFormat = "png" | "jpeg" | "gif" | "webp";

export interface RasterHeader {
  format: RasterFormat;
  /** As the header states them (0 when it says 0); undefined when the header is cut short or unreadable. */
  width?: number;
  height?: number;
}

const ascii = (b: Uint8Array, at: number, text: string): boolean => {
  if (b.length < at + text.length) return false;
  for (let i = 0; i < text.length; i++) if (b[at + i] !== text.charCodeAt(i)) return false;
  return true;
};
const u16be = (b: Uint8Array, at: number): number => (b[at]! << 8) | b[at + 1]!;
const u16le = (b: Uint8Array, at: number): number => b[at]! | (b[at + 1]! << 8);
const u24le = (b: Uint8Array, at: number): number => b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16);
const u32be = (b: Uint8Array, at: number): number =>
  ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;
const u32le = (b: Uint8Array, at: number): number =>
  (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;

const sized = (format: RasterFormat, width: number, height: number): RasterHeader => ({ format, width, height });

/**
 * JPEG: walks the segments to the first start-of-frame (SOF0–SOF15 but DHT, JPG, DAC), which holds height then width.
 */
function jpegHeader(b: Uint8Array): RasterHeader {
  let at = 2;
  while (at + 8 < b.length) {
    if (b[at] !== 0xff) break;
    const marker = b[at + 1]!;
    if (marker === 0xff)
      at += 1; // fill byte
    else if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7))
      at += 2; // markers without a length
    else if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
      return sized("jpeg", u16be(b, at + 7), u16be(b, at + 5));
    else if (marker === 0xda || u16be(b, at + 2) < 2)
      break; // scan data before any frame header
    else at += 2 + u16be(b, at + 2);
  }
  return { format: "jpeg" };
}

/** WebP: the size from the first chunk, lossy (VP8), lossless (VP8L) or extended (VP8X). */
function webpHeader(b: Uint8Array): RasterHeader {
  if (b.length < 30) return { format: "webp" };
  if (ascii(b, 12, "VP8X")) return sized("webp", u24le(b, 24) + 1, u24le(b, 27) + 1);
  if (ascii(b, 12, "VP8L") && b[20] === 0x2f) {
    const bits = u32le(b, 21);
    return sized("webp", (bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
  }
  if (ascii(b, 12, "VP8 ") && b[23] === 0x9d && b[24] === 0x01 && b[25] === 0x2a)
    return sized("webp", u16le(b, 26) & 0x3fff, u16le(b, 28) & 0x3fff);
  return { format: "webp" };
}

/**
 * The raster format and (where the header states it) pixel size; undefined for bytes that are none of the four.
 * A PNG's size is read where IHDR always stands (bytes 16–23) without checking the chunk's name.
 */
export function readRasterHeader(b: Uint8Array): RasterHeader | undefined {
  if (b[0] === 0x89 && ascii(b, 1, "PNG\r\n\x1a\n"))
    return b.length >= 24 ? sized("png", u32be(b, 16), u32be(b, 20)) : { format: "png" };
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return jpegHeader(b);
  if (ascii(b, 0, "GIF87a") || ascii(b, 0, "GIF89a"))
    return b.length >= 10 ? sized("gif", u16le(b, 6), u16le(b, 8)) : { format: "gif" };
  if (ascii(b, 0, "RIFF") && ascii(b, 8, "WEBP")) return webpHeader(b);
  return undefined;
}

/** The header only when it states a size: what callers that need the pixel size (placing, estimating) take. */
export function readRasterSize(b: Uint8Array): Required<RasterHeader> | undefined {
  const header = readRasterHeader(b);
  return header?.width !== undefined && header.height !== undefined
    ? { format: header.format, width: header.width, height: header.height }
    : undefined;
}
