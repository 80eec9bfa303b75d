/**
 * What an image's bytes are, read from the bytes themselves (magic numbers and header fields), never from a
 * file name: PNG, JPEG, GIF, WebP or SVG, with the pixel size where the header states it. Pure.
 */
import type { ImageBytesFormat } from "./extras.js";

export interface ImageInfo {
  format: ImageBytesFormat;
  /** Pixel size from the header; undefined for SVG and for headers that do not state it. */
  width?: number;
  height?: number;
}

/** File extension per format (`jpeg` is written `.jpg`, as most tools do). */
export const IMAGE_EXTENSION: Readonly<Record<ImageBytesFormat, string>> = { png: "png", jpeg: "jpg", gif: "gif", webp: "webp", svg: "svg" };

function startsWith(bytes: Uint8Array, magic: readonly number[], at = 0): boolean {
  return bytes.length >= at + magic.length && magic.every((b, i) => bytes[at + i] === b);
}

const u16be = (b: Uint8Array, at: number): number => (b[at]! << 8) | b[at + 1]!;
const u16le = (b: Uint8Array, at: number): number => b[at]! | (b[at + 1]! << 8);
const u24le = (b: Uint8Array, at: number): number => b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16);
const u32be = (b: Uint8Array, at: number): number => ((b[at]! << 24) >>> 0) + (b[at + 1]! << 16) + (b[at + 2]! << 8) + b[at + 3]!;

function sized(format: ImageBytesFormat, width: number, height: number): ImageInfo {
  return width > 0 && height > 0 ? { format, width, height } : { format };
}

/** JPEG: the first start-of-frame segment (SOF0–SOF15 except DHT, JPG, DAC) holds height then width. */
function jpegSize(b: Uint8Array): ImageInfo {
  let at = 2;
  while (at + 9 < b.length) {
    if (b[at] !== 0xff) return { format: "jpeg" };
    const marker = b[at + 1]!;
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    const length = u16be(b, at + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return sized("jpeg", u16be(b, at + 7), u16be(b, at + 5));
    }
    at += 2 + length;
  }
  return { format: "jpeg" };
}

function webpSize(b: Uint8Array): ImageInfo {
  const chunk = String.fromCharCode(...b.subarray(12, 16));
  if (chunk === "VP8X" && b.length >= 30) return sized("webp", u24le(b, 24) + 1, u24le(b, 27) + 1);
  if (chunk === "VP8L" && b.length >= 25) {
    const bits = b[21]! | (b[22]! << 8) | (b[23]! << 16) | (b[24]! << 24);
    return sized("webp", (bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1);
  }
  if (chunk === "VP8 " && b.length >= 30) return sized("webp", u16le(b, 26) & 0x3fff, u16le(b, 28) & 0x3fff);
  return { format: "webp" };
}

/** SVG: text whose first element (after an XML prolog, comments, a doctype) is `<svg`. */
function looksLikeSvg(b: Uint8Array): boolean {
  // Byte by byte, not TextDecoder: Figma's main thread has none, and the markers sought are ASCII.
  const start = startsWith(b, [0xef, 0xbb, 0xbf]) ? 3 : 0; // a UTF-8 byte-order mark
  const head = String.fromCharCode(...b.subarray(start, start + 1024));
  return /^\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s>]/i.test(head);
}

/** The image's format and size, or undefined when the bytes are none of the formats Figma fills use. */
export function sniffImage(bytes: Uint8Array): ImageInfo | undefined {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    return bytes.length >= 24 ? sized("png", u32be(bytes, 16), u32be(bytes, 20)) : { format: "png" };
  }
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return jpegSize(bytes);
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38]) && (bytes[4] === 0x37 || bytes[4] === 0x39) && bytes[5] === 0x61) {
    return bytes.length >= 10 ? sized("gif", u16le(bytes, 6), u16le(bytes, 8)) : { format: "gif" };
  }
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return webpSize(bytes);
  if (looksLikeSvg(bytes)) return { format: "svg" };
  return undefined;
}

/** A short content hash (FNV-1a, 32 bit, with the length) to find identical images quickly; compare bytes to be sure. */
export function bytesHash(bytes: Uint8Array): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i]!;
    h = Math.imul(h, 0x01000193);
  }
  return `${bytes.length}:${(h >>> 0).toString(16)}`;
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
