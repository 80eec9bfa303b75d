/**
 * A photo stand-in for each image fill of a design whose JSON carries no image bytes (a REST reply never does): a
 * dark, textured picture, as a hero photo or a dark band behind white text is. White text is legible on it at the
 * design width, so a backdrop pulled out from under its texts at another width shows as illegible text, as the
 * designer's real photo would make it.
 */
import { encodePng } from "../../ai/mask/png.js";

const SIZE = 48;

/** A deterministic 0..1 from a string and a position (FNV-1a). */
function noise(seed: string, i: number): number {
  let h = 0x811c9dc5;
  for (const c of `${seed}:${i}`) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193);
  return ((h >>> 0) % 1000) / 1000;
}

/** One stand-in: a diagonal gradient between two dark tones, with grain. */
export function photoStandIn(ref: string): Uint8Array {
  const px = new Uint8Array(SIZE * SIZE * 3);
  const tone = noise(ref, -1);
  for (let y = 0; y < SIZE; y++)
    for (let x = 0; x < SIZE; x++) {
      const t = (x + y) / (2 * SIZE);
      const grain = (noise(ref, y * SIZE + x) - 0.5) * 24;
      const at = (y * SIZE + x) * 3;
      px[at] = Math.round(30 + 40 * t + 30 * tone + grain);
      px[at + 1] = Math.round(40 + 35 * t + grain);
      px[at + 2] = Math.round(55 + 30 * t - 20 * tone + grain);
    }
  return encodePng(SIZE, SIZE, 3, px);
}

/** A stand-in for every imageRef in `json`. */
export function photoStandIns(json: unknown): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  for (const m of JSON.stringify(json).matchAll(/"imageRef":"([^"]+)"/g)) out[m[1]!] ??= photoStandIn(m[1]!);
  return out;
}
