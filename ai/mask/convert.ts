/**
 * The mask model (mask.ts) as each provider's file, and back from a file:
 * - Stable Diffusion (SD.Next / AUTOMATIC1111 `mask`): an opaque greyscale PNG, white = repaint on black;
 * - OpenAI's image edits (`mask`): an RGBA PNG of the image's size whose transparent pixels (alpha 0) are
 *   repainted and opaque ones kept; a partly covered edge pixel is partly transparent.
 * A PNG given by the user (`--mask FILE`) is read in either convention: any transparency means OpenAI's,
 * else the brightness is the coverage (SD's).
 */
import { emptyMask, type Mask } from "./mask.js";
import { decodePng, encodePng, encodePngAsync } from "./png.js";

export type MaskConvention = "white-repaints" | "transparent-repaints";

/** SD.Next / AUTOMATIC1111: greyscale, opaque, white where the image is repainted. */
export function sdMaskPng(mask: Mask): Uint8Array {
  return encodePng(mask.width, mask.height, 1, mask.coverage, "up");
}

function openAiPixels(mask: Mask): Uint8Array {
  const rgba = new Uint8Array(mask.width * mask.height * 4);
  for (let i = 0; i < mask.coverage.length; i++) rgba[i * 4 + 3] = 255 - mask.coverage[i]!;
  return rgba;
}

/** Each mask's OpenAI PNG, made once: a Mask is not changed once made, and a 4096² one takes a while to encode. */
const openAiPngs = new WeakMap<Mask, Uint8Array>();

/** OpenAI image edits: RGBA, black, alpha 0 where the image is repainted and 255 where it is kept. */
export function openAiMaskPng(mask: Mask): Uint8Array {
  let png = openAiPngs.get(mask);
  if (!png) openAiPngs.set(mask, (png = encodePng(mask.width, mask.height, 4, openAiPixels(mask), "up")));
  return png;
}

/**
 * The same PNG deflated by the platform (encodePngAsync), kept for openAiMaskPng: call it before building the requests.
 */
export async function encodeOpenAiMask(mask: Mask): Promise<Uint8Array> {
  let png = openAiPngs.get(mask);
  if (!png) openAiPngs.set(mask, (png = await encodePngAsync(mask.width, mask.height, 4, openAiPixels(mask), "up")));
  return png;
}

/** A mask from a PNG in either convention: transparent pixels repaint if it has any, else white ones do. */
export function maskFromPng(bytes: Uint8Array): { mask: Mask; convention: MaskConvention } {
  const { width, height, rgba } = decodePng(bytes);
  const mask = emptyMask(width, height);
  let transparent = false;
  for (let i = 3; i < rgba.length; i += 4) {
    if (rgba[i]! < 255) {
      transparent = true;
      break;
    }
  }
  for (let i = 0; i < mask.coverage.length; i++) {
    const o = i * 4;
    // Rec. 601 luma, as PIL's convert("L"), which A1111 applies to a mask.
    mask.coverage[i] = transparent
      ? 255 - rgba[o + 3]!
      : Math.round((rgba[o]! * 299 + rgba[o + 1]! * 587 + rgba[o + 2]! * 114) / 1000);
  }
  return { mask, convention: transparent ? "transparent-repaints" : "white-repaints" };
}
