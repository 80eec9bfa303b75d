/**
 * Image bytes for a design whose real pictures are not in the repository: one small opaque PNG per imageRef, each in
 * a colour of its own (so that a picture drawn in place of another is told apart), as `--images DIR` would give them.
 */
import { imageRefsIn } from "../../codegen/rest/image-refs.js";
import { pngFromRows } from "../openai-server/png.js";

/** An opaque 8×8 PNG of the `index`-th colour. */
export function colourPng(index: number): Uint8Array {
  const rgb = [(index * 67 + 40) % 256, (index * 139 + 90) % 256, (index * 29 + 160) % 256];
  const raw = new Uint8Array((1 + 8 * 3) * 8);
  for (let y = 0; y < 8; y++) for (let x = 0; x < 8; x++) raw.set(rgb, y * (1 + 8 * 3) + 1 + x * 3);
  return new Uint8Array(pngFromRows(8, 8, 3, raw));
}

/** A PNG for every imageRef the reply uses, by imageRef. */
export function pngPerImageRef(json: unknown): Record<string, Uint8Array> {
  return Object.fromEntries(imageRefsIn(json).map((ref, i) => [ref, colourPng(i)]));
}
