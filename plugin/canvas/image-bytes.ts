/**
 * What `figma.createImage` takes, checked before anything on the canvas changes: PNG, JPEG or GIF (by their
 * magic bytes) up to 4096 px per side (read from the header). Anything else is refused with what the panel
 * should do instead (it converts WebP and downscales larger images before sending).
 */
import { CREATE_IMAGE_MAX_SIDE } from "../../contract/limits.js";
import { PluginError, errorText, formatCount } from "../errors.js";

export type PlaceableFormat = "png" | "jpeg" | "gif";

export interface ImageHeader {
  format: PlaceableFormat;
  width: number;
  height: number;
}

const ascii = (b: Uint8Array, at: number, text: string): boolean => {
  for (let i = 0; i < text.length; i++) if (b[at + i] !== text.charCodeAt(i)) return false;
  return true;
};
const u16 = (b: Uint8Array, at: number): number => (b[at]! << 8) | b[at + 1]!;
const u32 = (b: Uint8Array, at: number): number => ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;

/** Width and height of a JPEG: the first start-of-frame segment (SOF0–SOF15 but DHT, JPG, DAC). */
function jpegSize(b: Uint8Array): { width: number; height: number } | undefined {
  let at = 2;
  while (at + 8 < b.length) {
    if (b[at] !== 0xff) return undefined;
    const marker = b[at + 1]!;
    if (marker === 0xff) at += 1;
    else if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) at += 2;
    else if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return { height: u16(b, at + 5), width: u16(b, at + 7) };
    else if (marker === 0xda) return undefined;
    else at += 2 + u16(b, at + 2);
  }
  return undefined;
}

/** The format and pixel size the header says, or undefined for bytes createImage cannot take. */
export function readImageHeader(b: Uint8Array): ImageHeader | undefined {
  if (b.length >= 24 && b[0] === 0x89 && ascii(b, 1, "PNG\r\n\x1a\n") && ascii(b, 12, "IHDR")) return { format: "png", width: u32(b, 16), height: u32(b, 20) };
  if (b.length >= 10 && (ascii(b, 0, "GIF87a") || ascii(b, 0, "GIF89a"))) return { format: "gif", width: b[6]! | (b[7]! << 8), height: b[8]! | (b[9]! << 8) };
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) {
    const size = jpegSize(b);
    return size && { format: "jpeg", ...size };
  }
  return undefined;
}

/** A name for bytes that are no image Figma takes, so the error says what they are. */
function describeOther(b: Uint8Array): string {
  if (b.length >= 12 && ascii(b, 0, "RIFF") && ascii(b, 8, "WEBP")) return "a WebP image";
  if (b.length >= 12 && ascii(b, 4, "ftyp")) return "an AVIF or HEIC image";
  if (b.length >= 2 && b[0] === 0x42 && b[1] === 0x4d) return "a BMP image";
  if (b.length === 0) return "empty";
  return `${formatCount(b.length)} bytes that are no image`;
}

/** The header of bytes Figma can place; PluginError `bad-image` or `too-large` otherwise. */
export function checkPlaceable(bytes: Uint8Array, what = "The image"): ImageHeader {
  const header = readImageHeader(bytes);
  if (!header) throw new PluginError("bad-image", `${what} is ${describeOther(bytes)}: Figma places only PNG, JPEG or GIF images. Convert it to PNG first. Nothing was changed.`);
  if (header.width < 1 || header.height < 1) throw new PluginError("bad-image", `${what} says it is ${header.width} × ${header.height} px: it is damaged. Nothing was changed.`);
  if (header.width > CREATE_IMAGE_MAX_SIDE || header.height > CREATE_IMAGE_MAX_SIDE) {
    throw new PluginError("too-large", `${what} is ${formatCount(header.width)} × ${formatCount(header.height)} px; Figma takes images up to ${formatCount(CREATE_IMAGE_MAX_SIDE)} px per side. Downscale it first. Nothing was changed.`);
  }
  return header;
}

/** figma.createImage, with its refusals as `bad-image` (the checks above should have caught them first). */
export function createImage(bytes: Uint8Array): Image {
  checkPlaceable(bytes);
  try {
    return figma.createImage(bytes);
  } catch (error) {
    throw new PluginError("bad-image", `Figma could not read the image: ${errorText(error)}. Nothing was changed.`);
  }
}
