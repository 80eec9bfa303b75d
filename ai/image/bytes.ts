/**
 * Image bytes without Node or the DOM: base64 both ways, data URLs, and the format and pixel size read from a
 * file's header (PNG, JPEG, WebP, GIF), so a result's size is what the bytes say, not what was asked for.
 */
import { base64ToBytes, bytesToBase64 } from "../../codegen/base64.js";
import type { ServedFormat } from "./options.js";

export const MIME: Readonly<Record<ServedFormat, string>> = {
  png: "image/png",
  jpeg: "image/jpeg",
  webp: "image/webp",
  gif: "image/gif",
};

/** Re-exported for the image callers that still import them from here; the codec is codegen/base64.ts. */
export { base64ToBytes, bytesToBase64 };

/** `data:<mime>;base64,…` for the bytes (their sniffed format; PNG when unknown). */
export function toDataUrl(bytes: Uint8Array): string {
  return `data:${MIME[imageInfo(bytes)?.format ?? "png"]};base64,${bytesToBase64(bytes)}`;
}

/** The bytes of a base64 `data:` URL; undefined for anything else (an https URL, plain text). */
export function fromDataUrl(url: string): Uint8Array | undefined {
  const match = /^data:([a-z0-9.+/-]+)?(;[a-z0-9=.+-]+)*;base64,/i.exec(url);
  if (!match) return undefined;
  try {
    return base64ToBytes(url.slice(match[0].length));
  } catch {
    return undefined;
  }
}

export interface ImageInfo {
  format: ServedFormat;
  width: number;
  height: number;
}

const startsWith = (bytes: Uint8Array, at: number, ascii: string): boolean => [...ascii].every((c, i) => bytes[at + i] === c.charCodeAt(0));

/** Format and pixel size from the header; undefined when the bytes are none of PNG, JPEG, WebP, GIF. */
export function imageInfo(bytes: Uint8Array): ImageInfo | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length >= 24 && bytes[0] === 0x89 && startsWith(bytes, 1, "PNG\r\n\x1a\n") && startsWith(bytes, 12, "IHDR"))
    return { format: "png", width: view.getUint32(16), height: view.getUint32(20) };
  if (bytes.length >= 10 && (startsWith(bytes, 0, "GIF87a") || startsWith(bytes, 0, "GIF89a")))
    return { format: "gif", width: view.getUint16(6, true), height: view.getUint16(8, true) };
  if (bytes.length >= 30 && startsWith(bytes, 0, "RIFF") && startsWith(bytes, 8, "WEBP")) return webpInfo(bytes, view);
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) return jpegInfo(bytes, view);
  return undefined;
}

function webpInfo(bytes: Uint8Array, view: DataView): ImageInfo | undefined {
  if (startsWith(bytes, 12, "VP8X")) {
    const width = 1 + (bytes[24]! | (bytes[25]! << 8) | (bytes[26]! << 16));
    const height = 1 + (bytes[27]! | (bytes[28]! << 8) | (bytes[29]! << 16));
    return { format: "webp", width, height };
  }
  if (startsWith(bytes, 12, "VP8L") && bytes[20] === 0x2f) {
    const bits = view.getUint32(21, true);
    return { format: "webp", width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (startsWith(bytes, 12, "VP8 ") && bytes[23] === 0x9d && bytes[24] === 0x01 && bytes[25] === 0x2a)
    return { format: "webp", width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff };
  return undefined;
}

/** Walks the JPEG segments to the first start-of-frame marker (SOF0–SOF15 but DHT, JPG and DAC). */
function jpegInfo(bytes: Uint8Array, view: DataView): ImageInfo | undefined {
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2; // markers without a length
      continue;
    }
    const length = view.getUint16(at + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
      return { format: "jpeg", height: view.getUint16(at + 5), width: view.getUint16(at + 7) };
    if (marker === 0xda || length < 2) return undefined; // scan data before any frame header
    at += 2 + length;
  }
  return undefined;
}
