/**
 * What an image's bytes are, read from the bytes themselves (magic numbers and header fields), never from a
 * file name: PNG, JPEG, GIF, WebP (kernel/image-header.ts) or SVG, with the pixel size where the header states it.
 * Pure.
 */
import { fnv1a } from "../../kernel/hash.js";
import { readRasterHeader } from "../../kernel/image-header.js";
import type { ImageBytesFormat } from "./extras.js";

export interface ImageInfo {
  format: ImageBytesFormat;
  /** Pixel size from the header; undefined for SVG and for headers that do not state it. */
  width?: number;
  height?: number;
}

/** File extension per format (`jpeg` is written `.jpg`, as most tools do). */
export const IMAGE_EXTENSION: Readonly<Record<ImageBytesFormat, string>> = {
  png: "png",
  jpeg: "jpg",
  gif: "gif",
  webp: "webp",
  svg: "svg",
};

function sized(format: ImageBytesFormat, width: number, height: number): ImageInfo {
  return width > 0 && height > 0 ? { format, width, height } : { format };
}

/** SVG: text whose first element (after an XML prolog, comments, a doctype) is `<svg`. */
function looksLikeSvg(b: Uint8Array): boolean {
  // Byte by byte, not TextDecoder: Figma's main thread has none, and the markers sought are ASCII.
  const start = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0; // a UTF-8 byte-order mark
  const head = String.fromCharCode(...b.subarray(start, start + 1024));
  return /^\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s>]/i.test(head);
}

/** The image's format and size, or undefined when the bytes are none of the formats Figma fills use. */
export function sniffImage(bytes: Uint8Array): ImageInfo | undefined {
  const raster = readRasterHeader(bytes);
  if (raster)
    return raster.width !== undefined && raster.height !== undefined
      ? sized(raster.format, raster.width, raster.height)
      : { format: raster.format };
  if (looksLikeSvg(bytes)) return { format: "svg" };
  return undefined;
}

/**
 * A short content hash (FNV-1a, 32 bit, with the length) to find identical images quickly; compare bytes to be sure.
 */
export function bytesHash(bytes: Uint8Array): string {
  return `${bytes.length}:${fnv1a(bytes).toString(16)}`;
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
