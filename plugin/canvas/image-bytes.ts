/**
 * What `figma.createImage` takes, checked before anything on the canvas changes: PNG, JPEG or GIF (by their
 * magic bytes) up to 4096 px per side (read from the header). Anything else is refused with what the panel
 * should do instead (it converts WebP and downscales larger images before sending).
 */
import { readRasterHeader, readRasterSize } from "../../kernel/image-header.js";
import { CREATE_IMAGE_MAX_SIDE } from "../../contract/limits.js";
import { PluginError, errorText, formatCount } from "../errors.js";

export type PlaceableFormat = "png" | "jpeg" | "gif";

export interface ImageHeader {
  format: PlaceableFormat;
  width: number;
  height: number;
}

const PLACEABLE: ReadonlySet<string> = new Set<PlaceableFormat>(["png", "jpeg", "gif"]);

/**
 * The format and pixel size the header says (kernel/image-header.ts), or undefined for bytes createImage cannot take.
 */
export function readImageHeader(b: Uint8Array): ImageHeader | undefined {
  const header = readRasterSize(b);
  return header && PLACEABLE.has(header.format)
    ? { format: header.format as PlaceableFormat, width: header.width, height: header.height }
    : undefined;
}

const ascii = (b: Uint8Array, at: number, text: string): boolean => {
  for (let i = 0; i < text.length; i++) if (b[at + i] !== text.charCodeAt(i)) return false;
  return true;
};

/** A name for bytes that are no image Figma takes, so the error says what they are. */
function describeOther(b: Uint8Array): string {
  if (readRasterHeader(b)?.format === "webp") return "a WebP image";
  if (b.length >= 12 && ascii(b, 4, "ftyp")) return "an AVIF or HEIC image";
  if (b.length >= 2 && b[0] === 0x42 && b[1] === 0x4d) return "a BMP image";
  if (b.length === 0) return "empty";
  return `${formatCount(b.length)} bytes that are no image`;
}

/** The header of bytes Figma can place; PluginError `bad-image` or `too-large` otherwise. */
export function checkPlaceable(bytes: Uint8Array, what = "The image"): ImageHeader {
  const header = readImageHeader(bytes);
  if (!header)
    throw new PluginError(
      "bad-image",
      `${what} is ${describeOther(bytes)}: Figma places only PNG, JPEG ` +
        `or GIF images. Convert it to PNG first. Nothing was changed.`,
    );
  if (header.width < 1 || header.height < 1)
    throw new PluginError(
      "bad-image",
      `${what} says it is ${header.width} × ${header.height} px: it is damaged. Nothing was changed.`,
    );
  if (header.width > CREATE_IMAGE_MAX_SIDE || header.height > CREATE_IMAGE_MAX_SIDE) {
    throw new PluginError(
      "too-large",
      `${what} is ${formatCount(header.width)} × ${formatCount(header.height)} px; Figma takes images ` +
        `up to ${formatCount(CREATE_IMAGE_MAX_SIDE)} px per side. Downscale it first. Nothing was changed.`,
    );
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
