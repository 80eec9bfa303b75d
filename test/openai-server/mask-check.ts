/**
 * What OpenAI's edits endpoint says of a `mask` (CreateImageEditRequest.mask in ../shared/openai/openapi.json):
 * a valid PNG under 4 MB, with transparency (its fully transparent pixels are the ones edited), of the same
 * size as the first image. The schema can only say "binary", so the server checks the uploaded file itself.
 */
import { readRasterSize } from "../../kernel/image-header.js";
import type { UploadedFile } from "./multipart.js";

export const MASK_MAX_BYTES = 4 * 1024 * 1024;

/** Whether a PNG can hold transparency: a colour type with alpha (grey + alpha, RGBA) or a tRNS chunk. */
function hasAlpha(png: Uint8Array): boolean {
  const colourType = png[25];
  if (colourType === 4 || colourType === 6) return true;
  let at = 8;
  while (at + 8 <= png.length) {
    const length = ((png[at]! << 24) | (png[at + 1]! << 16) | (png[at + 2]! << 8) | png[at + 3]!) >>> 0;
    const type = String.fromCharCode(png[at + 4]!, png[at + 5]!, png[at + 6]!, png[at + 7]!);
    if (type === "tRNS") return true;
    if (type === "IDAT" || type === "IEND") return false;
    at += 12 + length;
  }
  return false;
}

/** The problems of an edit's mask ([] without one), worded as the API's errors are. */
export function maskErrors(files: readonly UploadedFile[]): string[] {
  const mask = files.find((f) => f.field === "mask");
  if (!mask) return [];
  const image = files.find((f) => f.field === "image" || f.field === "image[]");
  const info = readRasterSize(mask.bytes);
  const errors: string[] = [];
  if (info?.format !== "png") return ["/mask must be a valid PNG file"];
  if (mask.bytes.length >= MASK_MAX_BYTES)
    errors.push(`/mask must be less than 4MB (it is ${mask.bytes.length} bytes)`);
  if (!hasAlpha(mask.bytes))
    errors.push("/mask must have an alpha channel (its transparent pixels are the ones edited)");
  const first = image && readRasterSize(image.bytes);
  if (!first) errors.push("/mask needs an image to apply to");
  else if (first.width !== info.width || first.height !== info.height)
    errors.push(
      `/mask must have the same dimensions as the first image ` +
        `(${info.width}x${info.height} vs ${first.width}x${first.height})`,
    );
  return errors;
}
