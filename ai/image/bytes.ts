/**
 * Image bytes without Node or the DOM: base64 both ways, data URLs, and the format and pixel size read from a
 * file's header (PNG, JPEG, WebP, GIF), so a result's size is what the bytes say, not what was asked for.
 */
import { base64ToBytes, bytesToBase64 } from "../../kernel/base64.js";
import { readRasterSize } from "../../kernel/image-header.js";
import type { ServedFormat } from "./options.js";

export const MIME: Readonly<Record<ServedFormat, string>> = {
  png: "image/png",
  jpeg: "image/jpeg",
  webp: "image/webp",
  gif: "image/gif",
};

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

/**
 * Format and pixel size from the header (kernel/image-header.ts); undefined when the bytes are none of PNG, JPEG,
 * WebP, GIF or their header states no size.
 */
export function imageInfo(bytes: Uint8Array): ImageInfo | undefined {
  return readRasterSize(bytes);
}
